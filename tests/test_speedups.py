"""The compiled loops (lint/kinds/_compiled.c) give what their Python twins give, bit for bit."""
from __future__ import annotations

import os
from array import array
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SHARED

from lint.kinds import loops, similarity
from lint.kinds.duplicates import NearDuplicateOptions, check_near_duplicates, levels, twins
from lint.kinds.duplicates.units import Units
from lint.kinds.pairs import PairsOptions
from lint.document.builder import build_document
from lint.input.files import read_path

speedups = loops.compiled
needs_speedups = pytest.mark.skipif(speedups is None, reason="lint/kinds/_compiled.c is not built")

# Few characters, so that 3-grams repeat; one beyond the BMP, one at its top, whitespace and marks.
ALPHABET = "改革发展工作落实，。a1\u3000\uffff𠮷"


@contextmanager
def twins_only():
    """Every loop run by its Python twin for the duration (as where the C was not built)."""
    saved = {name: getattr(loops, name) for name in loops.NAMES}
    for name in loops.NAMES:
        setattr(loops, name, loops.twin(name))
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(loops, name, function)


def test_the_compiled_loops_are_built_unless_pure_python_is_asked_for():
    """Otherwise every other test here is skipped and the C goes untested."""
    if os.environ.get("REPORTLINT_PURE_PYTHON"):
        assert speedups is None
    else:
        assert speedups is not None, ("lint/kinds/_compiled.c was not compiled: reinstall with a C compiler "
                                    "(pip install -e .), or set REPORTLINT_PURE_PYTHON=1")


def compiled_ranks(text: str) -> array:
    return speedups.ranks(text)


@needs_speedups
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_ranks_are_the_pythons(text):
    assert compiled_ranks(text).tolist() == list(twins.ranks(text))


@needs_speedups
def test_ranks_of_a_large_text_whose_table_grows_are_the_pythons(monkeypatch):
    """Past 65,536 offsets the 3-gram table grows while counting, and ranks are found again by key."""
    text = "".join(chr(0x4E00 + (i * 7919) % 3000) for i in range(200_000))
    monkeypatch.setattr(twins, "_COMPACT_FROM", 1)     # the twin's compact path too
    assert compiled_ranks(text) == twins.ranks(text)


@st.composite
def units_and_options(draw):
    """Units in document order (a few overlapping the next), keys anywhere in a text of few characters."""
    alphabet = draw(st.sampled_from([ALPHABET, "改革发展", "改革𠮷"]))    # the last two: 3-grams repeat
    text = draw(st.text(alphabet=alphabet, min_size=3, max_size=200))
    units, start = Units(), 0
    for _ in range(draw(st.integers(0, 40))):
        at = draw(st.integers(0, len(text) - 1))
        step = draw(st.integers(0, 4))
        units.start.append(start)
        units.end.append(start + draw(st.sampled_from([step, step, step + 1])))
        units.length.append(draw(st.integers(0, min(len(text) - at, 40))))
        units.group.append(0)
        units.at.append(at)
        start += step
    options = NearDuplicateOptions(
        sketch_size=draw(st.integers(0, 12)), max_bucket=draw(st.integers(-1, 8)),
        min_shared=draw(st.integers(0, 4)), min_overlap=draw(st.sampled_from([0.0, 0.25, 0.6])),
        threshold=draw(st.sampled_from([0.0, 50.0, 85.0, 99.5, 100.0])))
    return text, units, options


def compiled_candidates(text, ranks, units, options, floor=0.0, candidates=None):
    return (candidates or speedups.candidates)(text, ranks, units.at, units.length, units.start, units.end, options.sketch_size,
                             options.max_bucket, options.min_shared, options.min_overlap,
                             options.threshold / 200, floor)


@needs_speedups
@settings(max_examples=1000, deadline=None)
@given(units_and_options())
def test_candidates_are_the_pythons(case):
    """Sketches, stop entries, shared-entry counts, overlap and the length window, on random units."""
    text, units, options = case
    ranks = compiled_ranks(text)
    python = list(compiled_candidates(text, ranks, units, options, candidates=twins.candidates))
    assert compiled_candidates(text, ranks, units, options) == python


