"""An on-disk cache of validated packs and configs, keyed by the content of the files they came from.

A warm run then reads pickles instead of importing yaml and pydantic and re-validating every
pack. Set REPORTLINT_NO_CACHE=1 to bypass it, REPORTLINT_CACHE_DIR to move it.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from . import __version__



def _debug(message: str, *args) -> None:
    """Log at debug level; logging is imported only on this rare path (it costs a one-file run 6 ms)."""
    import logging

    logging.getLogger(__name__).debug(message, *args)
T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is switched off."""
    if os.environ.get("REPORTLINT_NO_CACHE"):
        return None
    base = os.environ.get("REPORTLINT_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "reportlint" if xdg else Path.home() / ".cache" / "reportlint"


def digest(path: str | Path) -> str | None:
    """SHA-256 of a file's bytes (None when it cannot be read)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def cached(kind: str, key: str, build: Callable[[], tuple[T, Iterable[str]]]) -> T:
    """Return build()'s value, reusing a pickle while every file it read is unchanged.

    `build` returns (value, paths of the files the value was derived from).
    """
    folder = cache_dir()
    if folder is None:
        return build()[0]
    name = hashlib.sha256(f"{__version__}|{sys.version_info[:2]}|{kind}|{key}".encode()).hexdigest()[:32]
    entry = folder / f"{kind}-{name}.pickle"
    value = _load(entry)
    if value is not _MISS:
        return value
    value, deps = build()
    _store(entry, value, deps)
    return value


_MISS = object()


def _load(entry: Path):
    try:
        with open(entry, "rb") as fh:
            deps, value = pickle.load(fh)
    except FileNotFoundError:
        return _MISS
    except Exception as exc:  # a corrupt or stale-format entry is rebuilt, never fatal
        _debug("ignoring cache entry %s: %s", entry, exc)
        return _MISS
    if all(digest(path) == sha for path, sha in deps):
        return value
    return _MISS


def _store(entry: Path, value, deps: Iterable[str]) -> None:
    write_pickle(entry, ([(str(p), digest(p)) for p in deps], value))


def write_pickle(path: Path, value) -> None:
    """Pickle `value` to `path` atomically (temporary file, then rename); an unwritable cache only costs speed."""
    import tempfile  # only a cold run writes

    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except Exception as exc:
        _debug("cannot write cache entry %s: %s", path, exc)
