"""Help that fits a screen, every option explained, and usage errors that name the nearest right
word; codes and names in any case (issue #18, item 3)."""
from __future__ import annotations

import os
import unicodedata

import pytest

from conftest import run_cli

REPORT = "一、总体情况\n全年完成xx项工作。\n三、存在的问题\n人员不足。\n四、下一步工作计划\n加强建设。\n"


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _help(*args: str) -> str:
    import subprocess
    import sys

    from conftest import ROOT

    proc = subprocess.run([sys.executable, "-m", "lint", *args], cwd=ROOT, capture_output=True, timeout=60,
                          env={**os.environ, "COLUMNS": "80"})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.decode("utf-8")


@pytest.mark.parametrize("lang,groups", [("zh", ("输出:", "规则:", "修复:", "基线（已有问题）:", "运行:")),
                                         ("en", ("output:", "rules:", "fixes:", "baseline (known findings):", "run:"))])
def test_check_help_fits_a_screen_in_groups(lang, groups):
    text = _help("check", "--help", "--lang", lang)
    lines = text.splitlines()
    assert len(lines) <= 40, text
    assert max(map(_columns, lines)) <= 80, max(lines, key=_columns)
    assert all(group in lines for group in groups), text
    assert "退出状态：0" in text if lang == "zh" else "Exit status: 0" in text


def test_every_option_of_every_command_has_help_text():
    from lint.cli.main import _SUBCOMMANDS, _parser

    for name in _SUBCOMMANDS:
        parser = _parser([name])
        sub = next(a for a in parser._actions if a.dest == "command").choices[name]
        for action in sub._actions:
            assert action.help, f"reportlint {name} {'/'.join(action.option_strings) or action.metavar}: no help"
        listed = _help(name, "--help")
        for action in sub._actions:
            for option in action.option_strings:
                assert option in listed, (name, option)


def test_a_mistyped_code_name_option_or_command_gets_the_nearest(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    code = run_cli("check", "--select", "WR1O1", "a.txt", cwd=tmp_path)
    assert code.returncode == 2 and code.stderr == "reportlint: 未知的规则代码或名称：WR1O1（是否想写 WR101？）\n"
    name = run_cli("check", "--ignore", "placeholdr", "--lang", "en", "a.txt", cwd=tmp_path)
    assert name.returncode == 2 and name.stderr == "reportlint: unknown rule code or name: placeholdr (did you mean placeholder?)\n"
    option = run_cli("check", "--fial-on", "error", "a.txt", cwd=tmp_path)
    assert option.returncode == 2 and "reportlint check: error: 无法识别的参数：--fial-on（是否想写 --fail-on？）" in option.stderr
    command = run_cli("chek", "a.txt", cwd=tmp_path)
    assert command.returncode == 2 and "无效的取值 'chek'，是否想写 check？" in command.stderr
    choice = run_cli("check", "--format", "jsn", "a.txt", cwd=tmp_path)
    assert choice.returncode == 2 and "无效的取值 'jsn'，是否想写 json？（可选：text, json, sarif, github）" in choice.stderr
    explain = run_cli("explain", "heading-sequense", cwd=tmp_path)
    assert explain.returncode == 2 and explain.stderr == "reportlint: 未知的规则：heading-sequense（是否想写 heading-sequence？）\n"


def test_a_mistyped_config_key_gets_the_nearest(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("fail-on: error\nrule:\n  WR101: off\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == f"reportlint: {tmp_path / '.reportlint.yaml'}:2: rule: unknown key（是否想写 rules？）\n"
    (tmp_path / ".reportlint.yaml").write_text("per-file:\n  - files: ['*.txt']\n    ignor: [WR301]\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "per-file.0.ignor: unknown key（是否想写 ignore？）" in proc.stderr


def test_codes_and_names_are_case_insensitive(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    upper = run_cli("check", "--select", "WR101,WR301", "a.txt", cwd=tmp_path)
    lower = run_cli("check", "--select", "wr101,Placeholder", "a.txt", cwd=tmp_path)
    assert upper.returncode == lower.returncode == 1 and lower.stdout == upper.stdout
    assert "WR101" in lower.stdout and "WR301" in lower.stdout
    prefix = run_cli("check", "--ignore", "wr3", "a.txt", cwd=tmp_path)
    assert "WR301" not in prefix.stdout and "WR101" in prefix.stdout
    (tmp_path / ".reportlint.yaml").write_text("rules:\n  wr101: off\n", encoding="utf-8")
    configured = run_cli("check", "a.txt", cwd=tmp_path)
    assert configured.returncode == 1 and "WR101" not in configured.stdout and "WR301" in configured.stdout
    assert run_cli("explain", "wr101").stdout.startswith("WR101 heading-sequence")
