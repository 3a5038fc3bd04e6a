"""`reportlint lsp`: a pygls language server: diagnostics, quick fixes, fix-all and hover over stdio."""
from __future__ import annotations

import asyncio
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from ._version import __version__
from .config.loader import CONFIG_NAMES, find_config, load_config
from .engine.diagnostics import Diagnostic, FileReport
from .support.errors import ConfigError
from .output.formatters import json_
from .packs.loader import Rule
from .input.source import SourceText, kind_of

log = logging.getLogger(__name__)

DEBOUNCE_SECONDS = 0.3
FIX_ALL = "source.fixAll.reportlint"
CONFIG_FILES = frozenset(CONFIG_NAMES) | {"pyproject.toml"}
SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "info": lsp.DiagnosticSeverity.Information}
TITLES = {
    "zh": {"fix": "修复：{}", "unsafe": "修复（可能改变原意）：{}", "all": "修复全部可安全修复的问题",
           "config": "reportlint 配置错误：{}"},
    "en": {"fix": "Fix: {}", "unsafe": "Fix (may change the meaning): {}", "all": "Fix all safe problems",
           "config": "reportlint configuration error: {}"},
}


@dataclass
class Item:
    """One published diagnostic: the LSP object, the linter's Diagnostic and its rule."""

    published: lsp.Diagnostic
    diagnostic: Diagnostic
    rule: Rule | None


@dataclass
class Linted:
    """The last lint of one open document."""

    version: int | None
    report: FileReport
    items: list[Item]
    lang: str


class ReportlintServer(LanguageServer):
    """The language server with its per-document state."""

    def __init__(self) -> None:
        super().__init__("reportlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.linted: dict[str, Linted] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.config_stamps: dict[str, int] = {}
        self.config_errors: dict[str, str] = {}   # config file uri → the message shown for it

    def schedule(self, uri: str) -> None:
        """Lint `uri` once typing pauses for DEBOUNCE_SECONDS."""
        if (timer := self.timers.pop(uri, None)) is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(DEBOUNCE_SECONDS, self.lint, uri)

    def lint(self, uri: str) -> Linted | None:
        """Lint an open document now and publish its diagnostics; never raises."""
        if (timer := self.timers.pop(uri, None)) is not None:
            timer.cancel()
        try:
            linted = self._lint(uri)
        except Exception:  # noqa: BLE001 - one bad document must not take the server down
            log.exception("reportlint: cannot lint %s", uri)
            linted = None
        if linted is None:
            self.linted.pop(uri, None)
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            return None
        self.linted[uri] = linted
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=linted.version, diagnostics=[i.published for i in linted.items]))
        return linted

    def current(self, uri: str) -> Linted | None:
        """The lint of the document as it is now (linting again if an edit is pending)."""
        doc = self.workspace.get_text_document(uri)
        linted = self.linted.get(uri)
        if linted is None or linted.version != doc.version or uri in self.timers:
            linted = self.lint(uri)
        return linted

    def _lint(self, uri: str) -> Linted | None:
        from .api import check_source, ruleset_for

        doc = self.workspace.get_text_document(uri)
        path = doc.path
        if not uri.startswith("file:") and self.workspace.root_path:
            # An unsaved buffer: the workspace's config applies.
            path = str(Path(self.workspace.root_path) / Path(path).name)
        if Path(path).name in CONFIG_FILES or kind_of(path) == "docx":
            return None
        kind = "markdown" if doc.language_id == "markdown" else kind_of(path)
        try:
            config = self._config(path)
            config, ruleset = ruleset_for(path, config)
        except ConfigError as exc:
            self._config_failed(exc, path)
            return None
        self._config_ok()
        report = check_source(SourceText(doc.source, kind=kind), path, ruleset, config.lang)
        rules = {r.code: r for r in ruleset.rules}
        encoding = self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16
        items = [Item(to_lsp(report, d, uri, encoding), d, rules.get(d.code)) for d in report.diagnostics]
        return Linted(doc.version, report, items, config.lang)

    def _config(self, path: str):
        """The config for `path`, reloaded when its file changed on disk."""
        found = find_config(Path(path))
        if found is not None:
            stamp = found.stat().st_mtime_ns
            if self.config_stamps.get(str(found)) != stamp:
                load_config.cache_clear()
                self.config_stamps[str(found)] = stamp
        return load_config(str(found) if found else None)

    def _config_failed(self, exc: ConfigError, path: str) -> None:
        """One diagnostic on the config file, and one message per distinct error."""
        found = exc.path or str(find_config(Path(path)) or path)
        uri = from_fs_path(str(Path(found).resolve())) or found
        line = max((exc.line or 1) - 1, 0)
        start = lsp.Position(line, max((exc.column or 1) - 1, 0))
        diagnostic = lsp.Diagnostic(lsp.Range(start, lsp.Position(line + 1, 0)), exc.detail,
                                    severity=lsp.DiagnosticSeverity.Error, source="reportlint")
        if self.config_errors.get(uri) != str(exc):
            self.config_errors[uri] = str(exc)
            self.window_show_message(lsp.ShowMessageParams(
                lsp.MessageType.Error, TITLES["zh"]["config"].format(exc)))
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[diagnostic]))

    def _config_ok(self) -> None:
        for uri in self.config_errors:
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self.config_errors.clear()


