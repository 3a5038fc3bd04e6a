"""The command line: check | config | rules | explain | outline | lsp. Exit 0 clean, 1 findings, 2 errors."""
from __future__ import annotations

import argparse
import gc
import os
import sys

from .._version import __version__
from ..support.errors import ReportlintError


def main(argv: list[str] | None = None) -> int:
    from ..support import cache

    # A one-shot process builds many small acyclic objects (modules, rules, documents): the cycle
    # collector only costs it time, 1–2 ms of a one-file run. The language server turns it back on.
    gc.disable()
    cache.preload_regexes()   # before the modules that compile regexes are imported
    try:
        return _main(argv)
    finally:
        cache.save_regexes()


def _main(argv: list[str] | None) -> int:
    parser = _parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.handler(args)
    except ReportlintError as exc:
        print(f"reportlint: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, told the terminal width: by itself it imports shutil (and through it
    bz2 and lzma) to ask, for every argument declared, which costs a one-file run 3–4 ms."""

    def __init__(self, prog: str) -> None:
        try:
            width = int(os.environ.get("COLUMNS", "")) or os.get_terminal_size(sys.stderr.fileno()).columns
        except (ValueError, OSError):
            width = 80
        super().__init__(prog, width=width - 2)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser (and, as its subcommands' parsers share its class, theirs) using _Formatter."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; when argv names a subcommand, that one's alone.

    Every parser argparse makes looks up three translated strings, each lookup probing the file
    system (gettext): building all six subcommands costs a one-file run 2.4 ms, one of them 0.8.
    Help and errors of the named subcommand read the same; any other command line gets them all.
    """
    p = _Parser(prog="reportlint", description="中文工作总结、汇报的检查工具 (a linter for Chinese work reports)")
    p.add_argument("--version", action="version", version=f"reportlint {__version__}")
    sub = p.add_subparsers(dest="command")
    args = sys.argv[1:] if argv is None else argv
    named = args[0] if args and args[0] in _SUBCOMMANDS else None
    for name, (help_text, declare) in _SUBCOMMANDS.items():
        if named in (None, name):
            declare(sub.add_parser(name, help=help_text))
    return p


def _check_arguments(c: argparse.ArgumentParser) -> None:
    c.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    c.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text")
    c.add_argument("--config", metavar="FILE")
    c.add_argument("--select", action="append", default=[], metavar="CODES")
    c.add_argument("--ignore", action="append", default=[], metavar="CODES")
    c.add_argument("--fail-on", choices=("error", "warning", "info"))
    c.add_argument("--fix", action="store_true", help="apply safe fixes")
    c.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    c.add_argument("--diff", action="store_true", help="print the fixes as a unified diff, change nothing")
    c.add_argument("--jobs", "-j", type=int, default=0, metavar="N")
    c.add_argument("--lang", choices=("zh", "en"))
    c.add_argument("--baseline", metavar="FILE")
    c.add_argument("--write-baseline", metavar="FILE")
    c.add_argument("--stdin-filename", metavar="NAME")
    c.add_argument("--show-source", choices=("auto", "always", "never"), default="auto")
    c.add_argument("--no-cache", action="store_true", help="lint every file again, ignoring cached results")
    c.set_defaults(handler=_check)


def _config_arguments(k: argparse.ArgumentParser) -> None:
    k.add_argument("path", nargs="?", default=".")
    k.add_argument("--config", metavar="FILE")
    k.set_defaults(handler=_config)


def _rules_arguments(r: argparse.ArgumentParser) -> None:
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.add_argument("--lang", choices=("zh", "en"), default="zh")
    r.set_defaults(handler=_rules)


def _explain_arguments(e: argparse.ArgumentParser) -> None:
    e.add_argument("rule", metavar="CODE|NAME")
    e.add_argument("--lang", choices=("zh", "en"), default="zh")
    e.set_defaults(handler=_explain)


def _outline_arguments(o: argparse.ArgumentParser) -> None:
    o.add_argument("path", metavar="PATH")
    o.add_argument("--format", choices=("text", "json"), default="text")
    o.set_defaults(handler=_outline)


def _annotate_arguments(a: argparse.ArgumentParser) -> None:
    from .annotate import declare   # the Word writer's command lives in its own module

    declare(a)


def _lsp_arguments(s: argparse.ArgumentParser) -> None:
    s.set_defaults(handler=_lsp)


