"""WR403: a word typed twice in a row (落实落实, 进一步进一步, 的的), but not Chinese reduplication.

AA and AABB reduplication (常常, 认认真真, 家家户户) never matches a doubled word of two or more
characters; a doubled single character is checked only for a few function words, and never
inside AABB (的的确确, 实实在在). ABAB verb reduplication (研究研究) and 一X一X (一个一个) are left
alone through the options.
"""
from __future__ import annotations

import heapq
import re

from ..findings import Edit, Finding, Fix
from ..model import Document
from ..records import record

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without importing typing (3 ms of a one-file run)
if TYPE_CHECKING:
    from typing import Any, Iterable, Iterator

_FORBID = {"extra": "forbid"}  # pydantic config, read only when options are validated

_HAN = "\u4e00-\u9fff"
_WORD_TWICE = re.compile(rf"([{_HAN}]{{2,4}})\1")


@record
class _RepeatSettings:
    """RepeatOptions as a pack writes them."""

    __pydantic_config__ = _FORBID

    single_chars: str = "的了是"
    skip_leading: str = "一"
    exceptions: tuple[str, ...] = ()


class RepeatOptions(_RepeatSettings):
    """Which single characters may not be doubled, and doubled strings that are correct Chinese."""

    single: Any = None        # derived by prepare

    def prepare(self, trusted: bool) -> None:
        """Compile one pattern per single character: "(的)的" is a literal sre scans for in C."""
        chars = dict.fromkeys(c for c in self.single_chars if "\u4e00" <= c <= "\u9fff")
        self.single = tuple(re.compile(f"({re.escape(c)}){re.escape(c)}") for c in chars)


def check_repeated_phrases(doc: Document, options: RepeatOptions) -> Iterator[Finding]:
    """WR403: report the whole doubled span, with an unsafe fix deleting the second copy.

    Both patterns stay within a line, so each searches the whole text once; matches off the
    blocks (masked lines) are dropped.
    """
    if options.single is None:
        options.prepare(True)
    text = doc.text
    for m in _in_blocks(doc, _WORD_TWICE.finditer(text)):
        word = m.group(1)
        if len(set(word)) == 1 or (len(word) == 2 and word[0] in options.skip_leading):
            continue
        if not _excepted(text, m.start(), m.end(), options.exceptions):
            yield _finding(m, word)
    doubled = heapq.merge(*(rx.finditer(text) for rx in options.single), key=lambda m: m.start())
    for m in _in_blocks(doc, doubled):
        if not _in_aabb(text, m.start()) and not _excepted(text, m.start(), m.end(), options.exceptions):
            yield _finding(m, m.group(1))


def _in_blocks(doc: Document, matches: Iterable[re.Match]) -> Iterator[re.Match]:
    holding = doc.block_spans.holding
    return (m for m in matches if holding(*m.span()) >= 0)


def _finding(m: re.Match, word: str) -> Finding:
    middle = m.start() + len(word)
    return Finding(m.start(), m.end(), {"word": word, "twice": m.group(0)},
                   fix=Fix((Edit(middle, m.end(), ""),), safe=False))


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
