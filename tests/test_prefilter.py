"""The pattern prefilter (lint/kinds/prefilter.py) finds what a plain search finds: every built-in
pattern, exception and substitution, searched both ways, over the pack examples, the fixtures, the
real reports and generated text."""
from __future__ import annotations

import json
import re
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT, SHARED
from lint.config.loader import all_rules
from lint.document.builder import build_document
from lint.input.files import read_path
from lint.kinds import patterns, prefilter

RULES = [r for r in all_rules() if r.kind in ("pattern", "substitution")]


def _scans(rule):
    """(what a scan is, the Scan) for each pattern and the exceptions of a built-in rule."""
    options, scans = (rule.prepared.options, rule.prepared.scans) if rule.kind == "substitution" else (rule.options, rule.prepared)
    named = [(f"{rule.code} pattern {k}", scan) for k, scan in enumerate(scans.patterns)]
    return options, scans, named + ([(f"{rule.code} exceptions", scans.exceptions)] if scans.exceptions else [])


def _searched(doc, scan):
    """Every candidate match of one scan in the document's paragraphs, as the pattern kinds search."""
    return [(s, e) for s, e, *_ in patterns._search(doc, doc.block_spans, (scan,), True)]


def _both_ways(doc, monkeypatch):
    """For each built-in scan and rule: (what, with the prefilter, without it)."""
    out = []
    for rule in RULES:
        options, scans, named = _scans(rule)
        for prefiltered in (True, False):
            monkeypatch.setattr(prefilter, "ENABLED", prefiltered)
            found = [_searched(doc, scan) for _, scan in named]
            found.append([(s, e) for s, e, _ in patterns.find_matches(doc, options, scans)])
            out.append(found)
        whats = [what for what, _ in named] + [f"{rule.code} accepted matches"]
        for what, with_, without in zip(whats, out[-2], out[-1]):
            yield what, with_, without


def _texts():
    """(name, text, kind) of every text the test reads but the generated ones."""
    for rule in all_rules():
        for key in ("fail", "pass"):
            for i, example in enumerate(rule.examples.get(key, [])):
                yield f"{rule.code} {key} {i}", example, "text"
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".txt", ".md"):
            yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8", errors="replace"), \
                "markdown" if path.suffix == ".md" else "text"
    for folder in (SHARED / "real" / "reports", SHARED / "real" / "more", SHARED / "examples"):
        for path in sorted(folder.glob("*")) if folder.is_dir() else ():
            if path.suffix in (".txt", ".md", ".docx"):
                source = read_path(str(path))
                yield path.name, source.text, source.kind


def test_every_built_in_pattern_finds_with_the_prefilter_what_a_plain_search_finds(monkeypatch):
    texts = list(_texts())
    assert RULES and len(texts) > 300
    for name, text, kind in texts:
        doc = build_document(text, name, kind)
        for what, with_, without in _both_ways(doc, monkeypatch):
            assert with_ == without, f"{what} on {name}: {sorted(set(with_) ^ set(without))[:5]}"


def test_the_prefilter_is_at_work_on_the_built_in_patterns():
    """Else the comparison above would compare a plain search with itself."""
    shapes = [scan.shape for rule in RULES for _, scan in _scans(rule)[2]]
    assert any(s.first for s in shapes) and any(s.needle for s in shapes) and any(s.line_bound for s in shapes)
    assert any(s.also for s in shapes)


# What the built-in patterns look for and stop at: placeholders, template marks, garbled text,
# half-width punctuation, with line ends, spaces, Markdown and headings in between.
PIECES = ["xx", "XX", "x", "X", "×", "○", "某某", "某", "X.X%", "xx.x%", "x86", "X光", "5G", "IPO", "第x位", "XX镇",
          "【请填写", "【", "】", "[待补充]", "[", "]", "（此处", "（", "）", "(", ")", "TODO", "TBD", "待核实", "？？？",
          "\ufffd", "锟斤拷", "烫烫烫", "幸?感", "?", "？", ",", ";", ":", "!", "![", "1,260", "10:30", "http://a.cn",
          "，", "。", "“", "”", "…", "—", "-", "～", "10-20%", "5%", "改革", "工作", "年", "月", "日", "1", "20", "%",
          " ", "\u3000", "\t", "\n", "\r\n", "\n\n", "# ", "> ", "- ", "`", "```\n", "<!-- x -->", "一、", "（二）", "1.", "(三)", "𠮷"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.sampled_from(["text", "markdown"]))
def test_generated_text_finds_the_same_both_ways(text, kind):
    doc = build_document(text, "g.md" if kind == "markdown" else "g.txt", kind)
    saved = prefilter.ENABLED
    try:
        with pytest.MonkeyPatch.context() as monkeypatch:
            for what, with_, without in _both_ways(doc, monkeypatch):
                assert with_ == without, what
    finally:
        prefilter.ENABLED = saved


def test_reportlint_no_prefilter_turns_it_off_with_the_same_output(tmp_path):
    """The switch a suspected miss is bisected with: a plain search, the same JSON (the result
    cache is not shared between the two)."""
    def check(**env):
        proc = subprocess.run([sys.executable, "-m", "lint", "check", "--format", "json", "examples/", "tests/eval"],
                              cwd=ROOT, env={**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path), **env},
                              capture_output=True, text=True, encoding="utf-8", timeout=300)
        assert proc.returncode == 1, proc.stderr
        return json.loads(proc.stdout)

    plain = subprocess.run([sys.executable, "-c", "from lint.kinds import prefilter; print(prefilter.ENABLED)"],
                           cwd=ROOT, env={**os.environ, "REPORTLINT_NO_PREFILTER": "1"}, capture_output=True, text=True)
    assert plain.stdout.strip() == "False"
    assert check() == check(REPORTLINT_NO_PREFILTER="1")


def test_a_match_needing_two_rare_characters_is_looked_for_only_where_both_are():
    shape = prefilter.analyse(re.compile(r"[0-9]+[%％]?[-～][0-9]+[%％]"))
    assert {shape.needle, *shape.also} == {"%％", "-～"}
    assert prefilter.analyse(re.compile(r"[0-9]+[-～][0-9]")).also == ()     # digits are everywhere
