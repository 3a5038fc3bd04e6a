"""Suppressions: reportlint-disable comments in Markdown, and the config's `allow` list of exact strings."""
from __future__ import annotations

from pathlib import Path

from conftest import run_cli

from lint.api import lint_text
from lint.config.loader import Config, load_config
from lint.engine.diagnostics import Diagnostic
from lint.document.builder import build_document
from lint.engine.suppressions import apply_allow, apply_suppressions

# Three skipped numbers: WR101 fires at 三、 (line 3), 五、 (line 5) and 七、 (line 7).
SKIPS = ["一、甲\n", "三、乙\n", "五、丙\n", "七、丁\n"]


def _codes_lines(text: str, path: str = "a.md", **kw) -> list[tuple[str, int]]:
    report = lint_text(text, path, config=Config(), select=("WR101", "WR105"), **kw)
    return [(d.code, report.index.position(d.start).line + 1) for d in report.diagnostics]


def _md(*lines: str) -> str:
    return "".join(lines)


def test_unsuppressed_baseline():
    assert _codes_lines(_md(*SKIPS)) == [("WR101", 2), ("WR101", 3), ("WR101", 4)]


def test_disable_enable_region_by_code():
    text = _md(SKIPS[0], "<!-- reportlint-disable WR101 -->\n", SKIPS[1], SKIPS[2],
               "<!-- reportlint-enable WR101 -->\n", SKIPS[3])
    assert _codes_lines(text) == [("WR101", 6)]


def test_disable_by_name_and_prefix_and_all():
    for selector in ("heading-sequence", "WR1", ""):
        text = _md(SKIPS[0], f"<!-- reportlint-disable {selector} -->\n", *SKIPS[1:])
        assert _codes_lines(text) == [], selector


def test_disable_other_code_keeps_findings():
    text = _md(SKIPS[0], "<!-- reportlint-disable WR301, WR105 -->\n", *SKIPS[1:])
    assert [c for c, _ in _codes_lines(text)] == ["WR101"] * 3


def test_disable_next_line_and_disable_line():
    text = _md(SKIPS[0], "<!-- reportlint-disable-next-line WR101 -->\n", SKIPS[1], SKIPS[2],
               SKIPS[3].rstrip("\n") + " <!-- reportlint-disable-line -->\n")
    assert _codes_lines(text) == [("WR101", 4)]


def test_comments_inside_code_fences_do_nothing():
    text = _md(SKIPS[0], "```\n<!-- reportlint-disable -->\n```\n", *SKIPS[1:])
    assert len(_codes_lines(text)) == 3


def test_plain_text_ignores_comments():
    text = _md(SKIPS[0], "<!-- reportlint-disable -->\n", *SKIPS[1:])
    assert len(_codes_lines(text, "a.txt")) == 3


def test_file_wide_disable_covers_document_level_findings():
    doc = build_document("<!-- reportlint-disable WR201 -->\n正文。\n", "a.md", "markdown")
    whole = Diagnostic("WR201", "required-section", "error", "缺少", 0, 0)
    other = Diagnostic("WR202", "section-order", "warning", "顺序", 0, 0)
    assert apply_suppressions(doc, [whole, other]) == [other]


def test_allow_matches_spans_inside_an_allowed_string_only():
    text = "联系人：张XX同志。本月完成XX项。"
    inside = text.index("XX")
    outside = text.index("XX", inside + 2)
    diags = [Diagnostic("WR301", "placeholder", "error", "m", inside, inside + 2),
             Diagnostic("WR301", "placeholder", "error", "m", outside, outside + 2)]
    assert apply_allow(text, diags, ("张XX",)) == [diags[1]]
    assert apply_allow(text, diags, ()) == diags
    assert apply_allow(text, diags, ("XX",)) == []


def test_allow_list_per_file_from_config(tmp_path: Path):
    (tmp_path / ".reportlint.yaml").write_text(
        "allow: ['三、乙']\nper-file:\n  - files: ['b.txt']\n    allow: ['五、丙']\n", encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("".join(SKIPS), encoding="utf-8")
    proc = run_cli("check", "--select", "WR101", "a.txt", "b.txt", cwd=tmp_path)
    lines = [line.split(": ")[0] for line in proc.stdout.splitlines() if "WR101" in line]
    assert lines == ["a.txt:3:1", "a.txt:4:1", "b.txt:4:1"]
    config = load_config(str(tmp_path / ".reportlint.yaml"))
    assert lint_text("".join(SKIPS), str(tmp_path / "b.txt"), config=config, select=("WR101",)).diagnostics


def test_suppression_through_the_cli(tmp_path: Path):
    (tmp_path / "r.md").write_text(_md(SKIPS[0], "<!-- reportlint-disable-next-line WR101 -->\n", SKIPS[1]),
                                   encoding="utf-8")
    proc = run_cli("check", "--select", "WR101", "r.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
