"""The Python twins of the compiled loops of WR401 and WR402: each function here has the signature
of the function of the same name in lint/kinds/_compiled.c (see _compiled.pyi) and gives the same
results. It is the reference the tests hold the C to, and what runs where the C was not built or
REPORTLINT_PURE_PYTHON=1 is set (lint/kinds/loops.py chooses).

Answers may differ only in form, or where the C saves work: `ranks` is a list (small ints, which
Python reads fastest) where the C gives an array; `candidates` and `clause_candidates` come as an
iterator, and keep the pairs the C sets aside because they cannot reach `floor` (they are scored
and fall short).
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import groupby, repeat
from operator import add, lt, methodcaller, sub

from ...document.text import sentence_spans
from ...support.hints import Iterator
from .sketch import Grams, Index, ranks_of_repeated
from .units import CLAUSE_MARKS, LEAD, LEAD_CHARS, SPACE, TRAIL_CHARS, Units

_COMPACT_FROM = 1_000_000   # offsets from which the 3-grams are never held as one list
_CLAUSE = methodcaller("span", 1)     # a _long_clause match: where its clause lies


def fold(text: str, block_start: array, block_end: array) -> tuple:
    """(joined, base, hole_from, hole_start, hole_end, hole_before): every block's text with its
    whitespace taken out, the blocks joined one "\\n" apart; block b's whitespace runs (holes,
    relative to its start, with the whitespace removed before each) are entries hole_from[b] to
    hole_from[b + 1] of the hole columns. The columns as int64 bytes."""
    texts = []
    base, hole_from = array("q"), array("q", (0,))
    hole_start, hole_end, hole_before = array("q"), array("q"), array("q")
    at = 0
    for start, end in zip(block_start, block_end):
        raw = text[start:end]
        spans = [m.span() for m in SPACE.finditer(raw)]
        removed = 0
        for s, e in spans:
            hole_start.append(s)
            hole_end.append(e)
            hole_before.append(removed)
            removed += e - s
        hole_from.append(len(hole_start))
        texts.append(SPACE.sub("", raw) if spans else raw)
        base.append(at)
        at += len(texts[-1]) + 1
    columns = (base, hole_from, hole_start, hole_end, hole_before)
    return ("\n".join(texts), *(column.tobytes() for column in columns))


class _Layout:
    """Where each block's folded text lies in the joined text, and the way from original offsets there."""

    __slots__ = ("joined", "starts", "base", "hole_from", "hole_start", "hole_end", "hole_before")

    def __init__(self, joined: str, layout: tuple[array, ...]) -> None:
        self.joined = joined
        self.starts, self.base, self.hole_from, self.hole_start, self.hole_end, self.hole_before = layout

    def offset(self, b: int, pos: int) -> int:
        """The folded offset, inside block b, of original offset `pos`."""
        rel = pos - self.starts[b]
        first = self.hole_from[b]
        i = bisect_left(self.hole_start, rel, first, self.hole_from[b + 1]) - 1
        if i < first:
            return rel
        return rel - self.hole_before[i] - (min(rel, self.hole_end[i]) - self.hole_start[i])

    def place(self, b: int, key_from: int, end: int) -> tuple[int, int]:
        """(length, offset) in the joined text of the key of a unit of block b ending at `end`:
        text[key_from:end] folded, edges stripped."""
        if self.hole_from[b] == self.hole_from[b + 1]:     # most blocks: no whitespace, offsets just shift
            at, stop = key_from - self.starts[b], end - self.starts[b]
        else:
            at, stop = self.offset(b, key_from), self.offset(b, end)
        base = self.base[b]
        raw = self.joined[base + at:base + stop]
        lead = raw.lstrip(LEAD_CHARS)
        return len(lead.rstrip(TRAIL_CHARS)), base + at + len(raw) - len(lead)


def key_start(text: str, start: int, end: int, marker_start: array, marker_end: array) -> int:
    """Where a paragraph's or sentence's key starts: after Markdown prefixes and heading markers."""
    stripped = LEAD.match(text, start, end).end()
    i = bisect_left(marker_start, stripped)
    while i < len(marker_start) and marker_start[i] == stripped:
        stripped = marker_end[i]
        i += 1
    return stripped


