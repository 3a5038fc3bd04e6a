"""`reportlint check`: collect files, lint them (in parallel if asked), report, choose the exit status."""
from __future__ import annotations

import os
import sys

from ..config.loader import Config, config_for, load_config
from ..engine.diagnostics import FileReport, at_or_above
from ..support.errors import ReportlintError
from ..support.records import record
from ..input.source import SUPPORTED_SUFFIXES
from ..support.hints import Sequence

PARALLEL_MIN_FILES = 8  # below this, starting worker processes costs more than it saves
PROGRESS_MIN_FILES = 20  # shorter runs finish before a progress line would help


@record
class CheckOptions:
    """What `reportlint check` was asked to do (the parsed command line)."""

    paths: Sequence[str] = (".",)
    fmt: str = "text"
    config: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    jobs: int = 0
    lang: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    stdin_filename: str | None = None
    show_source: bool = False
    color: bool = False
    use_cache: bool = True

    @property
    def render_early(self) -> bool:
        """Whether each file can be rendered as soon as it is linted (nothing needs the reports later)."""
        return self.fmt in ("text", "json") and not (self.fix or self.diff or self.baseline or self.write_baseline)


def run_check(opts: CheckOptions) -> int:
    """Lint, fix, apply or write the baseline, render; return the exit status."""
    explicit = _explicit_config(opts)
    targets = collect(opts.paths, explicit)
    reports = lint_all(targets, opts, explicit)
    fixed = None
    if opts.fix or opts.diff:
        from ..output.fixes import apply_fixes

        reports, fixed = apply_fixes(reports, opts, explicit)
        if opts.fix and not opts.diff and any(getattr(r.source, "kind", "") == "docx" for r in reports):
            from ..output.word import fix_copies

            reports, copies = fix_copies(reports, opts, explicit)
            fixed += copies
    if opts.write_baseline:
        from ..engine.baseline import write_baseline

        write_baseline(opts.write_baseline, reports)
    if opts.baseline:
        from ..engine.baseline import filter_baseline

        reports = filter_baseline(opts.baseline, reports)
    lang = opts.lang or (explicit.lang if explicit else _first_lang(reports))
    from ..output.formatters import render_parts

    _tell_unchecked(reports, lang)
    told = _fix_lines(fixed, reports, opts, lang) if fixed is not None else None
    # After --fix, the text output ends with what was fixed; anywhere else standard output holds
    # only the format (or, with --diff, the diff), and standard error hears of the fixes.
    in_text = opts.fmt == "text" and not opts.diff
    parts = render_parts(opts.fmt, reports, color=opts.color, show_source=opts.show_source, lang=lang,
                         fixed_lines=told if in_text else None)
    if told is not None and not in_text:
        sys.stderr.write("".join(line + "\n" for line in told))
    if not opts.diff:
        _write(parts)
    sys.stdout.flush()
    return exit_status(reports, opts, explicit)


def _tell_unchecked(reports, lang: str) -> None:
    """Unreadable and empty files, on standard error in every format: reportlint: PATH: why."""
    for report in reports:
        if report.error is not None:
            print(f"reportlint: {report.path}: {report.error}", file=sys.stderr)
        elif report.notice is not None:
            why = "empty (or only whitespace): not checked" if lang == "en" else "文件为空（或只有空白），未检查"
            print(f"reportlint: {report.path}: {why}", file=sys.stderr)


def _fix_lines(fixed, reports, opts: CheckOptions, lang: str) -> list[str]:
    """What --fix or --diff did; with --diff (whose standard output is the diff) also what is left."""
    from ..output.fix_summary import fix_lines

    lines = fix_lines(fixed, reports, diff=opts.diff, unsafe=opts.unsafe_fixes, lang=lang)
    if opts.diff:
        from ..output.formatters import text

        lines.append(text.summary([text.render_file(r, lang=lang) for r in reports], lang, after="diff"))
    return lines


