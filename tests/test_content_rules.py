"""Content rules (WR201–WR203, WR301–WR303, WR501–WR502) on the shared examples, the seed text and the traps."""
from __future__ import annotations

import collections
import json

import pytest

from conftest import SHARED

from lint.api import lint_path, lint_text
from lint.config.loader import Config, load_config
from lint.output.fixes import fix_text

CODES = ("WR201", "WR202", "WR203", "WR301", "WR302", "WR303", "WR502")
SEED = SHARED / "seed" / "000_d0edc64c5d0a0730.txt"


def _codes(text: str, select=("WR202", "WR203", "WR3", "WR5"), path: str = "t.txt") -> list[tuple[str, str]]:
    report = lint_text(text, path, select=select)
    return [(d.code, text[d.start:d.end]) for d in report.diagnostics]


# --- the shared examples ------------------------------------------------------------------

def _example_counts():
    gold = collections.Counter()
    for line in (SHARED / "examples" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if g["code"] in CODES:
            gold[(g["file"], g["code"], g["line"])] += 1
    got = collections.Counter()
    for path in sorted((SHARED / "examples").glob("e0*")):
        report = lint_path(path, Config(), select=CODES)
        for d in report.diagnostics:
            got[(path.name, d.code, report.index.line_of(d.start))] += 1
    return gold, got


def test_examples_precision_and_recall_per_code():
    gold, got = _example_counts()
    for code in CODES:
        g = {k: v for k, v in gold.items() if k[1] == code}
        p = {k: v for k, v in got.items() if k[1] == code}
        match = sum(min(v, p.get(k, 0)) for k, v in g.items())
        assert sum(g.values()) and match / sum(g.values()) >= 0.9, (code, "recall", g, p)
        assert sum(p.values()) and match / sum(p.values()) >= 0.9, (code, "precision", g, p)


def test_clean_example_gets_nothing():
    report = lint_path(SHARED / "examples" / "e06_district_civil_affairs_2024h1.txt", Config(),
                       select=("WR2", "WR3", "WR5"))
    assert report.diagnostics == []


# --- the seed: every placeholder token once -----------------------------------------------

# Counted by hand, line by line (1-based), e.g. line 9: XX镇, XX公里, XX公里, XX镇, XX镇.
SEED_PLACEHOLDERS = {1: 15, 3: 17, 5: 18, 8: 10, 9: 5, 11: 2, 17: 5}


def test_seed_placeholders_reported_once_each():
    report = lint_path(SEED, Config(), select=("WR301",))
    text = report.source.text
    per_line = collections.Counter(report.index.line_of(d.start) + 1 for d in report.diagnostics)
    assert dict(per_line) == SEED_PLACEHOLDERS
    spans = sorted((d.start, d.end) for d in report.diagnostics)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "overlapping tokens"
    assert all(set(text[s:e]) <= set("xX.%") for s, e in spans)


def test_seed_lost_character_is_garbled_text_without_fix():
    report = lint_path(SEED, Config(), select=("WR303", "WR501"))
    text = report.source.text
    [garbled] = [d for d in report.diagnostics if d.code == "WR303"]
    assert text[garbled.start - 3:garbled.end + 3] == "漠阳品?幸福购" and garbled.fix is None
    assert not any(d.code == "WR501" and d.start == garbled.start for d in report.diagnostics)


def test_halfwidth_fix_on_the_seed_is_complete_and_idempotent():
    report = lint_path(SEED, Config(), select=("WR501",))
    fixed = fix_text(report.source.text, report.diagnostics)
    again = lint_text(fixed, "seed.txt", select=("WR501",))
    assert again.diagnostics == []
    assert "1-5月份，商品" in fixed and "漠阳品?幸福购" in fixed and "(一)环保监管" in fixed


# --- the traps of CONTRACT.md and more ---------------------------------------------------

TRAPS = ["采购x86服务器。", "新配备X光机2台。", "X射线检测仪1台。", "依托5G网络。", "AMOLED项目投产。",
         "推动企业IPO。", "GDP增长5.2%。", "救助资金1.5亿元。", "三、四月份强对流天气多发。",
         "一、二季度提前完成检修。", "按第（一）项规定执行。", "十一、其他工作\n正文。", "坚持一是一、二是二。",
         "某种程度上影响了成效。", "二○○八年建成。", "查处张某某违法案件。", "相关机制有待补充完善。",
         "怎么办？我们迎难而上。", "指标是否达标？经核查全部达标。", "We don’t know.", "抽查病历1,260份。"]


@pytest.mark.parametrize("text", TRAPS)
def test_trap_is_not_reported(text):
    assert _codes(text) == []


@pytest.mark.parametrize("text,expected", [
    ("升至第x位。", ["x"]),
    ("于x月x日召开。", ["x月x日"]),
    ("增长xx.xx%，完成X.X%。", ["xx.xx%", "X.X%"]),
    ("实施XX镇项目，额度X亿元，全县x个乡镇。", ["XX", "X", "x"]),
    ("××乡○○村某某同志。", ["××", "○○", "某某"]),
    ("全年投资ｘｘ亿元。", ["ｘｘ"]),
])
def test_placeholder_tokens(text, expected):
    assert _codes(text, ("WR301",)) == [("WR301", t) for t in expected]


@pytest.mark.parametrize("text,expected", [
    ("共计【请填写……】人。", "【请填写……】"),
    ("名单[待补充]", "[待补充]"),
    ("清单（此处列出明细）。", "（此处列出明细）"),
    ("参保人数3.2万人，待核实。", "待核实"),
    ("共计？？？户。", "？？？"),
    ("TBD", "TBD"),
    ("预算[TODO: 补充]", "[TODO: 补充]"),
])
def test_template_leftover_is_one_token(text, expected):
    assert _codes(text, ("WR302",)) == [("WR302", expected)]


def test_markdown_code_is_not_checked():
    text = "# 说明\n\n模板里的 `xx` 与 `TODO` 照抄无妨：\n\n```\n资金xx万元,（待补充\n```\n"
    assert _codes(text, path="t.md") == []


# --- sections -----------------------------------------------------------------------------

def test_required_sections_found_as_run_in_headings():
    text = "一、主要工作（一）扎实推进。正文。二、存在的主要问题（一）监管能力不足。三、下一步工作计划（一）推进整改。\n"
    assert _codes(text, ("WR201", "WR202")) == []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_unnumbered_markdown_headings_are_sections_with_every_line_end(newline):
    lines = ["# 上半年工作总结", "## 主要工作", "正文。", "## 存在的问题", "正文。", "## 下一步工作计划 ##", "正文。"]
    text = newline.join(lines) + newline
    assert _codes(text, ("WR201", "WR202", "WR203"), path="r.md") == []


def test_markdown_title_line_is_not_a_section():
    title = "# 青山区商务局2022年工作总结和下一步工作计划\n\n"
    body = "## 一、主要工作\n正文。\n## 二、存在的问题\n正文。\n## 三、下一步工作计划\n正文。\n"
    # Not "存在的问题 after 下一步工作计划" because the title names both.
    assert lint_text(title + body, "r.md", select=("WR201", "WR202")).diagnostics == []


def test_required_section_names_each_missing_section():
    report = lint_text("青山区商务局2024年工作总结\n一、主要工作\n正文。\n二、存在的问题\n正文。\n", select=("WR201",))
    [d] = report.diagnostics
    assert (d.start, d.end) == (0, 0) and "下一步工作计划" in d.message and "工作总结" in d.message


def test_required_sections_follow_the_report_kind():
    body = "一、主要工作\n正文。\n二、经验体会\n正文。\n"
    codes = {title: [c for c, _ in _codes(title + "\n" + body, ("WR201",))]
             for title in ("青山区商务局2024年工作总结", "青山区商务局2024年工作计划", "青山区商务局工作周报", "关于商务工作的几点思考")}
    assert codes == {"青山区商务局2024年工作总结": ["WR201", "WR201"],     # a summary needs both
                     "青山区商务局2024年工作计划": [],                     # a plan is its next steps
                     "青山区商务局工作周报": ["WR201"],                     # a weekly: 下周计划 (本周 is its body's wording)
                     "关于商务工作的几点思考": []}                           # unknown kind: nothing required


def test_section_inside_another_heading_is_not_the_section():
    text = "2024年工作总结\n一、主要工作\n正文。\n二、下一步工作计划\n（一）着力解决存在的问题\n正文。\n"
    assert [c for c, _ in _codes(text, ("WR201", "WR202"))] == ["WR201"]


def test_order_is_reported_at_the_late_problems_heading():
    text = "2024年工作总结\n一、主要工作\n正文。\n二、下一步工作打算\n正文。\n三、问题和不足\n正文。\n"
    assert _codes(text, ("WR202",)) == [("WR202", "三、问题和不足")]


def test_empty_section_counts_children_and_run_in_text_as_content():
    text = "一、主要工作\n（一）资源建设\n1.接收档案\n正文。\n（二）开发利用\n二、存在的问题（一）人员不足。正文。\n"
    assert _codes(text, ("WR203",)) == [("WR203", "（二）开发利用")]


# --- pairs and half-width punctuation -----------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("水平不高（特别是服务站。", ["（"]),
    ("完成改造）。", ["）"]),
    ("出台《办法（试行》）。", ["（", "）"]),
    ("高中(中职）学校，开展“进万家”活动。", []),
    ("包括：1)机制建设；2)队伍建设。", []),
])
def test_unmatched_pairs(text, expected):
    assert _codes(text, ("WR502",)) == [("WR502", c) for c in expected]


