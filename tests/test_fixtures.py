"""Golden fixtures: tests/fixtures/<CODE-name>/<case>/ holds an input file and expected.json.

expected.json is {"input_sha256": …, "diagnostics": [contract diagnostics of CODE only]}; a
case may add config.yaml (a .reportlint.yaml used for it) and fixed.txt (the text after
`--fix`, or after `--unsafe-fixes` when the config says `unsafe: true` in a comment line).
A rule for some kinds of report (`documents:` in its pack) checks its cases as the first of
those kinds, unless the case's config sets a kind (per-file `kind:`).
Regenerate with `pytest tests/test_fixtures.py --regen` and review the diff.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, sha256

from lint.api import lint_path
from lint.config.loader import all_rules, load_config
from lint.output.formatters.json_ import file_entry

CASES = sorted(p for p in FIXTURES.glob("WR*/*") if p.is_dir())


def _input(case: Path) -> Path:
    inputs = sorted(p for p in case.iterdir() if p.name.startswith("input."))
    assert len(inputs) == 1, f"{case}: exactly one input.* file expected"
    return inputs[0]


RULES = {rule.code: rule for rule in all_rules()}


def _lint(case: Path):
    code = case.parent.name.split("-")[0]
    config_file = case / "config.yaml"
    config = load_config(str(config_file)) if config_file.exists() else load_config(None)
    own_kind = config_file.exists() and "kind:" in config_file.read_text(encoding="utf-8")
    report_kind = None if own_kind else (RULES[code].documents or (None,))[0]
    return lint_path(_input(case), config, select=(code,), report_kind=report_kind, use_cache=False)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_fixture(case: Path, regen: bool):
    report = _lint(case)
    assert report.error is None, report.error
    got = file_entry(report)["diagnostics"]
    for d in got:  # goldens must not depend on where the checkout lives
        for related in d["related"]:
            related["path"] = Path(related["path"]).name
    expected_file = case / "expected.json"
    if not regen and not expected_file.exists():
        pytest.fail(f"{case}: no expected.json; run pytest --regen and review it")
    if regen:
        expected_file.write_text(json.dumps({"input_sha256": sha256(_input(case)), "diagnostics": got},
                                            ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert expected["input_sha256"] == sha256(_input(case)), "input changed: regenerate and review the golden"
    assert got == expected["diagnostics"]
    fixed = case / "fixed.txt"
    if fixed.exists():
        from lint.output.fixes import fix_text

        unsafe = (case / "config.yaml").exists() and "unsafe: true" in (case / "config.yaml").read_text("utf-8")
        text = report.source.text
        assert fix_text(text, report.diagnostics, unsafe=unsafe) == fixed.read_text(encoding="utf-8")


def test_every_folder_names_a_real_rule():
    rules = {f"{r.code}-{r.name}" for r in all_rules()}
    for folder in FIXTURES.glob("WR*"):
        assert folder.name in rules, f"{folder.name} is not <code>-<name> of a rule"


def test_every_rule_has_a_failing_and_a_clean_case():
    for rule in all_rules():
        folder = FIXTURES / f"{rule.code}-{rule.name}"
        cases = [c for c in folder.glob("*") if c.is_dir()] if folder.exists() else []
        outcomes = {bool(json.loads((c / "expected.json").read_text("utf-8"))["diagnostics"])
                    for c in cases if (c / "expected.json").exists()}
        assert outcomes == {True, False}, f"{folder.name}: needs a failing and a clean fixture"
