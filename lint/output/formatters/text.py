"""Human-readable output: one line per diagnostic, with the source line and a caret on a terminal."""
from __future__ import annotations

import unicodedata

from . import RenderedFile

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without importing typing (3 ms of a one-file run)
if TYPE_CHECKING:
    from typing import Iterator

_COLORS = {"error": "31", "warning": "33", "info": "36"}   # ANSI colours of the severities


def render(reports, color: bool = False, show_source: bool = False, lang: str = "zh", **_options) -> str:
    """Every file's lines, then the summary; files rendered elsewhere are taken as they are."""
    return "".join(render_parts(reports, color=color, show_source=show_source, lang=lang))


def render_parts(reports, color: bool = False, show_source: bool = False, lang: str = "zh",
                 **_options) -> Iterator[str]:
    """The output in consecutive pieces, each file's lines one of them (see json_.render_parts)."""
    totals = {"error": 0, "warning": 0, "info": 0}
    chunks: list[str] = []
    fixable = unreadable = 0
    for report in reports:
        if not isinstance(report, RenderedFile):
            report = render_file(report, color=color, show_source=show_source, lang=lang)
        if report.chunk:
            chunks.append(report.chunk)
        unreadable += report.error is not None
        fixable += report.fixable
        for severity, n in report.counts().items():
            totals[severity] += n
    for chunk in chunks:
        yield chunk
        yield "\n"
    yield _summary(len(reports), totals, fixable, unreadable, lang) + "\n"


def render_file(report, color: bool = False, show_source: bool = False, lang: str = "zh",
                **_options) -> RenderedFile:
    """One file's lines: a diagnostic per line (and its source line and caret when asked); for a
    Word file each line also says where Word shows the place (lint/output/word_location.py)."""
    if report.error is not None:
        return RenderedFile(report.path, f"{report.path}: {report.error}", {"error": 0, "warning": 0, "info": 0},
                            0, report.error)
    diagnostics = report.diagnostics
    starts = [d.start for d in diagnostics]
    paint = {severity: _paint(severity, color) for severity in _COLORS}
    lines = [f"{report.path}:{line + 1}:{column + 1}: {d.code} [{paint[d.severity]}] {d.message}  ({d.rule})"
             for d, line, column in zip(diagnostics, *report.index.positions(starts))]
    if getattr(report.source, "kind", "") == "docx" and diagnostics:
        from ..word_location import locations

        where = "位置：" if lang == "zh" else "at "
        lines = [f"{line}  {where}{place}" for line, place in zip(lines, locations(report, lang) or ())]
    if show_source:
        lines = [row for line, d in zip(lines, diagnostics) for row in (line, *_caret(report, d))]
    fixable = sum(1 for d in report.diagnostics if d.fix and d.fix.safe)   # a .docx: into its copy
    return RenderedFile(report.path, "\n".join(lines), report.counts(), fixable)


def _caret(report, d) -> list[str]:
    """The source line and a caret under the span, aligned for wide (CJK) characters."""
    pos = report.index.position(d.start)
    text = report.index.line_text(pos.line)
    end = min(d.end - report.index.starts[pos.line], len(text))
    pad = _width(text[:pos.character])
    span = max(1, _width(text[pos.character:max(end, pos.character)]))
    return ["    " + text, "    " + " " * pad + "^" * span]


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _paint(severity: str, color: bool) -> str:
    if not color:
        return severity
    return f"\033[{_COLORS[severity]}m{severity}\033[0m"


def _summary(files: int, totals: dict, fixable: int, unreadable: int, lang: str) -> str:
    found = sum(totals.values())
    if lang == "en":
        text = (f"{files} file(s) checked: {totals['error']} error(s), {totals['warning']} warning(s), "
                f"{totals['info']} info")
        text += f"; {unreadable} file(s) could not be read" if unreadable else ""
        return text + (f"; {fixable} fixable with --fix" if fixable else "")
    text = f"检查 {files} 个文件：{totals['error']} 个错误，{totals['warning']} 个警告，{totals['info']} 个提示"
    if not found and not unreadable:
        text = f"检查 {files} 个文件：未发现问题"
    text += f"；{unreadable} 个文件无法读取" if unreadable else ""
    return text + (f"；其中 {fixable} 个可用 --fix 自动修复" if fixable else "")
