"""The result cache: unchanged files under unchanged rules are answered from disk, identically."""
from __future__ import annotations

import os

from conftest import run_cli


def _env_cli(tmp_path, *args):
    previous = os.environ.get("REPORTLINT_CACHE_DIR")
    os.environ["REPORTLINT_CACHE_DIR"] = str(tmp_path / "cache")
    try:
        return run_cli(*args)
    finally:
        if previous is None:
            del os.environ["REPORTLINT_CACHE_DIR"]
        else:
            os.environ["REPORTLINT_CACHE_DIR"] = previous


def test_second_run_is_served_from_the_cache_and_identical(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("一、总体情况\n全年完成投资xx亿元。\n三、存在的问题\n", encoding="utf-8")
    first = _env_cli(tmp_path, "check", "--format", "json", str(report))
    entries = list((tmp_path / "cache" / "results").rglob("*.pickle"))
    assert len(entries) == 1
    second = _env_cli(tmp_path, "check", "--format", "json", str(report))
    assert second.stdout == first.stdout and second.returncode == first.returncode == 1


def test_changed_text_rules_or_language_are_linted_again(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("一、甲\n三、乙\n", encoding="utf-8")
    assert "WR101" in _env_cli(tmp_path, "check", str(report)).stdout
    report.write_text("一、甲\n二、乙\n", encoding="utf-8")
    assert "WR101" not in _env_cli(tmp_path, "check", str(report)).stdout
    assert "WR102" not in _env_cli(tmp_path, "check", "--ignore", "WR201", str(report)).stdout
    (tmp_path / ".reportlint.yaml").write_text("rules: {WR101: off}\n", encoding="utf-8")
    report.write_text("一、甲\n三、乙\n", encoding="utf-8")
    assert "WR101" not in _env_cli(tmp_path, "check", str(report)).stdout
    (tmp_path / ".reportlint.yaml").unlink()
    english = _env_cli(tmp_path, "check", "--lang", "en", str(report)).stdout
    assert "Heading number skipped" in english


def test_no_cache_writes_nothing(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("一、甲\n", encoding="utf-8")
    _env_cli(tmp_path, "check", "--no-cache", str(report))
    assert not (tmp_path / "cache" / "results").exists()
