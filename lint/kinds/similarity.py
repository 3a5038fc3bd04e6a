"""rapidfuzz's fuzz.ratio, and the choices that reach a threshold against it, best first.

fuzz.ratio is the normalized Indel similarity: 100·(1 − d/(a + b)), where d = a + b − 2·LCS. A
one-file run that compares a few dozen sentences would spend more on importing rapidfuzz (about
12 ms: its C extensions) than on comparing: until a process has compared `_PYTHON_BUDGET`
characters, the same scores are computed here by the bit-parallel LCS length (Allison–Dix, as
refined by Hyyrö) on Python ints, one step per character of each choice, after a bound on the
LCS from the characters the two texts share has set aside the candidates that cannot reach the
threshold (on the benchmark corpus, all but the near copies). Past the budget rapidfuzz is
imported and does all the rest. Both give the same floats in the same order (the
tests compare them), so which one ran never shows in a diagnostic.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterator

_PYTHON_BUDGET = 20_000     # characters of choices compared in Python (1–8 ms) before rapidfuzz pays
_spent = 0
_extract = None             # rapidfuzz's extract, once imported


def matches(query: str, choices: list[str], threshold: float) -> list[tuple[str, float, int]]:
    """(choice, score, index) for each choice whose ratio to `query` reaches `threshold`, best
    score first, an earlier choice first among equal scores (as rapidfuzz.process.extract)."""
    global _spent
    if _extract is None:
        steps = sum(map(len, choices))
        if _spent + steps <= _PYTHON_BUDGET:
            _spent += steps
            return _python_matches(query, choices, threshold)
        use_rapidfuzz()
    return _extract(query, choices, score_cutoff=threshold)


def use_rapidfuzz() -> None:
    """Score with rapidfuzz from now on (a benchmark must time neither its import nor the Python path)."""
    global _extract
    from functools import partial

    from rapidfuzz.fuzz import ratio as rapidfuzz_ratio
    from rapidfuzz.process import extract

    _extract = partial(extract, scorer=rapidfuzz_ratio, limit=None)


def _python_matches(query: str, choices: list[str], threshold: float) -> list[tuple[str, float, int]]:
    # rapidfuzz.process.extract takes the cutoff as a C float and compares it, divided by 100, with
    # the similarity before scaling (tested): the same here, so that a score at the threshold agrees.
    cutoff = array("f", (threshold,))[0] / 100
    found = [(choice, similarity * 100, i)
             for i, (choice, similarity) in enumerate(zip(choices, _similarities(query, choices, cutoff)))
             if similarity >= cutoff]
    found.sort(key=lambda match: -match[1])     # stable: equal scores keep the earlier choice first
    return found


def ratio(a: str, b: str) -> float:
    """fuzz.ratio(a, b): 100 for equal texts (and for two empty ones), 0 for no common character."""
    return next(_similarities(a, [b])) * 100


def _similarities(query: str, choices: list[str], cutoff: float = 0.0) -> Iterator[float]:
    """1 − d/(q + c) for each choice, in rapidfuzz's order of operations so that the floats agree;
    0.0 for a choice that cannot reach `cutoff`.

    The LCS is at most the count of the choice's characters found in the query (counted in C:
    the choice's length less that of the choice with the query's characters deleted). Most
    candidates merely share a phrase and fall below the cutoff on that bound alone. For the few
    near copies, the LCS length comes from a bit-parallel pass over the choice (bit i of `row`
    is 0 where the LCS with query[:i+1] has grown), with the query's character masks built
    once; characters not in the query leave `row` unchanged, so they are dropped before the loop.
    """
    drop_query_chars = dict.fromkeys(map(ord, query))    # a str.translate table deleting them
    masks: dict[str, int] | None = None
    for choice in choices:
        total = len(query) + len(choice)
        if not total:
            yield 1.0
            continue
        bound = len(choice) - len(choice.translate(drop_query_chars))
        if 1.0 - (total - 2 * bound) / total < cutoff:   # the same formula: monotone in the LCS
            yield 0.0
            continue
        if masks is None:
            masks = _masks(query)
        row = everywhere = (1 << len(query)) - 1
        for mask in filter(None, map(masks.get, choice)):
            matched = row & mask
            row = (row + matched) | (row - matched)
        common = len(query) - (row & everywhere).bit_count()
        yield 1.0 - (total - 2 * common) / total


def _masks(text: str) -> dict[str, int]:
    """For each character of `text`, the bits of the positions where it occurs."""
    masks: dict[str, int] = {}
    for i, char in enumerate(text):
        masks[char] = masks.get(char, 0) | 1 << i
    return masks
