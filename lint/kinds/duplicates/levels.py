"""A document's folded text and its units at each level: paragraphs and run-in sections, sentences,
clauses. Made by the loops (lint/kinds/loops.py: compiled, or their Python twins in twins.py) and
shared by WR401 and WR402 through the document.

Every block is folded (whitespace removed) once, and the folded blocks are joined one separator
apart: a unit's key is a slice of that text, read only when compared.
"""
from __future__ import annotations

from array import array
from itertools import chain
from operator import itemgetter

from ...document.model import Document
from .. import loops
from .units import Units, int64s


class Folded:
    """Every block's text with whitespace removed, joined, and the way back from original offsets.

    Block b starts at `base[b]` of the joined text; its whitespace runs (holes, relative to its
    start, with the whitespace removed before each) are entries hole_from[b] to hole_from[b + 1]
    of the hole columns (see loops.fold).
    """

    __slots__ = ("starts", "ends", "joined", "base", "hole_from", "hole_start", "hole_end", "hole_before", "_ranks")

    def __init__(self, doc: Document) -> None:
        self.starts = array("q", (b.start for b in doc.compared))
        self.ends = array("q", (b.end for b in doc.compared))
        self._ranks: list[int] | array | None = None
        joined, *columns = loops.fold(doc.text, self.starts, self.ends)
        self.base, self.hole_from, self.hole_start, self.hole_end, self.hole_before = map(int64s, columns)
        # Folding removed every whitespace character, so no block holds the separator: a 3-gram
        # across a join equals no 3-gram inside one.
        self.joined: str = joined

    def key(self, units: Units, i: int) -> str:
        """Unit i's comparison key: its folded text, edge punctuation and marker stripped."""
        at = units.at[i]
        return self.joined[at:at + units.length[i]]

    def ranks(self) -> list[int] | array:
        """The rank of the 3-gram at every offset of the joined text (0 if it occurs once), on first use."""
        if self._ranks is None:
            self._ranks = loops.ranks(self.joined)
        return self._ranks

    def layout(self) -> tuple[array, ...]:
        """Block starts and bases, and the holes, as int64 arrays: what the loops place keys by."""
        return self.starts, self.base, self.hole_from, self.hole_start, self.hole_end, self.hole_before


def folded(doc: Document) -> Folded:
    """The document's folded blocks, built once and shared by every duplicate rule."""
    return doc.shared(Folded, lambda: Folded(doc))


def block_units(doc: Document) -> Units:
    """Paragraphs and run-in sections (the part of a paragraph from one heading to the next), by
    start, a paragraph before the sections inside it.

    A section's key starts after its marker, so a section pasted under another number is caught.
    """
    return doc.shared(block_units, lambda: _block_units(doc))


def _block_units(doc: Document) -> Units:
    fd = folded(doc)
    heads = sorted(doc.headings, key=lambda h: h.start)
    return Units.from_columns(loops.block_units(
        doc.text, fd.joined, fd.layout(), fd.ends, *marker_columns(doc), array("q", (h.start for h in heads)),
        array("q", (h.title_start for h in heads)), array("q", (h.body_end for h in heads))))


def sentence_units(doc: Document, fd: Folded, min_chars: int) -> Units:
    """Sentences of the blocks of Chinese prose (Document.compared) whose key has at least min_chars characters."""
    regions = array("q", chain.from_iterable((b.start, b.end) for b in doc.compared))
    return Units.from_columns(loops.sentence_units(doc.text, fd.joined, fd.layout(), regions,
                                                   *marker_columns(doc), min_chars))


def clause_units(doc: Document, fd: Folded, min_chars: int) -> Units:
    """Long clauses, grouped by paragraph, in paragraphs holding two or more."""
    return Units.from_columns(loops.clause_units(doc.text, fd.joined, fd.layout(), fd.ends, min_chars))


def outside(skip: list[tuple[int, int]], units: Units) -> Units:
    """The units not inside any span of `skip` (sorted by start)."""
    if not skip:
        return units
    return Units.from_columns(loops.outside(array("q", map(itemgetter(0), skip)),
                                            array("q", map(itemgetter(1), skip)), *units.columns()))


def marker_columns(doc: Document) -> tuple[array, array]:
    """The starts and the ends of the document's marker spans, as int64 arrays for the loops."""
    def columns() -> tuple[array, array]:
        spans = doc.marker_spans
        return array("q", map(itemgetter(0), spans)), array("q", map(itemgetter(1), spans))

    return doc.shared(marker_columns, columns)