def _write(parts) -> None:
    """Write the output piece by piece (a large output is never joined into one string). Files
    rendered by workers come as bytes already encoded for standard output (`_wire`)."""
    wire = _wire()
    if wire is None:
        for part in parts:
            sys.stdout.write(part)
        return
    sys.stdout.flush()
    out = sys.stdout.buffer
    for part in parts:
        out.write(part if isinstance(part, bytes) else part.encode(*wire))


def _wire() -> tuple[str, str] | None:
    """(encoding, errors) when text encoded so can go straight to standard output's bytes: UTF-8,
    and no newline translation. Workers then send back their files' output encoded, not as str:
    40 MB of JSON pickled as str costs a worker twice the encoding, and the parent a decoding
    and an encoding more."""
    import codecs

    stream = sys.stdout
    if os.name == "nt" or not hasattr(stream, "buffer") or not isinstance(stream.encoding, str):
        return None
    try:
        utf8 = codecs.lookup(stream.encoding).name == "utf-8"
    except LookupError:
        return None
    return ("utf-8", stream.errors or "strict") if utf8 else None


def exit_status(reports: list[FileReport], opts: CheckOptions, explicit: Config | None) -> int:
    """2 for unreadable files, 1 for diagnostics at or above the failing level, else 0."""
    if any(r.error is not None for r in reports):
        return 2
    level = opts.fail_on or (explicit.fail_on if explicit else _config_for(reports).fail_on)
    failing = any(n and at_or_above(severity, level) for r in reports for severity, n in r.counts().items())
    return 1 if failing else 0


def _explicit_config(opts: CheckOptions) -> Config | None:
    """The config that --config names, if any; an error when there is no such file."""
    if not opts.config:
        return None
    from pathlib import Path   # pathlib's reading of the name, as before; the usual run names no config

    if not Path(opts.config).is_file():
        raise ReportlintError(f"{opts.config}: 配置文件不存在")
    return load_config(str(Path(opts.config).resolve()))


def _config_for(reports: list[FileReport]) -> Config:
    return config_for(reports[0].path if reports and reports[0].path != "-" else os.getcwd())


def _first_lang(reports: list[FileReport]) -> str:
    return _config_for(reports).lang if reports else "zh"


def collect(paths: list[str], explicit: Config | None) -> list[str]:
    """Files to check: explicit files always; directories walked for supported suffixes, minus excludes."""
    from ..config.paths import is_excluded

    out: list[str] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path or "."):   # "" is the current folder to Path()
            out.append(path)
            continue
        from pathlib import Path   # os.walk(Path(path)) names files as this code always has

        p = Path(path)
        config = explicit or config_for(p)
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not is_excluded(config, Path(root, d)))
            for name in sorted(files):
                full = Path(root, name)
                if _report_name(name) and not _special(full) and not is_excluded(config, full):
                    out.append(os.path.join(root, name) if root != path else os.path.join(path, name))
    return out


def _report_name(name: str) -> bool:
    """A supported suffix, and not the owner file Word keeps beside a document it has open ("~$报告.docx")."""
    return name.lower().endswith(SUPPORTED_SUFFIXES) and not name.startswith("~$")


def _special(path) -> bool:
    """A FIFO, socket or device found while walking: reading it could block forever, so skip it."""
    return os.path.exists(path) and not os.path.isfile(path)



def lint_all(targets: list[str], opts: CheckOptions, explicit: Config | None) -> list:
    """Lint every target, in input order; with --jobs > 1 across worker processes.

    The items are FileReports, or RenderedFiles when `opts.render_early`.
    """
    jobs = opts.jobs if opts.jobs > 0 else (os.cpu_count() or 1)
    files = [t for t in targets if t != "-"]
    configs = Configs(explicit)
    lang = opts.lang or (explicit.lang if explicit else "zh")
    if jobs > 1 and len(files) > PARALLEL_MIN_FILES:
        _prepare_workers(files[0], opts, explicit)
        done = _progress(_parallel(files, opts, jobs), len(files), lang)  # stdin is read here, not in a worker
        return [lint_one(t, opts, configs) if t == "-" else next(done) for t in targets]
    return list(_progress((lint_one(t, opts, configs) for t in targets), len(targets), lang))


