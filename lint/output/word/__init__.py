"""The Word writer: a copy of a .docx with each finding as a comment on the offending characters
and, when asked, the safe fixes as tracked changes; the original is never written.

places.py maps the rules' offsets back to runs, comments.py writes the comments (python-docx's
API), revisions.py the tracked changes (lxml: python-docx has no API for them), package.py the
copy's zip, keeping every part the annotation did not change byte for byte.
"""
from __future__ import annotations

import io
import sys

from ...support.records import record


@record
class Annotated:
    """An annotated copy and what went into it."""

    data: bytes
    comments: int = 0
    changes: int = 0       # fixes written as tracked changes
    kept: int = 0          # fixes left as comments (automatic number, two formattings, not in the body)


def annotate(data: bytes, word, report, fix: bool = False, lang: str = "zh", unsafe: bool = False) -> Annotated:
    """The copy of the .docx `data`, read as `word` (a WordText with anchors) and linted as
    `report` (its FileReport); with `fix`, the safe fixes (and the unsafe ones with `unsafe`) as
    tracked changes."""
    from ..word_location import locations
    from .comments import add_comment
    from .package import rewritten
    from .places import Story

    document = _opened(data, report.path)
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    had_comments = RT.COMMENTS in {rel.reltype for rel in document.part.rels.values()}
    story = Story(document.element, word, report.index)
    text = word.source.text
    comments = 0
    for d, where in zip(report.diagnostics, locations(report, lang) or ()):
        place = None if d.start == d.end == 0 else story.place(d.start, d.end)
        elsewhere = place is None
        place = place or story.title()
        if place is not None:
            add_comment(document, place, d, text, lang, where if elsewhere else None)
            comments += 1
    changes, kept = _fix(document, story, report, unsafe) if fix else (0, 0)
    if not comments and not changes:
        return Annotated(data, 0, 0, kept)   # nothing to say: the copy is the original
    return Annotated(rewritten(data, document, had_comments), comments, changes, kept)


def _opened(data: bytes, path: str):
    """The package as python-docx opens it; a file the reader took but python-docx refuses (a
    macro-enabled or template main part, a part it cannot parse) gets a message, not a traceback."""
    from ...support.errors import InputError

    needed = "写入批注需要 python-docx 1.2 以上：pip install 'reportlint[docx]'"
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise InputError(needed, path) from None
    if not hasattr(docx.document.Document, "add_comment"):   # python-docx before 1.2
        raise InputError(needed, path)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError) as exc:
        raise InputError(f"python-docx 无法打开此文件以写入批注（{type(exc).__name__}: {exc}）", path) from None


def _fix(document, story, report, unsafe: bool) -> tuple[int, int]:
    """Write the fixes as tracked changes, each fix whole or not at all; return (fixes written,
    fixes left as comments). Edits are written last first: one leaves the offsets before it as
    they were."""
    from ..fixes import merge_edits
    from .revisions import Revisions

    revisions = Revisions(document.element)
    accepted = set(merge_edits(report.diagnostics, unsafe))
    fixes = [d.fix.edits for d in report.diagnostics
             if d.fix and (d.fix.safe or unsafe) and d.fix.edits and accepted.issuperset(d.fix.edits)]
    doable = [edits for edits in fixes if all(_writable(story, revisions, e, report.index) for e in edits)]
    for edit in sorted({e for edits in doable for e in edits}, key=lambda e: (e.start, e.end), reverse=True):
        place = story.place(edit.start, edit.end)
        revisions.replace(place.paragraph, place.start, place.end, edit.new_text)
    return len(doable), len(fixes) - len(doable)


def _writable(story, revisions, edit, index) -> bool:
    """Whether an edit can be a tracked change: in one body paragraph's runs (not its automatic
    number), on runs that revisions.py can replace cleanly."""
    place = story.place(edit.start, edit.end)
    return (place is not None and not place.numbered and index.line_of(edit.start) == index.line_of(edit.end)
            and place.end - place.start == edit.end - edit.start
            and revisions.can_replace(place.paragraph, place.start, place.end, edit.new_text))


COPY_SUFFIX = ".reportlint.docx"


def copy_name(path: str) -> str:
    """Where the annotated copy of `path` goes by default: 报告.docx → 报告.reportlint.docx, beside it."""
    import os

    return os.path.splitext(path)[0] + COPY_SUFFIX


def write_annotated(path: str, out: str, config=None, selectors=None, lang: str | None = None,
                    fix: bool = False, unsafe: bool = False) -> Annotated:
    """Read and lint the .docx `path` and write its annotated copy to `out` atomically; never `path`
    itself. Raises ReportlintError (InputError) with what went wrong."""
    import os
    from pathlib import Path

    from ...api import check_source, ruleset_for
    from ...input.docx import read_word
    from ...input.files import read_bytes
    from ...support.errors import InputError
    from ..fixes import replace_file

    if os.path.exists(out) and os.path.samefile(path, out):
        raise InputError(f"副本不能写在原文件上：{out}", path)
    data = read_bytes(path)
    word = read_word(data, path, anchors=True)
    config, ruleset = ruleset_for(path, config, **(selectors or {}))
    lang = lang or config.lang
    annotated = annotate(data, word, check_source(word.source, path, ruleset, lang), fix, lang, unsafe)
    try:
        replace_file(Path(out), annotated.data, os.stat(path).st_mode & 0o666)
    except OSError as exc:
        raise InputError(f"无法写入副本 {out}：{exc.strerror or exc}（原文件未改动）", path) from None
    return annotated


def fix_copies(reports: list, opts, explicit_config) -> tuple[list, list]:
    """`check --fix` on Word files: each gets its copy with the fixes as tracked changes (and the
    findings as comments), beside it; the report stays that of the original, which is not touched.
    Returns the reports and, for the fix summary, what was written (lint.output.fixes.Fixed)."""
    from collections import Counter

    from ...support.errors import ReportlintError
    from ...support.wording import say
    from ..fixes import Fixed, merge_edits

    out, written = [], []
    for report in reports:
        if report.error is None and getattr(report.source, "kind", "") == "docx" and report.path != "-" \
                and merge_edits(report.diagnostics, opts.unsafe_fixes):
            copy = copy_name(report.path)
            selectors = {"select": opts.select, "ignore": opts.ignore}
            try:
                done = write_annotated(report.path, copy, explicit_config, selectors, opts.lang, True, opts.unsafe_fixes)
            except ReportlintError as exc:
                error = getattr(exc, "detail", str(exc))
                report = type(report)(report.path, report.encoding, report.diagnostics, error, report.index,
                                      report.source)
            else:
                print("reportlint: " + say(
                    f"{report.path}: 原文件未改动；修复以修订写入副本 {copy}（{done.changes} 处修订，{done.comments} 条批注），"
                    "在 Word 中接受或拒绝",
                    f"{report.path}: left as it is; the fixes went into {copy} as tracked changes ({done.changes} changes, "
                    f"{done.comments} comments): accept or reject them in Word"), file=sys.stderr)
                codes = Counter(d.code for d in report.diagnostics
                                if d.fix and d.fix.edits and (d.fix.safe or opts.unsafe_fixes))
                written.append(Fixed(copy, dict(codes), written=True))
        out.append(report)
    return out, written
