"""Duplicate kinds (WR401–WR402): paragraphs pasted twice, and sentences or paragraphs nearly the same.

    checks.py   the options and the two checks (WR401 duplicate-block, WR402 near-duplicate)
    levels.py   the document's folded text and its units at each level, made by the loops
    units.py    a unit and a level's units as columns; what folding a key strips
    sketch.py   3-gram ranks and the sketch index (what finds the candidates of WR402)
    twins.py    the Python twins of the compiled loops, with the C's signatures

Every step that touches each character or each unit (folding, placing the units' keys, verbatim
copies, ranking the 3-grams, the sketch index) is a function of lint/kinds/loops.py: compiled
(lint/kinds/_compiled.c) where it was built, else its twin here, with the same results.
"""
from __future__ import annotations

from .checks import DuplicateOptions, NearDuplicateOptions, check_duplicate_blocks, check_near_duplicates

__all__ = ["DuplicateOptions", "NearDuplicateOptions", "check_duplicate_blocks", "check_near_duplicates"]
