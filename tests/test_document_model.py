"""The document model on what real reports do: where a number is a heading, lists and their
containers, Markdown structure, literal text, sign-offs, paragraphs, the report's kind."""
from __future__ import annotations

import pytest

from lint.api import lint_text
from lint.document.builder import build_document
from lint.document.genre import genre_of
from lint.document.layout import (compared_blocks, language_switches, lead_in_lines, literal_spans,
                                  paragraphs, part_heading_lines, separator_lines)
from lint.document.text import utf8_line_lengths


def markers(text: str, path: str = "r.txt", kind: str = "text") -> list[str]:
    doc = build_document(text, path, kind)
    return [h.marker.text for h in doc.headings if h.marker]


def runs(text: str, path: str = "r.txt", kind: str = "text") -> list[list[str]]:
    doc = build_document(text, path, kind)
    return [[doc.headings[i].marker.text for i in run] for run in doc.runs]


def codes(text: str, select=("WR101", "WR102"), path: str = "r.txt") -> list[tuple[str, str]]:
    return [(d.code, text[d.start:d.end]) for d in lint_text(text, path, select=select).diagnostics]


# --- where a number is a heading -----------------------------------------------------------

@pytest.mark.parametrize("line", [
    "一、发布 0.9.8，继续修正 Bug 以及新增功能。",            # a version's last digit
    "一、中加解密库增加了 RC4、DSA 算法及 PDF 加解密功能。",   # a name's digit
    "一、新增部分单元，包括 Redis Client、SHA2、素数计算。",
    "一、不再支持Windows 98，并且增加RSS源阅读专家。",
    "一、专家包（CnWizards 0.8.1）参加了竞赛。",
    "一、增加对 RAD Studio 11（包括 11.2）的支持。",
])
def test_digits_of_versions_and_names_are_no_headings(line):
    assert markers(line) == ["一、"]


def test_a_run_in_child_follows_a_chinese_character_or_a_colon():
    assert markers("一、就业形势总体稳定（一）主要指标顺利完成。\n") == ["一、", "（一）"]
    assert markers("1.分为三部分：①对比机械臂。②人手识别。③建立模型。\n") == ["1.", "①", "②", "③"]


# --- lists and their containers ------------------------------------------------------------

LEAD_IN = "一、发布新版本。\n二、完善文档。\n\n    下一年开发组的计划如下：\n\n一、继续增强功能。\n二、加强宣传。\n"


def test_a_list_starts_again_after_a_lead_in():
    assert runs(LEAD_IN) == [["一、", "二、"], ["一、", "二、"]]
    assert codes(LEAD_IN) == []


def test_a_number_other_than_one_after_a_lead_in_continues_its_list():
    text = "一、发布新版本。\n二、完善文档。\n我们还做了以下工作：\n四、加强宣传。\n"
    assert codes(text) == [("WR101", "四、")]


def test_a_list_starts_again_under_a_part_heading_and_in_the_other_language():
    part = "一、甲项工作。\n\n二、乙项工作。\n\n关于外交工作\n\n一、维护世界和平。\n\n二、发展友好关系。\n"
    assert codes(part) == []
    english = "一、发布新版本。\n二、完善文档。\n\nBelow is the plan for 2020\n\n1. Continue to fix bugs.\n2. Continue documentation.\n"
    assert codes(english) == []


def test_an_indented_list_of_the_same_family_is_a_sub_list():
    text = "1. 发布专家包。\n\n    1. 增加对新版本的支持。\n    2. 增加高亮功能。\n\n2. 申请合作伙伴。\n"
    doc = build_document(text)
    assert [h.parent for h in doc.headings] == [None, 0, 0, None]
    assert codes(text) == []


def test_a_sub_list_in_another_form_nests_under_its_item():
    text = "2．目前已完成的研究工作\n1.学习了编程语言\n2.了解了成像过程\n3.学习了融合算法\n1)图像分解算法\n2)图像融合方法\n4.编写融合代码\n3．后期工作安排\n"
    assert runs(text) == [["2．", "3．"], ["1.", "2.", "3.", "4."], ["1)", "2)"]]
    assert codes(text, ("WR101",)) == []


