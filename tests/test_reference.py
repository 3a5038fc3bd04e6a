"""The README's rule table, docs/user-packs.md's kind reference and `explain`'s options are made
from the packs and the kinds' option classes (lint/cli/reference.py), and kept current."""
from __future__ import annotations

import shutil

from conftest import ROOT, run_cli

from lint.cli import reference
from lint.config.loader import all_rules
from lint.kinds import KINDS, load_kind


def test_the_generated_parts_are_current():
    assert reference.stale() == [], "a generated part is stale: run python -m lint.cli.reference and commit"


def test_a_stale_part_is_found_and_rewritten(tmp_path):
    for relative in reference.PARTS:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / relative, tmp_path / relative)
    readme = tmp_path / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace("| WR101 | heading-sequence |", "| WR101 | old-name |"),
                      encoding="utf-8")
    assert reference.stale(str(tmp_path)) == ["README.md"]
    assert reference.stale(str(tmp_path), write=True) == ["README.md"] and reference.stale(str(tmp_path)) == []
    assert readme.read_text(encoding="utf-8") == (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_rule_table_has_every_built_in_rule_with_its_reports_and_fix():
    table = reference.rule_table()
    for rule in all_rules():
        row = next(line for line in table.splitlines() if line.startswith(f"| {rule.code} |"))
        assert f"| {rule.name} | {rule.pack} |" in row and rule.text("summary", "en") in row
        formal = {"summary", "briefing", "debrief", "plan", "monthly", "government", "unknown"}
        reports = "formal" if set(rule.documents) == formal else ", ".join(rule.documents) or "all"
        assert f"| {reports} |" in row and f"| {rule.norm} |" in row
    assert "| WR105 | heading-marker-style |" in table and table.split("| WR105 |")[1].split("\n")[0].endswith("| safe |")
    assert table.split("| WR101 |")[1].split("\n")[0].endswith("| unsafe |")


def test_the_kind_reference_shows_every_kind_and_option():
    text = (ROOT / "docs" / "user-packs.md").read_text(encoding="utf-8")
    for kind in KINDS:
        section = text.split(f"### `{kind}`\n", 1)[1].split("\n### ", 1)[0]
        for name in load_kind(kind)[1]._fields:
            assert f"| `{name}` |" in section, (kind, name)
    assert "| `sketch_size` | integer | `8` | rarest 3-grams kept per unit |" in text
    assert "Each `Section`:" in text and "| `wordings` | list of text | required |" in text


def test_explain_lists_the_options_and_the_reports_a_rule_applies_to():
    near = run_cli("explain", "WR402")
    assert near.returncode == 0 and "选项（种类 near-duplicate" in near.stdout
    assert "  threshold: 90.0    # the similarity" in near.stdout
    style = run_cli("explain", "WR105", "--lang", "en").stdout
    assert "Kind heading-marker-style, no options" in style and "Applies to: summary, briefing" in style
