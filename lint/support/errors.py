"""Errors that end a run with exit status 2; caught only at the edge (cli, lsp)."""
from __future__ import annotations


class ReportlintError(Exception):
    """A usage, configuration or input error, shown to the user without a traceback."""


class ConfigError(ReportlintError):
    """A malformed config file or rule pack; names the file and, where known, the line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None):
        self.path, self.line, self.column, self.detail = path, line, column, message
        where = path or ""
        if path and line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}" if where else message)


class InputError(ReportlintError):
    """A file that cannot be read or decoded."""

    def __init__(self, message: str, path: str | None = None):
        self.path, self.detail = path, message
        super().__init__(f"{path}: {message}" if path else message)
