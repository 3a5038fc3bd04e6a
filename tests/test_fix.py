"""--fix / --unsafe-fixes / --diff: only the fixed bytes change, idempotent, atomic, untouched when clean."""
from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

from lint.engine.diagnostics import Diagnostic
from lint.kinds.findings import Edit, Fix
from lint.output.fixes import fix_text, merge_edits

# WR105 (1、 → 1.) and WR106 ((二) → （二）) are safe; WR101 (三、 after 一、) is unsafe.
LINES = ["一、总体情况", "正文。", "三、存在的问题", "1、问题一", "（一）甲", "(二)乙", "（三）丙", ""]
FIXED = ["一、总体情况", "正文。", "三、存在的问题", "1.问题一", "（一）甲", "（二）乙", "（三）丙", ""]
UNSAFE = ["一、总体情况", "正文。", "二、存在的问题", "1.问题一", "（一）甲", "（二）乙", "（三）丙", ""]
SELECT = ("--select", "WR101,WR105,WR106")


def _diag(start: int, end: int, new: str, code: str = "WR105", safe: bool = True, more=()) -> Diagnostic:
    edits = (Edit(start, end, new), *more)
    return Diagnostic(code, "x", "warning", "m", start, end, Fix(edits, safe))


def test_fix_text_applies_sorted_edits_and_skips_unsafe():
    text = "abcdef"
    diags = [_diag(4, 5, "E"), _diag(0, 1, "A"), _diag(2, 3, "C", safe=False)]
    assert fix_text(text, diags) == "AbcdEf"
    assert fix_text(text, diags, unsafe=True) == "AbCdEf"


def test_overlapping_fixes_first_wins_identical_deduplicated():
    text = "abcdef"
    first = _diag(1, 3, "XY", code="WR105")
    overlapping = _diag(2, 4, "ZZ", code="WR106")
    same = _diag(1, 3, "XY", code="WR106")
    assert fix_text(text, [overlapping, same, first]) == "aXYdef"
    # a fix is all or nothing: one conflicting edit drops its other edits too
    group = _diag(4, 5, "Q", code="WR101", more=(Edit(2, 3, "R"),))
    assert merge_edits([first, group]) == [Edit(1, 3, "XY")]
    # two insertions at one point conflict; the first in order wins
    assert fix_text("ab", [_diag(1, 1, "1", code="WR105"), _diag(1, 1, "2", code="WR106")]) == "a1b"


def _write(path: Path, lines: list[str], encoding: str, newline: str, bom: bytes = b"") -> bytes:
    data = bom + newline.join(lines).encode(encoding)
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("encoding, newline, bom", [
    ("gb18030", "\r\n", b""),
    ("utf-8", "\n", codecs.BOM_UTF8),
    ("utf-16-le", "\r\n", codecs.BOM_UTF16_LE),
])
def test_fix_changes_only_the_fixed_bytes(tmp_path, encoding, newline, bom):
    path = tmp_path / "draft.txt"
    _write(path, LINES, encoding, newline, bom)
    expected = bom + newline.join(FIXED).encode(encoding)
    proc = run_cli("check", "--fix", *SELECT, "draft.txt", cwd=tmp_path)
    assert path.read_bytes() == expected, proc.stderr
    # the report after --fix lists what remains: the unsafe WR101 only
    assert proc.returncode == 1 and "WR101 [" in proc.stdout and "WR105 [" not in proc.stdout
    # idempotent: a second run rewrites nothing
    before = os.stat(path).st_mtime_ns
    os.utime(path, ns=(before - 10**9, before - 10**9))
    run_cli("check", "--fix", *SELECT, "draft.txt", cwd=tmp_path)
    assert path.read_bytes() == expected and os.stat(path).st_mtime_ns == before - 10**9
    run_cli("check", "--unsafe-fixes", *SELECT, "draft.txt", cwd=tmp_path)
    assert path.read_bytes() == bom + newline.join(UNSAFE).encode(encoding)


