"""SARIF 2.1.0 for GitHub code scanning and other viewers: rule metadata, results, fixes."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from ..._version import __version__
from ...engine.baseline import fingerprints

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/reportlint/"


def render(reports, lang: str = "zh", **_options) -> str:
    """The SARIF log of `reports` as indented JSON."""
    return json.dumps(document(reports, lang), ensure_ascii=False, indent=1) + "\n"


def document(reports, lang: str = "zh") -> dict:
    """The SARIF log as plain data: one run, every known rule, one result per diagnostic."""
    descriptors, index = _descriptors(reports, lang)
    results, notifications = [], []
    for report in reports:
        if report.error is not None:
            notifications.append({"level": "error", "message": {"text": report.error},
                                  "locations": [{"physicalLocation": {"artifactLocation": _artifact(report.path)}}]})
            continue
        prints = fingerprints(report)
        results.extend(_result(report, d, index[d.code], lang, fp) for d, fp in zip(report.diagnostics, prints))
    run = {
        "tool": {"driver": {"name": "reportlint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": descriptors}},
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
        "columnKind": "utf16CodeUnits",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _descriptors(reports, lang: str) -> tuple[list[dict], dict[str, int]]:
    """Every built-in rule, plus a bare descriptor for any other code the reports mention."""
    from ...config.loader import all_rules

    descriptors = [_descriptor(rule, lang) for rule in all_rules()]
    known = {d["id"] for d in descriptors}
    for report in reports:
        for d in report.diagnostics:
            if d.code not in known:
                known.add(d.code)
                descriptors.append({"id": d.code, "name": d.rule,
                                    "defaultConfiguration": {"level": LEVELS[d.severity]}})
    return descriptors, {d["id"]: i for i, d in enumerate(descriptors)}


def _descriptor(rule, lang: str) -> dict:
    summary = rule.text("summary", lang)
    explain = rule.text("explain", lang).strip() or summary
    help_text = explain + _examples(rule, lang)
    return {
        "id": rule.code, "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": explain},
        "help": {"text": help_text, "markdown": _markdown(summary, explain, rule, lang)},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"tags": [rule.pack], "problem.severity": rule.severity},
    }


def _examples(rule, lang: str) -> str:
    labels = {"fail": "错误示例" if lang == "zh" else "Bad", "pass": "正确示例" if lang == "zh" else "Good"}
    out = []
    for key in ("fail", "pass"):
        for example in rule.examples.get(key, [])[:1]:
            out.append(f"\n\n{labels[key]}:\n" + example)
    return "".join(out)


def _markdown(summary: str, explain: str, rule, lang: str) -> str:
    labels = {"fail": "错误示例" if lang == "zh" else "Bad", "pass": "正确示例" if lang == "zh" else "Good"}
    parts = [f"**{rule.code} {rule.name}**: {summary}", explain]
    for key in ("fail", "pass"):
        for example in rule.examples.get(key, [])[:1]:
            parts.append(f"{labels[key]}:\n\n```text\n{example}\n```")
    return "\n\n".join(parts)


def _result(report, d, rule_index: int, lang: str, fingerprint: str) -> dict:
    result = {
        "ruleId": d.code, "ruleIndex": rule_index, "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [_location(report, d.start, d.end)],
        "partialFingerprints": {"reportlint/v1": fingerprint},
    }
    if d.related:
        result["relatedLocations"] = [
            {"id": i, **_location(report, r.start, r.end), "message": {"text": r.message or d.message}}
            for i, r in enumerate(d.related)]
    if d.fix is not None and d.fix.edits:
        result["fixes"] = [_fix(report, d.fix, lang)]
    return result


def _location(report, start: int, end: int) -> dict:
    return {"physicalLocation": {"artifactLocation": _artifact(report.path), "region": _region(report, start, end)}}


def _region(report, start: int, end: int) -> dict:
    """A 1-based region; columns in UTF-16 units as the run's columnKind says, end exclusive."""
    r = report.range(start, end)
    return {"startLine": r["start"]["line"] + 1, "startColumn": r["start"]["character"] + 1,
            "endLine": r["end"]["line"] + 1, "endColumn": r["end"]["character"] + 1}


def _fix(report, fix, lang: str) -> dict:
    if lang == "zh":
        text = "安全修复（reportlint check --fix）" if fix.safe else "不安全修复（reportlint check --unsafe-fixes）"
    else:
        text = "Safe fix (reportlint check --fix)" if fix.safe else "Unsafe fix (reportlint check --unsafe-fixes)"
    replacements = [{"deletedRegion": _region(report, e.start, e.end), "insertedContent": {"text": e.new_text}}
                    for e in fix.edits]
    return {"description": {"text": text},
            "artifactChanges": [{"artifactLocation": _artifact(report.path), "replacements": replacements}],
            "properties": {"safe": fix.safe}}


def _artifact(path: str) -> dict:
    """A URI reference: relative paths stay relative (forward slashes), absolute ones become file: URIs."""
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix(), safe="/")}
