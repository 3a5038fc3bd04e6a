"""How headings are written (WR108, WR109, WR112): a level with one heading, a heading's end
punctuation, a number with nothing after it. They read the outline the document model built
(lint/document/outline.py): a list item is not a heading, Word's and Markdown's lists are theirs."""
from __future__ import annotations

import re

from ..document.model import Document, Heading
from ..document.text import CJK
from ..support.hints import Iterator
from .findings import Finding, make_edit, make_finding, make_fix
from .headings import render
from .options import NoOptions


def _title(doc: Document, h: Heading, limit: int = 16) -> str:
    text = (h.marker.text if h.marker else "") + h.title(doc.text).rstrip("：:")
    return text if len(text) <= limit else text[:limit] + "…"


def check_lone_subheading(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """WR108: a heading governs a single numbered sub-heading of a level (（一） with no （二）).

    Only headings count, on both sides: a one-item list (3. 完成……。) under a heading is a list,
    and Word's or Markdown's numbered lists are the renderer's."""
    title_start, title_end = doc.title
    for parent in doc.headings:
        if parent.role != "heading" or not parent.children or title_start <= parent.start < title_end:
            continue    # (the document's title governs the whole report, not a level of it)
        numbered = [doc.headings[i] for i in parent.children if doc.headings[i].marker is not None]
        if len(numbered) != 1:
            continue
        child = numbered[0]
        if child.role != "heading" or child.marker.value != 1:
            continue
        if not _governs(doc, child):
            continue
        yield make_finding(start=child.marker.start, end=child.marker.end,
                           args={"found": child.marker.text, "parent": _title(doc, parent),
                                 "expected": render(child.marker, 2)})


def _governs(doc: Document, h: Heading) -> bool:
    """Whether a heading has a body: sub-headings, or text after its own line within its section."""
    if h.children:
        return True
    line_end = doc.index.line_span(h.line)[1]
    return bool(doc.text[line_end:h.body_end].strip())


_COLON_ENDS = ("：", ":")
# Lines that make a body a list, and a paragraph that opens an enumeration: the colon before
# them announces it.
_LIST_LINE = re.compile(r"(?m)^[ \t\u3000]*(?:[-*•·●▪◆■□√]|[①-⑳]|[a-zA-Z][.)）、]|\d{1,2}[)）])")
_ENUMERATION_START = re.compile(r"\s*(?:[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十]{1,2}|其一|首先|\d{1,2}[.、．])")


def check_heading_punctuation(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """WR109: a heading on its own line ends with 。 (removed: safe) or with a colon that announces
    no list (removed: unsafe); a heading run into its paragraph is closed by a comma before an
    enumeration (（一）监管能力不足，一是…… → 。)."""
    text = doc.text
    runs = {i: run for run in doc.runs for i in run}
    odd: dict[tuple[int, ...], bool] = {}     # _period_is_odd of each run, read once
    for h in doc.headings:
        if h.role != "heading" or h.listed or h.run_in or h.title_end <= h.title_start:
            continue
        line_end = doc.index.line_span(h.line)[1]
        tail = text[h.title_end:line_end].strip()
        title = h.title(text).rstrip()
        if tail == "。" and _governs(doc, h) and _odd(odd, doc, runs.get(h.index, ())):
            at = text.index("。", h.title_end, line_end)
            yield _deleting(at, {"title": _title(doc, h), "mark": "。"}, "period", safe=True)
        elif (not tail and title[-1:] in _COLON_ENDS and not h.children and _governs(doc, h)
              and (h.level <= 2 or h.depth)):
            body = text[line_end:h.body_end]
            if (not _LIST_LINE.search(body) and body.strip().count("\n") == 0
                    and not _ENUMERATION_START.match(body)):
                at = h.title_start + len(title) - 1
                yield _deleting(at, {"title": _title(doc, h), "mark": title[-1]}, "colon", safe=False)
    yield from _run_in_commas(doc)


def _deleting(at: int, args: dict, variant: str, safe: bool) -> Finding:
    """A finding on the mark at `at`, with a fix deleting it."""
    fix = make_fix(edits=(make_edit(start=at, end=at + 1, new_text=""),), safe=safe)
    return make_finding(start=at, end=at + 1, args=args, variant=variant, fix=fix)


def _odd(known: dict, doc: Document, run: tuple[int, ...]) -> bool:
    if run not in known:
        known[run] = _period_is_odd(doc, run)
    return known[run]


def _period_is_odd(doc: Document, run: tuple[int, ...]) -> bool:
    """Whether the headings of a run on their own lines mostly go without 。: a run that closes
    every title with 。 is run-in headings each set on a line of its own (（一）继续推进农村改革。
    then its paragraph, as reports are often laid out on the web), a style, not a slip."""
    text, headings = doc.text, doc.headings
    with_period = without = 0
    for i in run:
        other = headings[i]
        if other.run_in or other.title_end <= other.title_start:
            continue
        line_end = doc.index.line_span(other.line)[1]
        tail = text[other.title_end:line_end].strip()
        if tail == "。":
            with_period += 1
        elif not tail:
            without += 1
    return without > 0 and with_period <= without


# A short title (no punctuation) between a line-start marker and a comma that an enumeration follows.
_SHORT_TITLE = re.compile(rf"[{CJK}A-Za-z0-9“”《》]{{2,20}}")


def _run_in_commas(doc: Document) -> Iterator[Finding]:
    text = doc.text
    by_line = {h.line: h for h in doc.headings if h.marker is not None and not h.listed and not h.run_in}
    for run in doc.enumerations:
        first = run[0]
        comma = first.start - 1
        if len(run) < 2 or comma < 0 or text[comma] not in "，,":
            continue
        h = by_line.get(doc.index.line_of(first.start))
        if h is None or h.level > 4 or h.marker.end > comma:
            continue
        if _SHORT_TITLE.fullmatch(text, h.marker.end, comma):
            fix = make_fix(edits=(make_edit(start=comma, end=comma + 1, new_text="。"),), safe=False)
            yield make_finding(start=comma, end=comma + 1, args={"title": _title(doc, h), "mark": text[comma]},
                               variant="run_in", fix=fix)


def check_empty_item(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """WR112: a number with nothing after it (3、 alone on its line; an empty paragraph Word numbers).
    A typed number counts when the next line is another item or nothing: a title written on the
    next line is not empty.
    A list of code (Word's numbered code lines) is not a list of items."""
    text = doc.text
    for run in doc.runs:
        members = [doc.headings[i] for i in run]
        if sum(1 for h in members if _has_cjk(h.title(text))) * 2 < len(members) - 1:
            continue
        for h in members:
            if h.children or text[h.title_start:h.title_end].strip(" \t\u3000：:，,。.；;"):
                continue
            line_end = doc.index.line_span(h.line)[1]
            if text[h.marker.end:line_end].strip():
                continue
            # A paragraph Word numbers is a line of its own: empty, it prints as a lone number.
            if not h.drawn and not _next_is_item_or_end(doc, h, line_end):
                continue
            yield make_finding(start=h.marker.start, end=h.marker.end, args={"found": h.marker.text})


_CJK_CHAR = re.compile(f"[{CJK}]")


def _has_cjk(title: str) -> bool:
    return _CJK_CHAR.search(title) is not None


def _next_is_item_or_end(doc: Document, h: Heading, line_end: int) -> bool:
    """Whether the next non-blank line after `h` starts a numbered heading or item, or is none."""
    text = doc.text
    rest = text[line_end:].lstrip()
    if not rest:
        return True
    following = h.index + 1
    if following < len(doc.headings):
        nxt = doc.headings[following]
        start = nxt.marker.start if nxt.marker is not None else nxt.start
        return not text[line_end:start].strip()
    return False
