"""Time one command in a fresh process and read its peak memory."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None

# Without /usr/bin/time: a small go-between that times the command and reads its peak.
# The peak cannot be read from this script's own children: a child forked from a big
# process starts with that process's peak, so it would count the harness's memory.
RUSAGE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
rc = subprocess.call(sys.argv[2:])
wall = time.perf_counter() - start
with open(sys.argv[1], "w") as f:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    f.write(f"{wall} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
sys.exit(rc if rc >= 0 else 128 - rc)
"""


def fmt_time(seconds: float) -> str:
    """Milliseconds below 1 s, else seconds."""
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


@dataclass
class Run:
    """One timed process: wall seconds, peak RSS in KiB, exit status, CPU seconds (user and
    system, of the process and every child it waited for: with ``--jobs``, the workers too),
    and what the JSON report said (files listed, diagnostics, tool version)."""

    wall: float
    peak_kib: int | None
    rc: int | None  # None: killed at the timeout
    stderr: str
    cpu: float | None = None
    files: int | None = None
    diagnostics: int | None = None
    version: str | None = None
    bad_json: bool = False

    @property
    def error(self) -> str | None:
        """Why the run does not count, or None when it ran fine (exit 0 or 1)."""
        if self.rc is None:
            return f"timeout after {fmt_time(self.wall)}"
        if self.rc not in (0, 1):
            return f"exit {self.rc}: {self.last_message()}"
        if self.bad_json:
            return f"stdout is not a JSON report: {self.last_message()}"
        return None

    def last_message(self) -> str:
        """The last line on stderr, where a usage error or a traceback ends."""
        lines = [line.strip() for line in self.stderr.splitlines() if line.strip()]
        return lines[-1][:120] if lines else "no message on stderr"


def read_usage(path: Path) -> tuple[float | None, int | None, float | None]:
    """(wall seconds, peak KiB, CPU seconds) from the usage file: ``/usr/bin/time -v`` gives
    no wall time (its clock is too coarse), the ``RUSAGE`` wrapper gives all three."""
    text = path.read_text() if path.exists() else ""
    if TIME:
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        cpu = re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text)
        return None, int(peak.group(1)) if peak else None, sum(map(float, cpu)) if cpu else None
    fields = text.split()
    if len(fields) != 3:
        return None, None, None
    return float(fields[0]), int(fields[1]), float(fields[2])


def read_report(run: Run, stdout: Path) -> None:
    """Fill ``run`` from the JSON document on stdout."""
    try:
        with stdout.open("rb") as f:
            report = json.load(f)
        files = report["files"]
        run.files = len(files)
        run.diagnostics = sum(len(f.get("diagnostics") or ()) for f in files)
        run.version = (report.get("tool") or {}).get("version")
    except (ValueError, KeyError, TypeError, AttributeError):
        run.bad_json = True


def measure(argv: list[str], cwd: Path, timeout: float, parse_json: bool = False,
            env: dict[str, str] | None = None) -> Run:
    """Run ``argv`` once in ``cwd``, in its own process group.

    The peak is the largest resident set of the process or of any descendant it waited
    for (for ``--jobs``, the biggest single process, not the sum), from
    ``/usr/bin/time -v`` when present, else from ``getrusage(RUSAGE_CHILDREN)`` in the
    ``RUSAGE`` go-between, which also times the command without its own start-up.
    """
    with tempfile.TemporaryDirectory(prefix="reportlint-bench-") as tmp:
        out, err, usage_file = (Path(tmp) / name for name in ("out", "err", "usage"))
        if TIME:
            command = [TIME, "-v", "-o", str(usage_file), *argv]
        else:
            command = [sys.executable, "-c", RUSAGE, str(usage_file), *argv]
        with out.open("wb") as stdout, err.open("wb") as stderr:
            try:
                rc, wall = wait_timed(command, cwd, stdout, stderr, timeout, env)
            except OSError as error:
                return Run(0.0, None, 127, f"cannot run {argv[0]}: {error}")
        inner_wall, peak, cpu = read_usage(usage_file)
        run = Run(inner_wall or wall, peak, rc, err.read_text(errors="replace"), cpu)
        if parse_json and run.error is None:
            read_report(run, out)
        return run


def wait_timed(command: list[str], cwd: Path, stdout: BinaryIO, stderr: BinaryIO,
               timeout: float, env: dict[str, str] | None = None) -> tuple[int | None, float]:
    """Run ``command`` in ``cwd`` and in its own process group; return its exit
    status (None if it was killed at the timeout) and the wall time. The wait blocks
    and a timer kills: ``Popen.wait(timeout)`` would poll and add latency."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=stdout,
                            stderr=stderr, start_new_session=True, env=env)
    fired = threading.Event()
    timer = threading.Timer(timeout, kill_group, (proc.pid, fired))
    timer.start()
    proc.wait()
    wall = time.perf_counter() - start
    timer.cancel()
    return (None if fired.is_set() else proc.returncode), wall


def kill_group(pid: int, fired: threading.Event) -> None:
    """Kill a timed-out process and everything it started."""
    fired.set()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)
