"""Heading markers where a list can start: 一、 （一） 1. （1） ① at a line's start, after a sentence
end or a lead-in colon, and run in after an unpunctuated title (一、就业形势总体稳定（一）主要…).

A marker needs a left boundary. Digits inside a version, a number, a Latin word or a bracket's
content are not markers: 发布 0.9.8，  RC4、DSA  SHA2、  （CnWizards 0.8.1）  Windows 98，.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .model import Marker, make_marker
from .numbering import Parsed, parse_marker
from .ordinals import ordinal_start
from .text import CN_NUMERALS, holds
from ..support.hints import TYPE_CHECKING

if TYPE_CHECKING:
    from .positions import LineIndex
    from .text import SpanSet

_N = f"[{CN_NUMERALS}]{{1,3}}"
_P = "[、．.，,]"
MARKER = (
    rf"{_N}[、．.，,](?![{CN_NUMERALS}])"            # 一、  (not 三、四月份, 一、二季度)
    rf"|[（(]{_N}[）)]{_P}?"                          # （一） (一)
    r"|(?<![0-9０-９.．])[0-9０-９]{1,2}(?:[.．、,，](?![0-9０-９])|[)）])"  # 1. 1、 1)  (not 1.5亿元, 0.9.8，, 10:30,)
    rf"|[（(][0-9０-９]{{1,2}}[）)]{_P}?"              # （1）
    rf"|[①-⑳]{_P}?"                                    # ①
)
# A heading starts a line (after indentation, a Markdown "##" or "**") or follows a sentence end.
# (Each whitespace run follows something literal: two adjacent runs would backtrack quadratically.)
_INDENTED = r"[ \t\u3000\u200b]*(?:#{1,6}[ \t\u3000]+)?(?:(?:\*\*|__)[ \t\u3000]*)?"
_AFTER_SENTENCE = r"(?:(?<=[。！？；!?;：])|(?<=[^0-9０-９]:))[ \t\u3000]*"   # not the 30 of 10:30
_HEADING_RE = re.compile(rf"(?:^{_INDENTED}|{_AFTER_SENTENCE})(?P<m>{MARKER})", re.M)
# _HEADING_RE after the text's start: a heading there follows a line end or a sentence end, and
# each of those characters opens a pattern of its own, the rest of _HEADING_RE after it. sre
# looks for one character several times faster than for one of a class (and would try
# _HEADING_RE, which opens with lookbehinds, at every offset); the lookahead drops most places
# before any alternative is tried.
_FOLLOWED = rf"(?=[ \t\u3000\u200b#*_]*[{CN_NUMERALS}（(0-9０-９①-⑳])"
_AFTER_LINE_END = re.compile(rf"\n{_FOLLOWED}{_INDENTED}(?P<m>{MARKER})")
_AFTER_SENTENCE_END = {end: re.compile(rf"{re.escape(end)}{_FOLLOWED}{_AFTER_SENTENCE}(?P<m>{MARKER})")
                       for end in "。！？；!?;：:"}
# Inside a heading's title, a lower-level marker right after a Chinese character or a colon starts
# a run-in child: 一、就业形势总体稳定（一）主要…, 1.分为三部分：①对比…  Not after a Latin letter, a
# digit, a point or a space (RC4、 SHA2、 0.8.1） Windows 98，), and not 第(一)项.
_SUB_MARKER_RE = re.compile(rf"(?<=[\u4e00-\u9fff：])(?<!第)(?:{MARKER})")
_MARKER_START = re.compile(f"[{CN_NUMERALS}（(0-9０-９①-⑳]")   # where a MARKER match can start
_TITLE_END = re.compile(r"[。！？；!?;]")


def find_markers(text: str, index: LineIndex, mask: SpanSet,
                 encoded: bytes | None = None) -> list[tuple[Marker, int, int]]:
    """Every numbered heading or item as (marker, title start, title end), in document order.
    `encoded` is the text in UTF-8, when the caller has it (see text.holds)."""
    found: list[tuple[Marker, int, int]] = []
    last_end = -1
    masked = bool(mask.starts)
    line_starts, line_ends = index.starts, index.line_ends()
    for start, end in _marker_spans(text, encoded):
        if start < last_end or (masked and start in mask):
            continue
        marker = read_marker(text, start, end)
        if marker is None:
            continue
        line_end = line_ends[bisect_right(line_starts, end) - 1]   # not str.find: one long line
        _add_with_run_in_children(found, text, marker, mask, line_end)
        last_end = found[-1][2]
    return found


def _marker_spans(text: str, encoded: bytes | None) -> list[tuple[int, int]]:
    """(start, end) of the marker of each match of _HEADING_RE.finditer(text), in order.

    No marker holds a line or sentence end, so no match overlaps another: those after each kind
    of end, sorted, are what finditer finds. `encoded` is the text in UTF-8 (see text.holds).
    """
    first = _HEADING_RE.match(text)
    after = first.end() if first is not None else 0
    spans = [m.span("m") for m in _AFTER_LINE_END.finditer(text, after)]
    for end, pattern in _AFTER_SENTENCE_END.items():
        if holds(text, end, encoded):
            spans += [m.span("m") for m in pattern.finditer(text, after)]
    spans.sort()
    return [first.span("m"), *spans] if first is not None else spans


def _add_with_run_in_children(found: list, text: str, marker: Marker, mask: SpanSet, line_end: int) -> None:
    """A heading, then any lower-level heading that starts inside its unpunctuated title (on the
    same line, which ends at `line_end`). A run-in ordinal (一是) ends a title."""
    while marker is not None:
        title_start = marker.end
        stop = _TITLE_END.search(text, title_start, line_end)
        limit = stop.start() if stop else line_end
        ordinal = ordinal_start(text, title_start, limit)
        title_end = ordinal if ordinal >= 0 else limit
        child = None
        at = _MARKER_START.search(text, title_start, title_end)
        if at is not None:
            child, title_end = _run_in_child(text, marker, mask, at.start(), title_end)
        while title_start < title_end and text[title_start] in " \t\u3000":
            title_start += 1        # 1. 发布…: the title starts at its first character
        found.append((marker, title_start, rstrip(text, title_start, title_end)))
        marker = child


def _run_in_child(text: str, marker: Marker, mask: SpanSet, start: int,
                  title_end: int) -> tuple[Marker | None, int]:
    """The first lower-level marker in text[start:title_end], and where the title before it ends."""
    for sub in _SUB_MARKER_RE.finditer(text, start, title_end):
        candidate = read_marker(text, sub.start(), sub.end())
        if candidate and candidate.level > marker.level and sub.start() not in mask:
            return candidate, sub.start()
    return None, title_end


def read_marker(text: str, start: int, end: int) -> Marker | None:
    """The marker written at text[start:end], or None when it is none (0, or 1、2号机组)."""
    written = text[start:end]
    fields = _FIELDS.get(written, False)
    if fields is False:
        fields = _FIELDS[written] = _fields(written)
    if fields is None or (fields[-1] and text[end:end + 1].isdigit()):
        return None
    family, value, open_, close, punct, _ = fields
    return make_marker((family, value, start, end, written, open_, close, punct))


# The fields of each marker string read so far: a report repeats a few dozen, and the rest of a
# Marker is where it stands.
_FIELDS: dict[str, tuple | None] = {}


def _fields(written: str) -> tuple | None:
    """family, value, brackets and punctuation of a marker string, and whether a digit right after
    it makes it a number in a list of numbers (1、2号机组 is no heading; 第(一)项 never reaches here:
    第 is no heading position); None when it is no marker, or numbers 0."""
    parsed: Parsed | None = parse_marker(written)
    if parsed is None or parsed.value == 0:
        return None
    enumerable = parsed.punct == "、" and parsed.family == "arabic"
    return parsed.family, parsed.value, parsed.open, parsed.close, parsed.punct, enumerable


def rstrip(text: str, start: int, end: int) -> int:
    """`end` moved back over trailing spaces and Markdown emphasis."""
    while end > start and text[end - 1] in " \t\u3000*_":
        end -= 1
    return end
