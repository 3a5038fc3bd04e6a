"""What a trusted (Python `re`) pattern can match, read from its parse tree once at prepare time.

Three answers let the pattern kinds search a document in large pieces instead of paragraph by
paragraph, with the same matches:

* `line_bound`: the pattern never consumes or looks at a line break and has no `^ $ \\A \\Z`.
  Run over many lines at once it then matches exactly as it would on each line alone: the
  character before a line (a line break) looks like "no character" to every lookbehind.
* `first`: the strings a match can start with (characters, or a run of literal characters such
  as "19"), when the pattern is line-bound, never matches empty, is case-sensitive and they are
  few and rare enough (x or X for "xx个"). Trying the pattern only where they occur, left to
  right and skipping past each match, is what `finditer` does, minus the positions where no
  match can start.
* `needle`: characters of which every match consumes one, when the pattern is case-sensitive and
  they are few. Paragraphs without one are never searched by the pattern itself. Among possible
  choices the rarest-looking set wins: Latin letters over digits and Chinese.
* `also`: the other such sets a match needs one of each of, when they too look rare: a range
  10-20% needs a % and a dash, and few lines hold both.

The answers are conservative: anything the analysis does not understand gives False / None, and
the caller falls back to searching every paragraph. tests/test_prefilter.py holds every built-in
pattern, exception and substitution to a plain search, paragraph by paragraph, on the pack
examples, the fixtures, the real reports and generated text. REPORTLINT_NO_PREFILTER=1 makes
every search plain: a match suspected lost can be bisected with it.
"""
from __future__ import annotations

import os
import re

from ..support.hints import Optional
from ..support.records import record

ENABLED = not os.environ.get("REPORTLINT_NO_PREFILTER")   # read by patterns.py at each search

try:   # Python 3.11+
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_BREAKS = (10, 13)   # \n and \r: the line ends blocks are split at
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_WORD_BOUNDARIES = ("AT_BOUNDARY", "AT_NON_BOUNDARY")   # the same at a line end and at a text end
# Does a \n, a \r belong to a category (\d \s \w and their negations)?
_CATEGORY_BREAKS = {
    "CATEGORY_DIGIT": (False, False), "CATEGORY_NOT_DIGIT": (True, True),
    "CATEGORY_SPACE": (True, True), "CATEGORY_NOT_SPACE": (False, False),
    "CATEGORY_WORD": (False, False), "CATEGORY_NOT_WORD": (True, True),
    "CATEGORY_LINEBREAK": (True, False), "CATEGORY_NOT_LINEBREAK": (False, True),
}
_MAX_NEEDLE = 64     # a larger character set finds most lines: not worth a pre-scan
# Trying a pattern at each start costs a Python call; past this many common characters
# (8 points for a Chinese character or a digit) searching the needle's lines is cheaper.
_MAX_FIRST_COST = 64
_MAX_RUN = 3         # literal characters kept of a start: enough to make "19" or "TODO" rare
_MAX_ALSO_COST = 32  # a further needle that looks commoner than this leaves out too few lines to pay
_MAX_ALSO = 2        # each costs a pass over the text


class _Unknown(Exception):
    """A construct the analysis does not model."""


@record
class Shape:
    line_bound: bool = False
    first: Optional[tuple[str, ...]] = None
    needle: Optional[str] = None
    also: tuple[str, ...] = ()


def analyse(rx: re.Pattern) -> Shape:
    """The Shape of a compiled Python pattern; Shape() when unsure."""
    try:
        tree = _sre_parse.parse(rx.pattern, rx.flags)
    except (re.error, RecursionError):
        return Shape()
    try:
        bound = _line_bound(tree)
    except _Unknown:
        bound = False
    first = needle = None
    also: tuple[str, ...] = ()
    if not rx.flags & re.IGNORECASE:   # the callers find characters case-sensitively
        starts = _first(tree)[0] if bound and tree.getwidth()[0] > 0 else None
        if starts and sum(_weight(ord(s[0])) / 4 ** (len(s) - 1) for s in starts) <= _MAX_FIRST_COST:
            first = tuple(sorted(starts))
        needle = _string(_required(tree))
        also = tuple(_string(chars) for chars in _also_required(tree, needle))
    return Shape(bound, first, needle, also)


def _string(chars) -> str | None:
    return "".join(chr(c) for c in sorted(chars)) if chars else None


def _line_bound(items) -> bool:
    """True when no part of `items` (lookarounds included) can match \\n or \\r, or sees a line edge."""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            if av in _BREAKS:
                return False
        elif name == "IN":
            if _set_has_break(av):
                return False
        elif name == "AT":
            if str(av) not in _WORD_BOUNDARIES:
                return False
        elif name == "GROUPREF":
            continue   # repeats a group that is checked on its own
        elif not all(_line_bound(sub) for sub in _children(name, av)):
            return False
    return True


