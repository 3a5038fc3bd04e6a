"""Where a finding in a Word file is, as the writer finds it in Word: text and JSON output say the
heading path and paragraph, the table cell, the header, the footnote or the text box."""
from __future__ import annotations

import pytest

docx = pytest.importorskip("docx")

from conftest import json_report, run_cli  # noqa: E402
from wordkit import add_notes, append_xml, new_document, run, textbox, to_bytes  # noqa: E402


def report_with_places(tmp_path):
    document = new_document()
    document.sections[0].header.paragraphs[0].text = "xx单位"
    document.add_paragraph("2024年工作总结")
    document.add_paragraph("今年完成xx项。")                       # before any heading: 第2段
    document.add_paragraph("一、总体情况")
    document.add_paragraph("（一）主要做法")
    document.add_paragraph("第一段。")
    document.add_paragraph("")                                    # a blank paragraph is not counted
    document.add_paragraph("投入XX万元。")
    table = document.add_table(rows=2, cols=2)
    table.cell(1, 1).text = "某某"
    append_xml(document, textbox("另见附件", ["联系人：某某"]))
    mark = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    append_xml(document, f"<w:p>{run('二、存在的问题')}{mark}</w:p>")
    data = add_notes(to_bytes(document), "footnotes", {1: "数据来源：xx局"})
    (tmp_path / "places.docx").write_bytes(data)
    return tmp_path / "places.docx"


def places(path, *args) -> dict[str, str]:
    """The offending text → its location, from the JSON output."""
    report = json_report(*args, str(path))["files"][0]
    from lint.input.docx import read_docx

    lines = read_docx(path.read_bytes()).text.split("\n")
    out = {}
    for d in report["diagnostics"]:
        start, end = d["range"]["start"], d["range"]["end"]
        text = lines[start["line"]][start["character"]:end["character"]] or d["code"]
        out[f"{text}@{start['line']}"] = d["location"]
    return out


def test_json_locations(tmp_path):
    found = places(report_with_places(tmp_path), "--select", "WR301,WR201")
    assert found == {
        "WR201@0": "全文",
        "xx@1": "第2段",
        "XX@6": "一、（一）第2段",
        "某某@10": "表1 第2行第2列",
        "某某@13": "文本框1",
        "xx@14": "页眉",
        "xx@15": "脚注1",
    }


def test_english_locations(tmp_path):
    found = places(report_with_places(tmp_path), "--select", "WR301,WR201", "--lang", "en")
    assert found["XX@6"] == "一、（一） paragraph 2" and found["某某@10"] == "table 1, row 2, column 2"
    assert (found["xx@14"], found["xx@15"], found["WR201@0"]) == ("header", "footnote 1", "whole document")


def test_text_output_says_where(tmp_path):
    proc = run_cli("check", "--select", "WR301", str(report_with_places(tmp_path)))
    lines = proc.stdout.splitlines()
    assert any(line.endswith("(placeholder)  位置：一、（一）第2段") for line in lines)
    assert any(line.endswith("位置：表1 第2行第2列") for line in lines)


def test_text_files_have_no_location(tmp_path):
    (tmp_path / "a.txt").write_text("完成xx项。\n", encoding="utf-8")
    report = json_report(str(tmp_path / "a.txt"))["files"][0]
    assert report["diagnostics"] and all("location" not in d for d in report["diagnostics"])
