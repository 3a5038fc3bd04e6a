"""What a rule kind reports: a span in offsets, message arguments, an optional fix and related spans."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with new_text."""

    start: int
    end: int
    new_text: str


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding (the first copy of a duplicate)."""

    start: int
    end: int
    message: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by a kind. `variant` picks a message variant ("skip", "repeat" …)."""

    start: int
    end: int
    args: dict[str, Any] = field(default_factory=dict)
    variant: str = ""
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
