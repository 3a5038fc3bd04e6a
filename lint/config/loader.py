"""Configuration: discovery (.reportlint.yaml or [tool.reportlint] in pyproject.toml), validation
into a Config (settings.py), and resolution into the RuleSet that applies to one file (per-file
entries: paths.py; rule selectors: selectors.py)."""
from __future__ import annotations

import os
from functools import cached_property, lru_cache

from ..packs.loader import Pack, Rule, builtin_pack_paths, load_pack, validate_options
from ..support.errors import ConfigError
from ..support.hints import TYPE_CHECKING
from ..support.yamlfile import line_of, load_yaml
from .paths import per_file_settings
from .selectors import check_config_selectors, check_selectors, matches, names
from .settings import Config

if TYPE_CHECKING:
    from pathlib import Path

CONFIG_NAMES = (".reportlint.yaml", ".reportlint.yml")


class RuleSet:
    """The rules that run on a file, with their effective severity and options."""

    def __init__(self, rules: tuple[Rule, ...], allow: tuple[str, ...] = (), genre: str | None = None) -> None:
        self.rules = rules
        self.allow = allow
        self.genre = genre      # the report kind the config sets for the file (None: recognise it)

    def __repr__(self) -> str:
        # A rule's prepared state follows from its options (and an RE2 regex's repr holds its address).
        rules = tuple(rule._replace(prepared=None) for rule in self.rules)
        return f"RuleSet(rules={rules!r}, allow={self.allow!r}, genre={self.genre!r})"

    def codes(self) -> set[str]:
        return {r.code for r in self.rules}

    @cached_property
    def fingerprint(self) -> str:
        """A hash of the rules as configured (codes, severities, messages, options, allow list),
        for the result cache; worked out once, as every file under the same settings shares
        this RuleSet (see resolve)."""
        from ..support.hashing import hex_digest

        return hex_digest(repr(self).encode("utf-8", "surrogatepass"))


def find_config(start: Path) -> Path | None:
    """The nearest .reportlint.yaml, or pyproject.toml with [tool.reportlint], at or above `start`."""
    from pathlib import Path

    found = _config_file(start)
    return Path(found) if found else None


def _config_file(start) -> str | None:
    """find_config's answer as a string: a run finds its config without importing pathlib."""
    start = os.path.realpath(start)
    folder = start if os.path.isdir(start) else os.path.dirname(start)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and "[tool.reportlint" in _read_text(pyproject):
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:   # the root
            return None
        folder = parent


def _read_text(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as fh:
        return fh.read()


def config_for(path) -> Config:
    """The config that governs `path` (a str or Path): the nearest config file at or above it, else the defaults."""
    return load_config(_config_file(path))


@lru_cache(maxsize=64)
def load_config(path: str | None) -> Config:
    """Read and validate a config file (None → built-in defaults), through the on-disk cache."""
    if path is None:
        return Config()
    from ..support.cache import cached

    def build():
        from pathlib import Path

        config = _load(Path(path), ())
        return config, sorted({key[0] for key in config.lines if key})

    return cached("config", os.path.realpath(path), build)


def _load(path: Path, chain: tuple[str, ...], child_lines: dict | None = None) -> Config:
    key = str(path.resolve())
    if key in chain:  # the error names the file whose `extends` closes the loop
        raise ConfigError("extends: 配置 extends 形成循环：" + " → ".join(chain + (key,)), chain[-1],
                          line_of(child_lines or {}, ("extends",)))
    data, lines = _read(path)
    from pydantic import ValidationError

    from .spec import ConfigSpec
    from ..packs.loader import _validation_error

    try:
        spec = ConfigSpec.model_validate(data or {})
    except ValidationError as exc:
        raise _validation_error(exc, str(path), lines, model=ConfigSpec) from None
    base = Config()
    if spec.extends:
        parent = (path.parent / spec.extends)
        if not parent.is_file():
            raise ConfigError(f"extends: 找不到文件 {spec.extends}", str(path), line_of(lines, ("extends",)))
        base = _load(parent, chain + (key,), lines)
    _check_packs_exist(spec, path, lines)
    return _merge(base, spec, path, lines)


def _check_packs_exist(spec, path: Path, lines: dict) -> None:
    from pathlib import Path

    for i, ref in enumerate(spec.packs or ()):
        if ref not in builtin_pack_paths() and not Path(_pack_ref(ref, path)).is_file():
            known = ", ".join(builtin_pack_paths())
            raise ConfigError(f"packs.{i}: 找不到规则包 {ref}（内置规则包：{known}）", str(path),
                              line_of(lines, ("packs", i)))


def _read(path: Path):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"无法读取配置：{exc}", str(path)) from None
    if path.name == "pyproject.toml":
        from .pyproject import read_pyproject

        return read_pyproject(text, path)
    return load_yaml(text, str(path))


