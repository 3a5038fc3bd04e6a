"""Baselines: record today's findings, later report only new ones.

A finding is identified by its file, its rule code and the text it points at, never by its line,
so editing above an old finding does not bring it back. Each key keeps a count: when a file holds
more copies of a key than the baseline recorded, the later ones are new.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from .diagnostics import Diagnostic, FileReport
from ..support.errors import ReportlintError

VERSION = 1
MAX_TEXT = 200  # longer offending texts (whole duplicated paragraphs) are stored as a hash


def offending_text(report: FileReport, d: Diagnostic) -> str:
    """The text a diagnostic points at (empty for a document-level finding), or its hash when long."""
    text = report.index.text[d.start:d.end] if report.index is not None else ""
    if len(text) > MAX_TEXT:
        return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    return text


def keys(report: FileReport) -> list[tuple[str, str, int]]:
    """(code, offending text, occurrence number) for each diagnostic of the report, in order."""
    seen: Counter = Counter()
    out = []
    for d in report.diagnostics:
        key = (d.code, offending_text(report, d))
        out.append((*key, seen[key]))
        seen[key] += 1
    return out


def fingerprints(report: FileReport) -> list[str]:
    """A stable fingerprint per diagnostic (code, text, occurrence), independent of line numbers."""
    return [hashlib.sha256(f"{code}\0{text}\0{n}".encode("utf-8")).hexdigest()[:32]
            for code, text, n in keys(report)]


def write_baseline(path: str, reports: list[FileReport]) -> None:
    """Write the findings of `reports` to the baseline file `path` (JSON, sorted, stable)."""
    base = Path(path).resolve().parent
    rows = []
    for report in reports:
        if report.error is not None or not report.diagnostics:
            continue
        counts = Counter((d.code, offending_text(report, d)) for d in report.diagnostics)
        name = _relative(report.path, base)
        rows.extend({"path": name, "code": code, "text": text, "count": n}
                    for (code, text), n in counts.items())
    rows.sort(key=lambda r: (r["path"], r["code"], r["text"]))
    data = {"version": VERSION, "tool": "reportlint", "findings": rows}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def filter_baseline(path: str, reports: list[FileReport]) -> list[FileReport]:
    """The reports without the findings recorded in the baseline file `path`."""
    known = _read(path)
    base = Path(path).resolve().parent
    out = []
    for report in reports:
        if report.error is not None or not report.diagnostics:
            out.append(report)
            continue
        name = _relative(report.path, base)
        budget = Counter({(code, text): n for (p, code, text), n in known.items() if p == name})
        fresh = []
        for d in report.diagnostics:
            key = (d.code, offending_text(report, d))
            if budget[key] > 0:
                budget[key] -= 1
            else:
                fresh.append(d)
        out.append(FileReport(report.path, report.encoding, fresh, None, report.index, report.source, report.notice))
    return out


def _read(path: str) -> dict[tuple[str, str, str], int]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError(f"unsupported version {data.get('version')!r}")
        return {(r["path"], r["code"], r["text"]): int(r["count"]) for r in data["findings"]}
    except FileNotFoundError:
        raise ReportlintError(f"{path}: 基线文件不存在（先用 --write-baseline 生成）") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReportlintError(f"{path}: 基线文件无法读取：{exc}") from None


def _relative(report_path: str, base: Path) -> str:
    """The report's path relative to the baseline's folder, with forward slashes."""
    if report_path == "-" or report_path.startswith("<"):
        return report_path
    return Path(os.path.relpath(Path(report_path).resolve(), base)).as_posix()
