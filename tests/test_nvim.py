"""The Neovim snippet of docs/editors.md, run in `nvim --headless`: a diagnostic, its quick fix, the diagnostic gone."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="nvim is not installed (apt-get install neovim)")

DOCS = Path(__file__).resolve().parents[1] / "docs" / "editors.md"
SNIPPET = re.compile(r"```lua\n-- Neovim (\d+)\.(\d+)\+\n(.*?)```", re.S)
REPORT = "一、总体情况𠀀。（一）、基本情况\n有关内容。\n"

# After the snippet, once Neovim has started (filetype detection is on by then; nested, so that
# :edit fires FileType): open the report, wait for WR105, apply its quick fix, wait for it to go.
HARNESS = r"""
vim.api.nvim_create_autocmd("VimEnter", { nested = true, callback = function()
local out = {}
local function wr105()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp_d = d.user_data and d.user_data.lsp or {}
    if (d.code or lsp_d.code) == "WR105" then return d end
  end
end
vim.cmd("edit " .. vim.fn.fnameescape(REPORT))
local found = vim.wait(60000, function() return wr105() ~= nil end, 50)
local d = wr105()
if d then
  table.insert(out, string.format("diagnostic %d %d %d", d.lnum, d.col, d.end_col))
  local client = (vim.lsp.get_clients or vim.lsp.get_active_clients)()[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    range = { start = { line = d.lnum, character = 0 }, ["end"] = { line = d.lnum + 1, character = 0 } },
    context = { diagnostics = {} },
  }
  local results = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 30000) or {}
  for _, res in pairs(results) do
    for _, action in ipairs(res.result or {}) do
      if action.kind == "quickfix" then
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
        table.insert(out, "fixed " .. vim.api.nvim_buf_get_lines(0, 0, 1, false)[1])
      end
    end
  end
  local gone = vim.wait(60000, function() return wr105() == nil end, 50)
  table.insert(out, "gone " .. tostring(gone))
else
  table.insert(out, "no diagnostic " .. tostring(found))
end
vim.fn.writefile(out, OUTPUT)
vim.cmd("qa!")
end })
"""


def nvim_version() -> tuple[int, int]:
    first = subprocess.run([NVIM, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    major, minor = re.search(r"v(\d+)\.(\d+)", first).groups()
    return int(major), int(minor)


def newest_snippet(version: tuple[int, int]) -> str:
    """The documented snippet with the highest minimum version that `version` meets."""
    snippets = [((int(a), int(b)), code) for a, b, code in SNIPPET.findall(DOCS.read_text(encoding="utf-8"))]
    usable = [s for s in snippets if s[0] <= version]
    if not usable:
        pytest.skip(f"no documented snippet for Neovim {version}")
    return max(usable, key=lambda s: s[0])[1]


def test_docs_have_tagged_snippets():
    assert len(SNIPPET.findall(DOCS.read_text(encoding="utf-8"))) >= 2


def test_neovim_snippet_diagnoses_and_fixes(tmp_path: Path):
    report, output = tmp_path / "report.txt", tmp_path / "out.txt"
    report.write_text(REPORT, encoding="utf-8")
    init = tmp_path / "init.lua"
    init.write_text(f"REPORT = {str(report)!r}\nOUTPUT = {str(output)!r}\n"
                    + newest_snippet(nvim_version()) + HARNESS, encoding="utf-8")
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path)}
    proc = subprocess.run([NVIM, "--headless", "-n", "-i", "NONE", "-u", str(init)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=180)
    assert output.exists(), proc.stderr
    lines = output.read_text(encoding="utf-8").splitlines()
    # Neovim counts columns in bytes: 8 characters (one of them 4 bytes) before the marker.
    start = len("一、总体情况𠀀。".encode())
    assert lines[0] == f"diagnostic 0 {start} {start + len('（一）、'.encode())}"
    assert lines[1] == "fixed 一、总体情况𠀀。（一）基本情况"
    assert lines[2] == "gone true"
