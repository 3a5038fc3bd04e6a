"""Baselines: --write-baseline records findings; --baseline reports only new ones, whatever their line."""
from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

OLD = "一、总体情况\n正文。\n三、存在的问题\n正文。\n"          # WR101 at 三、
SELECT = ("--select", "WR101,WR105")


def _check(folder: Path, *args: str):
    return run_cli("check", *SELECT, *args, cwd=folder)


def test_baseline_hides_old_findings_even_after_edits_above(tmp_path):
    (tmp_path / "reports").mkdir()
    draft = tmp_path / "reports" / "a.txt"
    draft.write_text(OLD, encoding="utf-8")
    proc = _check(tmp_path, "--write-baseline", "baseline.json", "reports")
    assert proc.returncode == 1  # writing a baseline still reports today's findings
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["findings"] == [{"path": "reports/a.txt", "code": "WR101", "text": "三、", "count": 1}]
    assert _check(tmp_path, "--baseline", "baseline.json", "reports").returncode == 0

    # lines added above the old finding do not revive it; a new finding is reported
    draft.write_text("前言一段。\n\n" + OLD + "1、新增问题\n", encoding="utf-8")
    proc = _check(tmp_path, "--baseline", "baseline.json", "reports")
    assert proc.returncode == 1
    assert "WR105" in proc.stdout and "WR101" not in proc.stdout


def test_baseline_counts_copies_and_matches_from_another_folder(tmp_path):
    draft = tmp_path / "a.txt"
    draft.write_text(OLD, encoding="utf-8")
    _check(tmp_path, "--write-baseline", "b.json", "a.txt")
    # a second copy of the same finding is new
    draft.write_text(OLD + "三、又一节\n正文。\n", encoding="utf-8")
    proc = _check(tmp_path, "--baseline", "b.json", "a.txt")
    assert proc.stdout.count("WR101") == 1
    # paths are matched relative to the baseline file, not the working folder
    sub = tmp_path / "sub"
    sub.mkdir()
    draft.write_text(OLD, encoding="utf-8")
    assert _check(sub, "--baseline", "../b.json", "../a.txt").returncode == 0


def test_baseline_json_output_and_bad_files(tmp_path):
    (tmp_path / "a.txt").write_text(OLD, encoding="utf-8")
    _check(tmp_path, "--write-baseline", "b.json", "a.txt")
    proc = _check(tmp_path, "--baseline", "b.json", "--format", "json", "a.txt")
    assert json.loads(proc.stdout)["files"][0]["diagnostics"] == []
    missing = _check(tmp_path, "--baseline", "none.json", "a.txt")
    assert missing.returncode == 2 and "none.json" in missing.stderr
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert _check(tmp_path, "--baseline", "broken.json", "a.txt").returncode == 2
