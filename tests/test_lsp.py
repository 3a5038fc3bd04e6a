"""End-to-end: a real LSP client (pytest-lsp) talking to `python -m lint lsp` over stdio."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="function")

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "lint", "lsp"])
FIX_ALL = "source.fixAll.reportlint"
# 𠀀 lies outside the BMP: one code point, two UTF-16 units, four UTF-8 bytes.
REPORT = "一、总体情况𠀀。（一）、基本情况\n有关内容。\n（二）人员配置\n有关内容。\n"
WRONG_MARKER = "（一）、"


async def start(client: LanguageClient, root: Path, capabilities: str) -> None:
    client.init_result = await client.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities(capabilities), root_uri=root.as_uri(),
        workspace_folders=[lsp.WorkspaceFolder(root.as_uri(), root.name)]))


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path: Path):
    await start(lsp_client, tmp_path, "visual-studio-code")
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def client_utf8(lsp_client: LanguageClient, tmp_path: Path):
    await start(lsp_client, tmp_path, "neovim@v0.11.0")
    yield
    await lsp_client.shutdown_session()


async def diagnostics(client: LanguageClient, uri: str, check=lambda ds: True):
    """The diagnostics published for `uri` once they satisfy `check`."""
    async def wait():
        while True:
            found = client.diagnostics.get(uri)
            if found is not None and check(found):
                return found
            await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    try:
        return await asyncio.wait_for(wait(), timeout=60)
    except asyncio.TimeoutError:
        pytest.fail(f"no matching diagnostics for {uri}; last published: {client.diagnostics.get(uri)}")


def open_doc(client: LanguageClient, path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        lsp.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [lsp.TextDocumentContentChangeWholeDocument(text=text)]))


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 columns) the way an editor does: from the last to the first."""
    lines = text.split("\n")

    def offset(p: lsp.Position) -> int:
        before = sum(len(line) + 1 for line in lines[:p.line])
        units = lines[p.line].encode("utf-16-le")[:2 * p.character].decode("utf-16-le")
        return before + len(units)

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text


def codes(ds) -> list[str]:
    return [d.code for d in ds]


async def test_initialize_advertises_features(client: LanguageClient):
    caps = client.init_result.capabilities
    assert caps.hover_provider
    assert FIX_ALL in caps.code_action_provider.code_action_kinds
    assert caps.position_encoding == lsp.PositionEncodingKind.Utf16


async def test_diagnostic_at_utf16_range_then_quick_fix(client: LanguageClient, tmp_path: Path):
    uri = open_doc(client, tmp_path / "report.txt", REPORT)
    found = await diagnostics(client, uri, lambda ds: "WR105" in codes(ds))
    d = next(d for d in found if d.code == "WR105")
    assert d.source == "reportlint" and d.severity == lsp.DiagnosticSeverity.Warning
    # 8 code points before the marker, one of them astral: 9 UTF-16 units.
    assert (d.range.start.line, d.range.start.character, d.range.end.character) == (0, 9, 13)

    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), d.range, lsp.CodeActionContext(diagnostics=[d])))
    quick = [a for a in actions if a.kind == lsp.CodeActionKind.QuickFix]
    assert len(quick) == 1 and quick[0].is_preferred
    fixed = apply_edits(REPORT, quick[0].edit.changes[uri])
    assert fixed.startswith("一、总体情况𠀀。（一）基本情况\n")

    change(client, uri, 2, fixed)
    after = await diagnostics(client, uri)
    assert "WR105" not in codes(after)


async def test_quick_fix_deletes_a_chat_assistants_line(client: LanguageClient, tmp_path: Path):
    text = "以下是为您撰写的工作总结：\n一、主要工作\n**全年完成投资3.2亿元**。\n"
    uri = open_doc(client, tmp_path / "report.txt", text)
    found = await diagnostics(client, uri, lambda ds: {"WR304", "WR305"} <= set(codes(ds)))
    d = next(d for d in found if d.code == "WR305")
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), d.range, lsp.CodeActionContext(diagnostics=[d])))
    quick = [a for a in actions if a.kind == lsp.CodeActionKind.QuickFix]
    assert len(quick) == 1
    assert apply_edits(text, quick[0].edit.changes[uri]) == "一、主要工作\n**全年完成投资3.2亿元**。\n"


async def test_hover_shows_the_rules_explanation(client: LanguageClient, tmp_path: Path):
    uri = open_doc(client, tmp_path / "report.txt", REPORT)
    await diagnostics(client, uri, lambda ds: "WR105" in codes(ds))
    result = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(0, 10)))
    assert "WR105" in result.contents.value and "GB/T 15834" in result.contents.value
    nothing = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(1, 2)))
    assert nothing is None


async def test_fix_all_applies_every_safe_fix(client: LanguageClient, tmp_path: Path):
    text = "一、总体情况\n1、甲方面\n有关内容。\n2、乙方面\n有关内容。\n"
    uri = open_doc(client, tmp_path / "report.md", text)
    found = await diagnostics(client, uri, lambda ds: codes(ds).count("WR105") == 2)
    whole = lsp.Range(lsp.Position(0, 0), lsp.Position(5, 0))
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), whole, lsp.CodeActionContext(diagnostics=list(found), only=[FIX_ALL])))
    assert [a.kind for a in actions] == [FIX_ALL]
    fixed = apply_edits(text, actions[0].edit.changes[uri])
    assert fixed == text.replace("1、", "1.").replace("2、", "2.")
    change(client, uri, 2, fixed)
    assert "WR105" not in codes(await diagnostics(client, uri))


