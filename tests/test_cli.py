"""The command line per CONTRACT.md: output shapes, sorting, selection, exit codes, stdin."""
from __future__ import annotations

import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict

from conftest import SHARED, run_cli

EXAMPLES = SHARED / "examples"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Pos(_Strict):
    line: int
    character: int


class Range(_Strict):
    start: Pos
    end: Pos


class Edit(_Strict):
    range: Range
    newText: str


class Fix(_Strict):
    safe: bool
    edits: list[Edit]


class Related(_Strict):
    path: str
    range: Range
    message: str


class Diag(_Strict):
    code: str
    rule: str
    severity: Literal["error", "warning", "info"]
    message: str
    range: Range
    fix: Optional[Fix]
    related: list[Related]


class FileEntry(_Strict):
    path: str
    encoding: Optional[str] = None
    diagnostics: Optional[list[Diag]] = None
    error: Optional[str] = None


class Tool(_Strict):
    name: Literal["reportlint"]
    version: str


class Summary(_Strict):
    files: int
    error: int
    warning: int
    info: int


class Report(_Strict):
    version: Literal[1]
    tool: Tool
    files: list[FileEntry]
    summary: Summary


def test_json_output_matches_the_contract():
    proc = run_cli("check", "--format", "json", str(EXAMPLES))
    assert proc.returncode == 1
    report = Report.model_validate_json(proc.stdout)
    assert report.summary.files == len(report.files) == 6
    assert all(f.path.startswith(str(EXAMPLES)) for f in report.files)
    clean = [f for f in report.files if f.path.endswith("e06_district_civil_affairs_2024h1.txt")][0]
    assert [d for d in clean.diagnostics if d.severity != "info"] == []


def test_text_output_is_sorted_with_one_based_positions(tmp_path):
    (tmp_path / "b.txt").write_text("一、甲\n三、乙\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文。\n（一）甲\n（一）乙\n", encoding="utf-8")
    proc = run_cli("check", "--select", "WR101", str(tmp_path))
    lines = proc.stdout.splitlines()
    assert lines[0] == f"{tmp_path}/a.txt:3:1: WR101 [error] 标题序号重复：“（一）”与上一个同级标题相同，应为“（二）”  (heading-sequence)"
    assert lines[1].startswith(f"{tmp_path}/b.txt:2:1: WR101 [error]")
    assert "检查 2 个文件" in lines[-1]
    assert proc.returncode == 1


def test_show_source_draws_a_caret_under_the_span(tmp_path):
    (tmp_path / "a.txt").write_text("一、甲\n三、乙\n", encoding="utf-8")
    proc = run_cli("check", "--select", "WR101", "--show-source", "always", str(tmp_path / "a.txt"))
    lines = proc.stdout.splitlines()
    assert lines[1] == "    三、乙" and lines[2] == "    ^^^^"


def test_english_messages(tmp_path):
    (tmp_path / "a.txt").write_text("一、甲\n三、乙\n", encoding="utf-8")
    proc = run_cli("check", "--lang", "en", "--select", "WR101", str(tmp_path / "a.txt"))
    assert "Heading number skipped" in proc.stdout and "1 file(s) checked" in proc.stdout


def test_select_ignore_by_code_name_and_prefix(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("二、甲\n1、乙\n三、丙\n", encoding="utf-8")

    def codes(*args):
        data = json.loads(run_cli("check", "--format", "json", *args, str(path)).stdout)
        return sorted({d["code"] for d in data["files"][0]["diagnostics"]})

    assert codes("--select", "WR10") == ["WR102", "WR105"]
    assert codes("--select", "heading-start") == ["WR102"]
    assert codes("--select", "WR1", "--ignore", "WR102,heading-marker-style") == []
    assert "WR104" in codes("--select", "WR104")


def test_exit_codes(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("一、甲\n正文。\n二、乙\n正文。\n", encoding="utf-8")
    assert run_cli("check", "--select", "WR1", str(clean)).returncode == 0
    warn = tmp_path / "warn.txt"
    warn.write_text("二、甲\n", encoding="utf-8")
    assert run_cli("check", "--select", "WR102", str(warn)).returncode == 1
    assert run_cli("check", "--select", "WR102", "--fail-on", "error", str(warn)).returncode == 0
    bad = run_cli("check", "--select", "WR999", str(clean))
    assert bad.returncode == 2 and "WR999" in bad.stderr and "Traceback" not in bad.stderr
    assert run_cli("check", "--format", "yaml", str(clean)).returncode == 2


def test_stdin_with_filename():
    proc = run_cli("check", "--format", "json", "--select", "WR101", "--stdin-filename", "draft.md", "-",
                   stdin="## 一、甲\n\n## 三、乙\n".encode("utf-8"))
    data = json.loads(proc.stdout)
    assert data["files"][0]["path"] == "draft.md"
    assert [d["range"]["start"]["line"] for d in data["files"][0]["diagnostics"]] == [2]


def test_rules_and_explain():
    rules = json.loads(run_cli("rules", "--format", "json").stdout)
    by_code = {r["code"]: r for r in rules}
    assert by_code["WR104"]["enabled"] is False and by_code["WR101"]["name"] == "heading-sequence"
    text = run_cli("rules").stdout
    assert "WR104  heading-level-skip" in text and " off " in text
    explain = run_cli("explain", "heading-marker-style")
    assert explain.returncode == 0
    assert "WR105" in explain.stdout and "错误示例" in explain.stdout and "1、基本公共卫生服务" in explain.stdout
    assert "Bad:" in run_cli("explain", "WR105", "--lang", "en").stdout
    assert run_cli("explain", "WR999").returncode == 2


def test_help_lists_every_subcommand_and_each_subcommand_its_options():
    """The parser declares only the subcommand named on the command line: the rest must not show."""
    top = run_cli("--help")
    assert top.returncode == 0
    for name in ("check", "config", "rules", "explain", "outline", "lsp"):
        assert name in top.stdout
    check = run_cli("check", "--help")
    assert check.returncode == 0 and "--no-cache" in check.stdout and "--stdin-filename" in check.stdout
    explain = run_cli("explain", "--help")
    assert explain.returncode == 0 and "CODE|NAME" in explain.stdout and "--no-cache" not in explain.stdout


def test_an_unknown_subcommand_or_option_is_a_usage_error_naming_it():
    unknown = run_cli("chekc")
    assert unknown.returncode == 2 and "无效的取值 'chekc'，是否想写 check？" in unknown.stderr
    wrong = run_cli("check", "--format", "xml", "a.txt")
    assert wrong.returncode == 2 and "usage: reportlint check" in wrong.stderr and "'xml'" in wrong.stderr
    option = run_cli("rules", "--no-cache", "--lang", "en")
    assert option.returncode == 2 and "unrecognized arguments: --no-cache" in option.stderr