def block_units(text: str, joined: str, layout: tuple[array, ...], block_end: array, marker_start: array,
                marker_end: array, head_start: array, head_title_start: array, head_body_end: array) -> tuple:
    """The units of every block and of each run-in section inside one (a heading's part of a block,
    from its title, when it does not span the whole block), by start, a block before its sections;
    the heads sorted by start. The five columns as int64 bytes."""
    placed, units = _Layout(joined, layout), Units()
    h, heads = 0, len(head_start)
    for b, (start, end) in enumerate(zip(placed.starts, block_end)):
        units.add(start, end, placed.place(b, key_start(text, start, end, marker_start, marker_end), end))
        while h < heads and head_start[h] < start:
            h += 1
        while h < heads and head_start[h] < end:
            section_end = min(head_body_end[h], end)
            if head_start[h] > start or section_end < end:
                units.add(head_start[h], section_end, placed.place(b, head_title_start[h], section_end))
            h += 1
    return units.as_bytes()


def sentence_units(text: str, joined: str, layout: tuple[array, ...], regions: array, marker_start: array,
                   marker_end: array, min_chars: int) -> tuple:
    """The sentences of `regions` (start, end pairs, flat) whose key has at least min_chars
    characters. The five columns as int64 bytes."""
    placed, units, b = _Layout(joined, layout), Units(), 0
    starts = placed.starts
    last = len(starts) - 1
    markers = set(marker_start)     # a key starting at none needs no bisect
    for start, end in sentence_spans(text, zip(regions[::2], regions[1::2])):
        if end - start < min_chars:
            continue
        key_from = LEAD.match(text, start, end).end()
        if key_from in markers:
            key_from = key_start(text, start, end, marker_start, marker_end)
        if end - key_from < min_chars:      # the key is at most this long: not worth folding
            continue
        while b < last and starts[b + 1] <= start:
            b += 1
        key = placed.place(b, key_from, end)
        if key[0] >= min_chars:
            units.add(start, end, key)
    return units.as_bytes()


def clause_units(text: str, joined: str, layout: tuple[array, ...], block_end: array, min_chars: int) -> tuple:
    """The clauses whose key has at least min_chars characters, in blocks holding two or more of
    them, grouped by block (…贯穿审计工作全过程，…贯穿审计工作全过程). The five columns as int64 bytes."""
    placed, units = _Layout(joined, layout), Units()
    shortest = 2 * max(min_chars, 1) + 1     # two long clauses and a mark between them
    for b, (start, end) in enumerate(zip(placed.starts, block_end)):
        if end - start < shortest:
            continue
        # A mark put before the block's text lets its first clause start like every other one.
        spans = list(map(_CLAUSE, long_clause(min_chars).finditer("\n" + text[start:end])))
        if len(spans) > 1:
            shift = start - 1
            group = [(shift + s, shift + e, placed.place(b, shift + s, shift + e)) for s, e in spans]
            group = [clause for clause in group if clause[2][0] >= min_chars]
            if len(group) > 1:
                for s, e, key in group:
                    units.add(s, e, key, b)
    return units.as_bytes()


@lru_cache(maxsize=8)
def long_clause(min_chars: int) -> re.Pattern:
    """A mark, then a clause of at least min_chars characters (group 1): the regex skips the short
    ones itself. Opening with the mark, it is tried only where a clause starts (sre skips in C to
    the next mark); tried at every character, it would count a short clause again at each one."""
    return re.compile(f"[{CLAUSE_MARKS}]([^{CLAUSE_MARKS}]{{{max(min_chars, 1)},}})")


