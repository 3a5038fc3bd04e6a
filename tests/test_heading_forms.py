"""How headings are written in Word files (WR108, WR112): Word's automatic numbers, as a reader sees
them printed. The text cases are golden fixtures (tests/fixtures/WR108-* … WR112-*)."""
from __future__ import annotations

import pytest

docx = pytest.importorskip("docx")

from lint.api import lint_bytes  # noqa: E402
from wordkit import add_list, new_document, numbered, to_bytes  # noqa: E402


def codes(document, *selected: str) -> list[tuple[str, int]]:
    report = lint_bytes(to_bytes(document), "报告.docx")
    assert report.error is None
    return [(d.code, report.index.position(d.start).line) for d in report.diagnostics if d.code in selected]


def test_an_empty_paragraph_word_numbers_prints_as_a_lone_number():
    # As in ../shared/real/more/FirstDove-2018年度工作总结.docx: a numbered list ends with an
    # empty numbered paragraph, then the next part's title.
    document = new_document()
    document.add_paragraph("东湖区科技局2018年度工作总结")
    document.add_paragraph("存在的不足")
    add_list(document, 70, [("decimal", "%1.", 1)], num_ids=(70,))
    for text in ("处理问题的思路简单，不够成熟。", "需要更加深入地学习专业知识。", ""):
        numbered(document, text, 70, 0)
    document.add_paragraph("2019年度工作计划")
    document.add_paragraph("加强学习。")
    assert codes(document, "WR112") == [("WR112", 4)]


def test_a_word_list_of_one_item_is_no_lone_level():
    document = new_document()
    document.add_paragraph("东湖区科技局2024年工作总结")
    document.add_paragraph("一、主要工作")
    add_list(document, 71, [("decimal", "%1.", 1)], num_ids=(71,))
    numbered(document, "完成科技项目验收", 71, 0)
    document.add_paragraph("全年验收项目30个。")
    document.add_paragraph("二、存在的问题")
    document.add_paragraph("投入不足。")
    assert codes(document, "WR108", "WR112") == []
