"""The Lark numbering grammar: every marker family and ordinal form, parsed in strict mode."""
from __future__ import annotations

import pytest
from lark import Lark

from lint.support.resources import data_file
from lint.document.numbering import parse_marker, parse_ordinal
from lint.support.numerals import cn_numeral


def test_grammar_builds_in_strict_mode():
    with open(data_file("grammars", "numbering.lark"), encoding="utf-8") as fh:
        grammar = fh.read()
    Lark(grammar, parser="lalr", start=["marker", "ordinal"], strict=True)


@pytest.mark.parametrize("text,family,value,punct", [
    ("一、", "cn", 1, "、"), ("十、", "cn", 10, "、"), ("十一、", "cn", 11, "、"),
    ("二十、", "cn", 20, "、"), ("九十九、", "cn", 99, "、"), ("二.", "cn", 2, "."), ("三，", "cn", 3, "，"),
    ("（一）", "paren_cn", 1, ""), ("(十二)", "paren_cn", 12, ""), ("（二）、", "paren_cn", 2, "、"),
    ("1.", "arabic", 1, "."), ("12．", "arabic", 12, "．"), ("1、", "arabic", 1, "、"), ("3)", "arabic", 3, ")"),
    ("（1）", "paren_arabic", 1, ""), ("(2).", "paren_arabic", 2, "."), ("①", "circled", 1, ""),
    ("⑳", "circled", 20, ""), ("１０.", "arabic", 10, "."),
])
def test_markers(text, family, value, punct):
    parsed = parse_marker(text)
    assert (parsed.family, parsed.value, parsed.punct) == (family, value, punct)


@pytest.mark.parametrize("text", ["一", "（一", "十十、", "一是", "(a)", "一二、", "（）"])
def test_not_markers(text):
    assert parse_marker(text) is None


@pytest.mark.parametrize("text,family,value", [
    ("一是", "shi", 1), ("十二是", "shi", 12), ("第三，", "di", 3), ("第四", "di", 4), ("其二", "qi", 2),
    ("其一，", "qi", 1),
])
def test_ordinals(text, family, value):
    parsed = parse_ordinal(text)
    assert (parsed.family, parsed.value) == (family, value)


def test_cn_numeral_round_trip():
    for value in range(1, 100):
        assert parse_marker(cn_numeral(value) + "、").value == value
