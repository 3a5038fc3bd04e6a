"""What the duplicate rules compare: units (a paragraph, run-in section, sentence or clause) and
the rules that fold a unit's text into its comparison key.

A key is the unit's text with whitespace removed and edge punctuation and marker stripped. Keys
are slices of the document's joined folded text (levels.Folded), never strings of their own: a
unit holds where its key lies.
"""
from __future__ import annotations

import re
from array import array
from itertools import compress

from ...support.records import maker, record

SPACE = re.compile(r"[\s\u3000]+")         # what folding removes
LEAD = re.compile(r"[\s\u3000#>*_\-]*")    # what a key may start after: Markdown prefixes, spaces
LEAD_CHARS = "#>*_-"                       # what folding strips at a key's start (after whitespace)
TRAIL_CHARS = "。！？；!?;，,、：:"           # … and at its end
CLAUSE_MARKS = "，,；;：:。！？!?\n"          # what ends a clause


def fold(text: str) -> str:
    """The comparison form of a span: whitespace removed, edge punctuation stripped."""
    return SPACE.sub("", text).lstrip(LEAD_CHARS).rstrip(TRAIL_CHARS)


@record
class Unit:
    """A paragraph, run-in section, sentence or clause: its span, and where its key lies in the
    document's joined folded text (a large document holds a million units, and a string each would
    double its memory). Units are kept in `Units` columns; a Unit is made for a reported one."""

    start: int
    end: int
    length: int         # of the key
    group: int = 0      # units are compared only within one group (clauses: one paragraph)
    at: int = 0         # offset of the key in the document's joined folded text


_make_unit = maker(Unit)


class Units:
    """One level's units (paragraphs and sections, sentences, or clauses) as columns of 8-byte ints.

    A 10 MB report has 200,000 units: as tuples, with an int object for each offset, they cost
    190 bytes a unit, as columns 40. A Unit tuple is made only for a unit that is reported.
    """

    __slots__ = ("start", "end", "length", "group", "at")

    def __init__(self) -> None:
        self.start, self.end, self.length, self.group, self.at = (array("q") for _ in range(5))

    def __len__(self) -> int:
        return len(self.start)

    def __getitem__(self, i: int) -> Unit:
        return _make_unit((self.start[i], self.end[i], self.length[i], self.group[i], self.at[i]))

    def add(self, start: int, end: int, placed: tuple[int, int], group: int = 0) -> None:
        """Append the unit text[start:end], its key placed at (length, at) in the joined text."""
        self.start.append(start)
        self.end.append(end)
        self.length.append(placed[0])
        self.group.append(group)
        self.at.append(placed[1])

    @classmethod
    def from_columns(cls, columns: tuple[bytes, ...]) -> Units:
        """Units from their five columns as machine int64s, as the loops (lint/kinds/loops.py) give them."""
        units = cls()
        units.start, units.end, units.length, units.group, units.at = map(int64s, columns)
        return units

    def keep(self, kept: list[bool]) -> Units:
        """The units where `kept` is true, in order (filtered in C, a column at a time)."""
        taken = Units()
        for mine, theirs in zip(self.columns(), taken.columns()):
            theirs.extend(compress(mine, kept))
        return taken

    def columns(self) -> tuple[array, ...]:
        return self.start, self.end, self.length, self.group, self.at

    def as_bytes(self) -> tuple[bytes, ...]:
        """The five columns as the loops give them: machine int64s."""
        return tuple(column.tobytes() for column in self.columns())


def int64s(data: bytes) -> array:
    """An int64 column from its machine bytes."""
    column = array("q")
    column.frombytes(data)
    return column
