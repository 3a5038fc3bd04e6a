"""Rule selectors: a code, a name or a code prefix, in any case; an unknown one is an error that
names the nearest known code or name."""
from __future__ import annotations

import re

from ..support.errors import ConfigError
from ..support.hints import TYPE_CHECKING
from ..support.yamlfile import line_of

if TYPE_CHECKING:
    from ..packs.loader import Rule
    from .settings import Config


def matches(rule: Rule, selector: str) -> bool:
    """A selector is a code, a name, or a code prefix such as WR3 or WR."""
    return selects(selector, rule.code, rule.name)


_CODE_PREFIX = re.compile(r"[A-Za-z]+[0-9]*")


def selects(selector: str, code: str, name: str) -> bool:
    """Whether `selector` (a code, a name or a code prefix, in any case) picks the rule code/name."""
    return (selector in (code, name) or names(selector, code, name)
            or (_CODE_PREFIX.fullmatch(selector) is not None and code.startswith(selector.upper())))


def names(key: str, code: str, name: str) -> bool:
    """Whether `key` names exactly the rule code/name; codes and names are case-insensitive (wr101)."""
    return key.upper() == code or key.lower() == name


def check_selectors(rules: list[Rule], selectors, where: str | None = None) -> None:
    """Unknown codes or names are errors: a typo must not silently select nothing."""
    for selector in selectors:
        if not any(matches(r, selector) for r in rules):
            from ..support.wording import say

            unknown = say("未知的规则代码或名称：", "unknown rule code or name: ")
            raise ConfigError(unknown + selector + nearest_rule(selector, rules), where)


def nearest_rule(selector: str, rules) -> str:
    """"（是否想写 WR101？）" for the code or name nearest a mistyped one."""
    from ..support.wording import did_you_mean

    return did_you_mean(selector, [r.code for r in rules] + [r.name for r in rules])


def check_config_selectors(config: Config, rules: list[Rule]) -> None:
    """Every code or name the config mentions must exist; the error names file and line."""
    for key, (_, source) in config.rules.items():
        if not any(names(key, r.code, r.name) for r in rules):
            raise ConfigError(f"rules.{key}: 未知的规则代码或名称{nearest_rule(key, rules)}", source,
                              line_of(config.lines, (source, "rules", key)))
    for field_name in ("select", "ignore"):
        for selector in getattr(config, field_name):
            if not any(matches(r, selector) for r in rules):
                source, i = config.origins.get((field_name, selector), (config.path, 0))
                hint = nearest_rule(selector, rules)
                raise ConfigError(f"{field_name}.{i}: 未知的规则代码或名称 {selector}{hint}", source,
                                  line_of(config.lines, (source, field_name, i)))
    packs = {r.pack for r in rules}
    for entry, _, source, i in config.per_file:
        for j, selector in enumerate(entry.get("ignore", ())):
            if not any(matches(r, selector) for r in rules):
                hint = nearest_rule(selector, rules)
                raise ConfigError(f"per-file.{i}.ignore.{j}: 未知的规则代码或名称 {selector}{hint}", source,
                                  line_of(config.lines, (source, "per-file", i, "ignore", j)))
        for j, name in enumerate(entry.get("skip-packs", ())):
            if name not in packs:
                raise ConfigError(f"per-file.{i}.skip-packs.{j}: 未知的规则包 {name}（可用：{', '.join(sorted(packs))}）",
                                  source, line_of(config.lines, (source, "per-file", i, "skip-packs", j)))