def verbatim_copies(joined: str, start: array, end: array, length: array, at: array,
                    min_chars: int) -> list[tuple[int, int]]:
    """(i, first) for every unit whose key (at least min_chars long) was seen before, at unit
    first; nested copies skipped. A key is remembered by its hash, not as a string (a file of
    500,000 lines would hold them all); two keys with one hash are told apart by the strings."""
    first: dict[int, int] = {}
    collided: dict[str, int] = {}
    copies: list[tuple[int, int]] = []
    covered_end = -1
    for i in range(len(start)):
        if length[i] < min_chars:
            continue
        text = joined[at[i]:at[i] + length[i]]
        seen = first.setdefault(hash(text), i)
        if seen != i and joined[at[seen]:at[seen] + length[seen]] != text:
            seen = collided.setdefault(text, i)
        if seen != i and end[i] > covered_end and end[seen] <= start[i]:
            copies.append((i, seen))
            covered_end = end[i]
    return copies


def outside(skip_start: array, skip_end: array, start: array, end: array, length: array, group: array,
            at: array) -> tuple:
    """The units not inside any skipped span (sorted by start): a unit is inside when the last span
    starting at or before it ends at or after it. Bisected for all units in C-level maps, with no
    Python call a unit. The five columns as int64 bytes."""
    ends = array("q", (-1,))   # for a unit before every span: a span that ends before it
    ends.extend(skip_end)
    keep = list(map(lt, map(ends.__getitem__, map(bisect_right, repeat(skip_start), start)), end))
    units = Units()
    units.start, units.end, units.length, units.group, units.at = start, end, length, group, at
    return (units if all(keep) else units.keep(keep)).as_bytes()


def ranks(text: str) -> list[int] | array:
    """The rank of the 3-gram at every offset of `text`: 0 for a 3-gram seen once, else 1, 2, … by
    count, then tie-break (sketch.ranks_of_repeated). Small ints in a list, which a unit's sort
    reads fastest; past _COMPACT_FROM offsets an array("I"), as the C gives.

    One counting pass over the whole document, then one lookup an offset in the (smaller) dict
    of repeated 3-grams. A list of 3-grams costs ~40 bytes an offset (an int object each), an
    array 8, and the ranks 8 (shared ints) or 4: past _COMPACT_FROM the 3-grams are cut twice, a
    slice at a time, to be counted and then ranked, and never held whole.
    """
    grams = Grams(text)
    if grams.count < _COMPACT_FROM or not grams.in_bmp:
        whole: list = []
        for piece in grams.slices():
            whole.extend(piece.tolist() if isinstance(piece, array) else piece)
        rank_of = ranks_of_repeated(Counter(whole)).get
        return list(map(rank_of, whole, repeat(0)))
    rank_of = ranks_of_repeated(grams.counts()).get
    # Made whole at once and filled in place: grown by extend, its last reallocation would hold
    # two copies (a 10 MB report's peak).
    out = array("I", (0,)) * grams.count
    done = 0
    for piece in grams.slices():
        out[done:done + len(piece)] = array("I", map(rank_of, piece, repeat(0)))
        done += len(piece)
    return out


def candidates(joined: str, ranks: list[int] | array, at: array, length: array, start: array, end: array, k: int,
               max_bucket: int, min_shared: int, overlap: float, bound: float,
               floor: float) -> Iterator[tuple[int, list[int]]]:
    """(i, the earlier units unit i may nearly repeat) from the sketch index (sketch.Index)."""
    # Each unit's repeated 3-grams' ranks, sorted (rarest first: its sketch is taken from the
    # front), built lazily in C: slice of the shared ranks, zeros dropped, sorted. A key's last
    # 3-gram starts 2 before its end; a key shorter than 3 has none (the stop is kept from
    # falling below the start, where a negative one would count from the end).
    slices = map(slice, at, map(max, at, map(add, at, map(sub, length, repeat(2)))))
    unit_ranks = map(sorted, map(filter, repeat(None), map(ranks.__getitem__, slices)))
    return Index(k, max_bucket, min_shared, overlap, bound).candidates(unit_ranks, length, start, end)


def clause_candidates(joined: str, ranks: list[int] | array, at: array, length: array, group: array, window: int,
                      floor: float) -> Iterator[tuple[int, list[int]]]:
    """(i, the `window` clauses before clause i in its group), for each clause after its group's first."""
    for _, run in groupby(range(len(group)), key=group.__getitem__):
        members = list(run)
        for i in range(1, len(members)):
            yield members[i], members[max(0, i - window):i]
