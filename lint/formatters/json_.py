"""The contract's JSON document: LSP ranges in UTF-16, fixes and related locations.

A file's entry is written as text directly, in exactly the form `json.dumps(entry,
ensure_ascii=False)` gives: a run can report 100,000 diagnostics, and building a dict tree
for each only to serialise it costs several times more. Strings are escaped by the json
module's own C function.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring as _string   # what json.dumps(str, ensure_ascii=False) uses

from .. import __version__
from . import RenderedFile

_NO_TOTALS = {"error": 0, "warning": 0, "info": 0}


def render(reports, **_options) -> str:
    """The whole document; files rendered elsewhere are spliced in as they are."""
    totals = dict(_NO_TOTALS)
    chunks = []
    for report in reports:
        rendered = report if isinstance(report, RenderedFile) else render_file(report)
        chunks.append(rendered.chunk)
        for severity, n in rendered.counts().items():
            totals[severity] += n
    head = json.dumps({"name": "reportlint", "version": __version__}, ensure_ascii=False)
    summary = json.dumps({"files": len(reports), **totals})
    return f'{{"version": 1, "tool": {head}, "files": [{", ".join(chunks)}], "summary": {summary}}}\n'


def render_file(report, **_options) -> RenderedFile:
    totals = dict(_NO_TOTALS) if report.error is not None else report.counts()
    return RenderedFile(report.path, file_json(report), totals, 0, report.error)


def file_json(report) -> str:
    """One file's entry: its path and encoding and diagnostics, or why it could not be read."""
    path = _string(report.path)
    if report.error is not None:
        return f'{{"path": {path}, "error": {_string(report.error)}}}'
    writer = _Writer(report, path)
    body = ", ".join(map(writer.diagnostic, report.diagnostics))
    return f'{{"path": {path}, "encoding": {_string(report.encoding)}, "diagnostics": [{body}]}}'


def file_entry(report) -> dict:
    """One file's entry as a dict (for callers that want objects, not text)."""
    return json.loads(file_json(report))


def diagnostic(report, d) -> dict:
    """One diagnostic as the contract's JSON object (the language server converts these)."""
    return json.loads(_Writer(report, _string(report.path)).diagnostic(d))


class _Writer:
    """Writes one file's diagnostics, turning offsets into UTF-16 positions through its index."""

    __slots__ = ("path", "position", "heads")

    def __init__(self, report, path: str):
        self.path = path
        self.position = report.index.utf16_locator()
        self.heads: dict[tuple[str, str, str], str] = {}

    def range(self, start: int, end: int) -> str:
        a, b = self.position(start), self.position(end)
        return (f'{{"start": {{"line": {a[0]}, "character": {a[1]}}}, '
                f'"end": {{"line": {b[0]}, "character": {b[1]}}}}}')

    def head(self, d) -> str:
        """The opening shared by every diagnostic of one rule: code, rule name, severity."""
        key = (d.code, d.rule, d.severity)
        found = self.heads.get(key)
        if found is None:
            found = self.heads[key] = (f'{{"code": {_string(d.code)}, "rule": {_string(d.rule)}, '
                                       f'"severity": {_string(d.severity)}, "message": ')
        return found

    def diagnostic(self, d) -> str:
        where = self.range(d.start, d.end)
        fix = "null"
        if d.fix is not None:
            # Most fixes replace exactly the reported span: its range is already written.
            span = (d.start, d.end)
            edits = ", ".join(f'{{"range": {where if (e.start, e.end) == span else self.range(e.start, e.end)}, '
                              f'"newText": {_string(e.new_text)}}}' for e in d.fix.edits)
            fix = f'{{"safe": {"true" if d.fix.safe else "false"}, "edits": [{edits}]}}'
        related = ", ".join(f'{{"path": {self.path}, "range": {self.range(r.start, r.end)}, '
                            f'"message": {_string(r.message)}}}' for r in d.related) if d.related else ""
        return f'{self.head(d)}{_string(d.message)}, "range": {where}, "fix": {fix}, "related": [{related}]}}'
