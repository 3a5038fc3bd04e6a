"""`reportlint annotate`: a copy of each Word report with the findings as comments (批注) where a
reviewer reads them, and with --fix the safe fixes as tracked changes (修订). Exit 0 when every
copy was written, 2 when a file could not be read or its copy not written."""
from __future__ import annotations

import os
import sys

from ..support.errors import ReportlintError

_SAID = {
    "zh": ("{} → {}：{} 条批注", "，{} 处修订", "，{} 处修改留在批注中", "没有可处理的 Word 文件（.docx）"),
    "en": ("{} → {}: {} comment(s)", ", {} tracked change(s)", ", {} fix(es) left as comments", "no Word file (.docx) to annotate"),
}


def declare(a) -> None:
    from ..support.wording import say

    a.add_argument("paths", nargs="+", metavar="PATH", help=say(".docx 文件或目录", "Word files or folders"))
    a.add_argument("-o", "--output", metavar="OUT",
                   help=say("副本路径；多个文件或目录时为输出目录", "the copy; a folder for several files"))
    a.add_argument("--fix", action="store_true", help=say("安全修复写为修订", "safe fixes as tracked changes"))
    a.add_argument("--config", metavar="FILE", help=say("使用此配置文件", "use this configuration file"))
    a.add_argument("--select", action="append", default=[], metavar="CODES",
                   help=say("只写这些规则的批注（代码、名称或前缀，逗号分隔）", "comment only these rules (codes, names or prefixes)"))
    a.add_argument("--ignore", action="append", default=[], metavar="CODES",
                   help=say("不写这些规则的批注", "leave these rules out"))
    a.add_argument("--lang", choices=("zh", "en"), help=say("批注的语言：zh（默认）或 en", "the comments' language: zh (default) or en"))
    a.set_defaults(handler=run)


def run(args) -> int:
    from ..output.word import write_annotated
    from .check import CheckOptions, _explicit_config

    explicit = _explicit_config(CheckOptions(config=args.config))
    selectors = {"select": _codes(args.select), "ignore": _codes(args.ignore)}
    said = _SAID[args.lang or (explicit.lang if explicit else "zh")]
    targets = copies(args.paths, args.output, explicit)
    if not targets:
        print(f"reportlint: {said[3]}", file=sys.stderr)
        return 2
    status = 0
    for source, out in targets:
        try:
            done = write_annotated(source, out, explicit, selectors, args.lang, fix=args.fix)
        except ReportlintError as exc:
            print(f"reportlint: {exc}", file=sys.stderr)
            status = 2
            continue
        line = said[0].format(source, out, done.comments)
        line += said[1].format(done.changes) if args.fix else ""
        line += said[2].format(done.kept) if done.kept else ""
        print(line)
    return status


def copies(paths: list[str], output: str | None, explicit) -> list[tuple[str, str]]:
    """(document, where its copy goes) for each Word file named or found in a named folder; a
    folder's annotated copies (*.reportlint.docx) are not annotated again."""
    from ..input.source import WORD_SUFFIXES
    from ..output.word import COPY_SUFFIX, copy_name
    from .check import collect

    pairs = []
    for path in paths:
        if not os.path.isdir(path):
            pairs.append((path, os.path.basename(path)))
            continue
        for found in collect([path], explicit):
            if found.lower().endswith(WORD_SUFFIXES) and not found.lower().endswith(COPY_SUFFIX):
                pairs.append((found, os.path.relpath(found, path)))
    into_folder = output is not None and (len(pairs) > 1 or os.path.isdir(output) or any(map(os.path.isdir, paths)))
    if into_folder:
        out = [(source, os.path.join(output, copy_name(relative))) for source, relative in pairs]
        for folder in {os.path.dirname(copy) for _, copy in out}:
            os.makedirs(folder, exist_ok=True)
        return out
    return [(source, output or copy_name(source)) for source, _ in pairs]


def _codes(values: list[str]) -> tuple[str, ...]:
    """--select WR1,WR3 --select WR501 → ("WR1", "WR3", "WR501"), as `check` reads them."""
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())
