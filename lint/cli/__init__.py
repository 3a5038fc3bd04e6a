"""The command line: `reportlint check|config|rules|explain|outline|lsp` (main), and the check command's run over files."""
from .main import main

__all__ = ["main"]
