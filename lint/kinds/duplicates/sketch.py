"""Rare 3-grams and the sketch index: how WR402 finds the few units worth scoring, in Python.

The 3-gram at every offset of the joined folded text becomes one int (`Grams`); each 3-gram seen
twice gets a rank (`ranks_of_repeated`: by count, then a fixed pseudo-random tie-break), so the
rarest sort first. A unit's sketch is its k lowest distinct ranks, and `Index` pairs units that
share enough of them. The compiled loops do the same (lint/kinds/_compiled.c); twins.py calls
this module where they were not built.
"""
from __future__ import annotations

import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain, compress, filterfalse, islice, repeat
from operator import and_, eq, lshift, lt, mul, or_

from ...document.positions import ASTRAL
from ...support.hints import Iterator

# The tie-break: the 3-gram as an int times an odd constant modulo 2**64 (a fixed permutation, so
# distinct 3-grams stay distinct, in an order that is random but the same in every process).
_MIX = 0x9E3779B97F4A7C15
_LOW = (1 << 64) - 1
_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"   # read back as native words
SLICE = 1 << 16                         # 3-grams are cut this many words at a time


class Grams:
    """The 3-gram at every offset of a text (but the last two), as keys equal for equal 3-grams.

    Text within the Basic Multilingual Plane (all but emoji and rare CJK): the 3-gram at offset i
    is UTF-16 units i..i+2 as one 48-bit int, cut in C from four shifted copies of the encoding
    read as 64-bit words, the fourth unit of each word zeroed; they come as arrays, a slice at a
    time, and the text is encoded a slice at a time too, so that a large document never holds a
    copy of itself. Otherwise: one list of code point tuples.
    """

    __slots__ = ("count", "in_bmp", "_text")

    def __init__(self, text: str) -> None:
        self.count = max(len(text) - 2, 0)
        self.in_bmp = ASTRAL.search(text) is None   # a search, not a copy of the text encoded
        self._text = text

    def slices(self) -> Iterator[array | list]:
        """The 3-grams in order, in consecutive pieces."""
        if not self.count:
            return
        if not self.in_bmp:
            points = list(map(ord, self._text))
            yield list(zip(points, points[1:], points[2:]))
            return
        text, words = self._text, -(-self.count // 4)
        for first in range(0, words, SLICE):
            size = min(SLICE, words - first)
            # The slice's UTF-16 units and the three after it, zeros past the end of the text.
            units = array("H", text[4 * first:4 * (first + size) + 3].encode(_UTF16))
            units.frombytes(bytes(2 * (4 * size + 3 - len(units))))
            piece = array("Q", bytes(32 * size))
            zeros = array("H", bytes(2 * size))
            for k in range(4):
                window = units[k:4 * size + k]
                window[3::4] = zeros
                piece[k::4] = array("Q", window.tobytes())
            del piece[self.count - 4 * first:]      # the last piece ends at the last 3-gram
            yield piece

    def counts(self) -> Counter:
        """How often each 3-gram occurs."""
        counts: Counter = Counter()
        for piece in self.slices():
            counts.update(piece)
        return counts


def ranks_of_repeated(counts: Counter) -> dict:
    """The rank of each 3-gram that occurs more than once: 1, 2, … by count, then tie-break.

    `counts` is the caller's last reference (passed as a temporary): it is freed here, the largest
    dict, before the ranks' dict is built (a big document's peak).
    """
    repeated = list(compress(counts, map(lt, repeat(1), counts.values())))
    tie_break = map(and_, map(mul, _as_ints(repeated), repeat(_MIX)), repeat(_LOW))
    order = list(map(or_, map(lshift, map(counts.__getitem__, repeated), repeat(64)), tie_break))
    del counts
    by_rank = sorted(range(len(repeated)), key=order.__getitem__)
    del order
    return dict(zip(map(repeated.__getitem__, by_rank), range(1, len(by_rank) + 1)))


def _as_ints(grams: list) -> Iterator[int]:
    """3-grams as ints (code point tuples packed 21 bits a code point)."""
    if grams and isinstance(grams[0], tuple):
        return (a << 42 | b << 21 | c for a, b, c in grams)
    return iter(grams)


class Index:
    """Posting lists from sketch entry to the units holding it, with stop entries dropped.

    A unit's sketch is its `k` rarest repeated 3-grams that are not stop entries (rare shingles:
    two copies share the 3-grams found nowhere else, while text that merely shares a common phrase
    with many others shares only frequent ones).

    An entry indexed for more than max_bucket units says nothing about copying: it becomes a
    stop entry and is never looked up again, so every posting list stays short (linear time).
    Candidates share `min_shared` entries and `overlap` of the two sketches' union, end before the
    unit starts, and have lengths a and b that allow the threshold: fuzz.ratio is at most
    200·min(a, b)/(a + b), so min(a, b) >= bound·(a + b) with bound = threshold / 200.
    """

    __slots__ = ("k", "max_bucket", "min_shared", "overlap", "bound", "buckets", "common", "sizes")

    def __init__(self, k: int, max_bucket: int, min_shared: int, overlap: float, bound: float) -> None:
        self.k, self.max_bucket, self.min_shared, self.overlap, self.bound = k, max_bucket, min_shared, overlap, bound
        self.buckets: defaultdict[int, list[int]] = defaultdict(list)
        self.common: set[int] = set()
        self.sizes: list[int] = []

    def candidates(self, all_ranks: Iterator[list[int]], lengths, starts, ends) -> Iterator[tuple[int, list[int]]]:
        """Index every unit in turn by its sorted 3-gram ranks; yield (i, the earlier units
        unit i may nearly repeat) for each unit that has any.

        One loop over all units rather than a method call per unit: the per-unit work is a few
        C calls, so the call and attribute lookups were a good share of it.
        """
        common, buckets, sizes = self.common, self.buckets, self.sizes
        k, max_bucket, min_shared, overlap, bound = self.k, self.max_bucket, self.min_shared, self.overlap, self.bound
        for i, ranks in enumerate(all_ranks):
            head = ranks[:k]
            sketch = list(dict.fromkeys(head))
            if len(sketch) < len(head):         # a 3-gram twice in the unit: k distinct lie further on
                sketch = _first_distinct(ranks, k)
            if common and not common.isdisjoint(sketch):
                sketch = _first_distinct(filterfalse(common.__contains__, ranks), k)
            size = len(sketch)
            sizes.append(size)
            if not size:
                continue
            postings = list(map(buckets.__getitem__, sketch))
            hits = list(chain.from_iterable(postings))
            any(map(list.append, postings, repeat(i, size)))     # append i to each posting list, in C
            # Each posting list holds at most len(hits) + 1 units: only then can one be too long.
            if len(hits) >= max_bucket and max(map(len, postings)) > max_bucket:
                self._stop(sketch, postings)
            need = min(min_shared, size) or 1
            if len(hits) < need:
                continue
            # Sorted, a unit found `need` times starts a run that long: compared in C, no Counter.
            hits.sort()
            found = list(dict.fromkeys(compress(hits, map(eq, hits, islice(hits, need - 1, None)))))
            if not found:
                continue
            # Candidates whose sketch overlap and length allow the threshold, ending before unit i.
            start = starts[i]
            shortest, longest = length_window(lengths[i], bound)
            found = [j for j in found
                     if shortest <= lengths[j] <= longest and ends[j] <= start
                     and (not overlap or _count(hits, j) * (1 + overlap) >= overlap * (size + sizes[j]))]
            if found:
                yield i, found

    def _stop(self, sketch: list[int], postings: list[list[int]]) -> None:
        for h, posting in zip(sketch, postings):
            if len(posting) > self.max_bucket:
                self.common.add(h)
                del self.buckets[h]


def _first_distinct(ranks: Iterator[int], k: int) -> list[int]:
    return list(islice(dict.fromkeys(ranks), k))


def _count(ordered: list[int], x: int) -> int:
    return bisect_right(ordered, x) - bisect_left(ordered, x)


@lru_cache(maxsize=4096)     # shared by every index: the same few key lengths recur in every document
def length_window(length: int, bound: float) -> tuple[int, int]:
    """The shortest and longest key that can reach the threshold against a key of `length`.

    fuzz.ratio is at most 200·min(a, b)/(a + b), so b fits when min(a, b) >= bound·(a + b). The
    closed form gives the ends; they are then settled on that very comparison, which is monotone
    on each side of `length`, so the window admits exactly the lengths the comparison admits.
    """
    if bound <= 0:
        return 0, sys.maxsize

    def fits(other: int) -> bool:
        return min(length, other) >= bound * (length + other)

    shortest = min(length, int(bound * length / (1 - bound)))
    while shortest > 0 and fits(shortest - 1):
        shortest -= 1
    while shortest <= length and not fits(shortest):
        shortest += 1
    longest = max(length, int(length * (1 - bound) / bound))
    while fits(longest + 1):
        longest += 1
    while longest >= length and not fits(longest):
        longest -= 1
    return shortest, longest
