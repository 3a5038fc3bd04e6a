"""pre-commit for real: `pre-commit try-repo` on a copy of this repository, and the project's own hooks.

try-repo builds a virtualenv and pip-installs the copy; that works offline when pip is configured
with a local index (PIP_* settings are passed through from the environment).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

CLEAN = ("一、主要工作完成情况\n全年完成各项工作任务，群众满意度明显提升。\n"
         "二、存在的问题\n专业人员不足，基层服务能力有待加强。\n"
         "三、下一步工作计划\n加强队伍建设，完善服务体系。\n")
PLACEHOLDER = CLEAN.replace("全年完成各项工作任务", "全年完成xx项工作任务")
# what a copy needs to build, install and run the hooks
PARTS = ("pyproject.toml", "hatch_build.py", "README.md", "lint", "rules", "grammars", "examples",
         ".pre-commit-hooks.yaml", ".pre-commit-config.yaml")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True, capture_output=True)


def _env(hook_repo: Path) -> dict:
    """Our interpreter's folder first on PATH; one pre-commit cache (hook venvs) for the module."""
    bin_dir = str(Path(sys.executable).parent)
    cache = hook_repo.parent / (hook_repo.name + "-pre-commit-home")
    return {**os.environ, "PRE_COMMIT_HOME": str(cache), "PRE_COMMIT_COLOR": "never",
            "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""), "SKIP": ""}


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """A committed copy of the working tree (try-repo clones it)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("hook-repo")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", "*.egg-info", "*.so", "*.pyd")
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, repo / part, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, repo / part)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "snapshot")
    return repo


def _try_repo(hook_repo: Path, work: Path, hook: str, *files: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook,
                           "--files", *files], cwd=work, env=_env(hook_repo), capture_output=True,
                          text=True, timeout=900)


def _work_repo(tmp_path: Path, **files: str) -> Path:
    work = tmp_path / "drafts"
    work.mkdir()
    _git(work, "init", "-q")
    for name, text in files.items():
        (work / name).write_text(text, encoding="utf-8")
    _git(work, "add", "-A")
    return work


def test_try_repo_fails_on_a_placeholder_and_passes_on_a_clean_draft(hook_repo, tmp_path):
    work = _work_repo(tmp_path, **{"draft.txt": PLACEHOLDER, "clean.txt": CLEAN})
    failing = _try_repo(hook_repo, work, "reportlint", "draft.txt")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "WR301" in failing.stdout and "Failed" in failing.stdout
    passing = _try_repo(hook_repo, work, "reportlint", "clean.txt")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout


def test_fix_hook_from_a_config_rewrites_and_fails_then_passes(hook_repo, tmp_path):
    """The way users install it: a .pre-commit-config.yaml naming the repository and a rev."""
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True,
                         check=True).stdout.strip()
    config = f"repos:\n  - repo: {hook_repo}\n    rev: {sha}\n    hooks:\n      - id: reportlint-fix\n"
    work = _work_repo(tmp_path, **{"draft.txt": CLEAN.replace("二、存在的问题", "二.存在的问题"),
                                   ".pre-commit-config.yaml": config})
    run = [sys.executable, "-m", "pre_commit", "run", "--files", "draft.txt"]
    first = subprocess.run(run, cwd=work, env=_env(hook_repo), capture_output=True, text=True, timeout=900)
    assert first.returncode == 1 and "files were modified by this hook" in first.stdout, first.stdout
    assert (work / "draft.txt").read_text(encoding="utf-8") == CLEAN
    second = subprocess.run(run, cwd=work, env=_env(hook_repo), capture_output=True, text=True, timeout=900)
    assert second.returncode == 0, second.stdout


def test_project_hooks_pass_on_the_clean_examples(hook_repo):
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=hook_repo,
                          env=_env(hook_repo), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "reportlint on the clean example reports" in proc.stdout


def _readme_snippet() -> str:
    """The README's .pre-commit-config.yaml, as a user pastes it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", text, re.S).group(1)


def test_the_readme_snippet_works_from_a_drafts_repository(hook_repo, tmp_path):
    """Paste the README's snippet, name the repository, run pre-commit autoupdate (no release is
    tagged: rev becomes the commit hash); the hook then checks the report and not the README,
    unless the user's `exclude: ^$` asks for that too."""
    config = re.sub(r"(repo: )\S+", lambda m: m.group(1) + str(hook_repo), _readme_snippet(), count=1)
    readme = "# 草稿库\n\n各科室的工作总结草稿放在这里，xx月底前提交。\n"
    work = _work_repo(tmp_path, **{"README.md": readme, "2024总结.txt": PLACEHOLDER, ".pre-commit-config.yaml": config})
    env = _env(hook_repo)

    def pre_commit(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=work, env=env, capture_output=True,
                              text=True, timeout=900)

    update = pre_commit("autoupdate")
    assert update.returncode == 0, update.stdout + update.stderr
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert f"rev: {sha}" in (work / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    failing = pre_commit("run", "--all-files")
    assert failing.returncode == 1 and "2024总结.txt:2:5: WR301" in failing.stdout, failing.stdout
    assert "README.md" not in failing.stdout
    (work / "2024总结.txt").write_text(CLEAN, encoding="utf-8")
    _git(work, "add", "-A")
    passing = pre_commit("run", "--all-files")
    assert passing.returncode == 0 and "Passed" in passing.stdout, passing.stdout
    with_readme = (work / ".pre-commit-config.yaml").read_text(encoding="utf-8").replace(
        "- id: reportlint ", "- id: reportlint\n        exclude: ^$  ", 1)
    (work / ".pre-commit-config.yaml").write_text(with_readme, encoding="utf-8")
    _git(work, "add", "-A")
    overridden = pre_commit("run", "--all-files")
    assert overridden.returncode == 1 and "README.md:3:" in overridden.stdout, overridden.stdout
