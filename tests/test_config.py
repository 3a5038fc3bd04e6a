"""Configuration: discovery, validation errors naming file and line, extends, per-file settings, `config`."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli

from lint.config.loader import Config, find_config, load_config, resolve
from lint.support.errors import ConfigError

DRAFT = "一、总体情况\n正文。\n三、存在的问题\n正文。\n1、问题一\n"   # WR101 at line 3, WR105 at line 5


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path, config_text: str, name: str = ".reportlint.yaml") -> str:
    """Run `check` under a config and return stderr, asserting exit 2."""
    _write(tmp_path, name, config_text)
    _write(tmp_path, "a.txt", DRAFT)
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    return proc.stderr


@pytest.mark.parametrize("text, line, key", [
    ("rules:\n  WR101: [\n", 3, None),                                  # YAML syntax error
    ("fail-on: warning\nbogus: 1\n", 2, "bogus"),                         # unknown key
    ("rules:\n  WR101: error\n  WR999: off\n", 3, "WR999"),               # unknown rule code
    ("rules:\n  heading-sequnce: off\n", 2, "heading-sequnce"),           # misspelt rule name
    ("fail-on: 3\n", 1, "fail-on"),                                       # wrong type
    ("rules:\n  WR101: loud\n", 2, "WR101"),                              # bad severity
    ("rules:\n  WR106:\n    options:\n      form: weird\n", 4, "form"),   # bad rule option
    ("rules:\n  WR106:\n    options: {nope: 1}\n", 3, "nope"),            # unknown rule option
    ("lang: zh\nselect:\n  - WR101\n  - WR9\n", 4, "WR9"),                # unknown selector
    ("per-file:\n  - files: ['a*']\n    ignore: [WR888]\n", 3, "WR888"),  # unknown per-file code
    ("per-file:\n  - files: ['a*']\n    skip-packs: [nope]\n", 3, "nope"),
    ("per-file:\n  - ignore: [WR101]\n", 2, "files"),                     # required key missing
    ("packs: [structure, missing-pack]\n", 1, "missing-pack"),
])
def test_config_errors_exit_2_naming_file_and_line(tmp_path, text, line, key):
    stderr = _error(tmp_path, text)
    assert re.search(rf"\.reportlint\.yaml:{line}\b", stderr), stderr
    if key:
        assert key in stderr


def test_pyproject_errors_name_the_line_of_the_key(tmp_path):
    text = '[project]\nname = "x"\n\n[tool.reportlint]\nfail-on = "error"\n\n[tool.reportlint.rules]\nWR101 = "loud"\n'
    assert "pyproject.toml:8:" in _error(tmp_path, text, "pyproject.toml")
    bad_toml = '[tool.reportlint]\nfail-on = \n'
    assert "pyproject.toml:2:" in _error(tmp_path, bad_toml, "pyproject.toml")


def test_pyproject_table_is_found_and_applied(tmp_path):
    _write(tmp_path, "pyproject.toml", '[tool.reportlint]\nignore = ["WR105"]\nfail-on = "error"\n')
    _write(tmp_path, "sub/a.txt", DRAFT)
    proc = run_cli("check", "sub/a.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert "WR101" in proc.stdout and "WR105" not in proc.stdout


def test_discovery_walks_up_and_prefers_the_nearest(tmp_path):
    top = _write(tmp_path, ".reportlint.yaml", "ignore: [WR101]\n")
    inner = _write(tmp_path, "a/b/.reportlint.yaml", "ignore: [WR105]\n")
    _write(tmp_path, "a/b/c/d.txt", DRAFT)
    assert find_config(tmp_path / "a/b/c/d.txt") == inner
    assert find_config(tmp_path / "a/x.txt") == top
    proc = run_cli("check", "a/b/c/d.txt", cwd=tmp_path)
    assert "WR101" in proc.stdout and "WR105" not in proc.stdout


def test_extends_chain_merges_rules_and_accumulates_ignores(tmp_path):
    _write(tmp_path, "base.yaml", "rules:\n  WR105: error\nignore: [WR103]\nfail-on: error\n")
    _write(tmp_path, "mid.yaml", "extends: base.yaml\nrules:\n  WR101: warning\n")
    child = _write(tmp_path, "team/.reportlint.yaml", "extends: ../mid.yaml\nignore: [WR102]\n")
    config = load_config(str(child))
    rules = {r.code: r for r in resolve(config).rules}
    assert rules["WR105"].severity == "error" and rules["WR101"].severity == "warning"
    assert "WR102" not in rules and "WR103" not in rules
    assert config.fail_on == "error"


@pytest.mark.parametrize("files", [
    {".reportlint.yaml": "extends: .reportlint.yaml\n"},
    {".reportlint.yaml": "lang: zh\nextends: other.yaml\n", "other.yaml": "extends: .reportlint.yaml\n"},
])
def test_extends_loops_are_errors(tmp_path, files):
    for name, text in files.items():
        _write(tmp_path, name, text)
    with pytest.raises(ConfigError, match="循环") as err:
        load_config(str(tmp_path / ".reportlint.yaml"))
    assert err.value.line is not None


def test_extends_missing_file(tmp_path):
    stderr = _error(tmp_path, "extends: nowhere.yaml\n")
    assert ".reportlint.yaml:1" in stderr and "nowhere.yaml" in stderr


def test_off_written_bare_turns_a_rule_off_and_on_turns_one_on(tmp_path):
    config = load_config(str(_write(tmp_path, "c.yaml", "rules:\n  WR101: off\n  heading-level-skip: on\n")))
    codes = {r.code for r in resolve(config).rules}
    assert "WR101" not in codes and "WR104" in codes
    # a prefix selection does not revive a rule the config turned off; naming it exactly does
    assert "WR101" not in {r.code for r in resolve(config, select=("WR1",)).rules}
    assert "WR101" in {r.code for r in resolve(config, select=("WR101",)).rules}


def test_severity_override_and_options(tmp_path):
    text = "rules:\n  WR106: {severity: warning, options: {form: half}}\n  WR103: {severity: off}\n"
    config = load_config(str(_write(tmp_path, "c.yaml", text)))
    rules = {r.code: r for r in resolve(config).rules}
    assert rules["WR106"].severity == "warning" and rules["WR106"].options.form == "half"
    assert "WR103" not in rules


def test_overriding_one_option_keeps_the_nested_others(tmp_path):
    config = load_config(str(_write(tmp_path, "c.yaml", "rules:\n  WR201: {options: {level: 1}}\n")))
    default = {r.code: r for r in resolve(Config()).rules}["WR201"].options
    rule = {r.code: r for r in resolve(config).rules}["WR201"]
    options = rule.options
    assert options.level == 1 and default.level == "any"
    assert options.sections == default.sections and type(options.sections[0]) is type(default.sections[0])
    assert len(rule.prepared.names) == len(options.sections)     # prepared again with the new settings


def test_per_file_ignore_and_pack_choice(tmp_path):
    config_text = ("per-file:\n"
                   "  - files: ['plans/*.txt']\n    skip-packs: [structure]\n"
                   "  - files: ['*-draft.txt']\n    ignore: [heading-sequence]\n")
    config = load_config(str(_write(tmp_path, ".reportlint.yaml", config_text)))
    plan = {r.pack for r in resolve(config, str(tmp_path / "plans/2025计划.txt")).rules}
    assert "structure" not in plan
    draft = {r.code for r in resolve(config, str(tmp_path / "x/a-draft.txt")).rules}
    assert "WR101" not in draft and "WR105" in draft
    other = {r.code for r in resolve(config, str(tmp_path / "report.txt")).rules}
    assert {"WR101", "WR105"} <= other


def test_exclude_skips_walked_files_but_not_named_ones(tmp_path):
    _write(tmp_path, ".reportlint.yaml", "exclude: ['archive', '*.bak.txt']\n")
    _write(tmp_path, "archive/old.txt", DRAFT)
    _write(tmp_path, "x.bak.txt", DRAFT)
    _write(tmp_path, "new.txt", DRAFT)
    walked = run_cli("check", ".", cwd=tmp_path).stdout
    assert "new.txt" in walked and "old.txt" not in walked and "x.bak.txt" not in walked
    named = run_cli("check", "archive/old.txt", cwd=tmp_path).stdout
    assert "old.txt:3:1: WR101" in named


def test_explicit_config_and_missing_config(tmp_path):
    _write(tmp_path, "a.txt", DRAFT)
    _write(tmp_path, "strict.yaml", "ignore: [WR101, WR105]\n")
    assert run_cli("check", "--config", "strict.yaml", "--select", "WR1", "a.txt", cwd=tmp_path).returncode == 0
    proc = run_cli("check", "--config", "absent.yaml", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "absent.yaml" in proc.stderr


def test_config_command_prints_the_resolved_config(tmp_path):
    _write(tmp_path, ".reportlint.yaml", "fail-on: error\nrules:\n  WR101: warning\n  WR105: off\n")
    proc = run_cli("config", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert ".reportlint.yaml" in proc.stdout and "fail-on: error" in proc.stdout
    assert re.search(r"^WR101\s+heading-sequence\s+warning", proc.stdout, re.M)
    assert not re.search(r"^WR105", proc.stdout, re.M)
    broken = _write(tmp_path, "bad/.reportlint.yaml", "rules:\n  WR999: off\n")
    proc = run_cli("config", str(broken.parent), cwd=tmp_path)
    assert proc.returncode == 2 and ".reportlint.yaml:2" in proc.stderr


def test_fail_on_from_config(tmp_path):
    _write(tmp_path, "a.txt", "一、甲\n正文。\n二、乙\n正文。\n（一）丙\n(二)丁\n（三）戊\n")  # one WR106 info
    assert run_cli("check", "--select", "WR1", "a.txt", cwd=tmp_path).returncode == 0
    _write(tmp_path, ".reportlint.yaml", "fail-on: info\n")
    assert run_cli("check", "--select", "WR1", "a.txt", cwd=tmp_path).returncode == 1
