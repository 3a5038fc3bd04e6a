"""The library entry points: lint a path or a string and get a FileReport back."""
from __future__ import annotations

import os

from .config.loader import Config, RuleSet, config_for, resolve
from .engine.diagnostics import FileReport
from .support.errors import InputError
from .input.files import decode_file, read_path
from .input.source import SourceText, kind_of


def ruleset_for(path: str | None, config: Config | None = None, **selectors) -> tuple[Config, RuleSet]:
    """The config that governs `path` (found from its folder up, unless given) and its rules."""
    if config is None:
        config = config_for(path or os.getcwd())
    return config, resolve(config, path, **selectors)


def check_source(source: SourceText, path: str, ruleset: RuleSet, lang: str = "zh") -> FileReport:
    """Lint decoded text: build the document, run the rules."""
    from .engine.runner import run
    from .document.builder import build_document

    doc = build_document(source.text, path, source.kind, source.regions, ruleset.genre)
    diagnostics = run(doc, ruleset, lang)
    return FileReport(path, _encoding_label(source), diagnostics, None, doc.index, source)


def _encoding_label(source: SourceText) -> str:
    return source.encoding + ("-sig" if source.bom and source.encoding == "utf-8" else "")


def lint_path(path: str | os.PathLike, config: Config | None = None, lang: str | None = None,
              use_cache: bool = True, **selectors) -> FileReport:
    """Read, decode and lint one file; an unreadable file gives a report with `error` set.

    Unchanged files under unchanged rules are answered from the result cache (lint/support/results.py).
    """
    name = str(path)
    config, ruleset = ruleset_for(name, config, **selectors)
    try:
        source = read_path(name)
    except InputError as exc:
        return FileReport(name, error=exc.detail)
    lang = lang or config.lang
    if not use_cache:
        return check_source(source, name, ruleset, lang)
    from .support import results

    # The report's kind may come from the file's name, a Word file's structure from its regions.
    shape = f"{source.kind}|{os.path.basename(name)}|{repr(source.regions) if source.regions else ''}"
    key = results.result_key(source.text, shape, ruleset.fingerprint, lang)
    cached = results.load(key) if key else None
    if cached is not None:
        from .document.positions import LineIndex

        return FileReport(name, _encoding_label(source), cached, None, LineIndex(source.text), source)
    report = check_source(source, name, ruleset, lang)
    if key:
        results.store(key, report.diagnostics)
    return report


def lint_text(text: str, path: str = "<text>", kind: str | None = None, config: Config | None = None,
              lang: str | None = None, **selectors) -> FileReport:
    """Lint a string as if it were the file `path` (its suffix picks text or Markdown)."""
    config, ruleset = ruleset_for(None if path.startswith("<") else path, config or Config(), **selectors)
    source = SourceText(text, kind=kind or kind_of(path))
    return check_source(source, path, ruleset, lang or config.lang)


def lint_bytes(data: bytes, path: str, config: Config | None = None, lang: str | None = None,
               **selectors) -> FileReport:
    """Decode and lint bytes (standard input, an editor buffer)."""
    config, ruleset = ruleset_for(path, config, **selectors)
    try:
        source = decode_file(data, path)
    except InputError as exc:
        return FileReport(path, error=exc.detail)
    return check_source(source, path, ruleset, lang or config.lang)
