"""Number kinds (WR701, WR702): figures written as GB/T 15835-2011 does not write them.

Both are about a document's habit, not one slip: a report that groups thousands with a full-width
comma does so thirty times, one typed in full-width digits does so everywhere. Each reports ONE
finding per document, at the first place, with a few more as related places and a fix that
rewrites every place. They read prose only (not URLs, code or heading numbers: doc.not_prose),
and stay silent wherever a figure could be read another way.
"""
from __future__ import annotations

import re

from ..document.model import Document
from ..support.hints import Iterator, Literal
from .findings import Finding, make_edit, make_finding, make_fix, make_related
from .options import kind_options

_RELATED = 3                   # related places a per-document finding lists besides its own

# --- WR701: a full-width comma (or 、) grouping thousands ------------------------------------------

# 1–3 digits (no leading zero), then groups of exactly three after a full-width comma, or after a
# 、 when the group opens with 0 (1、000: no list item starts so); then a unit, 万/亿, 多/余 or % (a
# Chinese character) or a range dash before the next number, never another digit or separator (a
# list goes on: 12，345、678). Not after a digit, a point, a separator or a colon (the number began
# earlier: 3，12，345, 13：00，200人), a Latin letter (codes), 第 or a table or figure number
# (第3，100, 表2，360).
_THOUSANDS = re.compile(
    r"[1-9１-９](?<![0-9０-９.．,，、:：A-Za-z_/\-－第表图号#][1-9１-９])[0-9０-９]{0,2}"
    r"(?:，[0-9０-９]{3}|、[0０][0-9０-９]{2})+"
    r"(?=(?:[.．][0-9０-９]+)?(?:[%％\u3400-\u4dbf\u4e00-\u9fff]|[—～~\-－][0-9０-９]))")
# Where a group can start: a separator before three digits, found from the separator (sre skips
# to a literal first character in C); the number is then matched from the digits before it.
_GROUPS = (re.compile(r"，(?=[0-9０-９]{3})"), re.compile(r"、(?=[0０][0-9０-９]{2})"))
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_SEPARATORS = re.compile(r"[，、]")
# A list is announced in its clause: 分别为12，345人 are two numbers.
_LIST_WORDS = re.compile(r"分别|依次|先后|各为|各自|分列")
_CLAUSE_START = "。；！？：;!?:\n"
_CLAUSE_LOOKBACK = 40


@kind_options
class ThousandsOptions:
    """Thousands separator (WR701): what the fix writes between the groups."""

    separator: Literal[",", ""] = ","     # GB/T 15835-2011 5.1.1's 千分撇, or "" for no grouping
    related_message: str = "同样写法"