class Configs:
    """The config that governs each file, looked up once per folder.

    The files of a folder share their config, and finding it (a stat per candidate name in every
    folder up to the root, a read of each pyproject.toml) costs more than linting a small file's
    worth of text. An explicit --config governs every file.
    """

    def __init__(self, explicit: Config | None):
        self.explicit = explicit
        self.by_folder: dict[str, Config] = {}

    def of(self, target: str) -> Config | None:
        """The config for `target` (None for standard input: its --stdin-filename decides)."""
        if self.explicit is not None or target == "-":
            return self.explicit
        if os.path.islink(target):   # governed by the folder the link points into
            return config_for(target)
        folder = os.path.dirname(target) or "."
        found = self.by_folder.get(folder)
        if found is None:
            found = self.by_folder[folder] = config_for(folder)
        return found


def _progress(reports, total: int, lang: str = "zh"):
    """Pass reports through, showing "检查中 n/total" on stderr when a long run is attached to a
    terminal; the line is cleared when the run ends, so that the report reads as without it."""
    import time

    show = total >= PROGRESS_MIN_FILES and sys.stderr.isatty()
    label = "checking" if lang == "en" else "检查中"
    last = 0.0
    for n, report in enumerate(reports, start=1):
        if show and (n == total or time.monotonic() - last > 0.2):
            last = time.monotonic()
            sys.stderr.write(f"\r{label} {n}/{total}" + ("\r\033[K" if n == total else ""))
            sys.stderr.flush()
        yield report


def lint_one(target: str, opts: CheckOptions, configs: Configs):
    """Lint one path, or standard input for "-"; rendered at once when nothing else needs the report."""
    from ..api import lint_bytes, lint_path

    selectors = {"select": opts.select, "ignore": opts.ignore}
    config = configs.of(target)
    if target == "-":
        name = opts.stdin_filename or "-"
        report = lint_bytes(sys.stdin.buffer.read(), name, config, opts.lang, **selectors)
    else:
        report = lint_path(target, config, opts.lang, use_cache=opts.use_cache, **selectors)
    if opts.render_early:
        from ..output.formatters import render_file

        # Keeps memory to one report at a time, and lets workers send back text, not reports.
        lang = opts.lang or (config.lang if config is not None else "zh")
        return render_file(opts.fmt, report, color=opts.color, show_source=opts.show_source, lang=lang)
    return report


def _prepare_workers(first: str, opts: CheckOptions, explicit: Config | None) -> None:
    """Load the rules and the pipeline's modules once, before the workers fork and inherit them."""
    from .. import api
    from ..engine import runner as engine
    from ..output import formatters
    from ..document import builder as outline

    del engine, outline              # imported for the workers to inherit
    formatters.formatter(opts.fmt)   # the output format's own module too

    try:
        api.ruleset_for(first, explicit, select=opts.select, ignore=opts.ignore)
    except ReportlintError:
        pass  # the worker that meets the file reports it


def _parallel(targets: list[str], opts: CheckOptions, jobs: int):
    """Reports in input order, streamed back from worker processes as they finish."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(opts, _wire())) as pool:
        # Small chunks, so that the workers finish together: a chunk costs a pickled path list,
        # while a 30-file last chunk can keep one worker busy half a second after the other.
        chunk = max(1, len(targets) // (jobs * 32))
        yield from pool.map(_worker, targets, chunksize=chunk)


_job: tuple[CheckOptions, Configs, tuple[str, str] | None] | None = None   # a worker's whole run


def _start_worker(opts: CheckOptions, wire: tuple[str, str] | None) -> None:
    global _job
    from ..support.wording import set_lang

    set_lang(opts.lang)   # a spawned worker (not forked) starts with the default language
    _job = (opts, Configs(_explicit_config(opts)), wire)


def _worker(target: str):
    from ..output.formatters import RenderedFile

    opts, configs, wire = _job
    done = lint_one(target, opts, configs)
    if wire is not None and isinstance(done, RenderedFile):
        return done._replace(chunk=done.chunk.encode(*wire))
    return done
