"""Pydantic models of what users write in rule packs. Imported only when a pack is validated."""
from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .kinds import KINDS
from .packs import CODE_RE, NAME_RE

_STRICT = ConfigDict(extra="forbid", frozen=True)


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

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        if not CODE_RE.match(v):
            raise ValueError("a rule code is capital letters then digits, e.g. WR301 or ORG101")
        return v

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not NAME_RE.match(v):
            raise ValueError("a rule name is kebab-case, e.g. heading-sequence")
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