def test_pairs_close_over_a_soft_line_break_not_over_a_sentence_end():
    # A line that does not end a sentence runs on: a pair the line break splits is closed
    # (gwr-1988: ……尽快制定《 / 国家公务员条例 / 》，研究制定《 …).
    assert _codes("尽快制定《\n国家公务员条例\n》，研究制定《\n国家公务员法\n》。\n", ("WR502",)) == []
    # A line that ends a sentence, or a blank line, ends the paragraph.
    assert [t for _, t in _codes("开展“进万家。\n活动”。\n", ("WR502",))] == ["“", "”"]
    assert [t for _, t in _codes("开展“进万家\n\n活动”。\n", ("WR502",))] == ["“", "”"]


def test_halfwidth_punctuation_keeps_numbers_urls_and_markers():
    text = "(一)抽查病历1,260份,10:30开会,详见http://a.gov.cn/x?y=1,2。\n"
    report = lint_text(text, select=("WR501",))
    assert [text[d.start:d.end] for d in report.diagnostics] == [",", ","]
    assert all(d.fix and d.fix.safe for d in report.diagnostics)


def test_halfwidth_pair_is_fixed_as_a_pair_but_links_are_left_alone():
    text = "人工智能(Artificial Intelligence),简称AI,详见[说明](docs/说明.md)。\n"
    report = lint_text(text, "t.md", select=("WR501",))
    assert [text[d.start:d.end] for d in report.diagnostics] == ["(Artificial Intelligence)", ",", ","]
    assert fix_text(text, report.diagnostics) == "人工智能（Artificial Intelligence），简称AI，详见[说明](docs/说明.md)。\n"


def test_no_pairs_configured_checks_no_brackets(tmp_path):
    config_file = tmp_path / "c.yaml"
    config_file.write_text("rules:\n  WR502: {options: {pairs: []}}\n", encoding="utf-8")
    report = lint_text("开展“进万家（活动。\n", config=load_config(str(config_file)), select=("WR502",))
    assert report.diagnostics == []
