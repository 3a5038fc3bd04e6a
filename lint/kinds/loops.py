"""The compiled loops, or their Python twins: the one place that chooses.

The hottest loops of WR401–WR403, WR502 and the pattern kinds are compiled from _compiled.c
(signatures in _compiled.pyi) where a C compiler was at hand when the package was installed.
Each has a Python twin with the same signature and the same results: duplicates/twins.py (WR401,
WR402) and twins.py (WR403, WR502, offsets); tests/test_speedups.py holds every pair to that on
random input. The kinds call them here, as `loops.fold(...)`: the compiled function where it was
built and can hold the arguments, else the twin. REPORTLINT_PURE_PYTHON=1 asks for the twins everywhere.
"""
from __future__ import annotations

import os
import sys

NAMES = ("fold", "block_units", "sentence_units", "clause_units", "verbatim_copies", "outside", "ranks",
         "candidates", "clause_candidates", "doubled_words", "unbalanced_blocks", "offsets_many")

# Arguments the C reads into a C int, by position, with the values it takes (the sketch into an
# array of 64): a call with any other value runs the twin.
_INT = (-(1 << 31) + 1, (1 << 31) - 1)
_LIMITS = {"verbatim_copies": {5: _INT}, "sentence_units": {6: _INT}, "clause_units": {4: _INT},
           "candidates": {6: (0, 64), 7: _INT, 8: _INT}}


def _load_compiled():
    if os.environ.get("REPORTLINT_PURE_PYTHON"):
        return None
    try:
        from . import _compiled
    except ImportError:   # built without a C compiler: the twins run
        return None
    return _compiled


compiled = _load_compiled()   # the C module, or None


def twin(name: str):
    """The Python twin of the compiled function `name`."""
    if name in ("doubled_words", "unbalanced_blocks", "offsets_many"):
        from . import twins
    else:
        from .duplicates import twins
    return getattr(twins, name)


def runs_compiled(name: str) -> bool:
    """Whether `name` runs compiled here: for a caller whose best plan differs (one pass for many
    sets of strings pays only in C)."""
    return getattr(sys.modules[__name__], name) is not twin(name)


def __getattr__(name: str):
    """Each name is chosen on first use and then kept: a run imports only the twins it calls."""
    if name not in NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    chosen = globals()[name] = _choose(name)
    return chosen


def _choose(name: str):
    if compiled is None:
        return twin(name)
    function, limits = getattr(compiled, name), _LIMITS.get(name)
    if limits is None:
        return function

    def within_limits(*args):
        if all(low <= args[i] <= high for i, (low, high) in limits.items()):
            return function(*args)
        return twin(name)(*args)

    within_limits.__name__ = name
    return within_limits
