"""Duplicates pack (WR401–WR403): the seed's pasted paragraph and typo, near copies at scale, reduplication."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SHARED

from lint.api import lint_path, lint_text
from lint.kinds.duplicates import NearDuplicateOptions, check_near_duplicates
from lint.document.builder import build_document

SEED = SHARED / "seed" / "000_d0edc64c5d0a0730.txt"


def _lines(report, code: str) -> list[int]:
    return [report.range(d.start, d.end)["start"]["line"] for d in report.diagnostics if d.code == code]


def test_seed_repeated_paragraph_is_reported_at_its_second_copy():
    report = lint_path(SEED, select=("WR401",))
    assert _lines(report, "WR401") == [18]
    (diag,) = report.diagnostics
    (related,) = diag.related
    assert report.range(related.start, related.end)["start"]["line"] == 17
    assert report.source.text[diag.start:diag.end].startswith("3.狠抓能源保障。一是")


def test_seed_typo_is_repeated_phrase():
    report = lint_path(SEED, select=("WR403",))
    assert [report.source.text[d.start:d.end] for d in report.diagnostics] == ["落实落实"]


def test_seed_near_copy_inside_one_sentence():
    report = lint_path(SEED, select=("WR402",))
    texts = [report.source.text[d.start:d.end] for d in report.diagnostics]
    assert texts == ["把成果导向和省级规范化要求贯穿审计工作全过程"]


def test_duplicate_block_every_later_copy_points_at_the_first():
    para = "同时，深入推进“放管服”改革，人社领域政务服务事项全部实现网上可办。"
    text = f"{para}\n其他内容。\n{para}\n  {para}  \n"
    report = lint_text(text, select=("WR401",))
    assert _lines(report, "WR401") == [2, 3]
    assert {d.related[0].start for d in report.diagnostics} == {0}


def test_duplicate_run_in_section_under_another_number():
    section = "环境执法力度欠缺。企业环境违法现象时有发生，一些企业环境意识淡薄。"
    text = f"二、存在的问题（一）监管能力不足。人员偏少。（二）{section}\n三、其他（一）甲。（五）{section}\n"
    report = lint_text(text, select=("WR401",))
    assert [report.source.text[d.start:d.start + 3] for d in report.diagnostics] == ["（五）"]


def test_short_repeated_lines_are_not_duplicate_blocks():
    report = lint_text("（一）加强队伍建设。\n正文一。\n（一）加强队伍建设。\n", select=("WR401",))
    assert report.diagnostics == []


def test_parallel_statistics_are_not_near_duplicates():
    text = ("1-9月，全市234户生物化工产业规上企业完成产值同比下降3.8%；234户企业中有125户企业产值为负增长。\n"
            "1-9月，全市139户建材行业规上企业完成产值同比下降12%；139户企业中有80户企业产值为负增长。\n")
    assert lint_text(text, select=("WR402",)).diagnostics == []


def test_sentences_of_a_verbatim_copy_are_left_to_duplicate_block():
    para = "坚持把档案开发利用作为服务群众的重要抓手。让档案工作更好地服务中心、服务大局。"
    report = lint_text(f"{para}\n正文。\n{para}\n", select=("WR401", "WR402"))
    assert [d.code for d in report.diagnostics] == ["WR401"]


def _sentences(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 2500)]
    return ["".join(rng.choices(alphabet, k=rng.randint(18, 40))) + "。" for _ in range(count)]


@pytest.mark.parametrize("count", [3000, 8000])
def test_near_duplicate_finds_a_planted_pair_among_thousands(count):
    sentences = _sentences(count, count)
    planted = "坚持把新能源并网服务作为服务双碳目标的重要抓手，开辟绿色通道，做到应并尽并。"
    sentences[count // 7] = planted
    sentences[count - 3] = planted.replace("重要", "关键")
    text = "\n".join("".join(sentences[i:i + 4]) for i in range(0, count, 4)) + "\n"
    doc = build_document(text, "big.txt", "text")
    found = list(check_near_duplicates(doc, NearDuplicateOptions()))
    assert [(text[f.start:f.end], text[f.related[0].start:f.related[0].end]) for f in found] == [
        (planted.replace("重要", "关键"), planted)]


def test_large_documents_keep_ranks_compact_with_the_same_findings(monkeypatch):
    from lint.kinds import loops
    from lint.kinds.duplicates import twins

    text = SEED.read_text(encoding="utf-8") * 3

    def found():
        doc = build_document(text, "r.txt", "text")
        return [(f.start, f.end, f.args) for f in check_near_duplicates(doc, NearDuplicateOptions())]

    as_list = found()
    monkeypatch.setattr(twins, "_COMPACT_FROM", 1)     # every document counts as large
    monkeypatch.setattr(loops, "ranks", twins.ranks)
    assert type(twins.ranks(text)).__name__ == "array"
    assert found() == as_list and as_list


@pytest.mark.parametrize("text", ["群众常常需要到市级以上医院就诊。", "认认真真抓落实，让家家户户都能出行便利，时时处处有人管。",
                                  "区人社局层层压实稳就业责任，人人参与。", "对问题要一个一个解决、一步一步推进。",
                                  "为了了解情况，组织专家研究研究。", "的的确确不能不了了之，实实在在抓落实。",
                                  "关键是是否落实到位。"])
def test_reduplication_is_not_a_repeated_phrase(text):
    assert lint_text(text, select=("WR403",)).diagnostics == []


@pytest.mark.parametrize("text", ["实现双碳目标的的关键。", "完成了了全年任务。", "推动工作落实落实到位。"])
def test_doubled_function_words_and_words_are_repeated_phrases(text):
    assert [d.code for d in lint_text(text, select=("WR403",)).diagnostics] == ["WR403"]


def test_repeated_phrase_spans_and_unsafe_fix():
    text = "进一步进一步优化营商环境，推进推进改革。"
    report = lint_text(text, select=("WR403",))
    assert [text[d.start:d.end] for d in report.diagnostics] == ["进一步进一步", "推进推进"]
    assert all(d.fix is not None and not d.fix.safe for d in report.diagnostics)
    edit = report.diagnostics[0].fix.edits[0]
    assert text[:edit.start] + edit.new_text + text[edit.end:] == "进一步优化营商环境，推进推进改革。"


def test_near_copy_found_among_sentences_sharing_a_common_phrase():
    """Sketches hold each sentence's rarest 3-grams: a phrase every sentence repeats does not crowd out the copy."""
    rng = random.Random(11)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 2500)]
    common = "坚持以人民为中心的发展思想，"
    sentences = [common + "".join(rng.choices(alphabet, k=rng.randint(12, 24))) + "。" for _ in range(3000)]
    planted = "坚持把新能源并网服务作为服务双碳目标的重要抓手，开辟绿色通道，做到应并尽并。"
    sentences[500] = common + planted
    sentences[2900] = common + planted.replace("重要", "关键")
    text = "\n".join("".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)) + "\n"
    doc = build_document(text, "common.txt", "text")
    found = [(text[f.start:f.end], text[f.related[0].start:f.related[0].end])
             for f in check_near_duplicates(doc, NearDuplicateOptions())]
    assert found == [(common + planted.replace("重要", "关键"), common + planted)]


