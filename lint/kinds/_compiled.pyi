# The compiled loops (lint/kinds/_compiled.c). Each function has a Python twin with this signature
# (lint/kinds/duplicates/twins.py, lint/kinds/twins.py); lint/kinds/loops.py chooses between them.
# Columns are int64 arrays (array("q")); columns returned are their machine bytes.
from array import array

Columns = tuple[bytes, bytes, bytes, bytes, bytes]   # units: start, end, length, group, at
Layout = tuple[array, array, array, array, array, array]   # block_start, base, hole_from, hole_start, hole_end, hole_before

def fold(text: str, block_start: array, block_end: array) -> tuple[str, bytes, bytes, bytes, bytes, bytes]:
    """(joined, base, hole_from, hole_start, hole_end, hole_before): the blocks' whitespace taken out, joined by \\n."""
def block_units(text: str, joined: str, layout: Layout, block_end: array, marker_start: array, marker_end: array,
                head_start: array, head_title_start: array, head_body_end: array) -> Columns:
    """The blocks' and run-in sections' units."""
def sentence_units(text: str, joined: str, layout: Layout, regions: array, marker_start: array, marker_end: array,
                   min_chars: int) -> Columns:
    """The sentences of `regions` (start, end pairs) whose key has at least min_chars characters."""
def clause_units(text: str, joined: str, layout: Layout, block_end: array, min_chars: int) -> Columns:
    """The long clauses, grouped by block, of the blocks holding two or more."""
def verbatim_copies(joined: str, start: array, end: array, length: array, at: array,
                    min_chars: int) -> list[tuple[int, int]]:
    """(i, first) for the later copies of a key seen before."""
def outside(skip_start: array, skip_end: array, start: array, end: array, length: array, group: array,
            at: array) -> Columns:
    """The units less those inside a skipped span."""
def ranks(text: str) -> array:
    """The rank of the 3-gram at every offset of text, as a new array("I") (the twin: a list of small ints)."""
def candidates(joined: str, ranks: array, at: array, length: array, start: array, end: array, k: int,
               max_bucket: int, min_shared: int, overlap: float, bound: float,
               floor: float) -> list[tuple[int, list[int]]]:
    """[(i, [j, ...])] for the units that may nearly repeat earlier ones (k at most 64)."""
def clause_candidates(joined: str, ranks: array, at: array, length: array, group: array, window: int,
                      floor: float) -> list[tuple[int, list[int]]]:
    """[(i, [j, ...])], j in i's window and group, sharing enough 3-grams and characters to reach floor."""
def doubled_words(text: str, low: int, high: int, shortest: int, longest: int) -> list[tuple[int, int]]:
    """(start, end) of each match of ([low-high]{shortest,longest})\\1, as re.finditer finds them."""
def unbalanced_blocks(text: str, chars: str, roles: bytes, block_start: array, block_end: array,
                      skip_start: array, skip_end: array) -> list[int]:
    """The indexes of the blocks whose brackets do not all close in order."""
def offsets_many(text: str, sets: tuple[tuple[str, ...], ...]) -> list[list[int]]:
    """For each set, the sorted offsets where any of its strings occurs, each once (overlapping occurrences too)."""
