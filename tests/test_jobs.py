"""--jobs N: files checked in worker processes come back in input order with identical results."""
from __future__ import annotations

from conftest import run_cli

from lint.run import PARALLEL_MIN_FILES

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


def test_progress_is_shown_only_on_a_terminal(monkeypatch, capsys):
    import io

    from lint import run

    class Tty(io.StringIO):
        def isatty(self):
            return True

    reports = list(range(25))
    assert list(run._progress(iter(reports), 25)) == reports
    assert capsys.readouterr().err == ""          # pytest's stderr is no terminal
    fake = Tty()
    monkeypatch.setattr(run.sys, "stderr", fake)
    assert list(run._progress(iter(reports), 25)) == reports
    assert fake.getvalue().endswith("reportlint: 25/25\n")
    fake2 = Tty()
    monkeypatch.setattr(run.sys, "stderr", fake2)
    list(run._progress(iter(range(3)), 3))
    assert fake2.getvalue() == ""                 # short runs stay quiet