@st.composite
def keys_in_order(draw):
    """A text cut into keys that never overlap (as a report's units: a candidate ends before the
    unit starts), some of them copies of earlier ones with a few characters changed."""
    pieces, units = [], Units()
    for _ in range(draw(st.integers(2, 12))):
        if pieces and draw(st.booleans()):
            key = list(draw(st.sampled_from(pieces)))
            for _ in range(draw(st.integers(0, 4))):
                key[draw(st.integers(0, len(key) - 1))] = draw(st.sampled_from(ALPHABET))
            key = "".join(key)
        else:
            key = draw(st.text(alphabet=ALPHABET, min_size=3, max_size=40))
        at = sum(map(len, pieces)) + len(pieces)        # keys one character apart
        pieces.append(key)
        units.start.append(at)
        units.end.append(at + len(key))
        units.length.append(len(key))
        units.group.append(draw(st.integers(0, 1)) + (units.group[-1] if len(units.group) else 0))
        units.at.append(at)
    return "。".join(pieces), units, draw(st.sampled_from([50.0, 80.0, 85.0, 90.0, 100.0]))


def _set_aside(pruned, full):
    kept = {(i, j) for i, found in pruned for j in found}
    every = {(i, j) for i, found in full for j in found}
    assert kept <= every
    return every - kept


@needs_speedups
@settings(max_examples=1000, deadline=None)
@given(keys_in_order())
def test_candidates_set_aside_only_pairs_that_cannot_reach_the_threshold(case):
    """The bounds from shared 3-grams and shared characters (may_reach, chars_may_reach in
    _speedups.c) are exact: a pair set aside scores below the threshold."""
    text, units, threshold = case
    ranks, options = compiled_ranks(text), NearDuplicateOptions(threshold=threshold, max_bucket=100)
    full = compiled_candidates(text, ranks, units, options)
    key = lambda i: text[units.at[i]:units.at[i] + units.length[i]]
    for i, j in _set_aside(compiled_candidates(text, ranks, units, options, threshold / 100), full):
        assert similarity.ratio(key(i), key(j)) < threshold


@needs_speedups
@settings(max_examples=1000, deadline=None)
@given(keys_in_order())
def test_clause_candidates_are_the_window_less_those_that_cannot_reach_the_threshold(case):
    text, units, threshold = case
    ranks = compiled_ranks(text)
    window = speedups.clause_candidates(text, ranks, units.at, units.length, units.group, 3, 0.0)
    python = list(twins.clause_candidates(text, ranks, units.at, units.length, units.group, 3, 0.0))
    assert window == [(i, found) for i, found in python if found]
    pruned = speedups.clause_candidates(text, ranks, units.at, units.length, units.group, 3, threshold / 100)
    key = lambda i: text[units.at[i]:units.at[i] + units.length[i]]
    for i, j in _set_aside(pruned, window):
        assert similarity.ratio(key(i), key(j)) < threshold


# Reports in miniature: headings and ordinals, run-in sections, spaces of every width inside and
# between lines, every sentence end and clause mark, closing quotes, Markdown that masks text.
PIECES = ["一、总体情况", "（二）", "1.", "一是", "二是", "落实落实", "推进改革发展工作", "重点项目建设",
          "。", "；", "！", "？", "!", "?", ";", "，", ",", "：", ":", "、", "”", "）", ")", "」",
          " ", "  ", "\t", "\u3000", "\n", "\n\n", "\r\n", "# ", "> ", "* ", "- ", "```\n", "<!-- x -->",
          "𠮷", "\u00a0", "\u2028", "12.5%", "xx"]


@st.composite
def documents(draw):
    text = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=80)))
    text += "\n" + text[:draw(st.integers(0, len(text)))]      # a copy of its start: paragraphs pasted twice
    kind = draw(st.sampled_from(["text", "markdown"]))
    return build_document(text, "r.md" if kind == "markdown" else "r.txt", kind)


@needs_speedups
@settings(max_examples=500, deadline=None)
@given(documents())
def test_folding_is_the_pythons(doc):
    joined, *columns = speedups.fold(doc.text, array("q", (b.start for b in doc.compared)),
                                   array("q", (b.end for b in doc.compared)))
    starts, ends = array("q", (b.start for b in doc.compared)), array("q", (b.end for b in doc.compared))
    assert (joined, *columns) == twins.fold(doc.text, starts, ends)


@needs_speedups
@settings(max_examples=500, deadline=None)
@given(documents(), st.integers(-1, 12))
def test_sentence_and_clause_units_are_the_pythons(doc, min_chars):
    fd = levels.folded(doc)
    for make in (levels.sentence_units, levels.clause_units):
        compiled = make(doc, fd, min_chars).columns()
        with twins_only():
            assert make(doc, fd, min_chars).columns() == compiled


@needs_speedups
@settings(max_examples=500, deadline=None)
@given(documents(), st.sampled_from([1, 4, 20]))
def test_block_units_and_verbatim_copies_are_the_pythons(doc, min_chars):
    from lint.kinds.duplicates.checks import verbatim_copies

    compiled = (levels._block_units(doc).columns(), verbatim_copies(doc, min_chars))
    with twins_only():
        assert (levels._block_units(doc).columns(), verbatim_copies(doc, min_chars)) == compiled


