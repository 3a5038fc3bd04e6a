"""Diagnostics and per-file reports: findings resolved to rules, kept in offsets until output."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .findings import Fix, Related
from .positions import LineIndex

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class Diagnostic(NamedTuple):
    """One finding of one rule, in offsets; formatters turn offsets into positions.

    A named tuple, not a frozen dataclass: a run can build 100,000 of these, and a tuple is built
    in C where a frozen dataclass pays one object.__setattr__ per field.
    """

    code: str
    rule: str
    severity: str
    message: str
    start: int
    end: int
    fix: Fix | None = None
    related: tuple[Related, ...] = ()


@dataclass(eq=False)
class FileReport:
    """What was found in one file, or why it could not be read."""

    path: str
    encoding: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    index: LineIndex | None = None
    source: object | None = None     # the SourceText, for --fix

    def range(self, start: int, end: int) -> dict:
        """An LSP range (UTF-16 columns) for offsets start–end."""
        a = self.index.utf16_position(start)
        b = self.index.utf16_position(end)
        return {"start": {"line": a.line, "character": a.character},
                "end": {"line": b.line, "character": b.character}}

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for d in self.diagnostics:
            out[d.severity] += 1
        return out


def at_or_above(severity: str, level: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[level]
