"""Residue of drafting tools (WR304–WR308) and the typography pair WR503/WR504 beyond the golden
fixtures: a chat assistant's draft pasted into Word, --fix on it, the kinds in a user pack, and
that no place is reported by two rules."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import run_cli

from lint.api import lint_text

RESIDUE = ("WR301", "WR302", "WR304", "WR305", "WR306", "WR307", "WR308", "WR503", "WR504")

# What a chat assistant's answer looks like once its copy button has put it into Word, line by line.
PASTED = [
    "好的！以下是为您撰写的2024年度个人工作总结：",
    "### 一、主要工作",
    "**全年完成固定资产投资3.2亿元**，同比增长8%。",
    "- 完成[项目名称]验收",
    "- 开展安全检查____次",
    "二、存在的问题",
    "项目储备不足。",
    "三、下一步工作计划",
    "继续推进重点项目建设。",
    "希望以上内容对您有所帮助！如需进一步修改，请随时告诉我。",
]


def _pasted_docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    from wordkit import to_bytes

    document = docx.Document()
    for line in PASTED:
        document.add_paragraph(line)
    path.write_bytes(to_bytes(document))
    return path


def test_an_assistants_draft_pasted_into_word(tmp_path):
    from lint.api import lint_path

    report = lint_path(_pasted_docx(tmp_path / "总结.docx"), select=RESIDUE, use_cache=False)
    found = [(d.code, report.index.position(d.start).line) for d in report.diagnostics]
    assert found == [("WR305", 0), ("WR304", 1), ("WR304", 2), ("WR304", 3), ("WR306", 3), ("WR308", 4),
                     ("WR305", 9)]
    safe = Counter(d.code for d in report.diagnostics if d.fix and d.fix.safe)
    assert safe == {"WR304": 2, "WR305": 2}       # the bullets, the slot and the blank need a person


def test_fix_on_the_word_file_leaves_the_report(tmp_path):
    source = _pasted_docx(tmp_path / "总结.docx")
    proc = run_cli("check", "--fix", "--select", "WR304,WR305", str(source))
    assert "总结.reportlint.docx" in proc.stderr
    from lint.input.docx import read_docx

    lines = read_docx((tmp_path / "总结.reportlint.docx").read_bytes()).text.split("\n")
    assert lines[0] == "" and lines[-1] == ""      # the assistant's paragraphs, emptied (Word keeps the paragraph)
    assert lines[1:4] == ["一、主要工作", "全年完成固定资产投资3.2亿元，同比增长8%。", "- 完成[项目名称]验收"]


def test_the_same_text_as_markdown_is_its_format():
    text = "\n".join(PASTED) + "\n"
    on_md = {d.code for d in lint_text(text, "总结.md", select=RESIDUE).diagnostics}
    on_txt = {d.code for d in lint_text(text, "总结.txt", select=RESIDUE).diagnostics}
    assert "WR304" in on_txt and "WR304" not in on_md
    assert on_md == on_txt - {"WR304"}


@pytest.mark.parametrize("text", [
    "全年接待【请填写人数】人次，[待补充]。",         # WR302's
    "由[XX单位]牵头，完成xx个。",                     # WR301's
    "共**人，其中男性**人，本年度**重点工作**完成。",   # two blanks (WR308) and bold (WR304)
    "完成率（  ），项目验收（）。",                   # WR308's, WR503's
    "【】",                                           # WR302's
])
def test_no_place_is_reported_by_two_rules(text):
    found = lint_text(text, "a.txt", select=RESIDUE, report_kind="summary").diagnostics
    spans = [(d.start, d.end) for d in found]
    assert found and all(a[1] <= b[0] for a, b in zip(sorted(spans), sorted(spans)[1:])), found


PACK = """\
pack: ours
rules:
  - code: ORG301
    name: our-closings
    kind: framing
    severity: warning
    summary: 套话结尾
    message: 删去“{match}”
    options:
      patterns: ['以上汇报，不妥之处请批评指正']
  - code: ORG302
    name: our-marks
    kind: editing-residue
    severity: warning
    summary: 审稿标记
    message: {zh: {review: "审稿标记“{match}”", reviews: "审稿标记“{match}”等{count}行", reference: "标记{match}",
                   conflict: "冲突"}}
    options:
      patterns: ['审稿意见\\d+：']
      comment: '审稿意见(?P<ref>\\d+)'
  - code: ORG503
    name: our-doubles
    kind: doubled-punctuation
    severity: info
    summary: 重复标点
    message: “{match}”改为“{replacement}”
    options: {marks: "。，"}
"""


def test_the_kinds_in_a_user_pack(tmp_path):
    (tmp_path / "ours.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("packs: [ours.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("全年完成投资[1]，，建设顺利。\n审稿意见1：数据再核实\n以上汇报，不妥之处请批评指正。\n",
                                    encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    lines = proc.stdout.splitlines()
    assert [line.split()[1] for line in lines[:-1]] == ["ORG302", "ORG503", "ORG302", "ORG301"], proc.stdout
    assert "a.txt:3:1: ORG301" in proc.stdout


def test_a_comment_label_without_its_group_is_a_pack_error(tmp_path):
    (tmp_path / "ours.yaml").write_text(PACK.replace("(?P<ref>", "("), encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("packs: [ours.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "ours.yaml:" in proc.stderr and "ref" in proc.stderr