def _findings(text: str, name: str, kind: str):
    doc = build_document(text, name, kind)
    return [(f.start, f.end, f.args, f.variant, f.related) for f in check_near_duplicates(doc, NearDuplicateOptions())]


def _reports():
    return [p for p in sorted((SHARED / "examples").iterdir()) if p.suffix in (".txt", ".md")]


@needs_speedups
@pytest.mark.parametrize("path", _reports(), ids=lambda p: p.name)
def test_findings_on_every_example_are_the_pythons(path):
    source = read_path(str(path))
    # The report, then two copies with a word changed wherever it occurs: near copies at every level.
    text = source.text + source.text.replace("的", "地") + source.text.replace("工作", "工做")
    compiled = _findings(text, str(path), source.kind)
    with twins_only():
        assert _findings(text, str(path), source.kind) == compiled and compiled


@needs_speedups
def test_bad_arguments_are_errors_not_crashes():
    assert speedups.ranks("改革") == array("I") and speedups.ranks("改革发展工").itemsize == 4
    with pytest.raises(TypeError):
        speedups.ranks(b"not text")
    short, long_ = array("q", [0]), array("q", [0, 1])
    with pytest.raises(ValueError, match="differ in length"):
        speedups.candidates("", array("I"), short, long_, short, short, 8, 12, 2, 0.0, 0.425, 0.0)
    with pytest.raises(TypeError, match="8-byte ints"):
        speedups.candidates("", array("I"), array("i", [0]), short, short, short, 8, 12, 2, 0.0, 0.425, 0.0)
    with pytest.raises(ValueError, match="sketch size"):
        speedups.candidates("", array("I"), short, short, short, short, 65, 12, 2, 0.0, 0.425, 0.0)
    with pytest.raises(ValueError, match="differ in length"):
        speedups.fold("改革", short, long_)
    layout = (short, short, array("q", [0, 1]), array("q"), array("q"), array("q"))
    with pytest.raises(ValueError, match="hole indexes"):
        speedups.clause_units("改革", "改革", layout, short, 20)
    with pytest.raises(ValueError, match="differ in length"):
        speedups.verbatim_copies("改革", short, long_, short, short, 1)
    with pytest.raises(ValueError, match="differ in length"):
        speedups.block_units("改革", "改革", (short, short, array("q", [0, 0]), array("q"), array("q"), array("q")),
                           short, short, long_, short, short, short)
    with pytest.raises(TypeError, match="six arrays"):
        speedups.sentence_units("改革", "改革", layout[:5], array("q"), array("q"), array("q"), 15)


@needs_speedups
@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["落实", "落实落实", "进一步进一步", "工作", "工作工", "的", "的的", "认认真真",
                                  "研究研究研究", "abcabc", "a", "b", "，", "𠮷", "𠮷𠮷", "\u3000", "\n"]),
                max_size=40).map("".join),
       st.sampled_from([(0x4E00, 0x9FFF, 2, 4), (0x4E00, 0x9FFF, 1, 1), (ord("a"), ord("c"), 1, 3),
                        (ord("a"), 0x10FFFF, 3, 5)]))
def test_doubled_words_are_what_the_regex_finds(text, params):
    import re

    from lint.kinds import repetition
    from lint.kinds import twins as twins_of_kinds

    low, high, shortest, longest = params
    pattern = re.compile(f"([{re.escape(chr(low))}-{re.escape(chr(high))}]{{{shortest},{longest}}})\\1")
    assert speedups.doubled_words(text, *params) == [m.span() for m in pattern.finditer(text)]
    assert twins_of_kinds.doubled_words(text, *params) == [m.span() for m in pattern.finditer(text)]
    assert list(repetition.doubled_words(text)) == [m.span() for m in re.finditer(r"([一-鿿]{2,4})\1", text)]


BRACKETS = ["（", "）", "(", ")", "“", "”", "‘", "’", "《", "》", "【", "】", "don’t", "‘a’", "1)", "a)",
            "一)", "（一）", "一、", "工作", "，", "。", "\n", "\n```\n", "<!-- （ -->", " "]


@needs_speedups
@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(BRACKETS), max_size=60).map("".join), st.sampled_from(["text", "markdown"]),
       st.sampled_from([PairsOptions().pairs, ("（( ）)", "“ ”"), ("‘ ’", "( )"), ()]))
