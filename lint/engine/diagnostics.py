"""Diagnostics and per-file reports: findings resolved to rules, kept in offsets until output."""
from __future__ import annotations

from ..kinds.findings import Fix, Related
from ..document.positions import LineIndex
from ..support.records import maker, record

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@record
class Diagnostic:
    """One finding of one rule, in offsets; formatters turn offsets into positions. A run can
    build 100,000 of these: a record, made a column at a time (make_diagnostic)."""

    code: str
    rule: str
    severity: str
    message: str
    start: int
    end: int
    fix: Fix | None = None
    related: tuple[Related, ...] = ()


make_diagnostic = maker(Diagnostic)


class FileReport:
    """What was found in one file, or why it could not be read."""

    __slots__ = ("path", "encoding", "diagnostics", "error", "index", "source", "notice")

    def __init__(self, path: str, encoding: str = "", diagnostics: list[Diagnostic] | None = None,
                 error: str | None = None, index: LineIndex | None = None, source: object | None = None,
                 notice: str | None = None) -> None:
        self.path = path
        self.encoding = encoding
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.error = error
        self.index = index
        self.source = source     # the SourceText, for --fix
        self.notice = notice     # why a readable file was not checked: "empty" (lint.api.EMPTY)

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