def _merge(base: Config, spec, path: Path, lines: dict) -> Config:
    """Lay `spec` over `base`: scalars and lists replace, the rules table merges key by key."""
    packs = tuple(_pack_ref(p, path) for p in spec.packs) if spec.packs is not None else base.packs
    rules = {**base.rules, **{k: (_plain(v), str(path)) for k, v in (spec.rules or {}).items()}}
    per_file = base.per_file + tuple((_plain(e), str(path.parent), str(path), i)
                                     for i, e in enumerate(spec.per_file))
    origins = dict(base.origins)
    for name in ("select", "ignore"):
        origins.update({(name, v): (str(path), i) for i, v in enumerate(getattr(spec, name) or ())})
    return Config(
        path=str(path), packs=packs, rules=rules,
        select=tuple(spec.select) if spec.select is not None else base.select,
        ignore=base.ignore + tuple(spec.ignore),
        exclude=base.exclude + tuple(spec.exclude),
        per_file=per_file, allow=base.allow + tuple(spec.allow),
        fail_on=spec.fail_on or base.fail_on, lang=spec.lang or base.lang,
        lines={**base.lines, **{(str(path),) + k: v for k, v in lines.items()}}, origins=origins,
    )


def _plain(value):
    """A validated setting as plain data (strings stay strings)."""
    return value if isinstance(value, str) else value.model_dump(by_alias=True, exclude_none=True)


def _pack_ref(ref: str, config_path: Path) -> str:
    """A built-in pack name stays a name; anything else is a path relative to the config file."""
    if ref in builtin_pack_paths():
        return ref
    return str((config_path.parent / ref).resolve())


@lru_cache(maxsize=64)
def _pack(ref: str) -> Pack:
    """A built-in pack by name or a user pack by path, validated once and then read from the cache."""
    from ..support.cache import cached

    if ref in builtin_pack_paths():
        return _builtin_packs()[ref]
    if not os.path.isfile(ref):
        raise ConfigError(f"找不到规则包：{ref}")
    return cached("pack", os.path.realpath(ref), lambda: (load_pack(ref), [ref, *_pack_code()]))


@lru_cache(maxsize=1)
def _builtin_packs() -> dict[str, Pack]:
    """Every built-in pack by name, from one cache entry: a run reads one file and checks each source once."""
    from ..support.cache import cached

    paths = builtin_pack_paths()
    return cached("builtin-packs", "|".join(paths.values()),   # another set of packs, another entry
                  lambda: ({name: load_pack(path, trusted=True) for name, path in paths.items()},
                           [*paths.values(), *_pack_code()]))


def _pack_code() -> list[str]:
    """The code that shapes a pickled pack besides its file: a changed kind invalidates the entry."""
    from ..support.resources import PACKAGE

    return sorted(os.path.join(folder, name) for part in ("kinds", "packs")
                  for folder, _, names in os.walk(os.path.join(PACKAGE, part)) for name in names if name.endswith(".py"))


