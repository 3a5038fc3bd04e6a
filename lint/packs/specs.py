"""Pydantic models of what users write in rule packs. Imported only when a pack is validated."""
from __future__ import annotations

import re
import sys
import typing
from dataclasses import field, is_dataclass, make_dataclass
from functools import lru_cache
from typing import Literal, Optional, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

from ..kinds import KINDS
from ..support import hints

_STRICT = ConfigDict(extra="forbid", frozen=True)
CODE_RE = re.compile(r"^[A-Z][A-Z0-9]*\d{2,}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_FORMS = {"code": (CODE_RE, "a rule code is capital letters then digits, e.g. WR301 or ORG101"),
          "name": (NAME_RE, "a rule name is kebab-case, e.g. heading-sequence")}


class Texts(BaseModel):
    """A text in Chinese, with an optional English variant; either may be a map of variants."""

    model_config = _STRICT
    zh: Union[str, dict[str, str]]
    en: Optional[Union[str, dict[str, str]]] = None


Text = Union[str, Texts]


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    fail: list[str] = Field(min_length=1)
    pass_: list[str] = Field(alias="pass", min_length=1)


class RuleSpec(BaseModel):
    model_config = _STRICT
    code: str
    name: str
    kind: str
    severity: Literal["error", "warning", "info"]
    enabled: bool = True
    summary: Text
    message: Text
    explain: Optional[Text] = None
    options: dict = Field(default_factory=dict)
    examples: Optional[Examples] = None
    # The report kinds the rule applies to (see lint/document/genre.py); none given: every document.
    documents: Optional[list[str]] = None
    # The norm the rule follows, as a reader cites it (GB/T 15834-2011 附录B.3); shown by `rules`,
    # `explain` and the README's table.
    norm: Optional[str] = None

    @field_validator("code", "name")
    @classmethod
    def _form(cls, v: str, info) -> str:
        form, told = _FORMS[info.field_name]
        if not form.match(v):
            raise ValueError(told)
        return v

    @field_validator("documents")
    @classmethod
    def _documents(cls, v: Optional[list[str]]) -> Optional[list[str]]:
        from ..document.genre import NAMES

        for name in v or ():
            if name not in NAMES and name != "unknown":
                raise ValueError(f"unknown report kind '{name}'; known: {', '.join(sorted(NAMES))}, unknown")
        return v

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: str) -> str:
        if v not in KINDS:
            raise ValueError(f"unknown kind '{v}'; known kinds: {', '.join(sorted(KINDS))}")
        return v


class PackSpec(BaseModel):
    model_config = _STRICT
    pack: str
    description: Optional[Text] = None
    rules: list[RuleSpec]


# The kinds' options are named tuples (see lint/kinds/__init__.py). Pydantic would validate a named
# tuple from a list as well as from a mapping, and words some errors differently, so each is
# validated as the frozen dataclass it mirrors: what users read about a bad option stays the same.
def validate_options(options_cls: type, options: dict):
    """`options` as an instance of the named tuple `options_cls`; ValidationError when they do not fit."""
    return _named_tuples(_adapter(options_cls).validate_python(options))


def options_dict(options) -> dict:
    """A kind's options as the mapping a pack would write, nested options included."""
    return {name: _plain(value) for name, value in options._asdict().items()}


def _plain(value):
    if _is_named_tuple(type(value)):
        return options_dict(value)
    return tuple(map(_plain, value)) if isinstance(value, tuple) else value


@lru_cache(maxsize=None)
def _adapter(options_cls: type) -> TypeAdapter:
    return TypeAdapter(_mirror(options_cls))


_NAMED_TUPLE_OF: dict[type, type] = {}   # mirror dataclass → its named tuple


@lru_cache(maxsize=None)
def _mirror(cls: type) -> type:
    """The frozen dataclass with the name, fields, types, defaults and pydantic config of the
    named tuple `cls`, named tuples among its field types mirrored in turn."""
    hints = _type_hints(cls)
    defaults = cls._field_defaults
    fields = [(name, _mirror_type(hints[name]), field(default=defaults[name]) if name in defaults else field())
              for name in cls._fields]
    config = getattr(cls, "__pydantic_config__", None)
    mirror = make_dataclass(cls.__name__, fields, frozen=True,
                            namespace={"__pydantic_config__": config} if config is not None else {})
    _NAMED_TUPLE_OF[mirror] = cls
    return mirror


def _type_hints(cls: type) -> dict:
    """The annotations of the named tuple `cls`, evaluated in its module. The kinds take typing's
    names (Literal, Optional …) from lint/support/hints.py, placeholders in a run, which does not
    import typing: typing's own are supplied here, over the module's."""
    module = vars(sys.modules[cls.__module__])
    return get_type_hints(cls, globalns=module, localns=_TYPING_NAMES)


_TYPING_NAMES = {name: getattr(typing, name) for name in hints.__all__}


def _mirror_type(tp):
    if _is_named_tuple(tp):
        return _mirror(tp)
    args = get_args(tp)
    if get_origin(tp) is Literal or not args:
        return tp
    mirrored = tuple(map(_mirror_type, args))
    return tp if mirrored == args else get_origin(tp)[mirrored]


def _is_named_tuple(tp) -> bool:
    return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")


def _named_tuples(value):
    """A validated value with each mirror dataclass in it turned back into its named tuple."""
    if is_dataclass(value):
        cls = _NAMED_TUPLE_OF[type(value)]
        return cls(*(_named_tuples(getattr(value, name)) for name in cls._fields))
    return tuple(map(_named_tuples, value)) if isinstance(value, tuple) else value


def known_keys(model: type, loc: tuple) -> tuple[tuple, list[str]]:
    """For an unknown key at `loc` in data validated as `model` (a pydantic model or a kind's options):
    `loc` without pydantic's union-member tags (rules.0.summary.Texts.fr → rules.0.summary.fr),
    and the keys allowed where it stands, for a "did you mean"."""
    types, clean = [model], []
    for part in loc[:-1]:
        members = [m for t in types for m in _members(t)]
        tagged = [m for m in members if getattr(m, "__name__", None) == part]
        if tagged:   # pydantic names the union member it tried: not a key of the user's
            types = tagged
            continue
        clean.append(part)
        types = [inner for m in members for inner in _inner(m, part)]
    keys = {key for t in types for m in _members(t) for key in _field_names(m)}
    return tuple(clean) + tuple(loc[-1:]), sorted(keys)


def _members(tp) -> list:
    return [m for arg in get_args(tp) for m in _members(arg)] if get_origin(tp) is Union else [tp]


def _inner(tp, part) -> list:
    """The type found under key or index `part` of a value of type `tp`."""
    origin, args = get_origin(tp), get_args(tp)
    if origin is list and isinstance(part, int):
        return [args[0]]
    if origin is dict and isinstance(part, str):
        return [args[1]]
    if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
        return [f.annotation for name, f in tp.model_fields.items() if part in (name, f.alias)]
    if _is_named_tuple(tp) and isinstance(part, str):
        return [_type_hints(tp)[part]] if part in tp._fields else []
    return []


def _field_names(tp) -> list[str]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [f.alias or name for name, f in tp.model_fields.items()]
    return list(tp._fields) if _is_named_tuple(tp) else []
