"""The command line: check | config | rules | explain | check-packs | outline | lsp. Exit 0 clean, 1 findings, 2 errors."""
from __future__ import annotations

import argparse
import gc
import os
import sys

from .._version import __version__
from ..support.errors import ReportlintError
from ..support.wording import did_you_mean, nearest, say, set_lang


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
    set_lang(_lang_named(sys.argv[1:] if argv is None else argv))   # help and errors before the rest is parsed
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
    bz2 and lzma) to ask, for every argument declared, which costs a one-file run 3–4 ms. It wraps
    by what a terminal shows: a Chinese character takes two columns, where argparse counts one."""

    def __init__(self, prog: str) -> None:
        try:
            width = int(os.environ.get("COLUMNS", "")) or os.get_terminal_size(sys.stderr.fileno()).columns
        except (ValueError, OSError):
            width = 80
        super().__init__(prog, width=width - 2, max_help_position=27)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return _wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in _wrap(" ".join(text.split()), width - len(indent)))


def _wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` terminal columns, broken at spaces or between wide characters."""
    import re
    import unicodedata

    def columns(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    lines, line = [], ""
    for token in re.findall(r"\s+|[^\s\u2e80-\uffef]+|.", text):
        if line and columns(line + token.rstrip()) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    return lines + [line.rstrip()] if line.strip() else lines


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser (and, as its subcommands' parsers share its class, theirs) using _Formatter,
    speaking the command line's language, and suggesting the nearest choice or option on a typo."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = say("参数", "arguments")
        self._optionals.title = say("选项", "options")
        self.add_argument("-h", "--help", action="help", help=say("显示此帮助", "show this help"))

    def _check_value(self, action, value) -> None:
        if action.choices is not None and value not in action.choices:
            near, choices = nearest(value, action.choices), ", ".join(map(str, action.choices))
            raise argparse.ArgumentError(action, say(
                f"无效的取值 {value!r}" + (f"，是否想写 {near}？" if near else "") + f"（可选：{choices}）",
                f"invalid choice {value!r}" + (f" (did you mean {near}?)" if near else "") + f"; choose from {choices}"))

    def parse_args(self, args=None, namespace=None):
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            parser = self._chosen(parsed)
            options = [option for action in parser._actions for option in action.option_strings]
            hint = did_you_mean(extras[0].split("=")[0], options) if extras[0].startswith("-") else ""
            parser.error(say("无法识别的参数：", "unrecognized arguments: ") + " ".join(extras) + hint)
        return parsed

    def _chosen(self, parsed) -> argparse.ArgumentParser:
        """The subcommand's parser, for its options and its usage line; else this one."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction) and getattr(parsed, "command", None):
                return action.choices[parsed.command]
        return self


def _lang_named(args: list[str]) -> str | None:
    """The value of --lang in `args`, if any."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def _parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; when argv names a subcommand, that one's alone.

    Every parser argparse makes looks up three translated strings, each lookup probing the file
    system (gettext): building all six subcommands costs a one-file run 2.4 ms, one of them 0.8.
    Help and errors of the named subcommand read the same; any other command line gets them all.
    """
    p = _Parser(prog="reportlint", description="中文工作总结、汇报的检查工具 (a linter for Chinese work reports)")
    p.add_argument("--version", action="version", version=f"reportlint {__version__}",
                   help=say("显示版本号", "show the version"))
    sub = p.add_subparsers(dest="command")
    args = sys.argv[1:] if argv is None else argv
    named = args[0] if args and args[0] in _SUBCOMMANDS else None
    for name, (help_text, declare) in _SUBCOMMANDS.items():
        if named in (None, name):
            declare(sub.add_parser(name, help=help_text))
    return p


def _check_arguments(c: argparse.ArgumentParser) -> None:
    from .options import declare_check_options

    declare_check_options(c)
    c.set_defaults(handler=_check)


def _config_arguments(k: argparse.ArgumentParser) -> None:
    k.add_argument("path", nargs="?", default=".", help=say("要看哪个文件或文件夹的配置（默认：.）",
                                                            "the file or folder whose config to show (default: .)"))
    k.add_argument("--config", metavar="FILE", help=say("用此配置文件", "use this config file"))
    k.set_defaults(handler=_config)


def _rules_arguments(r: argparse.ArgumentParser) -> None:
    r.add_argument("--format", choices=("text", "json"), default="text", help=say("text（默认）或 json", "text (default) or json"))
    _lang_argument(r)
    r.set_defaults(handler=_rules)


def _explain_arguments(e: argparse.ArgumentParser) -> None:
    e.add_argument("rule", metavar="CODE|NAME", help=say("规则代码或名称，如 WR101、heading-sequence",
                                                         "a rule code or name: WR101, heading-sequence"))
    _lang_argument(e)
    e.set_defaults(handler=_explain)


def _check_packs_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("packs", nargs="*", metavar="PACK", help=say("规则包文件或内置包名（默认：当前配置的全部规则包）",
                                                                "pack files or built-in pack names (default: the config's packs)"))
    _lang_argument(p)
    p.set_defaults(handler=_check_packs)


def _outline_arguments(o: argparse.ArgumentParser) -> None:
    o.add_argument("path", metavar="PATH", help=say("报告文件", "a report file"))
    o.add_argument("--format", choices=("text", "json"), default="text", help=say("text（默认）或 json", "text (default) or json"))
    _lang_argument(o)
    o.set_defaults(handler=_outline)


def _annotate_arguments(a: argparse.ArgumentParser) -> None:
    from .annotate import declare   # the Word writer's command lives in its own module

    declare(a)


def _lsp_arguments(s: argparse.ArgumentParser) -> None:
    s.set_defaults(handler=_lsp)


def _lang_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=say("zh（默认）或 en", "zh (default) or en"))


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
    from ..packs.loader import by_code

    config = load_config(str(Path(args.config).resolve())) if args.config else config_for(Path(args.path))
    ruleset = resolve(config, args.path)
    print(f"# config: {config.path or '(built-in defaults)'}")
    print(f"# fail-on: {config.fail_on}    lang: {config.lang}")
    if config.exclude:
        print("# exclude: " + ", ".join(config.exclude))
    _table([(r.code, r.name, r.severity, r.pack) for r in by_code(ruleset.rules)])
    return 0


def _table(rows: list[tuple[str, ...]]) -> None:
    """Rows of columns, each column as wide as its widest cell (codes and names vary in length)."""
    widths = [max(len(cell) for cell in column) for column in zip(*rows)] if rows else []
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def _all_rules():
    """Every rule of the packs configured for the current folder (user packs included), by code."""
    from ..config.loader import all_rules, config_for
    from ..packs.loader import by_code

    return by_code(all_rules(config_for(os.getcwd())))


def _rules(args) -> int:
    rules = _all_rules()
    if args.format == "json":
        import json

        rows = [{"code": r.code, "name": r.name, "pack": r.pack, "kind": r.kind, "severity": r.severity,
                 "enabled": r.enabled, "summary": r.text("summary", args.lang), "norm": r.norm}
                for r in rules]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    _table([(r.code, r.name, r.pack, r.severity if r.enabled else "off",
             r.text("summary", args.lang) + (f"（{r.norm}）" if r.norm else "")) for r in rules])
    return 0


def _explain(args) -> int:
    from ..config.loader import names
    from ..support.errors import ConfigError

    known = _all_rules()
    rules = [r for r in known if names(args.rule, r.code, r.name)]
    if not rules:
        hint = did_you_mean(args.rule, [r.code for r in known] + [r.name for r in known])
        raise ConfigError(say("未知的规则：", "unknown rule: ") + args.rule + hint)
    r = rules[0]
    zh = args.lang == "zh"
    print(f"{r.code} {r.name}  [{r.severity if r.enabled else 'off'}]  ({'规则包' if zh else 'pack'} {r.pack})")
    print(r.text("summary", args.lang))
    if r.norm:
        print(("依据：" if zh else "Norm: ") + r.norm)
    print()
    explained = r.text("explain", args.lang).rstrip()
    print(explained or ("（这条规则没有写说明：它的规则包里没有 explain。）" if zh
                        else "(This rule has no explanation: its pack gives it no explain text.)"))
    for label, key in (("错误示例" if zh else "Bad", "fail"), ("正确示例" if zh else "Good", "pass")):
        for example in r.examples.get(key, []):
            print(f"\n{label}:")
            print("    " + example.replace("\n", "\n    "))
    from .reference import option_lines

    print()
    print("\n".join(option_lines(r, args.lang)))
    print()
    if zh:
        print(f"关闭：在 .reportlint.yaml 中写 rules: {{{r.code}: off}}，或运行 reportlint check --ignore {r.code}")
    else:
        print(f"Silence: rules: {{{r.code}: off}} in .reportlint.yaml, or reportlint check --ignore {r.code}")
    return 0


def _check_packs(args) -> int:
    from .pack_examples import check_packs

    return check_packs(args.packs, args.lang)


def _outline(args) -> int:
    from ..output.outline_view import render_outline

    sys.stdout.write(render_outline(args.path, args.format, args.lang))
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
    "check-packs": ("运行规则包自带的示例 (run packs' own examples)", _check_packs_arguments),
    "outline": ("显示报告类型和标题结构 (print the report's kind and heading tree)", _outline_arguments),
    "annotate": ("写出带批注的 Word 副本 (a .docx copy with the findings as comments)", _annotate_arguments),
    "lsp": ("启动语言服务器 (run the language server on stdio)", _lsp_arguments),
}
