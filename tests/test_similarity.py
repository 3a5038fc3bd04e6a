"""lint.kinds.similarity computes what rapidfuzz computes: the same scores, cut-offs and order.

A one-file run scores its first comparisons in Python and leaves rapidfuzz unimported; past a
budget it hands over to rapidfuzz. A diagnostic must never show which one ran.
"""
from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.fuzz import ratio as rapidfuzz_ratio
from rapidfuzz.process import extract

from lint.kinds import similarity

# Few distinct characters, so texts share a lot; CJK, ASCII, and a character beyond the BMP.
text = st.text(st.sampled_from("落实工作推进加强建设发展ab 1\U00020000"), max_size=90)


@pytest.fixture
def python_only(monkeypatch):
    """lint.kinds.similarity with its budget never spent: every comparison in Python."""
    monkeypatch.setattr(similarity, "_extract", None)
    monkeypatch.setattr(similarity, "_spent", 0)
    monkeypatch.setattr(similarity, "_PYTHON_BUDGET", float("inf"))


@given(text, text)
@settings(max_examples=400)
def test_ratio_is_rapidfuzz_ratio(a, b):
    assert similarity.ratio(a, b) == rapidfuzz_ratio(a, b)


@given(text, st.lists(text, max_size=8), st.sampled_from([0, 30, 50, 66.7, 85, 90, 100]))
@settings(max_examples=300)
def test_python_matches_are_rapidfuzz_extract(query, choices, threshold):
    assert similarity._python_matches(query, choices, threshold) == extract(
        query, choices, scorer=rapidfuzz_ratio, score_cutoff=threshold, limit=None)


@given(text, text)
@settings(max_examples=300)
def test_a_score_at_the_threshold_is_kept_as_rapidfuzz_keeps_it(a, b):
    """rapidfuzz compares the cut-off as a C float: a threshold a hair above the score may still keep it."""
    score = rapidfuzz_ratio(a, b)
    for threshold in (score, score - 1e-9, score + 1e-9, score + 1e-6, score + 3e-6, round(score, 1)):
        if 0 <= threshold <= 100:
            expected = extract(a, [b], scorer=rapidfuzz_ratio, score_cutoff=threshold, limit=None)
            assert similarity._python_matches(a, [b], threshold) == expected


def test_equal_scores_keep_the_earlier_choice_first(python_only):
    found = similarity.matches("推进工作落实", ["推进工作落", "推进工作落实", "推进工作落"], 50)
    assert [(index, round(score, 2)) for _, score, index in found] == [(1, 100.0), (0, 90.91), (2, 90.91)]


def test_past_the_budget_rapidfuzz_takes_over_with_the_same_results(monkeypatch):
    monkeypatch.setattr(similarity, "_extract", None)
    monkeypatch.setattr(similarity, "_spent", 0)
    monkeypatch.setattr(similarity, "_PYTHON_BUDGET", 30)
    choices = ["坚持把档案开发利用作为服务群众的重要抓手", "坚持把档案开发利用作为服务群众的关键抓手"]
    first = similarity.matches(choices[1], choices[:1], 85)        # 20 characters: within the budget
    assert similarity._extract is None
    second = similarity.matches(choices[1], choices[:1], 85)       # 40 in all: rapidfuzz from now on
    assert similarity._extract is not None
    assert first == second == [(choices[0], 90.0, 0)]


def test_a_short_report_is_linted_without_importing_rapidfuzz(tmp_path):
    """The near copies of a short report are found, and rapidfuzz's import is not paid for them."""
    report = tmp_path / "report.txt"
    sentence = "坚持把档案开发利用作为服务群众的重要抓手，让档案工作更好地服务中心、服务大局。"
    report.write_text(f"{sentence}\n其他工作正常推进。\n{sentence.replace('大局', '全局')}\n", encoding="utf-8")
    probe = ("import sys; from lint.cli.main import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('rapidfuzz' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, "check", "--no-cache", "--select", "WR402", str(report)],
                          capture_output=True, text=True, encoding="utf-8")
    assert "WR402" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "False"