def _children(name: str, av) -> list:
    """Sub-patterns of a compound node; unknown nodes (and ., [^x]) raise."""
    if name == "BRANCH":
        return list(av[1])
    if name == "SUBPATTERN":
        return [av[3]]
    if name in _REPEATS:
        return [av[2]]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [av[1]]
    if name == "ATOMIC_GROUP":
        return [av]
    if name == "GROUPREF_EXISTS":
        return [p for p in av[1:] if p is not None]
    raise _Unknown(name)   # ANY (matches \r), NOT_LITERAL, anything newer


def _set_has_break(items) -> bool:
    negate = any(str(op) == "NEGATE" for op, _ in items)
    return any(_set_contains(items, c) != negate for c in _BREAKS)


def _set_contains(items, char: int) -> bool:
    for op, av in items:
        name = str(op)
        if name == "LITERAL" and av == char:
            return True
        if name == "RANGE" and av[0] <= char <= av[1]:
            return True
        if name == "CATEGORY":
            if str(av) not in _CATEGORY_BREAKS:
                raise _Unknown(str(av))
            if _CATEGORY_BREAKS[str(av)][_BREAKS.index(char)]:
                return True
        elif name not in ("LITERAL", "RANGE", "NEGATE"):
            raise _Unknown(name)
    return False


def _first(items) -> tuple[frozenset[str] | None, bool]:
    """(strings a match of the sequence `items` can start with, or None for too many; nullable).

    A run of literal characters after a common one (a digit, a Chinese character) makes one
    string ("19" of 19|20): far rarer than its first character. A rare first character is
    cheaper to find alone. The run stops at anything else; a class gives its characters.
    """
    out: frozenset[str] = frozenset()
    run = ""
    for op, av in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue   # zero width: the next item starts the match
        if name == "LITERAL" and len(run) < _MAX_RUN and (not run or _weight(ord(run[0])) >= 8):
            run += chr(av)
            continue
        if run:
            return out | {run}, False
        strings, nullable = _first_one(name, av)
        if strings is None:
            return None, False
        out |= strings
        if not nullable:
            return out, False
    return (out | {run}, False) if run else (out, True)


def _first_one(name: str, av) -> tuple[frozenset[str] | None, bool]:
    if name == "LITERAL":
        return frozenset((chr(av),)), False
    if name == "IN":
        chars = _set_chars(av)
        return (None if chars is None else frozenset(map(chr, chars))), False
    if name == "BRANCH":
        options = [_first(alt) for alt in av[1]]
        if any(strings is None for strings, _ in options):
            return None, False
        return frozenset().union(*(strings for strings, _ in options)), any(n for _, n in options)
    if name == "SUBPATTERN":
        return (None, False) if av[1] or av[2] else _first(av[3])
    if name in _REPEATS:
        strings, nullable = _first(av[2])
        return strings, nullable or av[0] == 0
    if name == "ATOMIC_GROUP":
        return _first(av)
    return None, False


def _required(items) -> frozenset[int] | None:
    """Characters of which every match of the sequence `items` consumes at least one (cheapest choice)."""
    best = None
    for op, av in items:
        chars = _required_one(str(op), av)
        if chars is not None and (best is None or _cost(chars) < _cost(best)):
            best = chars
    return best


def _also_required(items, needle: str | None) -> list[frozenset[int]]:
    """The sets besides the needle that a match of the sequence `items` consumes one of each of, rare ones."""
    if needle is None:
        return []
    sets = {chars for op, av in items if (chars := _required_one(str(op), av)) is not None}
    sets.discard(frozenset(map(ord, needle)))
    rare = sorted((chars for chars in sets if _cost(chars) <= _MAX_ALSO_COST), key=lambda c: (_cost(c), sorted(c)))
    return rare[:_MAX_ALSO]


def _required_one(name: str, av) -> frozenset[int] | None:
    if name == "LITERAL":
        return frozenset((av,))
    if name == "IN":
        return _set_chars(av)
    if name == "BRANCH":
        options = [_required(alt) for alt in av[1]]
        return None if any(o is None for o in options) else frozenset().union(*options)
    if name == "SUBPATTERN":
        return None if av[1] or av[2] else _required(av[3])   # inline flags (?i:…): not modelled
    if name in _REPEATS:
        return _required(av[2]) if av[0] >= 1 else None
    if name == "ATOMIC_GROUP":
        return _required(av)
    return None   # assertions consume nothing; ., \d, backreferences are no small set


def _set_chars(items) -> frozenset[int] | None:
    chars: set[int] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(av)
        elif name == "RANGE" and av[1] - av[0] < _MAX_NEEDLE:
            chars.update(range(av[0], av[1] + 1))
        else:
            return None   # negated, a category or a wide range
    return frozenset(chars) if len(chars) <= _MAX_NEEDLE else None


def _cost(chars: frozenset[int]) -> int:
    """How many lines a needle of `chars` may hit, roughly: Chinese and digits are everywhere in a report."""
    return sum(_weight(c) for c in chars)


def _weight(c: int) -> int:
    if 0x3400 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF or 0x30 <= c <= 0x39:
        return 8
    if c < 0x80 and not chr(c).isalpha() or 0x3000 <= c <= 0x303F:
        return 4   # ASCII and CJK punctuation: commas, stops, brackets
    return 1
