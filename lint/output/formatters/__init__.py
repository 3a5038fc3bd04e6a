"""Output formats, one module each: `render(reports, **options) -> str`.

Formats that can render one file at a time (text, json) also offer `render_file(report, **options)
-> RenderedFile`: worker processes then send back a file's finished output instead of its whole
report, and `render` accepts a mix of FileReports and RenderedFiles.
"""
from __future__ import annotations

from ...support.records import record
from ...support.hints import Iterator

FORMATS = ("text", "json", "sarif", "github")


@record
class RenderedFile:
    """One file's output, rendered where it was linted, with what the summary and exit status need."""

    path: str
    chunk: str | bytes      # bytes when a worker encoded it for standard output (run._wire)
    totals: dict
    fixable: int = 0
    error: str | None = None
    notice: str | None = None   # FileReport.notice: why a readable file was not checked

    def counts(self) -> dict[str, int]:
        return self.totals


def formatter(fmt: str):
    """The module that renders format `fmt`."""
    # __import__, as load_kind in lint/kinds/__init__.py
    return __import__(f"{__name__}.{'json_' if fmt == 'json' else fmt}", fromlist=("render",))


def render(fmt: str, reports, **options) -> str:
    """Render `reports` (FileReports, or RenderedFiles of the same format) in format `fmt`."""
    return formatter(fmt).render(reports, **options)


def render_parts(fmt: str, reports, **options) -> Iterator[str]:
    """render() in consecutive pieces where the format offers them, for writing a large output
    without joining it first."""
    module = formatter(fmt)
    if hasattr(module, "render_parts"):
        return module.render_parts(reports, **options)
    return iter((module.render(reports, **options),))


def render_file(fmt: str, report, **options):
    """One file rendered on its own, when the format allows it; else the report unchanged."""
    module = formatter(fmt)
    return module.render_file(report, **options) if hasattr(module, "render_file") else report
