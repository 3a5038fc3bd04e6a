"""Real reports (../shared/real): the findings on them are stored, every one judged, and held to
the precision bars of issue 17; the defects planted in them are found.

A change in either direction shows here: a finding gone or a new one fails the comparison with
tests/real/expected-*.jsonl. Look at each, judge a new one (tests/real/*-judged.jsonl, same
fields as ../shared/real/judged.jsonl), then `pytest tests/test_real.py --regen`.
"""
from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest

from conftest import SHARED

from lint.api import lint_path

REAL = SHARED / "real"
HERE = Path(__file__).parent / "real"
pytestmark = pytest.mark.skipif(not (REAL / "reports").is_dir(), reason="../shared/real is not beside the checkout")


def findings(folder: Path) -> list[dict]:
    """Every finding on the reports in `folder`: file, code, 0-based line and message, in order."""
    out = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".docx")):
        report = lint_path(path, use_cache=False)
        assert report.error is None, (path, report.error)
        for d in report.diagnostics:
            out.append({"file": path.name, "code": d.code, "line": report.index.position(d.start).line,
                        "message": d.message})
    return out


def verdicts(*files: Path) -> dict[tuple, list[str]]:
    table: dict[tuple, list[str]] = collections.defaultdict(list)
    for file in files:
        for raw in file.read_text(encoding="utf-8").splitlines():
            if raw.strip():
                j = json.loads(raw)
                table[j["file"], j["code"], j["line"]].append(j["verdict"])
    return table


def precision(found: list[dict], table: dict) -> tuple[float, collections.Counter, dict]:
    """(precision over true and false, verdict counts, per code counts), matching by file, code
    and line with multiplicity, as ../shared/tools/real_precision.py does; none may be unjudged."""
    table = {k: list(v) for k, v in table.items()}
    counts: collections.Counter = collections.Counter()
    per_code: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for f in found:
        left = table.get((f["file"], f["code"], f["line"]))
        verdict = left.pop(0) if left else "unjudged"
        counts[verdict] += 1
        per_code[f["code"]][verdict] += 1
    bad = counts["false"] + counts["unjudged"]
    return counts["true"] / max(1, counts["true"] + bad), counts, per_code


def compare(name: str, found: list[dict], regen: bool) -> None:
    stored = HERE / f"expected-{name}.jsonl"
    lines = "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in found)
    if regen:
        stored.write_text(lines, encoding="utf-8")
    expected = [json.loads(raw) for raw in stored.read_text(encoding="utf-8").splitlines() if raw.strip()]
    gone = [e for e in expected if e not in found]
    new = [f for f in found if f not in expected]
    assert not gone and not new, f"findings changed on real/{name}: gone {gone}, new {new} (judge, then --regen)"


@pytest.fixture(scope="module")
def on_reports() -> list[dict]:
    return findings(REAL / "reports")


@pytest.fixture(scope="module")
def on_more() -> list[dict]:
    pytest.importorskip("docx")
    return findings(REAL / "more")


def test_the_real_reports_give_the_stored_findings(on_reports, regen):
    compare("reports", on_reports, regen)


def test_the_real_reports_findings_are_judged_and_precise(on_reports):
    score, counts, per_code = precision(on_reports, verdicts(REAL / "judged.jsonl", HERE / "reports-judged.jsonl"))
    assert counts["unjudged"] == 0, "judge the new findings in tests/real/reports-judged.jsonl"
    assert score >= 0.95 and counts["false"] <= 10, (score, counts)
    for code, c in per_code.items():
        if sum(c.values()) >= 3 and c["true"] + c["false"]:
            assert c["true"] / (c["true"] + c["false"]) >= 0.9, (code, c)


def test_the_other_authors_reports_give_the_stored_findings(on_more, regen):
    compare("more", on_more, regen)


def test_the_other_authors_findings_are_judged_and_precise(on_more):
    score, counts, _ = precision(on_more, verdicts(HERE / "more-judged.jsonl"))
    assert counts["unjudged"] == 0, "judge the new findings in tests/real/more-judged.jsonl"
    assert score >= 0.9, (score, counts)


def test_the_planted_defects_are_found():
    gold = [json.loads(raw) for raw in (REAL / "planted" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if raw.strip()]
    found = collections.Counter((f["file"], f["code"], f["line"]) for f in findings(REAL / "planted"))
    wanted = collections.Counter((g["file"], g["code"], g["line"]) for g in gold)
    hits = sum(min(n, found[key]) for key, n in wanted.items())
    assert hits / sum(wanted.values()) >= 0.97, (hits, sum(wanted.values()))
