"""The offset index: lines, code-point columns and UTF-16 columns, for every line-end form."""
from __future__ import annotations

import pytest

from lint.document.positions import LineIndex


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_and_columns(newline):
    text = newline.join(["一、总体", "（一）xx万人", ""])
    index = LineIndex(text)
    offset = text.index("xx")
    assert index.position(offset) == (1, 3)
    assert index.utf16_position(offset) == (1, 3)
    assert index.line_text(1) == "（一）xx万人"
    assert index.offset(1, 3) == offset


def test_astral_characters_count_two_utf16_units():
    text = "甲\n𠀀𠀁xx\n"
    index = LineIndex(text)
    offset = text.index("xx")
    assert index.position(offset) == (1, 2)
    assert index.utf16_position(offset) == (1, 4)
    assert index.offset(1, 4) == offset
    assert index.offset(1, 4, utf16=False) == offset + 2 or index.offset(1, 2, utf16=False) == offset


def test_end_of_text_and_clamping():
    text = "ab\ncd"
    index = LineIndex(text)
    assert index.position(len(text)) == (1, 2)
    assert index.position(10_000) == (1, 2)
    assert index.offset(0, 99) == 2
    assert index.offset(5, 0) == len(text)
    assert LineIndex("").position(0) == (0, 0)
