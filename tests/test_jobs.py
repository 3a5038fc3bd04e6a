"""--jobs N: files checked in worker processes come back in input order with identical results."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import run_cli

from lint.cli.check import PARALLEL_MIN_FILES

VARIANTS = ["一、甲\n正文。\n三、乙\n", "1、甲\n", "（一）甲\n(二)乙\n（三）丙\n", "一、甲\n正文。\n二、乙\n"]


def test_parallel_output_equals_serial(tmp_path):
    count = PARALLEL_MIN_FILES * 2 + 3
    for i in range(count):
        sub = tmp_path / f"d{i % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"r{i:02d}.txt").write_text(VARIANTS[i % len(VARIANTS)] * (1 + i % 5), encoding="utf-8")
    names = [str(p.relative_to(tmp_path)) for p in sorted(tmp_path.rglob("*.txt"), reverse=True)]
    for fmt in ("json", "text"):
        serial = run_cli("check", "--format", fmt, "--jobs", "1", *names, cwd=tmp_path)
        parallel = run_cli("check", "--format", fmt, "--jobs", "3", *names, cwd=tmp_path)
        assert parallel.returncode == serial.returncode == 1
        assert parallel.stdout == serial.stdout
    # output follows the order of the command line, here reversed
    order = [line.split(":")[0] for line in serial.stdout.splitlines() if ": WR" in line]
    assert order == sorted(order, reverse=True) and len(set(order)) >= count - 2


def test_parallel_output_in_an_encoding_other_than_utf8(tmp_path):
    """Workers send their files' output already encoded only when standard output is UTF-8;
    written in another encoding (here GB18030), the parallel output equals the serial one."""
    for i in range(PARALLEL_MIN_FILES + 2):
        (tmp_path / f"r{i:02d}.txt").write_text(VARIANTS[i % len(VARIANTS)], encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "gb18030"}

    def check(jobs: str) -> bytes:
        proc = subprocess.run([sys.executable, "-m", "lint", "check", "--format", "json", "--jobs", jobs, "."],
                              cwd=tmp_path, env=env, capture_output=True, timeout=120)
        assert proc.returncode == 1, proc.stderr
        return proc.stdout

    parallel = check("2")
    assert parallel == check("1")
    messages = [d["message"] for f in json.loads(parallel.decode("gb18030"))["files"] for d in f["diagnostics"]]
    assert messages and all(re.search("[\u4e00-\u9fff]", m) for m in messages)
    with pytest.raises(UnicodeDecodeError):     # GB18030 indeed, not UTF-8
        parallel.decode("utf-8")


def test_progress_is_shown_only_on_a_terminal(monkeypatch, capsys):
    import io

    from lint.cli import check as run

    class Tty(io.StringIO):
        def isatty(self):
            return True

    reports = list(range(25))
    assert list(run._progress(iter(reports), 25)) == reports
    assert capsys.readouterr().err == ""          # pytest's stderr is no terminal
    fake = Tty()
    monkeypatch.setattr(run.sys, "stderr", fake)
    assert list(run._progress(iter(reports), 25)) == reports
    assert fake.getvalue().endswith("检查中 25/25\r\033[K")   # the line is cleared at the end
    fake2 = Tty()
    monkeypatch.setattr(run.sys, "stderr", fake2)
    list(run._progress(iter(range(3)), 3))
    assert fake2.getvalue() == ""                 # short runs stay quiet
