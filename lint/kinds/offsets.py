"""Where strings occur in a document: what the pattern kinds try a pattern at, and the lines a
needle picks out. Several rules ask for the same strings ("%％", the x of XX), so each answer is
kept on the document; one pass over the text (compiled) finds all of a tuple's strings at once."""
from __future__ import annotations

from ..document.model import Document
from . import loops


def offsets_of(doc: Document, strings) -> list[int]:
    """Sorted offsets where any of `strings` (the characters of a str, or a tuple of strings) occurs."""
    strings = tuple(strings)
    return doc.shared(("offsets", strings), lambda: loops.offsets(doc.text, strings))
