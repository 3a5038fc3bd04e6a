"""Errors on standard error as `reportlint: PATH[:LINE]: message` in every format; empty files
called empty; old Word files told to be saved as .docx; YAML errors at the right place (issue #18, item 4)."""
from __future__ import annotations

import json

import pytest

from conftest import run_cli

CLEAN = "一、主要工作\n全年完成各项任务。\n二、存在的问题\n人员不足。\n三、下一步工作计划\n加强建设。\n"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_an_unreadable_file_is_an_error_on_standard_error_in_every_format(tmp_path, fmt):
    (tmp_path / "a.txt").write_text(CLEAN.replace("各项", "xx项"), encoding="utf-8")
    proc = run_cli("check", "--format", fmt, "a.txt", "gone.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == "reportlint: gone.txt: 文件不存在\n"
    if fmt == "text":
        assert proc.stdout.splitlines()[-1] == "检查 2 个文件：1 个错误，0 个警告，0 个提示；1 个文件无法读取"
        assert "gone.txt" not in proc.stdout
    if fmt == "json":
        files = json.loads(proc.stdout)["files"]
        assert files[1] == {"path": "gone.txt", "error": "文件不存在"} and files[0]["diagnostics"]


def test_the_error_speaks_english_with_lang_en(tmp_path):
    proc = run_cli("check", "--lang", "en", "gone.txt", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr == "reportlint: gone.txt: no such file\n"
    assert proc.stdout == "1 file(s) checked: 0 error(s), 0 warning(s), 0 info; 1 file(s) could not be read\n"


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\r\n", "\u3000\n".encode("utf-8"), b"\xef\xbb\xbf\n"])
def test_an_empty_or_blank_file_is_called_empty_and_no_rule_runs(tmp_path, content):
    (tmp_path / "empty.txt").write_bytes(content)
    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    proc = run_cli("check", "empty.txt", "ok.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    assert proc.stderr == "reportlint: empty.txt: 文件为空（或只有空白），未检查\n"
    assert proc.stdout == "检查 2 个文件：未发现问题；1 个空文件未检查\n"
    as_json = run_cli("check", "--format", "json", "--no-cache", "empty.txt", cwd=tmp_path)
    assert as_json.returncode == 0 and json.loads(as_json.stdout)["files"][0]["diagnostics"] == []
    assert as_json.stderr == "reportlint: empty.txt: 文件为空（或只有空白），未检查\n"


def test_an_old_word_or_pdf_file_is_told_what_to_do(tmp_path):
    (tmp_path / "总结.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    (tmp_path / "总结.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(100))
    proc = run_cli("check", "总结.doc", "总结.pdf", cwd=tmp_path)
    assert proc.returncode == 2
    doc, pdf = proc.stderr.splitlines()
    assert doc.startswith("reportlint: 总结.doc: 是 Word 97–2003（.doc）") and "另存为” .docx" in doc
    assert pdf.startswith("reportlint: 总结.pdf: 是 PDF 文件")


@pytest.mark.parametrize("text,where,words", [
    ("rules:\n  WR101: error\n  WR102: [warning\n", ":3:10:", "a flow sequence 到文件末尾仍未闭合"),
    ("rules:\n  WR101: error\n  WR102: 'warning\n", ":3:10:", "a quoted scalar 到文件末尾仍未闭合"),
    ("rules:\n  WR101: error\n WR102: warning\n", ":3:2:", "expected <block end>"),
    ("rules:\n\tWR101: error\n", ":2:1:", "found character '\\t' that cannot start any token"),
])
def test_yaml_errors_point_at_the_line_and_column(tmp_path, text, where, words):
    (tmp_path / ".reportlint.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"reportlint: {tmp_path / '.reportlint.yaml'}{where} YAML 语法错误：")
    assert words in proc.stderr
