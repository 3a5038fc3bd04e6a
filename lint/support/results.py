"""A cache of each file's diagnostics, keyed by its text, the rules that ran and the linter itself.

A re-run over unchanged files (an archive, a pre-commit run after a failed commit) then costs a
hash per file. Only `lint_path` uses it: editor buffers change on every keystroke. `--no-cache`
or REPORTLINT_NO_CACHE=1 bypass it.
"""
from __future__ import annotations

import os
import pickle
from functools import lru_cache

from .._version import __version__
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


def _entry(key: str) -> str:
    return os.path.join(cache_dir(), "results", key[:2], f"{key}.pickle")


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """The linter's own code and data (names, sizes, mtimes): an edited rule invalidates old results.
    The switches that choose how results are found count too."""
    from .resources import PACKAGE as package, data_dir, files_ending

    code = [os.path.join(folder, name) for folder, _, names in os.walk(package) for name in names
            if os.path.normcase(name).endswith(".py")]
    files = sorted([*code, *files_ending(data_dir("rules"), ".yaml"), *files_ending(data_dir("grammars"), "")])
    # A run told to find the same results another way (without the compiled loops or the pattern
    # prefilter) does not reuse results: a suspected difference must be seen.
    stamp = [__version__, *(os.environ.get(name, "") for name in ("REPORTLINT_PURE_PYTHON", "REPORTLINT_NO_PREFILTER"))]
    for f in files:
        try:
            st = os.stat(f)
        except OSError:
            continue
        stamp.append(f"{os.path.basename(f)}:{st.st_size}:{st.st_mtime_ns}")
    return hex_digest("|".join(stamp).encode())