async def test_edits_are_debounced_to_the_last_version(client: LanguageClient, tmp_path: Path):
    uri = open_doc(client, tmp_path / "report.txt", "一、总体情况\n")
    await diagnostics(client, uri)
    for version, text in enumerate(("一、总体情况\n1、", "一、总体情况\n1、甲", REPORT), start=2):
        change(client, uri, version, text)
    found = await diagnostics(client, uri)
    assert [d.range.start.character for d in found if d.code == "WR105"] == [9]


async def test_utf8_position_encoding(client_utf8: LanguageClient, tmp_path: Path):
    uri = open_doc(client_utf8, tmp_path / "report.txt", REPORT)
    found = await diagnostics(client_utf8, uri, lambda ds: "WR105" in codes(ds))
    d = next(d for d in found if d.code == "WR105")
    start = len("一、总体情况𠀀。".encode())
    assert (d.range.start.character, d.range.end.character) == (start, start + len(WRONG_MARKER.encode()))


async def test_malformed_config_keeps_the_server_alive(client: LanguageClient, tmp_path: Path):
    config = tmp_path / ".reportlint.yaml"
    config.write_text("rules:\n  WR105: [unclosed\n", encoding="utf-8")
    uri = open_doc(client, tmp_path / "report.txt", REPORT)
    config_diags = await diagnostics(client, config.as_uri(), lambda ds: len(ds) == 1)
    assert config_diags[0].severity == lsp.DiagnosticSeverity.Error and config_diags[0].range.start.line >= 1
    assert any(".reportlint.yaml" in m.message for m in client.messages)

    config.write_text("rules:\n  WR105: error\n", encoding="utf-8")
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(config.as_uri())))
    found = await diagnostics(client, uri, lambda ds: "WR105" in codes(ds))
    assert next(d for d in found if d.code == "WR105").severity == lsp.DiagnosticSeverity.Error
    assert not await diagnostics(client, config.as_uri(), lambda ds: not ds)


ODD = ["", "\x00\x01\x02 二进制", "\r\r\n\n\r", "```\n一、未闭合的代码块", "一、" * 20000, "\ufeff（一" * 500]


async def test_odd_documents_do_not_crash_the_server(client: LanguageClient, tmp_path: Path):
    for i, text in enumerate(ODD):
        await diagnostics(client, open_doc(client, tmp_path / f"odd{i}.md", text))
    uri = open_doc(client, tmp_path / "report.txt", REPORT)
    assert "WR105" in codes(await diagnostics(client, uri, lambda ds: "WR105" in codes(ds)))


async def test_unsaved_buffer_uses_the_workspace_config(client: LanguageClient, tmp_path: Path):
    (tmp_path / ".reportlint.yaml").write_text("rules:\n  WR105: error\n", encoding="utf-8")
    uri = "untitled:Untitled-1"
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=REPORT)))
    found = await diagnostics(client, uri, lambda ds: "WR105" in codes(ds))
    assert next(d for d in found if d.code == "WR105").severity == lsp.DiagnosticSeverity.Error


def fixable_examples() -> list[tuple[str, str, list]]:
    """(code, text, the fixed texts) for each default rule's failing examples whose findings carry a
    fix (the text read as a report of unknown kind, as an editor buffer is)."""
    from lint.api import lint_text
    from lint.config.loader import all_rules
    from lint.output.fixes import fix_text

    out = []
    for rule in (r for r in all_rules() if r.enabled):    # as an editor runs them: by default
        for text in rule.examples.get("fail", ()):
            report = lint_text(text, "example.txt", select=(rule.code,))
            fixed = [fix_text(text, [d], unsafe=True) for d in report.diagnostics if d.fix is not None]
            if fixed:
                out.append((rule.code, text, fixed))
    return out


async def test_every_rules_fix_is_offered_as_a_quick_fix(client: LanguageClient, tmp_path: Path):
    examples = fixable_examples()
    assert {"WR105", "WR109", "WR110", "WR501"} <= {code for code, _, _ in examples}
    for n, (code, text, fixed) in enumerate(examples):
        uri = open_doc(client, tmp_path / f"example{n}.txt", text)
        found = [d for d in await diagnostics(client, uri, lambda ds: code in codes(ds)) if d.code == code]
        whole = lsp.Range(lsp.Position(0, 0), lsp.Position(text.count("\n") + 1, 0))
        actions = await client.text_document_code_action_async(lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(uri), whole, lsp.CodeActionContext(
                diagnostics=found, only=[lsp.CodeActionKind.QuickFix])))
        offered = sorted(apply_edits(text, a.edit.changes[uri]) for a in actions
                         if a.diagnostics and a.diagnostics[0].code == code)
        assert offered == sorted(fixed), (code, text)
