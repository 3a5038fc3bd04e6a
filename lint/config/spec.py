"""Pydantic model of .reportlint.yaml / [tool.reportlint]. Imported only when a config is read."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

_STRICT = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
Severity = Literal["error", "warning", "info", "off"]


class RuleSetting(BaseModel):
    """`WR301: warning`, `WR301: off` (YAML reads off as false), `WR104: on`, or {severity, options}."""

    model_config = _STRICT
    severity: Optional[Severity] = None
    options: dict = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value):
        if value is False:
            return {"severity": "off"}
        if value is True:
            return {}
        if isinstance(value, str):
            return {"severity": value}
        if isinstance(value, dict) and value.get("severity") is False:
            return {**value, "severity": "off"}
        return value


class PerFile(BaseModel):
    """Settings for the files matching `files` (globs relative to the config's folder)."""

    model_config = _STRICT
    files: list[str] = Field(min_length=1)
    ignore: list[str] = Field(default_factory=list)
    skip_packs: list[str] = Field(default_factory=list, alias="skip-packs")
    allow: list[str] = Field(default_factory=list)
    # The report kind of these files, when its title and name do not tell (see lint/document/genre.py).
    kind: Optional[str] = None

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: Optional[str]) -> Optional[str]:
        from ..document.genre import NAMES

        if v is not None and v not in NAMES:
            raise ValueError(f"unknown report kind '{v}'; known: {', '.join(sorted(NAMES))}")
        return v


class ConfigSpec(BaseModel):
    model_config = _STRICT
    extends: Optional[str] = None
    packs: Optional[list[str]] = None
    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    select: Optional[list[str]] = None
    ignore: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    per_file: list[PerFile] = Field(default_factory=list, alias="per-file")
    allow: list[str] = Field(default_factory=list)
    fail_on: Optional[Literal["error", "warning", "info"]] = Field(default=None, alias="fail-on")
    lang: Optional[Literal["zh", "en"]] = None
