"""`reportlint check-packs`: run each rule's own examples: every `fail` must fire it, no `pass` may.

A pack whose examples disagree with its rules still loads (the examples are documentation), so a
rule that never fires would otherwise go unnoticed until a report slips through.
"""
from __future__ import annotations

import os
import sys


def check_packs(refs: list[str], lang: str = "zh") -> int:
    """Check the packs named (built-in names or files; default: the current folder's config's).
    Each disagreeing example is an error on standard error naming file and line; exit 1 if any."""
    from ..config.loader import config_for
    from ..packs.loader import builtin_pack_paths

    refs = refs or list(config_for(os.getcwd()).packs or builtin_pack_paths())
    counts = {"packs": 0, "rules": 0, "examples": 0, "wrong": 0, "bare": 0}
    for ref in refs:
        _check_pack(ref, counts, lang)
    print(_summary(counts, lang))
    return 1 if counts["wrong"] else 0


def _check_pack(ref: str, counts: dict, lang: str) -> None:
    from ..packs.loader import builtin_pack_paths, parse_pack
    from ..support.errors import ConfigError
    from ..support.yamlfile import load_yaml

    builtin = ref in builtin_pack_paths()
    path = builtin_pack_paths()[ref] if builtin else ref
    if not builtin and not os.path.isfile(path):
        from ..support.wording import did_you_mean

        known = ", ".join(builtin_pack_paths())
        raise ConfigError((f"no such pack (built-in packs: {known})" if lang == "en"
                           else f"找不到规则包（内置规则包：{known}）") + did_you_mean(ref, builtin_pack_paths()), path)
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(("cannot read the pack: " if lang == "en" else "无法读取规则包：") + str(exc), path) from None
    pack = parse_pack(text, path, trusted=builtin)
    lines = load_yaml(text, path)[1]
    counts["packs"] += 1
    for i, rule in enumerate(pack.rules):
        counts["rules"] += 1
        counts["bare"] += not rule.examples
        for kind in ("fail", "pass"):
            for j, example in enumerate(rule.examples.get(kind, ())):
                counts["examples"] += 1
                problem = _disagrees(ref if builtin else os.path.abspath(path), rule, kind, example, lang)
                if problem:
                    counts["wrong"] += 1
                    line = lines.get(("rules", i, "examples", kind, j), lines.get(("rules", i), (None,)))[0]
                    where = f"{path}:{line}" if line else path
                    print(f"reportlint: {where}: {rule.code}: {problem}", file=sys.stderr)


def fired(ref: str, rule, example: str, lang: str = "zh") -> list:
    """The diagnostics of `rule` (of the pack `ref`: a built-in name or a path) on `example`."""
    from ..api import lint_text
    from ..config.loader import Config

    path = "example.md" if example.lstrip().startswith("#") else "example.txt"
    # A rule for some kinds of report checks its examples as the first of them: an example is a
    # line, not a whole report with a title that says its kind.
    report_kind = (rule.documents or (None,))[0]
    return [d for d in lint_text(example, path, config=Config(packs=(ref,)), lang=lang, report_kind=report_kind,
                                 select=(rule.code,)).diagnostics if d.code == rule.code]


def _disagrees(ref: str, rule, kind: str, example: str, lang: str) -> str:
    """Why `example` disagrees with `rule` ("" when a fail example fires it and a pass one does not)."""
    found = fired(ref, rule, example, lang)
    shown = _excerpt(example)
    if kind == "fail" and not found:
        return (f"fail example does not fire the rule: {shown}" if lang == "en"
                else f"错误示例（fail）没有触发这条规则：{shown}")
    if kind == "pass" and found:
        return (f"pass example fires the rule ({found[0].message}): {shown}" if lang == "en"
                else f"正确示例（pass）触发了这条规则（{found[0].message}）：{shown}")
    return ""


def _excerpt(example: str, width: int = 40) -> str:
    one_line = example.replace("\n", "⏎")
    return "“" + (one_line if len(one_line) <= width else one_line[:width] + "…") + "”"


def _summary(counts: dict, lang: str) -> str:
    packs, rules, examples, wrong, bare = (counts[k] for k in ("packs", "rules", "examples", "wrong", "bare"))
    if lang == "en":
        text = f"{packs} pack(s), {rules} rule(s), {examples} example(s): "
        text += f"{wrong} disagree with their rule" if wrong else "every example agrees with its rule"
        return text + (f"; {bare} rule(s) have no examples" if bare else "")
    text = f"检查 {packs} 个规则包、{rules} 条规则的 {examples} 个示例："
    text += f"{wrong} 个与规则不符" if wrong else "全部与规则相符"
    return text + (f"；{bare} 条规则没有示例" if bare else "")
