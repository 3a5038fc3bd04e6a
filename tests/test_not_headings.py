"""CONTRACT.md's "not placeholders, not headings" list, one case each, and 十一、 as a real heading."""
from __future__ import annotations

import pytest

from lint.document.builder import build_document

TRAPS = [
    "一、二季度受疫情影响，就业压力明显加大。",
    "三、四月份强对流天气多发。",
    "按照第(一)项规定执行。",
    "按照第（一）项规定执行。",
    "坚持一是一、二是二，如实核查。",
    "全年完成投资1.5亿元。",
    "1.5亿元用于基础设施建设。",
    "3.23世界气象日开展宣传。",
    "1、2号机组检修完成。",
    "采购x86服务器，开展X光、X射线检查，依托5G网络。",
]


@pytest.mark.parametrize("text", TRAPS)
def test_trap_is_not_a_heading(text):
    doc = build_document(text + "\n")
    assert doc.headings == [], [h.marker.text for h in doc.headings]


@pytest.mark.parametrize("text", TRAPS)
def test_trap_after_a_sentence_end_is_not_a_heading(text):
    doc = build_document("开展检查。" + text + "\n")
    assert doc.headings == []


def test_yi_shi_yi_is_not_an_enumeration():
    doc = build_document("坚持一是一、二是二，对申请对象如实核查。\n")
    assert doc.enumerations == []


def test_eleventh_heading_is_eleven():
    doc = build_document("十、甲\n十一、乙\n二十三、丙\n九十九、丁\n")
    assert [h.marker.value for h in doc.headings] == [10, 11, 23, 99]


def test_ordinal_words_are_not_enumerations():
    doc = build_document("筑牢第一道防线，统一是关键，重要举措之一是宣传，唯一是这样。\n")
    assert doc.enumerations == []


def test_clock_times_are_not_run_in_headings():
    doc = build_document("会议于10:30,在三楼召开。时间：9:45、10:30。\n")
    assert doc.headings == []
