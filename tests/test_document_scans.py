"""The builder's whole-text scans find what their reference patterns find: each is a faster way to
run the same pattern over a text, and must not differ from it anywhere."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.document.markers import _HEADING_RE, _marker_spans
from lint.document.ordinals import _ORDINAL_RE, ordinal_spans
from lint.document.text import CN_NUMERALS

# Numerals, what may stand before an ordinal and after it, line and sentence ends.
ORDINAL_ALPHABET = CN_NUMERALS + "是第其统唯之如，,、：:。\n x"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=ORDINAL_ALPHABET, max_size=40))
def test_ordinal_spans_are_the_reference_patterns(text):
    assert ordinal_spans(text) == [m.span() for m in _ORDINAL_RE.finditer(text)]


def test_ordinal_spans_of_every_form_and_their_overlaps():
    text = "一是加强，二是落实。第一，第二：其一，其一是，统一是，十一是，一二三四是，一是一"
    assert ordinal_spans(text) == [m.span() for m in _ORDINAL_RE.finditer(text)]
    assert [text[s:e] for s, e in ordinal_spans(text)] == ["一是", "二是", "第一，", "第二：", "其一，", "其一是", "十一是"]


# Line and sentence ends, what may stand between one and a marker, and the markers' characters.
HEADING_ALPHABET = "\n。！？；!?;：:  \u3000#*_" + "一二十（()）1２.．、，,①" + "文a"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=HEADING_ALPHABET, max_size=40))
def test_marker_spans_are_the_reference_patterns(text):
    expected = [m.span("m") for m in _HEADING_RE.finditer(text)]
    assert _marker_spans(text, None) == expected
    assert _marker_spans(text, text.encode("utf-8", "surrogatepass")) == expected
