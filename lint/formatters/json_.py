"""The contract's JSON document: LSP ranges in UTF-16, fixes and related locations."""
from __future__ import annotations

import json

from .. import __version__
from . import RenderedFile


def render(reports, **_options) -> str:
    """The whole document; files rendered elsewhere are spliced in as they are."""
    totals = {"error": 0, "warning": 0, "info": 0}
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
    # No indent: json's C encoder only runs without one (several times faster on big reports).
    chunk = json.dumps(file_entry(report), ensure_ascii=False)
    totals = {"error": 0, "warning": 0, "info": 0} if report.error is not None else report.counts()
    return RenderedFile(report.path, chunk, totals, 0, report.error)


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