def test_near_duplicates_do_not_depend_on_hash_randomisation(tmp_path):
    """3-gram hashes come from tuples of ints, which PYTHONHASHSEED does not change."""
    import json
    import os
    import subprocess
    import sys

    text = "\n".join("".join(_sentences(4, seed)) for seed in range(300))
    text += "\n坚持把档案开发利用作为服务群众的重要抓手，让档案工作更好地服务中心、服务大局。\n"
    text += "坚持把档案开发利用作为服务群众的关键抓手，让档案工作更好地服务中心、服务全局。\n"
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    runs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-m", "lint", "check", "--select", "WR402", "--format", "json",
                              str(path)], capture_output=True, text=True, env=env).stdout
        runs.append([(d["range"], d["related"][0]["range"]) for f in json.loads(out)["files"]
                     for d in f["diagnostics"]])
    assert runs[0] == runs[1] and len(runs[0]) >= 1


def test_clause_repeated_far_apart_in_one_long_paragraph():
    """Clauses are compared within their paragraph, also when many clauses lie between the copies."""
    rng = random.Random(5)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 2500)]
    clauses = ["".join(rng.choices(alphabet, k=22)) for _ in range(20)]
    clauses[3] = "把成果导向和规范化要求贯穿审计工作全过程"
    clauses[17] = "把成果导向和省级规范化要求贯穿审计工作全过程"
    text = "，".join(clauses) + "。\n"
    report = lint_text(text, select=("WR402",))
    assert [text[d.start:d.end] for d in report.diagnostics] == [clauses[17]]