def test_two_items_numbered_one_in_a_row_are_a_repeat():
    assert codes("正文。\n（一）甲\n（一）乙\n", ("WR101",)) == [("WR101", "（一）")]


def test_markdown_lists_follow_commonmark():
    across = "1. 语言基础学习\n\n正文一段。\n\n2. 框架学习\n\n正文又一段。\n\n3. 业务学习\n"
    assert codes(across, path="r.md") == []                  # one list numbered on across paragraphs
    ones = "1. 甲\n1. 乙\n1. 丙\n"
    assert codes(ones, path="r.md") == []                    # the renderer counts: a style, not a repeat
    assert codes("1. 甲\n2. 乙\n4. 丙\n", path="r.md") == [("WR101", "4.")]


def test_a_markdown_heading_s_depth_is_its_level():
    text = "# 总结\n\n## 1. 工作\n\n#### 1. 细项\n\n正文。\n\n## 2. 问题\n\n正文。\n"
    doc = build_document(text, "r.md", "markdown")
    by_title = {h.title(text): h for h in doc.headings}
    assert by_title["细项"].parent == by_title["工作"].index and by_title["工作"].parent == by_title["总结"].index
    assert codes(text, path="r.md") == []


# --- items and headings --------------------------------------------------------------------

def test_items_that_are_sentences_are_no_empty_headings():
    text = ("二、2004年2月初步计划：\n\n    1. 继续进行框架的升级工作。\n    2. 完善专家等功能。继续开发。\n"
            "    3. 继续补充和重编文档。\n\n开发组 张三\n2004-01-19\n")
    doc = build_document(text)
    assert [h.role for h in doc.headings] == ["heading", "item", "item", "item"]
    assert lint_text(text, select=("WR203",)).diagnostics == []


def test_the_sign_off_is_no_section_s_body():
    text = "一、主要工作\n正文。\n二、下一步工作计划\n\n                东湖区科技局\n                2025年1月10日\n"
    assert [(d.code, text[d.start:d.end]) for d in lint_text(text, select=("WR203",)).diagnostics] == [
        ("WR203", "二、下一步工作计划")]


# --- Markdown ------------------------------------------------------------------------------

def test_markdown_that_is_no_prose_is_masked():
    text = ("---\ntitle: 一、不是标题\n---\n# 标题\n\n正文 `xx` <span>yy</span> &nbsp; [链接](docs/xx.md) ![图](xx.png)\n\n"
            "    xx 缩进代码\n\n<div>xx</div>\n\n| 项目 | 数量 |\n|---|---|\n| xx | 1 |\n")
    doc = build_document(text, "r.md", "markdown")
    masked = "".join(text[s.start:s.end] for s in doc.masked)
    for piece in ("title: 一、不是标题", "`xx`", "<span>", "&nbsp;", "(docs/xx.md)", "![图](xx.png)", "xx 缩进代码", "<div>xx</div>"):
        assert piece in masked, piece
    placeholders = [text[d.start:d.end] for d in lint_text(text, "r.md", select=("WR301",)).diagnostics]
    assert placeholders == ["xx"]          # the table cell's xx is prose; code, HTML and links are not


def test_markdown_offsets_are_characters_with_wide_and_astral_text():
    text = "# 周报📜\n\n## 一、本周完成\n\n- 任务😀\n\n## 二、下周计划\n\n1. 甲\n"
    doc = build_document(text, "r.md", "markdown")
    assert [h.title(text) for h in doc.headings] == ["周报📜", "本周完成", "下周计划", "甲"]


# --- layout --------------------------------------------------------------------------------

def test_literal_text_is_found():
    text = "网站：https://www.cnpack.org/a?b=1,2 邮箱：master@cnpack.org 热键“Ctrl+,”。保持。;-) 调用HandleProcess()方法"
    spans = [text[s:e] for s, e in literal_spans(text)]
    assert spans == ["https://www.cnpack.org/a?b=1,2", "master@cnpack.org", "Ctrl+,", ";-)", "HandleProcess()"]


