"""reportlint: a linter for Chinese work reports."""
from __future__ import annotations

from ._version import __version__

__all__ = ["__version__", "lint_text", "lint_path"]


def lint_text(text: str, path: str = "<text>", **kwargs):
    """Lint a string and return its FileReport (see lint.api)."""
    from .api import lint_text as _lint_text

    return _lint_text(text, path, **kwargs)


def lint_path(path, **kwargs):
    """Lint one file on disk and return its FileReport (see lint.api)."""
    from .api import lint_path as _lint_path

    return _lint_path(path, **kwargs)
