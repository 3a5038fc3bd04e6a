"""What a rule kind reports: a span in offsets, message arguments, an optional fix and related spans.

These are value objects: nothing changes one after it is made. They are not `frozen` dataclasses
only because a frozen dataclass sets each field through object.__setattr__, which triples the cost
of making one, and a run makes one Finding (often with a Fix and an Edit) per diagnostic.
`unsafe_hash` keeps them hashable by value as frozen ones were (fixes.py keeps Edits in a set).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, unsafe_hash=True)
class Edit:
    """Replace text[start:end] with new_text."""

    start: int
    end: int
    new_text: str


@dataclass(slots=True, unsafe_hash=True)
class Fix:
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(slots=True, unsafe_hash=True)
class Related:
    """Another place that explains a finding (the first copy of a duplicate)."""

    start: int
    end: int
    message: str = ""


@dataclass(slots=True, unsafe_hash=True)
class Finding:
    """One problem found by a kind. `variant` picks a message variant ("skip", "repeat" …)."""

    start: int
    end: int
    args: dict[str, Any] = field(default_factory=dict)
    variant: str = ""
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
