"""Shared test helpers: run the CLI in-process, run golden fixtures, regenerate goldens on demand."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def _own_cache_dir(tmp_path_factory):
    """The suite's on-disk caches live in a folder of their own, not in the developer's ~/.cache
    (child processes inherit it); tests of the cache itself point it elsewhere again."""
    previous = os.environ.get("REPORTLINT_CACHE_DIR")
    os.environ["REPORTLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("reportlint-cache"))
    yield
    if previous is None:
        os.environ.pop("REPORTLINT_CACHE_DIR", None)
    else:
        os.environ["REPORTLINT_CACHE_DIR"] = previous


def pytest_addoption(parser):
    parser.addoption("--regen", action="store_true", help="rewrite golden expected.json files")


@pytest.fixture
def regen(request) -> bool:
    return request.config.getoption("--regen")


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run `python -m lint ARGS` in a fresh process and capture its output as text."""
    proc = subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd or ROOT, input=stdin,
                          capture_output=True, timeout=120)
    proc.stdout = proc.stdout.decode("utf-8", errors="replace")
    proc.stderr = proc.stderr.decode("utf-8", errors="replace")
    return proc


def json_report(*args: str, cwd: Path | None = None) -> dict:
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
