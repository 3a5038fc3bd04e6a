"""An on-disk cache of validated packs and configs, keyed by the content of the files they came from.

A warm run then reads pickles instead of importing yaml and pydantic and re-validating every
pack. Set REPORTLINT_NO_CACHE=1 to bypass it, REPORTLINT_CACHE_DIR to move it.
"""
from __future__ import annotations

import os
import pickle
import time
import sys

from .._version import __version__
from .hashing import hex_digest
from .hints import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

_FORMAT = 5   # raised whenever what an entry holds, or what its key covers, changes


def _debug(message: str, *args) -> None:
    """Log at debug level; logging is imported only on this rare path (it costs a one-file run 6 ms)."""
    import logging

    logging.getLogger(__name__).debug(message, *args)


def cache_dir() -> str | None:
    """The cache folder, or None when caching is switched off."""
    if os.environ.get("REPORTLINT_NO_CACHE"):
        return None
    base = os.environ.get("REPORTLINT_CACHE_DIR")
    if base:
        return base
    xdg = os.environ.get("XDG_CACHE_HOME")
    return os.path.join(xdg, "reportlint") if xdg else os.path.join(_home(), ".cache", "reportlint")


def _home() -> str:
    home = os.path.expanduser("~")
    if home == "~":   # no HOME and no password entry: fail as Path.home() did
        raise RuntimeError("Could not determine home directory.")
    return home


def digest(path) -> str | None:
    """The digest of a file's bytes (None when it cannot be read)."""
    try:
        with open(path, "rb") as fh:
            return hex_digest(fh.read())
    except OSError:
        return None


def cached(kind: str, key: str, build: Callable[[], tuple[T, Iterable[str]]]) -> T:
    """Return build()'s value, reusing a pickle while every file it read is unchanged.

    `build` returns (value, paths of the files the value was derived from).
    """
    folder = cache_dir()
    if folder is None:
        return build()[0]
    # The package's own folder is part of the key: two checkouts of reportlint (or an installed
    # copy and a working tree) never read each other's entries, whatever files they name.
    here = os.path.dirname(os.path.abspath(__file__))
    name = hex_digest(f"{_FORMAT}|{__version__}|{sys.version_info[:2]}|{here}|{kind}|{key}".encode())[:32]
    entry = os.path.join(folder, f"{kind}-{name}.pickle")
    value = _load(entry)
    if value is not _MISS:
        return value
    value, deps = build()
    _store(entry, value, deps)
    _rebuilt.append(entry)
    return value


_rebuilt: list[str] = []   # the entries this process built (see save_regexes)


_MISS = object()


def _load(entry: str):
    try:
        with open(entry, "rb") as fh:
            deps, value = pickle.load(fh)
    except FileNotFoundError:
        return _MISS
    except Exception as exc:  # a corrupt or stale-format entry is rebuilt, never fatal
        _debug("ignoring cache entry %s: %s", entry, exc)
        return _MISS
    if all(_unchanged(*dep) for dep in deps):
        return value
    return _MISS


# A source whose size and modification time are as recorded is unchanged, unless it was recorded
# within this long of its last change: another edit in the same tick would leave both as they
# were (git's "racily clean" files). Those, and any whose stat differs, are hashed.
_SETTLED_NS = 2_000_000_000


def _unchanged(path: str, sha: str | None, size: int, mtime_ns: int, recorded_ns: int) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return sha is None
    if st.st_size == size and st.st_mtime_ns == mtime_ns and mtime_ns < recorded_ns - _SETTLED_NS:
        return True
    return digest(path) == sha


def _store(entry: str, value, deps: Iterable[str]) -> None:
    write_pickle(entry, ([_dependency(str(p)) for p in deps], value))


def _dependency(path: str) -> tuple[str, str | None, int, int, int]:
    """What _unchanged compares: the file's digest, its size and time, and when they were read."""
    try:
        st = os.stat(path)
    except OSError:
        return path, None, -1, -1, 0
    return path, digest(path), st.st_size, st.st_mtime_ns, time.time_ns()


