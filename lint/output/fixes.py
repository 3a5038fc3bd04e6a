"""--fix, --unsafe-fixes and --diff: merge the rules' edits, re-lint until stable, write atomically.

Only the edited characters change: the text is kept verbatim (no newline translation) and written
back with its own encoding and BOM, so every other byte is identical. A file is rewritten only
when its text changed, through a temporary file in the same folder, fsync and os.replace, so a
crash leaves either the old or the new file, never half of one.
"""
from __future__ import annotations

import difflib
from bisect import bisect_left, insort
from collections import Counter
import os
import sys
import tempfile
from pathlib import Path

from ..engine.diagnostics import Diagnostic, FileReport
from ..kinds.findings import Edit
from ..support.records import record

MAX_ROUNDS = 5


@record
class Fixed:
    """What --fix (or --diff) did to one file: the fixes applied, by code, and whether it was written."""

    path: str
    codes: dict          # code → fixes applied (or, with --diff, that would be)
    written: bool = False


def fix_text(text: str, diagnostics: list[Diagnostic], unsafe: bool = False) -> str:
    """`text` with the fixes of `diagnostics` applied once (safe ones only unless `unsafe`)."""
    return _apply(text, merge_edits(diagnostics, unsafe))


def _apply(text: str, edits: list[Edit]) -> str:
    """`text` with `edits` (sorted and disjoint) made."""
    parts, last = [], len(text)
    for e in reversed(edits):
        parts.append(text[e.end:last])
        parts.append(e.new_text)
        last = e.start
    parts.append(text[:last])
    return "".join(reversed(parts))


def merge_edits(diagnostics: list[Diagnostic], unsafe: bool = False) -> list[Edit]:
    """The edits to apply, sorted and disjoint: a fix whose edits overlap an accepted one is skipped.

    Fixes are taken in (position, code) order, each all or nothing; an edit identical to one
    already accepted is not a conflict (two rules proposing the same change).
    """
    return _merge(diagnostics, unsafe)[0]


def _merge(diagnostics: list[Diagnostic], unsafe: bool) -> tuple[list[Edit], list[Diagnostic]]:
    """merge_edits(), and the diagnostics whose fixes it took."""
    fixes = sorted((d for d in diagnostics if d.fix and d.fix.edits and (d.fix.safe or unsafe)),
                   key=lambda d: (min(e.start for e in d.fix.edits), d.code, d.start, d.end))
    accepted: set[Edit] = set()
    taken: list[Edit] = []   # accepted edits, disjoint, sorted by position: overlaps found by bisection
    applied: list[Diagnostic] = []
    for d in fixes:
        fresh = [e for e in d.fix.edits if e not in accepted]
        if not any(_clashes(e, taken) for e in fresh):
            accepted.update(fresh)
            applied.append(d)
            for e in fresh:
                insort(taken, e, key=_position)
    return sorted(accepted, key=lambda e: (e.start, e.end, e.new_text)), applied


def _position(e: Edit) -> tuple[int, int]:
    return e.start, e.end


def _clashes(edit: Edit, taken: list[Edit]) -> bool:
    """Whether `edit` overlaps an accepted edit: only its neighbours in position order can."""
    i = bisect_left(taken, _position(edit), key=_position)
    return any(_overlaps(edit, taken[j]) for j in range(max(0, i - 1), min(len(taken), i + 2)))


def _overlaps(a: Edit, b: Edit) -> bool:
    """Edits that touch the same characters, or two insertions at one point, cannot both apply."""
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end


def apply_fixes(reports: list[FileReport], opts, explicit_config) -> tuple[list[FileReport], list[Fixed]]:
    """Fix every report's file (or print the diff with --diff): the reports after fixing, and what
    was fixed in each file that changed."""
    done = [_fix_report(r, opts, explicit_config) for r in reports]
    return [report for report, _ in done], [fixed for _, fixed in done if fixed is not None]