def test_near_copy_in_text_beyond_the_basic_plane():
    # A character outside the BMP (𠮷, U+20BB7) sends 3-grams down the code-point path: same findings.
    first = "坚持把档案开发利用作为服务群众的重要抓手，让档案工作更好地服务中心、服务大局。"
    later = "坚持把档案开发利用作为服务群众的重要抓手，让档案工作更好地服务中心、服务全局。"
    for text in (f"{first}\n推进库房改造。\n{later}\n", f"{first}\n推进𠮷库房改造。\n{later}\n"):
        report = lint_text(text, select=("WR402",))
        assert [report.source.text[d.start:d.end] for d in report.diagnostics] == [later]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="改革发展，。1a\u3000\uffff𠮷", max_size=60), st.sampled_from([1, 2, 3, 1 << 16]))
def test_3grams_cut_a_slice_at_a_time_are_the_3grams_of_the_text(text, slice_words):
    """The text is encoded a slice at a time (a large document never holds a copy of itself): at
    every slice size the 3-grams are those of the whole text, UTF-16 units i..i+2 as one int."""
    import sys

    from lint.kinds.duplicates import sketch

    saved = sketch.SLICE
    sketch.SLICE = slice_words
    try:
        grams = sketch.Grams(text)
        cut = [gram for piece in grams.slices() for gram in piece]
    finally:
        sketch.SLICE = saved
    assert len(cut) == max(len(text) - 2, 0)
    if grams.in_bmp:
        shifts = (0, 16, 32) if sys.byteorder == "little" else (48, 32, 16)
        assert cut == [sum(ord(c) << s for c, s in zip(text[i:i + 3], shifts)) for i in range(len(cut))]
    else:
        assert "𠮷" in text and cut == [tuple(map(ord, text[i:i + 3])) for i in range(len(cut))]


def _reports():
    return [p for p in sorted((SHARED / "examples").iterdir()) if p.suffix in (".txt", ".md")] + [SEED]


@pytest.mark.parametrize("path", _reports(), ids=lambda p: p.name)
def test_block_units_come_by_start_a_paragraph_before_its_sections(path):
    """verbatim_copies reads block units in the order they are made, which must be by start, and
    at one start the longer first (a paragraph, then the run-in sections inside it)."""
    from lint.kinds.duplicates import levels

    from lint.input.files import read_path

    source = read_path(str(path))
    units = levels.block_units(build_document(source.text, str(path), source.kind))
    order = list(zip(units.start, [-end for end in units.end]))
    assert order == sorted(order) and len(order) > 10


def test_verbatim_copies_are_the_same_when_every_key_hashes_alike(monkeypatch):
    """Keys are remembered by hash; two keys with one hash are told apart by their text."""
    from lint.kinds import loops
    from lint.kinds.duplicates import checks, twins

    para = "同时，深入推进“放管服”改革，人社领域政务服务事项全部实现网上可办。"
    other = "坚持把档案开发利用作为服务群众的重要抓手，让档案工作更好地服务中心。"
    text = f"{para}\n{other}\n{para}\n{other}\n其他内容，不重复的一段话在这里出现。\n{para}\n"

    def copies():
        doc = build_document(text, "r.txt", "text")
        return [(c.start, s.start) for c, s in checks.verbatim_copies(doc, 20)]

    expected = copies()
    assert len(expected) == 3
    monkeypatch.setattr(loops, "verbatim_copies", twins.verbatim_copies)
    monkeypatch.setattr(twins, "hash", lambda key: 0, raising=False)
    assert copies() == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="改革发展，。；：\n!?a 1", max_size=200), st.integers(1, 25))
def test_long_clauses_are_the_runs_between_marks_at_least_that_long(text, min_chars):
    """The long-clause regex opens with a mark (one is put before the text) so that it is tried
    only where a clause starts: it must find exactly the runs between marks of min_chars or more."""
    import re

    from lint.kinds.duplicates import twins, units

    found = [(m.start(1) - 1, m.end(1) - 1) for m in twins.long_clause(min_chars).finditer("\n" + text)]
    runs = [m.span() for m in re.finditer(f"[^{units.CLAUSE_MARKS}]+", text) if len(m.group()) >= min_chars]
    assert found == runs


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="ab改", min_size=1, max_size=6), max_size=30), st.text(alphabet="ab改", min_size=1, max_size=6))
def test_the_keys_related_to_one_are_its_prefixes_and_extensions(keys, key):
    """WR401's copies cut short or written on: found in sorted keys, the same as reading them all."""
    from lint.kinds.duplicates.checks import _Seen

    seen = _Seen()
    for i, k in enumerate(keys):
        seen.add(k, i)
    expected = {k for k in keys if k != key and (key.startswith(k) or k.startswith(key))}
    assert sorted(seen._related(key)) == sorted(expected)
