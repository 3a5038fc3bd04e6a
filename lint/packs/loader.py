"""Rule packs: YAML files under rules/ (or a user's own) declaring rules of the known kinds.

Packs are validated with pydantic (unknown keys, wrong types, unknown kinds, duplicated codes
are errors naming file, line and column) and turned into cheap `Rule` objects for the engine.
Rules and packs are named tuples, which cost a run far less to define than dataclasses.
"""
from __future__ import annotations

import os
from functools import lru_cache

from ..support.errors import ConfigError
from ..support.records import record
from ..support.yamlfile import line_of, load_yaml

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without importing typing (3 ms of a one-file run)
if TYPE_CHECKING:
    from typing import Any

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
        raise _validation_error(exc, path, lines) from None
    _check_unique(spec, path, lines)
    rules = tuple(_build_rule(spec, i, r, path, lines, trusted) for i, r in enumerate(spec.rules))
    return Pack(spec.pack, path, _texts(spec.description), rules)


def validate_options(kind: str, options: dict, path: str, lines: dict, loc: tuple, trusted: bool):
    """Validate a rule's options with its kind's Options class."""
    from pydantic import ValidationError

    from . import specs as _specs
    from ..kinds import load_kind

    _, options_cls = load_kind(kind)
    try:
        value = _specs.validate_options(options_cls, options or {})
    except ValidationError as exc:
        raise _validation_error(exc, path, lines, loc) from None
    prepare = getattr(value, "prepare", None)
    if prepare is not None:
        try:
            prepare(trusted)
        except ValueError as exc:
            raise ConfigError(str(exc), path, line_of(lines, loc + getattr(exc, "loc", ()))) from None
    return value


def _build_rule(spec, i: int, r, path: str, lines: dict, trusted: bool) -> Rule:
    loc = ("rules", i, "options")
    options = validate_options(r.kind, r.options, path, lines, loc, trusted)
    examples = {"fail": list(r.examples.fail), "pass": list(r.examples.pass_)} if r.examples else {}
    return Rule(r.code, r.name, r.kind, r.severity, r.enabled, spec.pack, _texts(r.summary),
                _texts(r.message), _texts(r.explain), options, examples, path, trusted, tuple(r.documents or ()))


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


def _validation_error(exc, path: str, lines: dict, prefix: tuple = ()) -> ConfigError:
    """The first pydantic error as "file:line: key.path: message"."""
    err = exc.errors()[0]
    loc = prefix + tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    dotted = ".".join(str(p) for p in loc) or "(root)"
    message = err["msg"]
    if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        message = "unknown key"
    return ConfigError(f"{dotted}: {message}", path, line_of(lines, loc))

