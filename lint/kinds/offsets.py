"""Where strings occur in a document: what the pattern kinds try a pattern at, and the lines a
needle picks out.

The rules ask for some thirty sets of strings ("%％", the x of XX, the brackets…), the same for
every document. Compiled, each set asked for is remembered for the process, and a document's
first question finds every set known by then in one pass over its text; a set first asked for on
this document is found on its own. The Python twin pays per string rather than per pass, so
there each set is found when asked for, from its strings' offsets, which the sets sharing a
string share. The answers are exact either way.
"""
from __future__ import annotations

from ..document.model import Document
from . import loops

_KNOWN: dict[tuple[str, ...], None] = {}    # the sets asked for so far, in order
_MAX_KNOWN = 256                            # a long-lived process (the language server) stops adding


def offsets_of(doc: Document, strings) -> list[int]:
    """Sorted offsets where any of `strings` (the characters of a str, or a tuple of strings) occurs."""
    strings = tuple(strings)
    answers = doc.shared("offsets", lambda: _every_known(doc.text))
    found = answers.get(strings)
    if found is None:
        if len(_KNOWN) < _MAX_KNOWN:
            _KNOWN[strings] = None
        found = answers[strings] = _find(doc, strings)
    return found


def _every_known(text: str) -> dict[tuple[str, ...], list[int]]:
    sets = tuple(_KNOWN) if loops.runs_compiled("offsets_many") else ()
    return dict(zip(sets, loops.offsets_many(text, sets))) if sets else {}


def _find(doc: Document, strings: tuple[str, ...]) -> list[int]:
    if len(strings) < 2 or loops.runs_compiled("offsets_many"):
        return loops.offsets_many(doc.text, (strings,))[0]
    runs = [offsets_of(doc, (s,)) for s in strings if s]
    return runs[0] if len(runs) == 1 else sorted(set().union(*runs))
