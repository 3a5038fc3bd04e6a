"""What a rule kind reports: a span in offsets, message arguments, an optional fix and related spans.

These are immutable value objects (records: named tuples), hashable by value (fixes.py keeps
edits in a set). A run makes one Finding (often with a Fix and an Edit) per diagnostic, 100,000
of them on a large corpus: kinds build them by name with make_finding, make_fix, make_edit and
make_related, which cost what a tuple costs.
"""
from __future__ import annotations

from types import MappingProxyType

from ..support.hints import Any, Mapping
from ..support.records import by_name, record

_NO_ARGS: Mapping[str, Any] = MappingProxyType({})   # a shared default that nobody can change


@record
class Edit:
    """Replace text[start:end] with new_text."""

    start: int
    end: int
    new_text: str


@record
class Fix:
    edits: tuple[Edit, ...]
    safe: bool = True


@record
class Related:
    """Another place that explains a finding (the first copy of a duplicate)."""

    start: int
    end: int
    message: str = ""


@record
class Finding:
    """One problem found by a kind. `variant` picks a message variant ("skip", "repeat" …)."""

    start: int
    end: int
    args: Mapping[str, Any] = _NO_ARGS
    variant: str = ""
    fix: Fix | None = None
    related: tuple[Related, ...] = ()


make_edit, make_fix, make_related, make_finding = by_name(Edit), by_name(Fix), by_name(Related), by_name(Finding)
