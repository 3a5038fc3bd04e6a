"""The contract's JSON document: LSP ranges in UTF-16, fixes and related locations."""
from __future__ import annotations

import json

from .. import __version__


def render(reports, **_options) -> str:
    # No indent: json's C encoder only runs without one (several times faster on big reports).
    return json.dumps(document(reports), ensure_ascii=False) + "\n"


def document(reports) -> dict:
    """The whole JSON report as plain data."""
    totals = {"error": 0, "warning": 0, "info": 0}
    files = []
    for report in reports:
        files.append(file_entry(report))
        for severity, n in report.counts().items():
            totals[severity] += n
    return {"version": 1, "tool": {"name": "reportlint", "version": __version__},
            "files": files, "summary": {"files": len(reports), **totals}}


def file_entry(report) -> dict:
    if report.error is not None:
        return {"path": report.path, "error": report.error}
    return {"path": report.path, "encoding": report.encoding,
            "diagnostics": [diagnostic(report, d) for d in report.diagnostics]}


def diagnostic(report, d) -> dict:
    fix = None
    if d.fix is not None:
        fix = {"safe": d.fix.safe,
               "edits": [{"range": report.range(e.start, e.end), "newText": e.new_text} for e in d.fix.edits]}
    return {"code": d.code, "rule": d.rule, "severity": d.severity, "message": d.message,
            "range": report.range(d.start, d.end), "fix": fix,
            "related": [{"path": report.path, "range": report.range(r.start, r.end), "message": r.message}
                        for r in d.related]}