def to_lsp(report: FileReport, d: Diagnostic, uri: str, encoding: str) -> lsp.Diagnostic:
    """The contract's JSON diagnostic (json_.diagnostic) as an LSP Diagnostic."""
    entry = json_.diagnostic(report, d)
    related = [lsp.DiagnosticRelatedInformation(lsp.Location(uri, _range(report, r["range"], encoding)),
                                                r["message"] or d.message) for r in entry["related"]]
    return lsp.Diagnostic(_range(report, entry["range"], encoding), entry["message"],
                          severity=SEVERITY[entry["severity"]], code=entry["code"], source="reportlint",
                          related_information=related or None)


def _range(report: FileReport, r: dict, encoding: str) -> lsp.Range:
    """A contract range (UTF-16) in the position encoding negotiated with the client."""
    return lsp.Range(_position(report, r["start"], encoding), _position(report, r["end"], encoding))


def _position(report: FileReport, p: dict, encoding: str) -> lsp.Position:
    line, character = p["line"], p["character"]
    if encoding == lsp.PositionEncodingKind.Utf16 or report.index is None:
        return lsp.Position(line, character)
    index = report.index
    offset = index.offset(line, character, utf16=True)
    start = index.starts[line] if line < len(index.starts) else offset
    if encoding == lsp.PositionEncodingKind.Utf8:
        return lsp.Position(line, len(index.text[start:offset].encode("utf-8")))
    return lsp.Position(line, offset - start)


def _edits(report: FileReport, edits, encoding: str) -> list[lsp.TextEdit]:
    return [lsp.TextEdit(_range(report, report.range(e.start, e.end), encoding), e.new_text) for e in edits]


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character
    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _wants(kind: str, only: list[str] | None) -> bool:
    """Whether the client asked for code actions of `kind` (LSP kinds are dot-separated hierarchies)."""
    return only is None or any(kind == o or kind.startswith(o + ".") for o in only)


def code_actions(ls: ReportlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
    """A quick fix per fixable diagnostic in the range, and the fix-all source action."""
    try:
        linted = ls.current(params.text_document.uri)
        if linted is None:
            return None
        return _actions(linted, params, ls.workspace.position_encoding or lsp.PositionEncodingKind.Utf16)
    except Exception:  # noqa: BLE001
        log.exception("reportlint: code actions failed")
        return None


def _actions(linted: Linted, params: lsp.CodeActionParams, encoding: str) -> list[lsp.CodeAction]:
    uri, only = params.text_document.uri, params.context.only
    titles = TITLES.get(linted.lang, TITLES["zh"])
    out: list[lsp.CodeAction] = []
    if _wants(lsp.CodeActionKind.QuickFix, only):
        for item in linted.items:
            fix = item.diagnostic.fix
            if fix is None or not _overlaps(item.published.range, params.range):
                continue
            edit = lsp.WorkspaceEdit(changes={uri: _edits(linted.report, fix.edits, encoding)})
            title = titles["fix" if fix.safe else "unsafe"].format(item.published.message)
            out.append(lsp.CodeAction(title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[item.published],
                                      edit=edit, is_preferred=fix.safe))
    if _wants(FIX_ALL, only):
        edits = _safe_edits(linted)
        if edits:
            out.append(lsp.CodeAction(titles["all"], kind=FIX_ALL, edit=lsp.WorkspaceEdit(
                changes={uri: _edits(linted.report, edits, encoding)})))
    return out


def _safe_edits(linted: Linted) -> list:
    """The edits of every safe fix, skipping a fix that overlaps one already taken."""
    taken: list = []
    fixes = sorted((i.diagnostic.fix for i in linted.items if i.diagnostic.fix and i.diagnostic.fix.safe),
                   key=lambda f: min(e.start for e in f.edits))
    for fix in fixes:
        if all(e.end <= t.start or t.end <= e.start for e in fix.edits for t in taken):
            taken.extend(fix.edits)
    return sorted(taken, key=lambda e: e.start)


def hover(ls: ReportlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
    """On a diagnostic: its rule's summary and explanation."""
    try:
        linted = ls.current(params.text_document.uri)
        if linted is None:
            return None
        at = lsp.Range(params.position, params.position)
        items = [i for i in linted.items if i.rule is not None and _overlaps(i.published.range, at)]
        if not items:
            return None
        parts, seen = [], set()
        for item in items:
            rule = item.rule
            if rule.code not in seen:
                seen.add(rule.code)
                parts.append(f"**{rule.code}** `{rule.name}`: {rule.text('summary', linted.lang)}\n\n"
                             + rule.text("explain", linted.lang).strip())
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, "\n\n---\n\n".join(parts)), items[0].published.range)
    except Exception:  # noqa: BLE001
        log.exception("reportlint: hover failed")
        return None


def did_open(ls: ReportlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


async def did_change(ls: ReportlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


def did_save(ls: ReportlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    """A saved report is linted at once; a saved config relints every open report."""
    uri = params.text_document.uri
    if Path(ls.workspace.get_text_document(uri).path).name in CONFIG_FILES:
        load_config.cache_clear()
        ls.config_stamps.clear()
        for other in list(ls.workspace.text_documents):
            ls.lint(other)
        return
    ls.lint(uri)


def did_close(ls: ReportlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    if (timer := ls.timers.pop(uri, None)) is not None:
        timer.cancel()
    ls.linted.pop(uri, None)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def build_server() -> ReportlintServer:
    """A server with every feature registered."""
    server = ReportlintServer()
    server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)(did_open)
    server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))(did_save)
    server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    server.feature(lsp.TEXT_DOCUMENT_HOVER)(hover)
    server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
        code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]))(code_actions)
    return server


def serve() -> None:
    """Run the server on standard input and output (logging goes to standard error)."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="reportlint-lsp %(levelname)s: %(message)s")
    build_server().start_io()
