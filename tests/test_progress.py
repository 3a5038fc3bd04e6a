"""A progress line on standard error for long runs on a terminal, nothing otherwise (issue #18, item 8)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

pty = pytest.importorskip("pty")


def _run(tmp_path, stderr_on_a_terminal: bool, *args: str) -> tuple[subprocess.CompletedProcess, str]:
    for i in range(25):
        (tmp_path / f"r{i:02}.txt").write_text("一、主要工作\n完成xx项。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not stderr_on_a_terminal:
        proc = subprocess.run([sys.executable, "-m", "lint", "check", *args, "."], cwd=tmp_path, env=env,
                              capture_output=True, timeout=120)
        return proc, proc.stderr.decode("utf-8")
    master, slave = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "lint", "check", *args, "."], cwd=tmp_path, env=env,
                          stdout=subprocess.PIPE, stderr=slave, timeout=120)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:   # Linux: the other end is closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return proc, seen.decode("utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_long_run_shows_progress_on_a_terminal_and_clears_it(tmp_path, jobs):
    proc, stderr = _run(tmp_path, True, "--jobs", jobs)
    assert proc.returncode == 1
    assert "检查中 25/25" in stderr and stderr.endswith("\r\x1b[K"), repr(stderr)
    assert "检查中" not in proc.stdout.decode("utf-8")


def test_progress_speaks_english_with_lang_en(tmp_path):
    _, stderr = _run(tmp_path, True, "--lang", "en", "--jobs", "1")
    assert "checking 25/25" in stderr


def test_no_progress_when_standard_error_is_not_a_terminal(tmp_path):
    proc, stderr = _run(tmp_path, False)
    assert proc.returncode == 1 and stderr == ""
