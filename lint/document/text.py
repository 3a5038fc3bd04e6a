"""Character classes and splitting shared by the document builder and the rules."""
from __future__ import annotations

import re
from bisect import bisect_right

from ..support.hints import Iterable, Iterator

# CJK unified ideographs (BMP blocks and extension A); enough to tell "inside Chinese text".
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CN_NUMERALS = "一二三四五六七八九十"
SENTENCE_END = "。！？；!?;"
SPACES = " \t\u3000"
# A sentence: a run ending in 。！？； with any closing quote kept; it never spans a line.
SENTENCE = re.compile(rf"[^{SENTENCE_END}\r\n]+[{SENTENCE_END}]*[”’」』）)]?")


def utf8(text: str) -> bytes:
    """`text` in UTF-8, lone surrogates kept (as a .docx or a bad decode may leave them)."""
    return text.encode("utf-8", "surrogatepass")


def holds(text: str, char: str, encoded: bytes | None = None) -> bool:
    """Whether `text` holds the character `char`. An ASCII one is looked for in `encoded`, the text
    in UTF-8, when given: memchr over the bytes, several times faster than a search of a str of
    Chinese, which stops at every character that shares the needle's low byte."""
    if encoded is not None and char < "\x80":
        return char.encode() in encoded
    return char in text


def utf8_line_lengths(text: str, encoded: bytes | None = None) -> list[int]:
    """The UTF-8 length of every line (split at \n, the \n not counted), in C: a CJK character is
    three bytes, an ASCII one one, so a line's wide characters are (bytes - characters) / 2.
    `encoded` is utf8(text), when the caller has it."""
    return list(map(len, (utf8(text) if encoded is None else encoded).split(b"\n")))


def sentence_spans(text: str, regions: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """(start, end) of the sentences in each region of `text`, in order, split after 。！？； (and
    their half-width forms), any closing quote kept, leading spaces dropped. Made as they are read,
    never kept: a 10 MB report has 100,000."""
    for region_start, region_end in regions:
        for m in SENTENCE.finditer(text, region_start, region_end):
            start, end = span = m.span()
            if text[start] in SPACES:   # rare: strip the leading spaces
                start = end - len(text[start:end].lstrip(SPACES))
                if start == end:
                    continue
                span = (start, end)
            yield span


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, empty ones dropped and overlapping or touching ones joined, so that a SpanSet's
    bisection sees disjoint spans."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def match_at(rx: re.Pattern, text: str, positions: Iterable[int]) -> Iterator[re.Match]:
    """The matches of rx.finditer(text), trying only `positions` (sorted).

    Exact when `positions` hold every offset where a match can start and no match is empty:
    finditer tries each offset left to right and resumes after a match, which this repeats for
    the offsets that can matter. A pattern starting with a lookbehind gets no prefix scan from
    sre, so this is many times faster when candidate starts are rare.
    """
    match = rx.match
    resume = 0
    for p in positions:
        if p >= resume:
            m = match(text, p)
            if m is not None:
                resume = m.end()
                yield m


class SpanSet:
    """Sorted, non-overlapping (start, end) spans with a fast "does this offset fall inside" test."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.ends = [e for _, e in ordered]

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]

    def holding(self, start: int, end: int) -> int:
        """The index of the span that holds start…end whole, or -1."""
        i = bisect_right(self.starts, start) - 1
        return i if i >= 0 and end <= self.ends[i] else -1

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start