def test_clean_files_are_not_rewritten(tmp_path):
    path = tmp_path / "clean.txt"
    _write(path, FIXED, "utf-8", "\n")
    os.utime(path, ns=(10**18, 10**18))
    assert run_cli("check", "--fix", "--select", "WR105,WR106", "clean.txt", cwd=tmp_path).returncode == 0
    assert os.stat(path).st_mtime_ns == 10**18
    assert [p.name for p in tmp_path.iterdir()] == ["clean.txt"]


def test_diff_prints_and_writes_nothing(tmp_path):
    path = tmp_path / "draft.txt"
    data = _write(path, LINES, "utf-8", "\n")
    proc = run_cli("check", "--diff", *SELECT, "draft.txt", cwd=tmp_path)
    assert path.read_bytes() == data
    assert "--- a/draft.txt" in proc.stdout and "+++ b/draft.txt" in proc.stdout
    assert "-1、问题一\n+1.问题一" in proc.stdout and "+（二）乙" in proc.stdout
    assert "三、存在的问题" not in proc.stdout.split("@@")[-1].replace(" 三、存在的问题", "")


def test_a_failed_replace_leaves_the_original_intact(tmp_path, monkeypatch):
    from lint.cli.check import CheckOptions, run_check

    path = tmp_path / "draft.txt"
    data = _write(path, LINES, "gb18030", "\r\n")

    def crash(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    status = run_check(CheckOptions(paths=[str(path)], fix=True, select=("WR105", "WR106"), jobs=1))
    assert status == 2
    assert path.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]  # the temporary file is gone


def test_a_killed_process_leaves_the_original_intact(tmp_path):
    """Kill a fixing process inside the write (before the rename): the original stays as it was."""
    path = tmp_path / "draft.txt"
    data = _write(path, LINES, "utf-8", "\n")
    script = (
        "import os, sys\n"
        "from lint.cli.main import main\n"
        "real = os.fsync\n"
        "def die(fd):\n"
        "    real(fd)\n"
        "    os.kill(os.getpid(), 9)\n"
        "os.fsync = die\n"
        "sys.exit(main(['check', '--fix', '--select', 'WR105,WR106', sys.argv[1]]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(path)], cwd=ROOT, capture_output=True, timeout=120)
    assert proc.returncode == -9
    assert path.read_bytes() == data


def test_stdin_is_refused_and_a_docx_gets_a_copy(tmp_path):
    proc = run_cli("check", "--fix", "--select", "WR105", "--stdin-filename", "x.txt", "-",
                   stdin="1、甲\n".encode("utf-8"), cwd=tmp_path)
    assert "--fix" in proc.stderr and proc.returncode == 1
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("1、甲")
    document.save(tmp_path / "a.docx")
    data = (tmp_path / "a.docx").read_bytes()
    proc = run_cli("check", "--fix", "--select", "WR105", "a.docx", cwd=tmp_path)
    assert "a.reportlint.docx" in proc.stderr and (tmp_path / "a.docx").read_bytes() == data


def test_merging_many_fixes_stays_fast_and_disjoint():
    """Tens of thousands of fixes merge by bisection, not by comparing every pair."""
    from lint.engine.diagnostics import Diagnostic
    from lint.kinds.findings import Edit, Fix
    from lint.output.fixes import merge_edits

    diags = [Diagnostic("WR501", "halfwidth-punctuation", "info", "", i * 2, i * 2 + 1,
                        Fix((Edit(i * 2, i * 2 + 1, "，"),))) for i in range(60_000)]
    diags.append(Diagnostic("WR105", "heading-marker-style", "warning", "", 10, 13, Fix((Edit(10, 13, "x"),))))
    edits = merge_edits(diags)
    # At one start the lower code wins: WR105 (10–13) displaces the WR501 fixes at 10 and 12.
    assert len(edits) == 60_000 - 2 + 1 and Edit(10, 13, "x") in edits
    assert all(a.end <= b.start for a, b in zip(edits, edits[1:]))
