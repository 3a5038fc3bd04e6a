"""The Python twins of the compiled loops of WR403, WR502 and the pattern kinds, with the C's
signatures (see _compiled.pyi and loops.py; those of WR401 and WR402 are in duplicates/twins.py)."""
from __future__ import annotations

import re
from array import array
from functools import lru_cache


def doubled_words(text: str, low: int, high: int, shortest: int, longest: int) -> list[tuple[int, int]]:
    """(start, end) of each match of ([low-high]{shortest,longest})\\1, as re.finditer finds them."""
    if shortest < 1 or longest < shortest:
        raise ValueError("doubled_words: need 1 <= shortest <= longest")
    return [m.span() for m in _doubled(low, high, shortest, longest).finditer(text)]


@lru_cache(maxsize=8)
def _doubled(low: int, high: int, shortest: int, longest: int) -> re.Pattern:
    return re.compile(f"([{re.escape(chr(low))}-{re.escape(chr(high))}]{{{shortest},{longest}}})\\1")


def unbalanced_blocks(text: str, chars: str, roles: bytes, block_start: array, block_end: array,
                      skip_start: array, skip_end: array) -> list[int]:
    """The indexes of the blocks check_pairs must read. The C reads the brackets and leaves out the
    blocks where each closes in order, in which the check would find nothing; the twin leaves out
    none (reading them costs the check what finding them would cost here)."""
    return list(range(len(block_start)))


def offsets_many(text: str, sets: tuple[tuple[str, ...], ...]) -> list[list[int]]:
    """For each set, the sorted offsets where any of its strings occurs, each once (overlapping
    occurrences too). The C finds them all in one pass; here each string is found on its own."""
    return [_offsets(text, strings) for strings in sets]


def _offsets(text: str, strings: tuple[str, ...]) -> list[int]:
    found = [_occurrences(text, s) for s in strings if s]
    if len(found) == 1:
        return found[0]
    return sorted(set().union(*found))


def _occurrences(text: str, s: str) -> list[int]:
    """Where `s` occurs: sre scans for a literal first character in C, far faster than for a class
    such as [。！？]; a string absent from the text (str's `in`, faster still) is not scanned for."""
    if s not in text:
        return []
    pattern = re.escape(s[0]) + (f"(?={re.escape(s[1:])})" if len(s) > 1 else "")
    return [m.start() for m in re.finditer(pattern, text)]
