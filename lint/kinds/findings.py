"""What a rule kind reports: a span in offsets, message arguments, an optional fix and related spans.

These are immutable value objects, named tuples rather than frozen dataclasses: a run makes one
Finding (often with a Fix and an Edit) per diagnostic, 100,000 of them on a large corpus, and a
tuple is built in C where a frozen dataclass pays one object.__setattr__ per field. Edits are
hashable by value (fixes.py keeps them in a set).
"""
from __future__ import annotations

from types import MappingProxyType

from ..support.records import maker, record

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without importing typing (3 ms of a one-file run)
if TYPE_CHECKING:
    from typing import Any, Mapping

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


make_edit, make_fix, make_finding = maker(Edit), maker(Fix), maker(Finding)
