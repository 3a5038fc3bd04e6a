"""How run-in enumerations are written (WR110, WR111): 第一、 for 第一， and 首先 mixed with 二是.

Both read the runs the document model found (lint/document/ordinals.py) and only items that open a
clause: 安全第一、预防为主 and 第一、第二产业 use the words, they do not enumerate."""
from __future__ import annotations

import re
from bisect import bisect_right

from ..document.model import Document, Ordinal
from ..document.text import match_at
from ..support.hints import Iterator
from ..support.numerals import cn_numeral
from .findings import Finding, make_edit, make_finding, make_fix
from .offsets import offsets_of
from .options import NoOptions



_CLAUSE_START = "。；：:;！？!?\n"
_SPACES = " \t\u3000"


def opens_clause(text: str, start: int) -> bool:
    """Whether an item at `start` begins a sentence, a clause after a colon or semicolon, or a line."""
    before = text[max(0, start - 8):start].rstrip(_SPACES)[-1:]   # a few spaces at most
    return before == "" or before in _CLAUSE_START


def enumerating(doc: Document, run: tuple[Ordinal, ...]) -> bool:
    """A run of two or more items, each opening a clause and none right after the one before
    (第一、第二、第三产业 lists ordinal words)."""
    text = doc.text
    return len(run) >= 2 and all(opens_clause(text, o.start) for o in run) and all(
        text[a.end:b.start].strip(_SPACES) for a, b in zip(run, run[1:]))


def check_ordinal_punctuation(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """WR110: 第一、 其一、 take a comma (GB/T 15834-2011 B.3); the fix writes ，."""
    for run in doc.enumerations:
        if run[0].family not in ("di", "qi") or not enumerating(doc, run):
            continue
        for o in run:
            if o.text.endswith("、"):
                at = o.end - 1
                fix = make_fix(edits=(make_edit(start=at, end=at + 1, new_text="，"),), safe=True)
                yield make_finding(start=o.start, end=o.end, args={"found": o.text, "expected": o.text[:-1] + "，"},
                                   fix=fix)


# 首先 … 其次 … 再次 … 最后: a sequence of its own, not to be mixed with 一是/第二.
_SEQUENCE_WORD = re.compile(r"(首先|其次|再次)[，,]")
_SEQUENCE_STARTS = ("首先", "其次", "再次")     # where it can match: 其 alone is everywhere
_FORMS = {"shi": "{}是", "di": "第{}", "qi": "其{}"}


def check_enumeration_mix(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """WR111: one enumeration starts with 首先 and goes on with 二是 (or 第二), or starts with 一是
    and goes on with 其次. Reported at the item in the second form."""
    text = doc.text
    found = match_at(_SEQUENCE_WORD, text, offsets_of(doc, _SEQUENCE_STARTS))
    words = [m for m in found if opens_clause(text, m.start())]
    if not words:
        return
    starts = [p[0] for p in doc.paragraphs]
    by_paragraph: dict[int, list] = {}
    for m in words:
        by_paragraph.setdefault(bisect_right(starts, m.start()) - 1, []).append(m)
    for run in doc.enumerations:
        first = run[0]
        if not opens_clause(text, first.start):
            continue
        here = by_paragraph.get(bisect_right(starts, first.start) - 1, ())
        form = _FORMS[first.family]
        if first.value == 2:
            lead = [m for m in here if m.group(1) == "首先" and m.start() < first.start]
            if lead:
                yield _mixed(first.start, first.end, first.text, lead[-1].group(1), form.format(cn_numeral(1)))
        elif first.value == 1 and len(run) == 1:
            then = [m for m in here if m.group(1) == "其次" and m.start() > first.end]
            if then:
                m = then[0]
                yield _mixed(m.start(), m.end(1), m.group(1), first.text.rstrip("，,、：:"),
                             form.format(cn_numeral(2)))


def _mixed(start: int, end: int, found: str, other: str, expected: str) -> Finding:
    return make_finding(start=start, end=end,
                        args={"found": found.rstrip("，,、：:"), "other": other, "expected": expected})
