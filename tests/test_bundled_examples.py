"""The README's quick start lints examples/: the flawed report shows each planted mistake, the clean one none."""
from __future__ import annotations

from conftest import ROOT, json_report


def _by_file():
    report = json_report(str(ROOT / "examples"))
    return {f["path"].rsplit("/", 2)[-2]: f["diagnostics"] for f in report["files"]}


def test_flawed_report_shows_its_planted_mistakes_and_clean_one_nothing():
    files = _by_file()
    flawed = sorted((d["code"], d["range"]["start"]["line"]) for d in files["flawed"] if d["severity"] != "info")
    assert flawed == [("WR101", 5), ("WR105", 8), ("WR105", 10), ("WR107", 13), ("WR301", 4), ("WR301", 22),
                      ("WR302", 14), ("WR403", 11), ("WR601", 11), ("WR602", 9)]
    assert [d for d in files["clean"] if d["severity"] != "info"] == []
