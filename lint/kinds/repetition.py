"""WR403: a word typed twice in a row (落实落实, 进一步进一步, 的的), but not Chinese reduplication.

AA and AABB reduplication (常常, 认认真真, 家家户户) never matches a doubled word of two or more
characters; a doubled single character is checked only for a few function words, and never
inside AABB (的的确确, 实实在在). V着V着 (说着说着, 看着看着) is reduplication too. ABAB verb
reduplication (研究研究) and 一X一X (一个一个) are left alone through the options.
"""
from __future__ import annotations

import heapq

from ..document.model import Document
from ..support.hints import Iterable, Iterator
from . import loops
from .findings import Finding, make_edit, make_finding, make_fix
from .options import kind_options


@kind_options
class RepeatOptions:
    """Which single characters may not be doubled, and doubled strings that are correct Chinese."""

    single_chars: str = "的了"   # (Chinese characters only; others are ignored)
    skip_leading: str = "一"      # a doubled two-character word starting so is reduplication (一个一个)
    exceptions: tuple[str, ...] = ()   # doubled strings that are right (研究研究)


def check_repeated_phrases(doc: Document, options: RepeatOptions) -> Iterator[Finding]:
    """WR403: a word typed twice in a row, the whole doubled span, with an unsafe fix deleting the second copy.

    Both patterns stay within a line, so each searches the whole text once; matches off the
    blocks (masked lines) are dropped.
    """
    text = doc.text
    for start, end in _in_blocks(doc, doubled_words(text)):
        word = text[start:(start + end) // 2]
        if len(set(word)) == 1 or (len(word) == 2 and (word[0] in options.skip_leading or word[1] == "着")):
            continue    # 常常, 一个一个, and V着V着 (说着说着: "as one went on talking"), all reduplication
        if not _excepted(text, start, end, options.exceptions):
            yield _finding(text, start, end)
    single = dict.fromkeys(c for c in options.single_chars if "\u4e00" <= c <= "\u9fff")
    doubled = heapq.merge(*(_doubled_char(text, char) for char in single))
    for start, end in _in_blocks(doc, doubled):
        if not _in_aabb(text, start) and not _excepted(text, start, end, options.exceptions):
            yield _finding(text, start, end)


def doubled_words(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each word of 2–4 Chinese characters typed twice in a row: what
    ([一-鿿]{2,4})\\1 finds, by a scan where the loops are compiled (sre tries the pattern at every character)."""
    return loops.doubled_words(text, 0x4E00, 0x9FFF, 2, 4)


def _doubled_char(text: str, char: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each "的的", left to right, none overlapping (as re.finditer("(的)的")):
    str.find skips to the next pair in C, faster than sre's scan for a literal."""
    pair = char * 2
    at = text.find(pair)
    while at != -1:
        yield at, at + 2
        at = text.find(pair, at + 2)


def _in_blocks(doc: Document, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    holding = doc.block_spans.holding
    return (span for span in spans if holding(*span) >= 0)


def _finding(text: str, start: int, end: int) -> Finding:
    middle = (start + end) // 2
    return make_finding(start=start, end=end, args={"word": text[start:middle], "twice": text[start:end]},
                        fix=make_fix(edits=(make_edit(start=middle, end=end, new_text=""),), safe=False))


def _in_aabb(text: str, start: int) -> bool:
    """True when the doubled character at `start` is one half of AABB (的的确确, 实实在在)."""
    before = start >= 2 and text[start - 2] == text[start - 1] != text[start]
    after = start + 3 < len(text) and text[start + 2] == text[start + 3] != text[start]
    return before or after


def _excepted(text: str, start: int, end: int, exceptions: tuple[str, ...]) -> bool:
    """True when an exception string occurs over the whole of text[start:end]."""
    for phrase in exceptions:
        reach = len(phrase)
        window_start = max(0, end - reach)
        i = text.find(phrase, window_start, start + reach)
        while i != -1 and i <= start:
            if i + reach >= end:
                return True
            i = text.find(phrase, i + 1, start + reach)
    return False
