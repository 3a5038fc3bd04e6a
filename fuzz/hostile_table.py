"""Measure each hostile input end to end (wall time, peak memory of the child) → a Markdown table.

Usage: python fuzz/hostile_table.py [--only NAME ...] > table.md
Each input is written to a temporary folder and checked by `python -m lint check --format json
--no-cache` in a child process (every row lints afresh: a cached result would time a lookup); its
peak RSS is the child's own. Messages name files relative to the temporary folder. The inputs are
those of tests/test_hostile.py.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_hostile import (_laughs, _pack, big_report, outline_100k, report_paragraph, word_flood,  # noqa: E402
                          word_flood_text, zip_bomb_docx)


def _one_line() -> str:
    rng = random.Random(3)
    return "".join(report_paragraph(rng, i) + ("一、" if i % 7 == 0 else "") for i in range(60_000))


def _cases():
    """(name, files to write, CLI arguments)."""
    simple = {"r.txt": "一、总体情况\n"}
    yield "50 MB file, all default rules", {"big.txt": big_report(50_000_000)}, ["big.txt"]
    yield "50 MB file, structure rules (--select WR1)", {"big.txt": big_report(50_000_000)}, ["--select", "WR1", "big.txt"]
    yield "5 MB single line", {"line.txt": _one_line()}, ["line.txt"]
    yield "100,000 headings (5 levels)", {"o.txt": outline_100k()}, ["o.txt"]
    yield ".docx of 300,000 paragraphs (1 MB zipped, 64 MB of XML)", {"flood.docx": word_flood()}, ["flood.docx"]
    yield "the same text as a .txt (8.9 MB)", {"flood.txt": word_flood_text()}, ["flood.txt"]
    yield ".docx zip bomb (a 300 MB document part in 300 KB)", {"bomb.docx": zip_bomb_docx()}, ["bomb.docx"]
    yield "brackets nested 1,000 deep", {"d.txt": "（" * 1000 + "深" + "）" * 1000 + "。\n"}, ["d.txt"]
    yield "Markdown list nested 1,000 deep", {"d.md": "".join("  " * i + "- 一、层级\n" for i in range(1000))}, ["d.md"]
    yield "run-in headings ×1,000 on one line", {"d.txt": "一、总体情况（一）主要做法1.具体措施（1）细节①内容。" * 1000}, ["d.txt"]
    yield "YAML nested 1,000 deep (config)", {**simple, ".reportlint.yaml": "ignore: " + "[" * 1000 + "]" * 1000}, ["r.txt"]
    yield "binary file (PNG bytes as .txt)", {"b.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40}, ["b.txt"]
    yield "billion laughs (config)", {**simple, ".reportlint.yaml": _laughs()}, ["r.txt"]
    yield "billion laughs (user pack)", {**simple, ".reportlint.yaml": "packs: [m.yaml]\n",
                                          "m.yaml": _pack("      words: [甲]\n", "\n" + _laughs())}, ["r.txt"]
    yield "!!python/object tag (config)", {**simple, ".reportlint.yaml": "lang: !!python/object/apply:os.system ['true']\n"}, ["r.txt"]
    yield "backtracking user regex (a+)+$ on 20 × 5,000 a's", {
        ".reportlint.yaml": "packs: [m.yaml]\n", "m.yaml": _pack("      patterns: ['(a+)+$', '(x|x)*y']\n"),
        "r.txt": ("a" * 5000 + "!\n" + "x" * 5000 + "\n") * 20}, ["r.txt"]
    yield "config that extends itself", {**simple, ".reportlint.yaml": "extends: .reportlint.yaml\n"}, ["r.txt"]
    yield "missing file", simple, ["gone.txt"]


def measure(files: dict, args: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS in MB, exit status and the first line of stderr of one run."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, content in files.items():
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            Path(tmp, name).write_bytes(data)
        peak_file = Path(tmp, ".peak")
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _CHILD, str(peak_file), "check", "--format", "json",
                               "--no-cache", *args],
                              cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        elapsed = time.perf_counter() - start
        peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else float("nan")
        stderr = proc.stderr.decode("utf-8", "replace").replace(os.path.realpath(tmp) + os.sep, "")
    return elapsed, peak, proc.returncode, (stderr.strip().splitlines() or [""])[-1]


# The child reports its own VmHWM at exit: ru_maxrss would include the parent's memory at fork.
_CHILD = """
import atexit, sys
def peak(path=sys.argv[1]):
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            open(path, "w").write(line.split()[1])
atexit.register(peak)
from lint.cli.main import main
sys.argv = ["reportlint"] + sys.argv[2:]
raise SystemExit(main(sys.argv[1:]))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="substrings of case names to run")
    args = parser.parse_args()
    print("| hostile input | time (s) | peak memory (MB) | exit | message |")
    print("|---|---:|---:|---:|---|")
    for name, files, cli_args in _cases():
        if args.only and not any(o in name for o in args.only):
            continue
        elapsed, peak, code, message = measure(files, cli_args)
        message = message.replace("|", "\\|")[:90]
        print(f"| {name} | {elapsed:.1f} | {peak:.0f} | {code} | {message} |", flush=True)


if __name__ == "__main__":
    main()
