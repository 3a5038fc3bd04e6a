"""A cache of each file's diagnostics, keyed by its text, the rules that ran and the linter itself.

A re-run over unchanged files (an archive, a pre-commit run after a failed commit) then costs a
hash per file. Only `lint_path` uses it: editor buffers change on every keystroke. `--no-cache`
or REPORTLINT_NO_CACHE=1 bypass it.
"""
from __future__ import annotations

import pickle
from functools import lru_cache
from pathlib import Path

from . import __version__
from .cache import cache_dir, write_pickle
from .hashing import hex_digest


def result_key(text: str, kind: str, rules_fingerprint: str, lang: str) -> str | None:
    """The cache key of one file's diagnostics, or None when caching is off."""
    if cache_dir() is None:
        return None
    return hex_digest(text.encode("utf-8", "surrogatepass"),
                      f"|{kind}|{lang}|{rules_fingerprint}|{_code_fingerprint()}".encode())


def load(key: str):
    """The cached diagnostics for `key`, or None."""
    try:
        with open(_entry(key), "rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, unreadable or from an incompatible version: lint again
        return None


def store(key: str, diagnostics) -> None:
    """Remember `diagnostics` for `key`."""
    write_pickle(_entry(key), diagnostics)


def _entry(key: str) -> Path:
    return cache_dir() / "results" / key[:2] / f"{key}.pickle"


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """The linter's own code and data (names, sizes, mtimes): an edited rule invalidates old results."""
    from ._resources import data_dir

    package = Path(__file__).resolve().parent
    files = sorted([*package.rglob("*.py"), *data_dir("rules").glob("*.yaml"), *data_dir("grammars").glob("*")])
    stamp = [__version__]
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        stamp.append(f"{f.name}:{st.st_size}:{st.st_mtime_ns}")
    return hex_digest("|".join(stamp).encode())
