"""Rule packs: YAML files under rules/ (or a user's own) declaring rules of the known kinds.

Packs are validated with pydantic (unknown keys, wrong types, unknown kinds, duplicated codes
are errors naming file, line and column) and turned into `Rule` records for the engine.
"""
from __future__ import annotations

import os
from functools import lru_cache

from ..support.errors import ConfigError
from ..support.hints import Any
from ..support.records import record
from ..support.yamlfile import line_of, load_yaml

LANGS = ("zh", "en")
SEVERITIES = ("error", "warning", "info")


@record
class Rule:
    """One rule as the engine runs it; texts are {"zh": …, "en": …}. Nothing changes one once made."""

    code: str
    name: str
    kind: str
    severity: str
    enabled: bool
    pack: str
    summary: dict
    message: dict
    explain: dict
    options: Any
    examples: dict = {}
    source: str = ""
    trusted: bool = True  # built-in packs; user packs get the safe regex engine
    documents: tuple = ()  # the report kinds the rule applies to (empty: every document)
    prepared: Any = None   # what options.prepare(trusted) returned, for the check (None: no prepare)
    norm: str = ""         # the norm it follows (GB/T 15834-2011 附录B.3), if any

    def text(self, field_name: str, lang: str, variant: str = "") -> str:
        texts = getattr(self, field_name)
        value = texts.get(lang) or texts.get("zh") or ""
        if isinstance(value, dict):
            value = value.get(variant) or next(iter(value.values()), "")
        return value

    def format_message(self, lang: str, variant: str, args: dict) -> str:
        template = self.text("message", lang, variant)
        try:
            return template.format(**args)
        except (KeyError, IndexError, ValueError):
            return template


@record
class Pack:
    """One pack file: its name, where it was read from, and its rules."""

    name: str
    path: str
    description: dict
    rules: tuple[Rule, ...]


def by_code(rules) -> list:
    """Rules in the order of their codes: by prefix, then by number (WR101 … WR602, ORG101 …)."""
    def key(rule):
        digits = len(rule.code) - len(rule.code.rstrip("0123456789"))
        return rule.code[:-digits], int(rule.code[-digits:])

    return sorted(rules, key=key)


@lru_cache(maxsize=1)
def builtin_pack_paths() -> dict[str, str]:
    """Built-in packs by name: every rules/*.yaml shipped with reportlint (found once: they ship with it)."""
    from ..support.resources import data_dir, files_ending

    return {os.path.splitext(os.path.basename(p))[0]: p for p in files_ending(data_dir("rules"), ".yaml")}


def load_pack(path, trusted: bool = False) -> Pack:
    """Read, validate and build one pack file."""
    from pathlib import Path   # only when a pack is validated, not on a run that reads it from the cache

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"无法读取规则包：{exc}", str(path)) from None
    return parse_pack(text, str(path), trusted)


def parse_pack(text: str, path: str, trusted: bool = False) -> Pack:
    from pydantic import ValidationError

    from .specs import PackSpec

    data, lines = load_yaml(text, path)
    try:
        spec = PackSpec.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(exc, path, lines, model=PackSpec) from None
    _check_unique(spec, path, lines)
    rules = tuple(_build_rule(spec, i, r, path, lines, trusted) for i, r in enumerate(spec.rules))
    return Pack(spec.pack, path, _texts(spec.description), rules)


def validate_options(kind: str, options: dict, path: str, lines: dict, loc: tuple, trusted: bool) -> tuple:
    """A rule's options validated with its kind's options class, and what their prepare() returns
    (None without one), as (options, prepared)."""
    from pydantic import ValidationError

    from . import specs as _specs
    from ..kinds import load_kind

    _, options_cls = load_kind(kind)
    try:
        value = _specs.validate_options(options_cls, options or {})
    except ValidationError as exc:
        raise _validation_error(exc, path, lines, loc, options_cls) from None
    prepare = getattr(value, "prepare", None)
    if prepare is None:
        return value, None
    try:
        return value, prepare(trusted)
    except ValueError as exc:
        raise ConfigError(str(exc), path, line_of(lines, loc + getattr(exc, "loc", ()))) from None


def _build_rule(spec, i: int, r, path: str, lines: dict, trusted: bool) -> Rule:
    loc = ("rules", i, "options")
    options, prepared = validate_options(r.kind, r.options, path, lines, loc, trusted)
    examples = {"fail": list(r.examples.fail), "pass": list(r.examples.pass_)} if r.examples else {}
    return Rule(code=r.code, name=r.name, kind=r.kind, severity=r.severity, enabled=r.enabled, pack=spec.pack,
                summary=_texts(r.summary), message=_texts(r.message), explain=_texts(r.explain), options=options,
                examples=examples, source=path, trusted=trusted, documents=tuple(r.documents or ()),
                prepared=prepared, norm=r.norm or "")


def _texts(value) -> dict:
    if value is None:
        return {}
    if isinstance(value, str):
        return {"zh": value}
    return {k: v for k, v in value.model_dump().items() if v is not None}


def _check_unique(spec, path: str, lines: dict) -> None:
    seen: dict[str, int] = {}
    for i, rule in enumerate(spec.rules):
        for key in (rule.code, rule.name):
            if key in seen:
                raise ConfigError(f"规则代码或名称重复：{key}（第 {seen[key] + 1} 条规则已使用）",
                                  path, line_of(lines, ("rules", i)))
            seen[key] = i


_UNKNOWN_KEY = ("extra_forbidden", "unexpected_keyword_argument")


def _validation_error(exc, path: str, lines: dict, prefix: tuple = (), model: type | None = None) -> ConfigError:
    """The first pydantic error as "file:line: key.path: message", an unknown key first: a
    misspelt key (sumary:) also makes its rightful one (summary) missing, and the typo is the news.
    `model` is what was validated, for suggesting the nearest allowed key."""
    errors = exc.errors()
    err = next((e for e in errors if e["type"] in _UNKNOWN_KEY), errors[0])
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    message = err["msg"]
    if err["type"] in _UNKNOWN_KEY:
        from ..support.wording import did_you_mean
        from .specs import known_keys

        loc, known = known_keys(model, loc) if model is not None else (loc, [])
        message = "unknown key" + did_you_mean(str(loc[-1]), known)
    loc = prefix + loc
    dotted = ".".join(str(p) for p in loc) or "(root)"
    return ConfigError(f"{dotted}: {message}", path, line_of(lines, loc))

