"""docs/adding-a-rule.md, recipe 1, run as written in a copy of the checkout: the scaffold adds a
working pattern rule and its fixtures, and the checks the recipe names pass."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT

DOC = ROOT / "docs" / "adding-a-rule.md"


def _recipe(title: str) -> str:
    """The first shell block of the recipe headed `title`."""
    text = DOC.read_text(encoding="utf-8")
    return re.search(r"```sh\n(.*?)```", text[text.index(title):], re.S).group(1)


@pytest.mark.slow
def test_the_first_recipe_adds_a_working_pattern_rule_and_its_fixtures(tmp_path):
    checkout = tmp_path / "checkout"
    skip = shutil.ignore_patterns("__pycache__", ".pytest_cache", ".hypothesis")
    for name in ("lint", "rules", "grammars", "tests", "docs"):
        shutil.copytree(ROOT / name, checkout / name, ignore=skip)
    for name in ("README.md", "pyproject.toml"):
        shutil.copy(ROOT / name, checkout / name)
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    proc = subprocess.run(["bash", "-euo", "pipefail", "-c", _recipe("## 1. A rule of an existing kind")],
                          cwd=checkout, env=env, capture_output=True, text=True, encoding="utf-8", timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]

    pack = yaml.safe_load((checkout / "rules" / "typography.yaml").read_text(encoding="utf-8"))
    rule = next(r for r in pack["rules"] if r["code"] == "WR509")
    assert rule["kind"] == "pattern" and rule["explain"]["en"] and rule["examples"]["fail"]
    cases = checkout / "tests" / "fixtures" / "WR509-dot-ellipsis"
    fail = json.loads((cases / "fail" / "expected.json").read_text(encoding="utf-8"))["diagnostics"]
    ok = json.loads((cases / "ok" / "expected.json").read_text(encoding="utf-8"))["diagnostics"]
    assert [d["message"] for d in fail] == ["省略号应写作“……”，此处为“...”"] and ok == []
    assert "| WR509 | dot-ellipsis | typography | warning | all | An ellipsis typed as dots |  |" in (
        checkout / "README.md").read_text(encoding="utf-8")


def test_the_scaffold_refuses_a_rule_its_pack_cannot_load(tmp_path):
    """An unknown kind, or a code the pack has, leaves the pack and the fixtures untouched."""
    pack = tmp_path / "our.yaml"
    pack.write_text("pack: our\nrules: []\n", encoding="utf-8")
    base = [sys.executable, "-m", "lint.cli.scaffold", "ORG101", "empty-phrase", "--pack", str(pack),
            "--summary", "空话", "--message", "避免“{match}”", "--explain", "空话没有信息量。",
            "--fail", "我局高度重视安全生产。", "--pass", "我局每月召开例会。"]
    bad = subprocess.run([*base, "--kind", "patern", "--options", "{words: [高度重视]}"], cwd=ROOT,
                         capture_output=True, text=True, encoding="utf-8")
    assert bad.returncode == 2 and "unknown kind 'patern'" in bad.stderr
    assert pack.read_text(encoding="utf-8") == "pack: our\nrules: []\n"
    good = subprocess.run([*base, "--kind", "pattern", "--options", "{words: [高度重视]}"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    assert good.returncode == 0, good.stderr
    assert "ORG101" in pack.read_text(encoding="utf-8")
    again = subprocess.run([*base, "--kind", "pattern"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert again.returncode == 2 and "ORG101" in again.stderr