def all_rules(config: Config | None = None) -> list[Rule]:
    """Every rule of the configured packs (all built-in packs by default), as declared."""
    refs = (config.packs if config and config.packs else tuple(builtin_pack_paths()))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for ref in refs:
        for rule in _pack(ref).rules:
            if rule.code in seen:
                raise ConfigError(f"规则代码 {rule.code} 在规则包 {seen[rule.code]} 与 {rule.source} 中重复",
                                  rule.source)
            seen[rule.code] = rule.source
            rules.append(rule)
    return rules


def resolve(config: Config, file_path: str | None = None, select=(), ignore=(),
            extra_select=()) -> RuleSet:
    """The rules that apply to `file_path` under `config`, then CLI --select / --ignore.

    Files that the same settings govern share one RuleSet (most runs: every file), so what is
    derived from it, such as the result cache's fingerprint, is worked out once.
    """
    per_file = per_file_settings(config, file_path)
    key = (id(config), repr(per_file), tuple(select), tuple(ignore), tuple(extra_select))
    found = _RESOLVED.get(key)
    if found is not None and found[0] is config:
        return found[1]
    ruleset = _resolve(config, per_file, select, ignore, extra_select)
    if len(_RESOLVED) >= 64:
        _RESOLVED.clear()
    _RESOLVED[key] = (config, ruleset)    # holding `config` keeps its id from being reused
    return ruleset


_RESOLVED: dict[tuple, tuple[Config, RuleSet]] = {}


def _resolve(config: Config, per_file: dict, select, ignore, extra_select) -> RuleSet:
    rules = all_rules(config)
    check_config_selectors(config, rules)
    check_selectors(rules, tuple(select) + tuple(ignore) + tuple(extra_select))
    out = []
    ignores = tuple(config.ignore) + tuple(per_file.get("ignore", ())) + tuple(ignore)
    selects = tuple(select) or tuple(config.select)
    skip_packs = set(per_file.get("skip_packs", ()))
    for rule in rules:
        if rule.pack in skip_packs:
            continue
        rule = _apply_rule_settings(rule, config)
        if rule is None:
            continue
        if selects:
            if not any(matches(rule, s) for s in selects):
                continue
            # A prefix selects among default-on rules; naming a rule exactly turns it on.
            if any(names(s, rule.code, rule.name) for s in selects):
                rule = rule._replace(enabled=True)
        if any(matches(rule, s) for s in extra_select):
            rule = rule._replace(enabled=True)
        if not rule.enabled or any(matches(rule, s) for s in ignores):
            continue
        out.append(rule)
    return RuleSet(tuple(out), config.allow + tuple(per_file.get("allow", ())), per_file.get("kind"))


def _apply_rule_settings(rule: Rule, config: Config) -> Rule | None:
    for key, (setting, source) in config.rules.items():
        if not names(key, rule.code, rule.name):
            continue
        if setting == "off":
            return rule._replace(enabled=False)
        if isinstance(setting, str):
            rule = rule._replace(severity=setting, enabled=True)
            continue
        if setting.get("severity") == "off":
            return rule._replace(enabled=False)
        severity = setting.get("severity") or rule.severity
        options, prepared = rule.options, rule.prepared
        if setting.get("options"):
            from ..packs.specs import options_dict

            merged = {**options_dict(rule.options), **setting["options"]}
            own_lines = {k[1:]: v for k, v in config.lines.items() if k and k[0] == source}
            _check_option_keys(rule, setting["options"], key, source, own_lines)
            options, prepared = validate_options(rule.kind, merged, source, own_lines,
                                                 ("rules", key, "options"), rule.trusted)
        rule = rule._replace(severity=severity, options=options, prepared=prepared,
                             enabled=setting.get("enabled", severity != "off"))
    return rule


def _check_option_keys(rule: Rule, options: dict, key: str, source: str, lines: dict) -> None:
    """Unknown option keys are errors naming the known ones, before the options are merged and validated."""
    known = set(rule.options._fields)
    for name in options:
        if name not in known:
            raise ConfigError(f"rules.{key}.options.{name}: unknown key（可用：{', '.join(sorted(known)) or '无'}）",
                              source, line_of(lines, ("rules", key, "options", name)))
