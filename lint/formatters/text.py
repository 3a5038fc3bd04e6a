"""Human-readable output: one line per diagnostic, with the source line and a caret on a terminal."""
from __future__ import annotations

import unicodedata


def render(reports, color: bool = False, show_source: bool = False, lang: str = "zh", **_options) -> str:
    lines: list[str] = []
    totals = {"error": 0, "warning": 0, "info": 0}
    fixable = unreadable = 0
    for report in reports:
        if report.error is not None:
            lines.append(f"{report.path}: {report.error}")
            unreadable += 1
            continue
        for d in report.diagnostics:
            pos = report.index.position(d.start)
            severity = _paint(d.severity, color)
            lines.append(f"{report.path}:{pos.line + 1}:{pos.character + 1}: {d.code} [{severity}] "
                         f"{d.message}  ({d.rule})")
            if show_source:
                lines.extend(_caret(report, d))
            totals[d.severity] += 1
            fixable += bool(d.fix and d.fix.safe) and getattr(report.source, "kind", "") != "docx"
    lines.append(_summary(len(reports), totals, fixable, unreadable, lang))
    return "\n".join(lines) + "\n"


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
    code = {"error": "31", "warning": "33", "info": "36"}[severity]
    return f"\033[{code}m{severity}\033[0m"


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
