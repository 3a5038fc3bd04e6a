"""What the README and docs/ show is what reportlint does: the sample output, the usage block, the
configuration and pre-commit snippets (issue #18). The user-pack walkthrough is run by test_user_packs.py."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

README = ROOT / "README.md"
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]


def _blocks(path: Path, language: str = "") -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", path.read_text(encoding="utf-8"), re.S | re.M)


def _block_after(path: Path, words: str) -> str:
    """The first fenced block after the paragraph holding `words`."""
    text = path.read_text(encoding="utf-8")
    return re.search(r"```\w*\n(.*?)```", text[text.index(words):], re.S).group(1)


def _labelled(name: str) -> list[tuple[Path, str]]:
    """Every YAML block in the docs whose first line names the file it is (# .reportlint.yaml)."""
    return [(path, block) for path in DOCS for block in _blocks(path, "yaml") if block.startswith(f"# {name}\n")]


def _check(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "80"}
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_the_sample_output_is_the_whole_output_of_the_quick_start():
    shown = _block_after(README, "Everything `reportlint check examples/` prints")
    proc = _check("check", "examples/")
    assert proc.returncode == 1   # "exit status 1: findings were reported"
    assert proc.stdout == shown


def test_the_fix_sample_is_what_fix_prints(tmp_path):
    import shutil

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    proc = _check("check", "--fix", "examples/", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.endswith(_block_after(README, "then fixes the two WR105 markers"))
    assert "WR105 [" not in proc.stdout


def test_the_usage_block_names_every_command_and_option():
    from lint.cli.main import _SUBCOMMANDS, _parser

    usage = _block_after(README, "## Using it")
    for name in _SUBCOMMANDS:
        assert f"reportlint {name}" in usage, name
        sub = next(a for a in _parser([name])._actions if a.dest == "command").choices[name]
        for action in sub._actions:
            for option in action.option_strings:
                assert option in usage or option in ("-h", "-j"), (name, option)
    for status in ("| 0 |", "| 1 |", "| 2 |"):
        assert status in README.read_text(encoding="utf-8")


def test_every_yaml_block_in_the_docs_names_what_it_is():
    names = (".reportlint.yaml", ".pre-commit-config.yaml", "packs/", ".github/workflows/")
    for path in DOCS:
        for block in _blocks(path, "yaml"):
            first = block.splitlines()[0]
            assert first.startswith("# ") and first[2:].startswith(names), f"{path.name}: unlabelled block {first!r}"
            yaml.safe_load(block)


@pytest.mark.parametrize("path,block", _labelled(".reportlint.yaml"),
                         ids=lambda v: v.name if isinstance(v, Path) else "")
def test_documented_configs_load_and_keep_every_built_in_pack(tmp_path, path, block):
    """Copying a documented config must not switch rules off by leaving packs out of `packs:`."""
    from lint.config.loader import load_config, resolve
    from lint.packs.loader import builtin_pack_paths

    project = tmp_path / "office" / "reports"
    project.mkdir(parents=True)
    (project / ".reportlint.yaml").write_text(block, encoding="utf-8")
    for ref in re.findall(r"extends: (\S+)", block):     # the files it names, present and valid
        (project / ref).write_text("fail-on: warning\n", encoding="utf-8")
    our_pack = _labelled("packs/our-unit.yaml")[0][1]
    for ref in re.findall(r"[\w./-]+\.yaml(?=[\],\s])", block.split("\n", 1)[1]):
        if not (project / ref).exists():
            (project / ref).parent.mkdir(parents=True, exist_ok=True)
            (project / ref).write_text(our_pack, encoding="utf-8")
    config = load_config(str(project / ".reportlint.yaml"))
    assert resolve(config, str(project / "a.txt")).rules, "no rule runs"
    if config.packs:
        missing = set(builtin_pack_paths()) - set(config.packs)
        assert not missing, f"{path.name}: its packs: leaves out {sorted(missing)}"


def test_the_pre_commit_snippets_are_one_and_the_same():
    """test_precommit.py runs this snippet from a drafts repository."""
    snippets = {block for _, block in _labelled(".pre-commit-config.yaml")}
    assert len(snippets) == 1 and len(_labelled(".pre-commit-config.yaml")) >= 2
    snippet = snippets.pop()
    assert "id: reportlint " in snippet and "rev: " in snippet
