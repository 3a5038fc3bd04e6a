"""Output formats, one module each; `render(reports, options) -> str`."""
from __future__ import annotations

from importlib import import_module

FORMATS = ("text", "json", "sarif", "github")


def render(fmt: str, reports, **options) -> str:
    """Render `reports` (a list of FileReport) in format `fmt`."""
    module = import_module(f"{__name__}.{'json_' if fmt == 'json' else fmt}")
    return module.render(reports, **options)