def test_pairs_read_only_the_blocks_that_do_not_close_in_order(text, kind, pairs):
    """Blocks the C finds clean hold no finding: the findings are those of reading every block."""
    from lint.kinds import pairs as module

    doc = build_document(text, "r.md" if kind == "markdown" else "r.txt", kind)
    options = PairsOptions(pairs=pairs)
    brackets = options.prepare(True)

    def findings():
        return [(f.start, f.end, f.args, f.variant) for f in module.check_pairs(doc, options, brackets)]

    compiled = findings()
    with twins_only():
        assert compiled == findings()


@needs_speedups
@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=12),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=30))
def test_units_outside_skipped_spans_are_the_pythons(spans, cuts):
    """Skipped spans may nest and overlap (a copy and the sentences found inside it)."""
    skip = sorted((start, start + size) for start, size in spans)
    units = Units()
    for start, size in sorted(cuts):
        for column, value in zip(units.columns(), (start, start + size, size, start % 3, 2 * start)):
            column.append(value)
    compiled = levels.outside(skip, units)
    with twins_only():
        assert levels.outside(skip, units).columns() == compiled.columns()


def test_the_stub_declares_every_loop_and_each_twin_has_its_signature():
    """_compiled.pyi names the compiled functions; each twin takes the same parameters, in order."""
    import ast
    import inspect

    from conftest import ROOT

    stub = ast.parse((ROOT / "lint" / "kinds" / "_compiled.pyi").read_text(encoding="utf-8"))
    declared = {f.name: [a.arg for a in f.args.args] for f in stub.body if isinstance(f, ast.FunctionDef)}
    assert sorted(declared) == sorted(loops.NAMES)
    for name, parameters in declared.items():
        assert list(inspect.signature(loops.twin(name)).parameters) == parameters, name
    if speedups is not None:
        assert {name for name in dir(speedups) if not name.startswith("_")} == set(declared)


@needs_speedups
def test_arguments_the_c_cannot_hold_are_the_twins_to_handle():
    """A sketch of 65 entries or a minimum beyond a C int: the seam calls the twin, with its results."""
    text = "改革发展工作落实改革发展工作落实，改革发展工作"
    units = Units()
    for at in (0, 8, 16):
        for column, value in zip(units.columns(), (at, at + 6, 6, 0, at)):
            column.append(value)
    ranks = compiled_ranks(text)
    args = (text, ranks, units.at, units.length, units.start, units.end, 65, 12, 2, 0.0, 0.45, 0.0)
    with pytest.raises(ValueError, match="sketch size"):
        speedups.candidates(*args)
    assert list(loops.candidates(*args)) == list(twins.candidates(*args)) != []
    huge = 1 << 40
    assert loops.verbatim_copies(text, units.start, units.end, units.length, units.at, huge) == []


STRINGS = st.lists(st.sampled_from(["1", "19", "X", "以上", "以下", "以", "，", "b𠮷", "𠮷", "\uffff", "\n", "", "19X以"]),
                   max_size=6).map(tuple)


@needs_speedups
@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="19X以上下，ab𠮷\uffff\n", max_size=60), st.lists(STRINGS, max_size=4).map(tuple))
def test_offsets_are_where_the_strings_of_each_set_start(text, sets):
    from lint.kinds import twins as twins_of_kinds

    latin = "".join(c for c in text if c < "\u0100")    # one-byte text: another loop in the C
    for each in (text, latin):
        expected = [[i for i in range(len(each)) if any(s and each.startswith(s, i) for s in strings)]
                    for strings in sets]
        assert speedups.offsets_many(each, sets) == expected
        assert twins_of_kinds.offsets_many(each, sets) == expected


@needs_speedups
def test_offsets_refuse_what_is_not_tuples_of_str():
    with pytest.raises(TypeError):
        speedups.offsets_many("改革", [("改",)])
    with pytest.raises(TypeError, match="tuple of str"):
        speedups.offsets_many("改革", (["改"],))
    with pytest.raises(TypeError, match="tuple of str"):
        speedups.offsets_many("改革", (("改", 1),))


def test_offsets_of_a_document_are_the_same_asked_first_or_after_others(monkeypatch):
    """A set is found alone when first asked for, and with every known set on later documents."""
    from lint.kinds import offsets
    from lint.kinds.offsets import offsets_of

    monkeypatch.setattr(offsets, "_KNOWN", {})
    text = "19年XX月，以上(1)以下1919"
    first, second = build_document(text, "a.txt"), build_document(text, "b.txt")
    alone = [offsets_of(first, s) for s in (("19",), "Xx", ("以上", "以下"), "(（")]
    together = [offsets_of(second, s) for s in (("19",), "Xx", ("以上", "以下"), "(（")]
    assert alone == together == [[0, 14, 16], [3, 4], [7, 12], [9]]
    assert {("19",), ("X", "x"), ("以上", "以下"), ("(", "（")} <= set(offsets._KNOWN)
