"""The heading tree: line-start and run-in headings, Markdown, nesting and section bodies."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, SHARED, run_cli

from lint.document.builder import build_document

SEED = SHARED / "seed" / "000_d0edc64c5d0a0730.txt"


def tree(doc):
    return [(doc.headings[i].marker.text, [doc.headings[c].marker.text for c in doc.headings[i].children])
            for i in doc.roots]


def test_seed_line_two_run_in_outline():
    line = SEED.read_text(encoding="utf-8").splitlines()[1]
    doc = build_document(line)
    assert tree(doc) == [("二、", ["(一)", "(二)", "(三)"]), ("三、", ["(一)"])]
    titles = [h.title(doc.text) for h in doc.headings]
    assert titles[0] == "存在的主要问题" and titles[4] == "下一步工作计划"
    assert all(h.run_in for h in doc.headings[1:])


def test_title_ends_at_a_lower_marker_or_an_ordinal():
    doc = build_document("一、就业形势总体稳定（一）主要指标顺利完成。正文。\n五、有关工作建议一是建立机制。\n")
    assert [h.title(doc.text) for h in doc.headings] == ["就业形势总体稳定", "主要指标顺利完成", "有关工作建议"]
    assert [o.text for run in doc.enumerations for o in run] == ["一是"]


def test_markdown_headings_code_and_front_matter():
    text = "---\ntitle: 一、不是标题\n---\n# 总结\n\n## 一、工作情况\n\n### （一）资源\n\n```\n二、代码\n```\n\n**二、加粗标题**\n"
    doc = build_document(text, "a.md", "markdown")
    assert [(h.marker.text, h.title(text)) for h in doc.headings if h.marker] == [
        ("一、", "工作情况"), ("（一）", "资源"), ("二、", "加粗标题")]


def test_indented_headings_and_full_width_spaces():
    doc = build_document("\u3000\u3000一、总体情况\n\u3000\u3000（一）主要指标\n")
    assert [h.level for h in doc.headings] == [1, 2]
    assert doc.headings[1].parent == 0


def test_section_body_ends_at_next_heading_of_same_or_higher_level():
    text = "一、甲\n（一）子\n正文\n二、乙\n正文\n"
    doc = build_document(text)
    first, child, second = doc.headings
    assert text[first.title_end:first.body_end] == "\n（一）子\n正文\n"
    assert child.body_end == second.start
    assert second.body_end == len(text)


def test_outline_command_text_and_json(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(SEED.read_text(encoding="utf-8").splitlines()[1] + "\n", encoding="utf-8")
    proc = run_cli("outline", str(path))
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert lines[0] == "报告类型：未能判断（需要按类型检查的规则不检查）"
    lines = lines[1:]
    assert lines[0].split() == ["1", "二、存在的主要问题"]
    assert lines[1].startswith("    1    (一)")
    assert any(line.strip().startswith("1  三、下一步工作计划") or "三、下一步工作计划" in line for line in lines)
    data = json.loads(run_cli("outline", str(path), "--format", "json").stdout)
    assert data["kind"] is None and data["kind_from"] is None
    assert [h["marker"] for h in data["headings"]] == ["二、", "三、"]
    assert [c["number"] for c in data["headings"][0]["children"]] == [1, 2, 3]
    assert data["headings"][0]["form"] == "cn" and data["headings"][0]["children"][0]["width"] == "half"


def test_outline_shows_the_kind_items_and_markdown_depths(tmp_path):
    path = tmp_path / "周报.md"
    path.write_text("# 2025年第3周周报\n\n## 本周工作\n\n1. 完成接口开发。\n2. 修复缺陷。\n\n## 下周计划\n\n联调。\n", encoding="utf-8")
    lines = run_cli("outline", str(path)).stdout.splitlines()
    assert lines[0] == "报告类型：周报（weekly，据标题）"
    assert lines[1:] == ["    1  # 2025年第3周周报", "    3    ## 本周工作", "    5      1.完成接口开发  [条目]",
                         "    6      2.修复缺陷  [条目]", "    8    ## 下周计划"]
    english = run_cli("outline", str(path), "--lang", "en").stdout.splitlines()
    assert english[0] == "kind: weekly (周报, from its title)" and english[3].endswith("[item]")
    data = json.loads(run_cli("outline", str(path), "--format", "json").stdout)
    assert (data["kind"], data["kind_from"]) == ("weekly", "title")
    week = data["headings"][0]["children"][0]
    assert week["marker"] is None and week["depth"] == 2 and [c["role"] for c in week["children"]] == ["item", "item"]


@pytest.mark.skipif(not (SHARED / "real" / "more").is_dir(), reason="../shared/real is not beside the checkout")
def test_the_readme_outline_of_a_word_report_is_what_the_command_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "reportlint outline ../shared/real/more/FirstDove-2018年度工作总结.docx"
    shown = readme.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    assert run_cli(*command.split()[1:], cwd=ROOT).stdout == shown