def write_pickle(path, value) -> None:
    """Pickle `value` to `path` atomically (temporary file, then rename); an unwritable cache only costs speed."""
    import io

    try:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = _dispatch_table()
        pickler.dump(value)
        payload = buffer.getvalue()
        folder = os.path.dirname(os.fspath(path)) or "."
        os.makedirs(folder, exist_ok=True)
        # What tempfile.mkstemp does, without importing tempfile (and shutil, bz2, lzma and random
        # with it): 5 ms of every run that stores a result, as one on a changed file does.
        tmp = os.path.join(folder, f".tmp-{os.urandom(8).hex()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except Exception as exc:
        _debug("cannot write cache entry %s: %s", path, exc)


# Compiled regexes. Python pickles a pattern as its source, so loading a pack recompiles every
# regex, and compiling a character class such as [\u4e00-\u9fff] walks all its 21,000 code
# points in Python: most of a warm one-file run's start-up. The cache keeps the compiled program
# instead and rebuilds the pattern from it in C. The program's format belongs to this CPython
# build, so it is tagged, and any mismatch or failure falls back to compiling the source.
def _regex_tag() -> tuple:
    import _sre

    return sys.implementation.cache_tag, sys.version_info[:3], _sre.MAGIC, _sre.CODESIZE


def _dispatch_table() -> dict:
    import copyreg
    import re

    table = dict(copyreg.dispatch_table)
    table[re.Pattern] = _reduce_regex
    return table


def _reduce_regex(rx):
    import re

    try:
        from re import _compiler, _parser   # Python 3.11+; older ones keep compiling from source

        code = list(map(int, _compiler._code(_parser.parse(rx.pattern, rx.flags), rx.flags)))
    except Exception:  # an unexpected internal change: store the source only
        return re.compile, (rx.pattern, rx.flags)
    return regex_from_program, (rx.pattern, rx.flags, code, rx.groups, dict(rx.groupindex), _regex_tag())


def regex_from_program(pattern, flags: int, code: list, groups: int, groupindex: dict, tag: tuple):
    """A compiled pattern from its cached program, or from its source when the program does not fit."""
    import re

    if tag == _regex_tag():
        import _sre

        indexgroup = [None] * (groups + 1)
        for name, i in groupindex.items():
            indexgroup[i] = name
        try:
            return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))
        except Exception:
            pass
    return re.compile(pattern, flags)


# The same for the regexes that modules compile at import and rules compile as they run: a run
# saves the programs of the patterns in `re`'s own cache, and the next run puts them back there
# before the linter's modules are imported, so `re.compile` finds each one already built.
_REGEX_LIMIT = 512          # what re itself keeps: a run never needs more
_preloaded: set = set()


def _regex_entry(folder: str) -> str:
    # One file per regex-engine build (programs from another Python would only be recompiled)
    # and cache format.
    tag = hex_digest(repr((_FORMAT, _regex_tag())).encode())[:12]
    return os.path.join(folder, f"regexes-{sys.implementation.cache_tag}-{tag}.pickle")


def _regex_cache() -> dict | None:
    import re

    found = getattr(re, "_cache", None)   # {(type, pattern, flags): compiled} in CPython 3.8–3.13
    return found if isinstance(found, dict) else None


def preload_regexes() -> None:
    """Fill `re`'s cache with the compiled regexes an earlier run saved (nothing when there are none)."""
    folder, live = cache_dir(), _regex_cache()
    if folder is None or live is None:
        return
    try:
        with open(_regex_entry(folder), "rb") as fh:
            saved = pickle.load(fh)
    except FileNotFoundError:
        return
    except Exception as exc:
        _debug("ignoring regex cache: %s", exc)
        return
    for flags, rx in saved:
        live.setdefault((str, rx.pattern, flags), rx)
    # All of these count as saved, including what a Python that rebuilds patterns from source
    # (3.10) filed under each pattern's own flags as well: none is new to save again.
    _preloaded.update(k for k in live if len(k) == 3 and k[0] is str)


def save_regexes() -> None:
    """Save the compiled regexes of this run when it compiled some that the cache lacks.

    Not when the run rebuilt a cache entry: validating packs and configs compiles the regexes of
    yaml, pydantic and lark too, which every later run would load and never use (half the set).
    The next run, which reads the entries, saves what it compiles.
    """
    folder, live = cache_dir(), _regex_cache()
    if folder is None or live is None or _rebuilt:
        return
    keys = [k for k in list(live) if len(k) == 3 and k[0] is str]
    if not keys or set(keys) <= _preloaded:
        return
    write_pickle(_regex_entry(folder), [(k[2], live[k]) for k in keys[-_REGEX_LIMIT:]])
    _preloaded.update(keys)
