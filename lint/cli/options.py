"""The check command's options, grouped, each with its help (Chinese, or English under --lang en).

Kept to a screen: every option fits one line of `reportlint check --help` at 80 columns, so the
Chinese help texts stay short (argparse counts a CJK character as one column; it shows as two).
"""
from __future__ import annotations

from ..support.wording import say

FORMATS = ("text", "json", "sarif", "github")
LEVELS = ("error", "warning", "info")


def declare_check_options(c) -> None:
    c.usage = "%(prog)s [PATH ...] [" + say("选项", "options") + "]"
    c.description = say("检查报告，列出问题。退出状态：0 没有达到 --fail-on 级别的问题，1 有，2 用法、配置或输入错误。",
                        "Lint reports. Exit status: 0 nothing at or above --fail-on, 1 findings, "
                        "2 a usage, configuration or input error.")
    c.add_argument("paths", nargs="*", default=["."], metavar="PATH",  # help: the positionals' own section
                   help=say("文件或文件夹，- 为标准输入（默认：.）", "files or folders, - for standard input (default: .)"))
    out = c.add_argument_group(say("输出", "output"))
    out.add_argument("--format", choices=FORMATS, default="text", metavar="FMT",
                     help=say("text（默认）、json、sarif、github", "text (default), json, sarif or github"))
    out.add_argument("--show-source", choices=("auto", "always", "never"), default="auto", metavar="WHEN",
                     help=say("问题下显示原文和^：auto（终端上）/always/never",
                              "quote the line under each finding: auto (on a terminal), always, never"))
    out.add_argument("--lang", choices=("zh", "en"),
                     help=say("消息语言 zh 或 en（默认：配置的 lang，否则 zh）", "message language (default: the config's, else zh)"))
    rules = c.add_argument_group(say("规则", "rules"))
    rules.add_argument("--config", metavar="FILE",
                       help=say("用此配置，不再找 .reportlint.yaml", "use FILE, not the nearest .reportlint.yaml"))
    rules.add_argument("--select", action="append", default=[], metavar="CODES",
                       help=say("只运行这些规则：代码、名称或前缀（WR1,WR301）", "run only these: codes, names or prefixes (WR1,WR301)"))
    rules.add_argument("--ignore", action="append", default=[], metavar="CODES",
                       help=say("不运行这些规则（同上，逗号分隔）", "do not run these (the same, comma-separated)"))
    rules.add_argument("--fail-on", choices=LEVELS, metavar="LEVEL",
                       help=say("退出 1 的最低级别：error/warning（默认）/info", "lowest severity that exits 1: error, warning (default), info"))
    fixes = c.add_argument_group(say("修复", "fixes"))
    fixes.add_argument("--fix", action="store_true", help=say("应用安全修复，写回文件", "apply the safe fixes to the files"))
    fixes.add_argument("--unsafe-fixes", action="store_true",
                       help=say("连同不安全修复（如 WR101 重新编号）", "also the unsafe ones (WR101 renumbering …)"))
    fixes.add_argument("--diff", action="store_true", help=say("以 diff 显示修复，不写文件", "print the fixes as a diff, write nothing"))
    base = c.add_argument_group(say("基线（已有问题）", "baseline (known findings)"))
    base.add_argument("--baseline", metavar="FILE", help=say("只报告 FILE 中没有的新问题", "report only findings not in FILE"))
    base.add_argument("--write-baseline", metavar="FILE", help=say("把现有问题记入 FILE", "record today's findings in FILE"))
    run = c.add_argument_group(say("运行", "run"))
    run.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                     help=say("并行进程数（默认：CPU 核数）", "worker processes (default: one per CPU)"))
    run.add_argument("--stdin-filename", metavar="NAME",
                     help=say("标准输入（-）当作此文件名", "the file name standard input (-) stands for"))
    run.add_argument("--no-cache", action="store_true",
                     help=say("不用缓存，全部重新检查", "lint every file again, ignoring cached results"))
