"""GitHub Actions workflow commands: one ::error/::warning/::notice annotation per diagnostic."""
from __future__ import annotations

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(reports, lang: str = "zh", **_options) -> str:
    """One workflow command per diagnostic, and one per unreadable file."""
    lines = []
    for report in reports:
        if report.error is not None:
            lines.append(f"::error file={escape_property(report.path)}::{escape_data(report.error)}")
            continue
        for d in report.diagnostics:
            start = report.index.position(d.start)
            end = report.index.position(d.end)
            props = {"file": report.path, "line": start.line + 1, "col": start.character + 1,
                     "endLine": end.line + 1, "endColumn": end.character + 1, "title": d.code}
            if end.line != start.line:
                del props["endColumn"]  # GitHub accepts endColumn only on one-line annotations
            joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
            lines.append(f"::{COMMANDS[d.severity]} {joined}::{escape_data(f'{d.message} ({d.rule})')}")
    return "".join(line + "\n" for line in lines)


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions runner expects (%, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: the message escapes plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