def test_lead_ins_separators_part_headings_and_language_switches():
    text = "正文。\n\n结束语\n\n下一年的计划如下：\n一、甲。\n\n=======\n\nBelow is the plan\n1. Fix bugs.\n"
    doc = build_document(text)
    assert lead_in_lines(text, doc.index, {b.line for b in doc.blocks}) == [4]
    assert separator_lines(text, doc.blocks) == [7]
    assert part_heading_lines(text, doc.blocks, {5}) == [2]
    assert language_switches(text, doc.blocks, utf8_line_lengths(text)) == [9]


def test_sign_offs_are_found_at_the_end_and_before_the_other_half():
    text = ("一、甲。\n\n                    开发组 张三、李四\n                        2020-02-14\n\n======\n\n"
            "1. Fix bugs.\n\n          CnPack Administrators\n                2020-02-14\n")
    doc = build_document(text)
    assert [text[s:e].strip() for s, e in doc.signoffs] == ["开发组 张三、李四\n                        2020-02-14",
                                                            "CnPack Administrators\n                2020-02-14"]


def test_paragraphs_run_over_soft_line_breaks():
    text = "尽快制定《\n国家公务员条例\n》，研究制定。\n下一段。\n1. 条目\n"
    doc = build_document(text)
    assert [text[s:e] for s, e in paragraphs(text, doc.blocks, {4}, set())] == [
        "尽快制定《\n国家公务员条例\n》，研究制定。", "下一段。", "1. 条目"]


def test_only_chinese_prose_is_compared_for_duplicates():
    text = "开发网站：https://www.cnpack.org\nCnPack III: 32712412（满）\n全年完成投资建设任务，成效明显。\nContinue to fix bugs.\n"
    doc = build_document(text)
    assert [text[b.start:b.end] for b in compared_blocks(text, doc.blocks, utf8_line_lengths(text), set())] == [
        "全年完成投资建设任务，成效明显。"]


# --- the report's kind ---------------------------------------------------------------------

@pytest.mark.parametrize("title,path,opening,kind", [
    ("东湖区科技局2024年工作总结", "a.txt", "", ("summary", "title")),
    ("江源交通投资集团有限公司2024年工作计划", "a.txt", "", ("plan", "title")),
    ("2023年度校长述职报告", "a.txt", "", ("debrief", "title")),
    ("工作汇报", "a.docx", "", ("briefing", "title")),
    ("2025-05-29周报", "a.docx", "", ("weekly", "title")),
    ("小马过河", "工作周报2023.md", "", ("weekly", "name")),
    ("", "README.md", "", ("none", "name")),
    ("各位代表：", "x.txt", "现在，我代表国务院，向大会报告政府工作", ("government", "opening")),
    ("关于商务工作的几点思考", "a.txt", "", ("", "")),
])
def test_the_kind_of_report(title, path, opening, kind):
    assert genre_of(title, path, opening) == kind


def test_the_config_sets_the_kind_and_rules_follow_it(tmp_path):
    from lint.api import lint_path
    from lint.config.loader import load_config

    (tmp_path / ".reportlint.yaml").write_text("per-file:\n  - files: ['notes/*']\n    kind: weekly\n", encoding="utf-8")
    (tmp_path / "notes").mkdir()
    report = tmp_path / "notes" / "a.txt"
    report.write_text("一、本周工作\n完成了三项任务。\n", encoding="utf-8")
    found = lint_path(report, load_config(str(tmp_path / ".reportlint.yaml")), select=("WR201",), use_cache=False)
    assert [d.message for d in found.diagnostics] == ["按周报的要求，缺少“下周计划”部分"]


def test_a_kind_unknown_to_the_config_is_an_error_naming_the_line(tmp_path):
    from lint.config.loader import load_config
    from lint.support.errors import ConfigError

    (tmp_path / ".reportlint.yaml").write_text("per-file:\n  - files: ['*']\n    kind: weekley\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(str(tmp_path / ".reportlint.yaml"))
    assert caught.value.line == 3 and "weekley" in str(caught.value)
