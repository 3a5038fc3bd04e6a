"""Which per-file entries and excludes of a config match a path (globs relative to the config's folder)."""
from __future__ import annotations

import os

from ..support.hints import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from .settings import Config


def per_file_settings(config: Config, file_path: str | None) -> dict:
    """Merge every per-file entry whose globs match the file (relative to its config's folder)."""
    merged: dict = {"ignore": [], "skip_packs": [], "allow": []}
    if not file_path or not config.per_file:
        return merged
    import fnmatch
    from pathlib import Path

    for entry, base, *_ in config.per_file:
        try:
            rel = real_path(Path(file_path)).relative_to(real_path(Path(base))).as_posix()
        except ValueError:
            rel = Path(file_path).as_posix()
        if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(Path(rel).name, g) for g in entry["files"]):
            merged["ignore"] += entry.get("ignore", [])
            merged["skip_packs"] += entry.get("skip-packs", [])
            merged["allow"] += entry.get("allow", [])
            if entry.get("kind"):
                merged["kind"] = entry["kind"]     # the last matching entry's kind wins
    return merged


def is_excluded(config: Config, path: Path) -> bool:
    """Whether a walked path matches one of the config's exclude globs."""
    if not config.exclude:   # the usual case: no need to resolve the path
        return False
    import fnmatch
    from pathlib import Path

    try:
        rel = real_path(path).relative_to(real_path(config.root)).as_posix()
    except ValueError:
        rel = path.as_posix()
    return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(path.name, g)
               or any(fnmatch.fnmatch(part, g) for part in Path(rel).parts) for g in config.exclude)


def real_path(path: Path) -> Path:
    """path.resolve() that survives a symlink loop (Python < 3.13 raises RuntimeError there)."""
    from pathlib import Path

    return Path(os.path.realpath(path))