def _fix_report(report: FileReport, opts, explicit_config) -> tuple[FileReport, Fixed | None]:
    unsafe = bool(getattr(opts, "unsafe_fixes", False))
    if report.error is not None or not merge_edits(report.diagnostics, unsafe):
        return report, None
    source = report.source
    stdin = "-" in getattr(opts, "paths", ()) and report.path == (getattr(opts, "stdin_filename", None) or "-")
    if source.kind == "docx" and not stdin and not getattr(opts, "diff", False):
        return report, None   # a Word file is never rewritten: its fixes go into a copy (output/word)
    if source.kind == "docx" or stdin:
        _warn(_not_rewritten(report.path, stdin))
        return report, None
    fixed, codes = _fix_until_stable(report, opts, explicit_config, unsafe)
    if fixed.source.text == source.text:
        return fixed, None
    if getattr(opts, "diff", False):
        sys.stdout.write(unified_diff(report.path, source.text, fixed.source.text))
        return fixed, Fixed(report.path, codes)
    try:
        write_atomic(report.path, source, fixed.source.text)
    except OSError as exc:
        return FileReport(report.path, report.encoding, report.diagnostics,
                          f"无法写入修复结果：{exc.strerror or exc}（原文件未改动）", report.index, source), None
    return fixed, Fixed(report.path, codes, written=True)


def _not_rewritten(path: str, stdin: bool) -> str:
    """Why --fix leaves standard input or a Word file alone, and what to do instead."""
    from ..support.wording import say

    if stdin:
        return say(f"{path}: --fix 不改写标准输入；请直接检查文件，或手动修改",
                   f"{path}: --fix does not rewrite standard input: check the file itself, or fix it by hand")
    stem, argument = os.path.splitext(path)[0], _shell_word(path)
    return say(f"{path}: --diff 不显示 .docx 的修改；请用 reportlint annotate --fix {argument}，生成 {stem}.reportlint.docx："
               "问题写成批注，可安全修复的写成修订",
               f"{path}: --diff cannot show a .docx file's changes: run reportlint annotate --fix {argument}, which writes "
               f"{stem}.reportlint.docx with the findings as comments and the safe fixes as tracked changes")


def _shell_word(path: str) -> str:
    """`path` as a shell reads it: quoted only when it must be (shlex.quote quotes any Chinese name)."""
    import re
    from shlex import quote

    return quote(path) if re.search(r"[\s'\"$`\\;&|()<>*?!#~]", path) else path


def _fix_until_stable(report: FileReport, opts, explicit_config, unsafe: bool) -> tuple[FileReport, Counter]:
    """Apply fixes and re-lint, up to MAX_ROUNDS times, until no applicable fix is left; the
    report then, and the fixes applied by code."""
    from ..api import check_source, ruleset_for

    config, ruleset = ruleset_for(report.path, explicit_config, select=opts.select, ignore=opts.ignore)
    lang = opts.lang or config.lang
    current, codes = report, Counter()
    for _ in range(MAX_ROUNDS):
        edits, applied = _merge(current.diagnostics, unsafe)
        text = _apply(current.source.text, edits)
        if text == current.source.text:
            break
        codes.update(d.code for d in applied)
        current = check_source(current.source._replace(text=text), report.path, ruleset, lang)
    return current, codes


def write_atomic(path: str, source, text: str) -> None:
    """Replace `path` with `text` encoded as the original was, via temp file + fsync + os.replace.

    Refuses (OSError) when the file changed since it was read, or when its bytes would not
    survive decoding and re-encoding unchanged, since then bytes outside the edits could differ.
    """
    target = Path(path)
    if not os.access(target, os.W_OK):
        raise OSError(f"{path} 是只读文件")
    original = target.read_bytes()
    if source.encode() != original:
        raise OSError(f"{path} 在检查后被修改，或其编码无法逐字节还原")
    replace_file(target, source.encode(text), target.stat().st_mode & 0o7777)


def replace_file(target: Path, data: bytes, mode: int) -> None:
    """Write `data` as `target` (a new file or a replacement) through a temporary file in the same
    folder, fsync and os.replace: a crash leaves the old file or the new one, never half of one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".reportlint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; not every platform can open a directory."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file's fix, in the file's own line ends."""
    names = (path, path) if Path(path).is_absolute() else (f"a/{path}", f"b/{path}")
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), *names)
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _warn(message: str) -> None:
    print(f"reportlint: {message}", file=sys.stderr)
