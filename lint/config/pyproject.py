"""[tool.reportlint] in pyproject.toml: its table, and the line of each key for error messages."""
from __future__ import annotations

import re

from ..support.errors import ConfigError
from ..support.hints import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def read_pyproject(text: str, path: Path):
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(text).get("tool", {}).get("reportlint", {})
    except tomllib.TOMLDecodeError as exc:
        at = _TOML_AT.search(str(exc))
        raise ConfigError(f"TOML 语法错误：{exc}", str(path), int(at.group(1)) if at else None) from None
    return data, _toml_lines(text)


_TOML_AT = re.compile(r"at line (\d+)")
_TOML_TABLE = re.compile(r"^\s*\[(\[?)\s*tool\.reportlint((?:\.[\w\"'-]+)*)\s*\]\]?")
_TOML_KEY = re.compile(r"^\s*([\w-]+|\"[^\"]*\"|'[^']*')\s*=")


def _toml_lines(text: str) -> dict[tuple, tuple[int, int]]:
    """Lines of the [tool.reportlint] keys, sub-tables and array-of-table entries, for error messages."""
    lines: dict[tuple, tuple[int, int]] = {}
    prefix: tuple | None = None
    counts: dict[tuple, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        table = _TOML_TABLE.match(line)
        if table:
            prefix = tuple(p.strip("\"'") for p in table.group(2).split(".") if p)
            if table.group(1):  # [[tool.reportlint.per-file]]: one more entry of a list
                counts[prefix] = counts.get(prefix, -1) + 1
                prefix = prefix + (counts[prefix],)
            lines.setdefault(prefix, (number, 1))
            continue
        if line.lstrip().startswith("["):
            prefix = None
        key = _TOML_KEY.match(line) if prefix is not None else None
        if key:
            lines.setdefault(prefix + (key.group(1).strip("\"'"),), (number, 1))
    return lines
