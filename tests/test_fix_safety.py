"""--fix crash safety: a process killed mid-write leaves the original intact; fixes touch only their edits."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

from lint.api import lint_path
from lint.config.loader import Config
from lint.output.fixes import merge_edits

# Safe fixes: 1、 → 1. (WR105) and half-width punctuation in Chinese text (WR501).
REPORT = "一、总体情况\r\n1、主要做法\r\n今年以来,我们认真落实;成效明显。\r\n2、存在的问题\r\n资金不足。\r\n"
# Run `check --fix` in a child that SIGKILLs itself at one step of the atomic write.
KILLER = """
import os, signal, sys
sys.path.insert(0, {root!r})
import lint.output.fixes as fixes
step = {step!r}
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
if step == "replace":
    fixes.os.replace = die
elif step == "fsync":
    fixes.os.fsync = die
elif step == "write":
    real_fdopen = fixes.os.fdopen
    class Half:
        def __init__(self, handle): self.handle = handle
        def __enter__(self): return self
        def __exit__(self, *exc): return False
        def write(self, data):
            self.handle.write(data[: len(data) // 2]); self.handle.flush(); die()
    fixes.os.fdopen = lambda fd, mode: Half(real_fdopen(fd, mode))
from lint.cli.main import main
sys.exit(main(["check", "--fix", sys.argv[1]]))
"""


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_kill_during_the_write_leaves_the_original_intact(tmp_path, step, encoding):
    target = tmp_path / "report.txt"
    original = REPORT.encode(encoding)
    target.write_bytes(original)
    code = KILLER.format(root=str(ROOT), step=step)
    proc = subprocess.run([sys.executable, "-c", code, str(target)], cwd=tmp_path, capture_output=True,
                          timeout=120)
    assert proc.returncode == -9, proc.stderr.decode("utf-8", "replace")   # it really died mid-write
    assert target.read_bytes() == original
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "report.txt"]
    assert all(name.endswith(".reportlint-tmp") for name in leftovers)


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""),
                                           ("utf-16-le", b"\xff\xfe")])
def test_fix_changes_only_the_bytes_of_its_edits(tmp_path, encoding, bom):
    target = tmp_path / "report.txt"
    target.write_bytes(bom + REPORT.encode(encoding))
    before = lint_path(target, Config())
    edits = merge_edits(before.diagnostics)
    assert {d.code for d in before.diagnostics if d.fix and d.fix.safe} >= {"WR105", "WR501"}
    proc = subprocess.run([sys.executable, "-m", "lint", "check", "--fix", str(target)], cwd=ROOT,
                          capture_output=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
    text, pieces, last = REPORT, [bom], 0
    for e in edits:
        pieces += [text[last:e.start].encode(encoding), e.new_text.encode(encoding)]
        last = e.end
    pieces.append(text[last:].encode(encoding))
    after = target.read_bytes()
    assert after == b"".join(pieces)
    assert after != bom + REPORT.encode(encoding)


def test_an_unwritable_folder_keeps_the_original_and_exits_2(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text(REPORT, encoding="utf-8", newline="")
    code = ("import sys, tempfile\nsys.path.insert(0, %r)\n"
            "def refuse(*a, **k):\n    raise PermissionError(13, 'Permission denied')\n"
            "tempfile.mkstemp = refuse\nfrom lint.cli.main import main\nsys.exit(main(['check', '--fix', sys.argv[1]]))\n"
            % str(ROOT))
    proc = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, timeout=120)
    assert proc.returncode == 2
    assert "原文件未改动" in proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")
    assert target.read_bytes() == REPORT.encode("utf-8")
