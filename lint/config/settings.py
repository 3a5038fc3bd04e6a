"""A validated configuration: what a .reportlint.yaml (or [tool.reportlint]) and the files it extends say."""
from __future__ import annotations

from ..support.hints import TYPE_CHECKING
from ..support.records import record

if TYPE_CHECKING:
    from pathlib import Path


@record
class Config:
    """A validated configuration, its file and the packs it names.

    A record: nothing changes a Config once made, so the defaults' empty dicts can be shared.
    """

    path: str | None = None
    packs: tuple[str, ...] = ()            # pack names or paths; empty = every built-in pack
    rules: dict = {}                       # code or name → severity / "off" / {severity, options}
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file: tuple = ()                   # ({"files": [...], "ignore": [...], "packs": [...]}, ...)
    allow: tuple[str, ...] = ()
    fail_on: str = "warning"
    lang: str = "zh"
    lines: dict = {}                       # (file, *key path) → (line, column), for error messages
    origins: dict = {}                     # (key, value) → (file, index)

    @property
    def root(self) -> Path:
        from pathlib import Path

        return Path(self.path).parent if self.path else Path.cwd()