def thousands_numbers(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of every number grouped by a full-width comma or 、 in prose, in order.

    Three digits before a group that does not open with 0 may be two numbers (三次测评得分为105，
    110，115分; 120，150万元 as well), even in a report that groups thousands so elsewhere: left alone."""
    text = doc.text
    candidates = sorted(m.start() for rx in _GROUPS for m in rx.finditer(text))
    if not candidates:
        return []
    skip, blocks = doc.not_prose, doc.block_spans
    out: list[tuple[int, int]] = []
    covered = -1
    for at in candidates:
        if at < covered:
            continue
        start = at
        while start > at - 3 and start > 0 and text[start - 1] in _DIGITS:
            start -= 1
        m = _THOUSANDS.match(text, start) if start < at else None
        if m is None or m.end() <= at:
            continue
        s, e = m.span()
        covered = e
        if at - s == 3 and text[at + 1] not in "0０":
            continue
        if blocks.holding(s, e) < 0 or skip.overlaps(s, e) or _in_a_list(text, s):
            continue
        out.append((s, e))
    return out


def _in_a_list(text: str, start: int) -> bool:
    """Whether the clause before `start` announces a list (分别为……)."""
    lo = max(0, start - _CLAUSE_LOOKBACK)
    clause = text[lo:start]
    cut = max(clause.rfind(c) for c in _CLAUSE_START)
    return _LIST_WORDS.search(clause, cut + 1) is not None


def check_thousands(doc: Document, options: ThousandsOptions) -> Iterator[Finding]:
    """WR701: one finding at the first number grouped by a full-width comma, the next few as
    related places, and a fix that writes every one with the half-width comma (or none)."""
    found = thousands_numbers(doc)
    if not found:
        return
    text, sep = doc.text, options.separator
    edits = tuple(make_edit(start=m.start(), end=m.end(), new_text=sep)
                  for s, e in found for m in _SEPARATORS.finditer(text, s, e))
    first_start, first_end = found[0]
    written = text[first_start:first_end]
    args = {"found": written, "expected": _SEPARATORS.sub(sep, written), "count": len(found)}
    related = tuple(make_related(start=s, end=e, message=options.related_message) for s, e in found[1:1 + _RELATED])
    yield make_finding(start=first_start, end=first_end, args=args, variant="many" if len(found) > 1 else "one",
                       fix=make_fix(edits=edits, safe=True), related=related)


# --- WR702: full-width and half-width digits in one document ---------------------------------------

_FULL_DIGITS = "０１２３４５６７８９"
# A number: digits of one width, a decimal point between them. Not beside a Latin letter of either
# width, nor run into digits of the other width (5G, PM2.5, Ｇ２０, Win10 are names, not figures).
_NUMBER = re.compile(r"(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９_.．])(?:([0-9]+(?:\.[0-9]+)?)|[０-９]+(?:[．.][０-９]+)?)"
                     r"(?![A-Za-zＡ-Ｚａ-ｚ0-9０-９_])")
_TO_HALF = str.maketrans("０１２３４５６７８９．", "0123456789.")
_TO_FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")
_WIDTH_NAMES = {"half": "半角", "full": "全角"}


@kind_options
class DigitWidthOptions:
    """Digit width (WR702): which width is right — the document's majority, or always the half width."""

    form: Literal["majority", "half"] = "majority"   # half: every full-width digit is reported
    related_message: str = "全文多用的写法"


def numbers_by_width(doc: Document, half_too: bool = True) -> tuple[list, list]:
    """(full-width, half-width) numbers of the prose as (start, end) spans, in order; none at all
    when the text has no full-width digit. A half-width number on a line of ASCII alone (an
    English half) is not counted."""
    text = doc.text
    if not any(d in text for d in _FULL_DIGITS):   # str's `in` runs in C, faster than any regex
        return [], []
    skip, blocks = doc.not_prose, doc.block_spans
    full, half = [], []
    for m in _NUMBER.finditer(text):
        s, e = m.span()
        i = blocks.holding(s, e)
        if i < 0 or skip.overlaps(s, e):
            continue
        if m.group(1) is None:
            full.append((s, e))
        elif half_too and not text[blocks.starts[i]:blocks.ends[i]].isascii():
            half.append((s, e))
    return full, half


def check_digit_width(doc: Document, options: DigitWidthOptions) -> Iterator[Finding]:
    """WR702: one finding at the first number of the other width, related to the first of the
    width the document (or the option) holds to, with a fix that writes every one in that width.
    The fix is safe when the width is the option's or a clear majority (twice the other)."""
    form = options.form
    full, half = numbers_by_width(doc, half_too=form != "half")
    if form == "majority":
        if not full or not half:
            return
        target = "full" if len(full) > len(half) else "half"    # a tie: GB/T 15835's half width
    else:
        target = "half"
    wrong, right = (full, half) if target == "half" else (half, full)
    if not wrong:
        return
    table = _TO_HALF if target == "half" else _TO_FULL
    text = doc.text
    edits = tuple(make_edit(start=s, end=e, new_text=text[s:e].translate(table)) for s, e in wrong)
    safe = form != "majority" or len(right) >= 2 * len(wrong)
    s, e = wrong[0]
    args = {"found": text[s:e], "expected": text[s:e].translate(table), "count": len(wrong),
            "majority": len(right), "form": _WIDTH_NAMES[target]}
    related = tuple(make_related(start=rs, end=re_, message=options.related_message) for rs, re_ in right[:1])
    yield make_finding(start=s, end=e, args=args, variant=target if form == "majority" else "always",
                       fix=make_fix(edits=edits, safe=safe), related=related)
