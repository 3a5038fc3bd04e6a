"""Property tests over the whole pipeline: any text or bytes lints without error, in range, stably."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from prop_strategies import any_bytes, clean_text, outline, render_outline, report_text

from lint.api import lint_bytes, lint_text
from lint.config.loader import Config
from lint.document.builder import build_document
from lint.document.positions import LineIndex

CONFIG = Config()
ALL = {"select": ("WR",)}        # every rule, default-off ones too
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_LINE_END = re.compile(r"\r\n|\r|\n")


def assert_well_formed(report) -> None:
    """Every offset of every diagnostic, edit and related span lies inside the document."""
    assert report.error is None or (isinstance(report.error, str) and report.error)
    if report.error is not None:
        assert not report.diagnostics
        return
    size = len(report.index.text)
    for d in report.diagnostics:
        assert 0 <= d.start <= d.end <= size, d
        assert d.severity in ("error", "warning", "info") and d.message
        r = report.range(d.start, d.end)
        assert (r["start"]["line"], r["start"]["character"]) <= (r["end"]["line"], r["end"]["character"])
        for edit in d.fix.edits if d.fix else ():
            assert 0 <= edit.start <= edit.end <= size, (d.code, edit)
        for rel in d.related:
            assert 0 <= rel.start <= rel.end <= size, (d.code, rel)


@FAST
@given(report_text, st.sampled_from(["r.txt", "r.md"]))
def test_any_text_lints_cleanly(text, path):
    assert_well_formed(lint_text(text, path, config=CONFIG, **ALL))


@FAST
@given(any_bytes, st.sampled_from(["r.txt", "r.md"]))
def test_any_bytes_lint_or_report_an_input_error(data, path):
    assert_well_formed(lint_bytes(data, path, CONFIG, **ALL))


@settings(max_examples=300, deadline=None)
@given(report_text, st.data())
def test_line_index_round_trips(text, data):
    index = LineIndex(text)
    offset = data.draw(st.integers(0, len(text)))
    assume(not (0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"))
    line_start = [0, *(m.end() for m in _LINE_END.finditer(text))]
    line = sum(1 for s in line_start[1:] if s <= offset)
    pos, utf16 = index.position(offset), index.utf16_position(offset)
    assert (pos.line, pos.character) == (line, offset - line_start[line])
    before = text[line_start[line]:offset]
    assert (utf16.line, utf16.character) == (line, len(before.encode("utf-16-le")) // 2)
    assert index.offset(utf16.line, utf16.character) == offset
    assert index.offset(pos.line, pos.character, utf16=False) == offset


def _signature(report):
    return [(d.code, d.start, d.end, d.message) for d in report.diagnostics], report.error


@FAST
@given(clean_text, st.sampled_from(["utf-8-sig", "utf-16", "gb18030"]), st.sampled_from(["r.txt", "r.md"]))
def test_same_diagnostics_in_every_encoding(text, encoding, path):
    assume(not text.startswith("\ufeff"))
    data = text.encode(encoding)
    if encoding == "gb18030":
        # Short GB18030 byte strings can also be valid UTF-8; decoding them as UTF-8 is right.
        try:
            data.decode("utf-8")
            assume(False)
        except UnicodeDecodeError:
            pass
    plain = lint_bytes(text.encode("utf-8"), path, CONFIG, **ALL)
    other = lint_bytes(data, path, CONFIG, **ALL)
    assert other.error is None or plain.error is not None
    if other.error is None:
        assert other.source.text == text
    assert _signature(other) == _signature(plain)


def _lines(report):
    return sorted((d.code, report.index.position(d.start).line) for d in report.diagnostics)


@FAST
@given(clean_text.map(lambda t: t.replace("\r", "")), st.sampled_from(["r.txt", "r.md"]))
def test_crlf_and_lf_give_the_same_diagnostics(text, path):
    lf = lint_text(text, path, config=CONFIG, **ALL)
    crlf = lint_text(text.replace("\n", "\r\n"), path, config=CONFIG, **ALL)
    assert _lines(crlf) == _lines(lf)


@settings(max_examples=200, deadline=None)
@given(outline, st.sampled_from(["r.txt", "r.md"]))
def test_a_consecutively_numbered_outline_has_no_structure_finding(sections, path):
    text = render_outline(sections)
    report = lint_text(text, path, config=CONFIG, select=("WR101", "WR102", "WR103", "WR105", "WR106"))
    assert report.diagnostics == [], (text, report.diagnostics)
    doc = build_document(text, path, "markdown" if path.endswith(".md") else "text")
    assert [(h.level, h.parent is None) for h in doc.headings] == list(_shape(sections))


def _shape(sections, level: int = 1):
    """(level, is top level) of every heading render_outline writes, in order."""
    for _title, _body, children in sections[:20]:
        yield level, level == 1
        if level < 5:
            yield from _shape(children, level + 1)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["一、", "（一）", "1.", "（1）", "①", "(一)", "1)", "一是", "第一，"]),
                max_size=40), st.booleans())
def test_arbitrary_nesting_of_markers(markers, run_in):
    sep = "甲。" if run_in else "甲\n"
    text = sep.join(markers) + sep
    assert_well_formed(lint_text(text, "r.txt", config=CONFIG, **ALL))


@pytest.mark.parametrize("bom, body", [
    (b"\xff\xfe", b"\x00\xd8a\x00"),         # UTF-16-LE lone high surrogate
    (b"\xfe\xff", b"\xdc\x00\x00a"),         # UTF-16-BE lone low surrogate
    (b"\xff\xfe", b"a"),                     # odd byte count
    (b"\xef\xbb\xbf", b"\xed\xa0\x80"),      # UTF-8-encoded surrogate
])
def test_undecodable_input_is_an_input_error(bom, body):
    report = lint_bytes(bom + body, "r.txt", CONFIG, **ALL)
    assert report.error and not report.diagnostics


@FAST
@given(st.one_of(report_text, outline.map(lambda s: render_outline(s, run_in=True))),
       st.sampled_from(["r.txt", "r.md"]))
def test_block_units_are_made_in_document_order(text, path):
    """WR401 reads block units in the order they are made: by start, and at one start the longer
    first (a paragraph before the run-in sections inside it)."""
    from lint.kinds.duplicates.levels import block_units

    units = block_units(build_document(text, path, "markdown" if path.endswith(".md") else "text"))
    order = list(zip(units.start, [-end for end in units.end]))
    assert order == sorted(order)
