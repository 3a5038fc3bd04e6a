"""One offset index per file: offsets ↔ (line, code-point column) ↔ UTF-16 column.

Everything inside the linter works on offsets into the decoded text; lines and columns are
computed here only, at the edge (output formats, the language server).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import repeat
from operator import sub

from ..support.records import record

# LSP treats \r\n, \n and a lone \r as line ends; so do we.
_LINE_END = re.compile(r"\r\n|\r|\n")
_LF = re.compile("\n")
ASTRAL = re.compile("[\U00010000-\U0010ffff]")   # a character that takes two UTF-16 units


def _line_starts(text: str, has_cr: bool) -> list[int]:
    """Offset 0 and the offset after every line end; `has_cr` tells whether the text holds a \\r."""
    starts = [0]
    if not has_cr or text.count("\r") == text.count("\r\n"):   # LF or CRLF only: every line ends in \n
        starts += [m.end() for m in _LF.finditer(text)]   # a literal scan, 4× the alternation's speed
    else:
        starts += [m.end() for m in _LINE_END.finditer(text)]
    return starts


@record
class Position:
    """A 0-based line and a column counted in code points or UTF-16 units."""

    line: int
    character: int


class LineIndex:
    """Line starts of one text, with UTF-16 corrections only for lines holding astral characters."""

    __slots__ = ("text", "starts", "_has_cr", "_ends", "_astral_lines")

    def __init__(self, text: str, has_cr: bool | None = None):
        """`has_cr` tells whether the text holds a \\r, when the caller knows already."""
        self.text = text
        self._has_cr = "\r" in text if has_cr is None else has_cr
        self.starts = _line_starts(text, self._has_cr)
        self._ends: list[int] | None = None
        self._astral_lines: set[int] | None = None

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The 0-based line that holds `offset`."""
        return bisect_right(self.starts, offset) - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets of `line`, without its line end."""
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def line_ends(self) -> list[int]:
        """Where each line's text ends, before its line end: line_span's ends, for every line at once."""
        if self._ends is None:
            text = self.text
            ends = list(map(sub, self.starts[1:], repeat(1)))   # the line end's last character
            if self._has_cr:
                ends = [e - 1 if text[e - 1:e + 1] == "\r\n" else e for e in ends]
            ends.append(len(text))
            self._ends = ends
        return self._ends

    def line_text(self, line: int) -> str:
        start, end = self.line_span(line)
        return self.text[start:end]

    def position(self, offset: int) -> Position:
        """Line and code-point column of `offset`."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        return Position(line, offset - self.starts[line])

    def utf16_position(self, offset: int) -> Position:
        """Line and UTF-16 column of `offset`, as LSP and the JSON output count them."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        start = self.starts[line]
        column = offset - start
        if line in self._lines_with_astral():
            column += len(ASTRAL.findall(self.text, start, offset))
        return Position(line, column)

    def positions(self, offsets: list[int]) -> tuple[list[int], list[int]]:
        """Lines and code-point columns of many offsets, for output that converts thousands.

        Mapped in C (a bisect and a subtraction per offset) rather than one Python call each.
        """
        size = len(self.text)
        if offsets and (min(offsets) < 0 or max(offsets) > size):
            offsets = [0 if o < 0 else size if o > size else o for o in offsets]
        lines = list(map(sub, map(bisect_right, repeat(self.starts), offsets), repeat(1)))
        return lines, list(map(sub, offsets, map(self.starts.__getitem__, lines)))

    def utf16_positions(self, offsets: list[int]) -> tuple[list[int], list[int]]:
        """Lines and UTF-16 columns of many offsets.

        Most texts hold no astral character: their UTF-16 columns are the code-point columns.
        """
        if not self._lines_with_astral():
            return self.positions(offsets)
        found = [self.utf16_position(o) for o in offsets]
        return [p.line for p in found], [p.character for p in found]

    def offset(self, line: int, character: int, utf16: bool = True) -> int:
        """The offset of a (line, column) position; columns past the line end clamp to it."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.line_span(line)
        if not utf16 or line not in self._lines_with_astral():
            return min(start + max(character, 0), end)
        units = 0
        for i in range(start, end):
            if units >= character:
                return i
            units += 2 if ord(self.text[i]) > 0xFFFF else 1
        return end

    def _lines_with_astral(self) -> set[int]:
        if self._astral_lines is None:
            found = ASTRAL.finditer(self.text) if _has_astral(self.text) else ()
            self._astral_lines = {self.line_of(m.start()) for m in found}
        return self._astral_lines


def _has_astral(text: str) -> bool:
    """Whether `text` holds a character outside the BMP: one encodes to two UTF-16 units, so the
    encoding's length tells (an encoder's pass in C is several times faster than a regex search)."""
    return not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
