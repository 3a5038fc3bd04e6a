"""Human-readable output: one line per diagnostic, with the source line and a caret on a terminal."""
from __future__ import annotations

import unicodedata

from . import RenderedFile
from ...support.hints import Iterator, Sequence

_COLORS = {"error": "31", "warning": "33", "info": "36"}   # ANSI colours of the severities


def render(reports, color: bool = False, show_source: bool = False, lang: str = "zh", **_options) -> str:
    """Every file's lines, then the summary; files rendered elsewhere are taken as they are."""
    return "".join(render_parts(reports, color=color, show_source=show_source, lang=lang))


def render_parts(reports, color: bool = False, show_source: bool = False, lang: str = "zh",
                 fixed_lines: Sequence[str] | None = None, **_options) -> Iterator[str]:
    """The output in consecutive pieces, each file's lines one of them (see json_.render_parts).

    After --fix, `fixed_lines` say what was fixed, and the summary what is left.
    """
    rendered = [r if isinstance(r, RenderedFile) else render_file(r, color=color, show_source=show_source, lang=lang)
                for r in reports]
    for report in rendered:
        if report.chunk:   # an unreadable file has none: its error goes to standard error
            yield report.chunk
            yield "\n"
    for line in fixed_lines or ():
        yield line + "\n"
    yield summary(rendered, lang, after="fix" if fixed_lines is not None else "") + "\n"


def render_file(report, color: bool = False, show_source: bool = False, lang: str = "zh",
                **_options) -> RenderedFile:
    """One file's lines: a diagnostic per line (and its source line and caret when asked); for a
    Word file each line also says where Word shows the place (lint/output/word_location.py)."""
    if report.error is not None:
        return RenderedFile(report.path, "", {"error": 0, "warning": 0, "info": 0}, 0, report.error)
    diagnostics = report.diagnostics
    starts = [d.start for d in diagnostics]
    paint = {severity: _paint(severity, color) for severity in _COLORS}
    lines = [f"{report.path}:{line + 1}:{column + 1}: {d.code} [{paint[d.severity]}] {d.message}"
             f"{_related(report, d, lang) if d.related else ''}  ({d.rule})"
             for d, line, column in zip(diagnostics, *report.index.positions(starts))]
    if getattr(report.source, "kind", "") == "docx" and diagnostics:
        from ..word_location import locations

        where = "位置：" if lang == "zh" else "at "
        lines = [f"{line}  {where}{place}" for line, place in zip(lines, locations(report, lang) or ())]
    if show_source:
        lines = [row for line, d in zip(lines, diagnostics) for row in (line, *_caret(report, d))]
    fixable = sum(1 for d in report.diagnostics if d.fix and d.fix.safe)   # a .docx: into its copy
    return RenderedFile(report.path, "\n".join(lines), report.counts(), fixable, None, report.notice)


def _related(report, d, lang: str) -> str:
    """Where the related places are (the first copy of a duplicate): （首次出现于第13行）."""
    lines = [report.index.position(r.start).line + 1 for r in d.related]
    if lang == "en":
        return " (see line " + ", ".join(map(str, lines)) + ")"
    return "（" + "，".join(f"{r.message}于第{line}行" for r, line in zip(d.related, lines)) + "）"


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


_AFTER_ZH = {"fix": "，修复后", "diff": "，应用以上修复后"}
_AFTER_EN = {"": ": ", "fix": "; left after fixing: ", "diff": "; left after the fixes above: "}


def summary(rendered: Sequence[RenderedFile], lang: str = "zh", after: str = "") -> str:
    """The last line: files checked, findings by severity, unreadable and empty files, and how many
    --fix would fix. `after` "fix" or "diff": the findings are those left after --fix, or after
    the fixes --diff shows."""
    totals = {"error": 0, "warning": 0, "info": 0}
    for report in rendered:
        for severity, n in report.counts().items():
            totals[severity] += n
    files, found = len(rendered), sum(totals.values())
    unreadable = sum(r.error is not None for r in rendered)
    empty = sum(r.notice is not None for r in rendered)
    fixable = sum(r.fixable for r in rendered)
    if lang == "en":
        text = f"{files} file(s) checked" + _AFTER_EN[after]
        text += (f"{totals['error']} error(s), {totals['warning']} warning(s), {totals['info']} info"
                 if found or not after else "nothing")
        text += f"; {unreadable} file(s) could not be read" if unreadable else ""
        text += f"; {empty} empty file(s) not checked" if empty else ""
        return text + (f"; {fixable} fixable with --fix" if fixable else "")
    counts = f"{totals['error']} 个错误，{totals['warning']} 个警告，{totals['info']} 个提示"
    if found or unreadable:
        text = f"检查 {files} 个文件" + (_AFTER_ZH[after] + "仍有 " if after and found else "：") + counts
    else:
        text = f"检查 {files} 个文件" + (_AFTER_ZH[after] + "未发现问题" if after else "：未发现问题")
    text += f"；{unreadable} 个文件无法读取" if unreadable else ""
    text += f"；{empty} 个空文件未检查" if empty else ""
    return text + (f"；其中 {fixable} 个可用 --fix 自动修复" if fixable else "")
