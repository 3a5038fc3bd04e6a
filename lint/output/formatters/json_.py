"""The contract's JSON document: LSP ranges in UTF-16, fixes and related locations.

A file's entry is written as text directly, in exactly the form `json.dumps(entry,
ensure_ascii=False)` gives: a run can report 100,000 diagnostics, and building a dict tree
for each only to serialise it costs several times more. Strings are escaped by the json
module's own C function.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring as _string   # what json.dumps(str, ensure_ascii=False) uses
from operator import attrgetter

from ..._version import __version__
from . import RenderedFile
from ...support.hints import Iterator

_NO_TOTALS = {"error": 0, "warning": 0, "info": 0}
_START, _END = attrgetter("start"), attrgetter("end")
_HEAD = attrgetter("code", "rule", "severity", "message")
_BOOLEAN = {True: "true", False: "false"}


def render(reports, **options) -> str:
    """The whole document; files rendered elsewhere are spliced in as they are."""
    return "".join(render_parts(reports, **options))


def render_parts(reports, **_options) -> Iterator[str]:
    """The document in consecutive pieces, each file's entry one of them: the caller can write a
    report of many megabytes without first joining it into one more string."""
    rendered = [report if isinstance(report, RenderedFile) else render_file(report, **_options) for report in reports]
    totals = dict(_NO_TOTALS)
    for file in rendered:
        for severity, n in file.counts().items():
            totals[severity] += n
    head = json.dumps({"name": "reportlint", "version": __version__}, ensure_ascii=False)
    yield f'{{"version": 1, "tool": {head}, "files": ['
    for i, file in enumerate(rendered):
        if i:
            yield ", "
        yield file.chunk
    summary = json.dumps({"files": len(reports), **totals})
    yield f'], "summary": {summary}}}\n'


def render_file(report, lang: str = "zh", **_options) -> RenderedFile:
    totals = dict(_NO_TOTALS) if report.error is not None else report.counts()
    return RenderedFile(report.path, file_json(report, lang), totals, 0, report.error, report.notice)


def file_json(report, lang: str = "zh") -> str:
    """One file's entry: its path and encoding and diagnostics, or why it could not be read. A Word
    file's diagnostics also say where Word shows them ("location", lint/output/word_location.py)."""
    path = _string(report.path)
    if report.error is not None:
        return f'{{"path": {path}, "error": {_string(report.error)}}}'
    body = ", ".join(_Writer(report, path).diagnostics(report.diagnostics, _locations(report, lang)))
    return f'{{"path": {path}, "encoding": {_string(report.encoding)}, "diagnostics": [{body}]}}'


def file_entry(report) -> dict:
    """One file's entry as a dict (for callers that want objects, not text)."""
    return json.loads(file_json(report))


def diagnostic(report, d) -> dict:
    """One diagnostic as the contract's JSON object (the language server converts these)."""
    return json.loads(_Writer(report, _string(report.path)).diagnostics([d])[0])


class _Writer:
    """Writes one file's diagnostics, turning offsets into UTF-16 positions through its index.

    Work is done column by column over all diagnostics (every start, every end, every range) where
    the index can map it in C, and what one rule's diagnostics share is written once.
    """

    __slots__ = ("path", "index", "heads", "one_edit")

    def __init__(self, report, path: str):
        self.path = path
        self.index = report.index
        self.heads = _Heads()
        self.one_edit = _OneEdit()

    def ranges(self, starts: list[int], ends: list[int]) -> list[str]:
        start_lines, start_columns = self.index.utf16_positions(starts)
        end_lines, end_columns = self.index.utf16_positions(ends)
        return [f'{{"start": {{"line": {a}, "character": {b}}}, "end": {{"line": {c}, "character": {d}}}}}'
                for a, b, c, d in zip(start_lines, start_columns, end_lines, end_columns)]

    def range(self, start: int, end: int) -> str:
        return self.ranges([start], [end])[0]

    def diagnostics(self, diagnostics, locations=None) -> list[str]:
        ranges = self.ranges(list(map(_START, diagnostics)), list(map(_END, diagnostics)))
        heads = map(self.heads.__getitem__, map(_HEAD, diagnostics))
        ends = ["}"] * len(ranges) if locations is None else [f', "location": {_string(p)}}}' for p in locations]
        return [f'{head}, "range": {where}, "fix": {"null" if d.fix is None else self.fix(d, where)}, '
                f'"related": [{self.related(d) if d.related else ""}]{end}'
                for d, head, where, end in zip(diagnostics, heads, ranges, ends)]

    def fix(self, d, where: str) -> str:
        """The fix, `where` being the diagnostic's range: most fixes are one edit of exactly that span."""
        edits, safe = d.fix
        if len(edits) == 1 and edits[0].start == d.start and edits[0].end == d.end:
            before, after = self.one_edit[safe, edits[0].new_text]
            return f"{before}{where}{after}"
        ranges = self.ranges([e.start for e in edits], [e.end for e in edits])
        written = ", ".join(f'{{"range": {r}, "newText": {_string(e.new_text)}}}' for e, r in zip(edits, ranges))
        return f'{{"safe": {_BOOLEAN[safe]}, "edits": [{written}]}}'

    def related(self, d) -> str:
        return ", ".join(f'{{"path": {self.path}, "range": {self.range(r.start, r.end)}, '
                         f'"message": {_string(r.message)}}}' for r in d.related)


def _locations(report, lang: str):
    if getattr(report.source, "kind", "") != "docx":
        return None
    from ..word_location import locations

    return locations(report, lang)


class _OneEdit(dict):
    """The text around the range of a fix that is one edit, by (safe, new text): fixes repeat."""

    def __missing__(self, key: tuple[bool, str]) -> tuple[str, str]:
        safe, new_text = key
        parts = self[key] = (f'{{"safe": {_BOOLEAN[safe]}, "edits": [{{"range": ',
                             f', "newText": {_string(new_text)}}}]}}')
        return parts


class _Heads(dict):
    """Each diagnostic's opening up to its message, by (code, rule, severity, message): a rule's
    messages repeat, so few distinct openings are written."""

    def __missing__(self, key: tuple[str, str, str, str]) -> str:
        code, rule, severity, message = key
        head = self[key] = (f'{{"code": {_string(code)}, "rule": {_string(rule)}, '
                            f'"severity": {_string(severity)}, "message": {_string(message)}')
        return head