def split_codes(values: list[str]) -> tuple[str, ...]:
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def _check(args) -> int:
    from .check import CheckOptions, run_check

    options = CheckOptions(
        paths=args.paths, fmt=args.format, config=args.config,
        select=split_codes(args.select), ignore=split_codes(args.ignore), fail_on=args.fail_on,
        fix=args.fix or args.unsafe_fixes, unsafe_fixes=args.unsafe_fixes, diff=args.diff,
        jobs=args.jobs, lang=args.lang, baseline=args.baseline, write_baseline=args.write_baseline,
        stdin_filename=args.stdin_filename,
        show_source={"auto": sys.stdout.isatty(), "always": True, "never": False}[args.show_source],
        color=sys.stdout.isatty() and not os.environ.get("NO_COLOR"), use_cache=not args.no_cache,
    )
    return run_check(options)


def _config(args) -> int:
    from pathlib import Path

    from ..config.loader import config_for, load_config, resolve

    config = load_config(str(Path(args.config).resolve())) if args.config else config_for(Path(args.path))
    ruleset = resolve(config, args.path)
    print(f"# config: {config.path or '(built-in defaults)'}")
    print(f"# fail-on: {config.fail_on}    lang: {config.lang}")
    if config.exclude:
        print("# exclude: " + ", ".join(config.exclude))
    for rule in ruleset.rules:
        print(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.pack}")
    return 0


def _all_rules():
    """Every rule of the packs configured for the current folder (user packs included)."""
    from ..config.loader import all_rules, config_for

    return all_rules(config_for(os.getcwd()))


def _rules(args) -> int:
    rules = _all_rules()
    if args.format == "json":
        import json

        rows = [{"code": r.code, "name": r.name, "pack": r.pack, "kind": r.kind,
                 "severity": r.severity, "enabled": r.enabled, "summary": r.text("summary", args.lang)}
                for r in rules]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rules:
        severity = r.severity if r.enabled else "off"
        print(f"{r.code}  {r.name:<28} {r.pack:<12} {severity:<8} {r.text('summary', args.lang)}")
    return 0


def _explain(args) -> int:
    from ..support.errors import ConfigError

    rules = [r for r in _all_rules() if args.rule in (r.code, r.name) or args.rule.upper() == r.code]
    if not rules:
        raise ConfigError(f"未知的规则：{args.rule}")
    r = rules[0]
    zh = args.lang == "zh"
    print(f"{r.code} {r.name}  [{r.severity if r.enabled else 'off'}]  ({'规则包' if zh else 'pack'} {r.pack})")
    print(r.text("summary", args.lang))
    print()
    print(r.text("explain", args.lang).rstrip())
    for label, key in (("错误示例" if zh else "Bad", "fail"), ("正确示例" if zh else "Good", "pass")):
        for example in r.examples.get(key, []):
            print(f"\n{label}:")
            print("    " + example.replace("\n", "\n    "))
    print()
    if zh:
        print(f"关闭：在 .reportlint.yaml 中写 rules: {{{r.code}: off}}，或运行 reportlint check --ignore {r.code}")
    else:
        print(f"Silence: rules: {{{r.code}: off}} in .reportlint.yaml, or reportlint check --ignore {r.code}")
    return 0


def _outline(args) -> int:
    from ..output.outline_view import render_outline

    sys.stdout.write(render_outline(args.path, args.format))
    return 0


def _lsp(args) -> int:
    try:
        from ..lsp import serve
    except ImportError as exc:
        print(f"reportlint lsp 需要 pygls：pip install 'reportlint[lsp]' ({exc})", file=sys.stderr)
        return 2
    gc.enable()   # a long-lived process: its cycles must not pile up
    serve()
    return 0


_SUBCOMMANDS = {   # name: (help, what declares its arguments), in the order help lists them
    "check": ("检查报告 (lint reports)", _check_arguments),
    "config": ("显示适用于某路径的配置 (show the resolved config)", _config_arguments),
    "rules": ("列出所有规则 (list every rule)", _rules_arguments),
    "explain": ("解释一条规则 (explain a rule)", _explain_arguments),
    "outline": ("显示标题结构 (print the heading tree)", _outline_arguments),
    "annotate": ("写出带批注的 Word 副本 (a .docx copy with the findings as comments)", _annotate_arguments),
    "lsp": ("启动语言服务器 (run the language server on stdio)", _lsp_arguments),
}
