"""`reportlint rules` by code (text and JSON), `config` in aligned columns, `explain` that says when
a rule has no explanation (issue #18, item 7)."""
from __future__ import annotations

import json

from conftest import ROOT, run_cli

PACK = (ROOT / "tests" / "data" / "ours.yaml").read_text(encoding="utf-8")   # ORGA101, ORG99


def _project(tmp_path):
    (tmp_path / "ours.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text(
        "packs: [structure, work-report, placeholders, typography, duplicates, figures, ours.yaml]\n", encoding="utf-8")
    return tmp_path


def test_rules_are_listed_by_code_in_aligned_columns(tmp_path):
    proc = run_cli("rules", cwd=_project(tmp_path))
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    codes = [line.split()[0] for line in lines]
    assert codes[:2] == ["ORG99", "ORGA101"] and codes[2:5] == ["WR101", "WR102", "WR103"] and codes[-1] == "WR602"
    from lint.config.loader import all_rules

    listed = {"structure", "work-report", "placeholders", "typography", "duplicates", "figures"}
    assert len(codes) == 2 + sum(rule.pack in listed for rule in all_rules())
    name_columns = {line.index(line.split()[1]) for line in lines}
    assert name_columns == {9}, proc.stdout   # the longest code, ORGA101, and two spaces
    rows = json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)
    assert [r["code"] for r in rows] == codes
    assert rows[0] == {"code": "ORG99", "name": "unit-name", "pack": "ours", "kind": "pattern",
                       "severity": "info", "enabled": True, "summary": "单位名称用全称", "norm": ""}


def test_config_aligns_codes_of_any_length(tmp_path):
    proc = run_cli("config", cwd=_project(tmp_path))
    assert proc.returncode == 0
    rows = [line for line in proc.stdout.splitlines() if not line.startswith("#")]
    assert rows[0].startswith("ORG99    unit-name") and rows[1].startswith("ORGA101  empty-phrase")
    assert len({row.index(row.split()[2]) for row in rows}) == 1, proc.stdout   # severities in one column


def test_explain_says_when_a_rule_has_no_explanation(tmp_path):
    proc = run_cli("explain", "orga101", cwd=_project(tmp_path))
    assert proc.returncode == 0
    assert proc.stdout.splitlines()[:4] == ["ORGA101 empty-phrase  [warning]  (规则包 ours)", "空话套话", "",
                                            "（这条规则没有写说明：它的规则包里没有 explain。）"]
    assert "\n\n\n" not in proc.stdout
    en = run_cli("explain", "ORGA101", "--lang", "en", cwd=tmp_path)
    assert "(This rule has no explanation: its pack gives it no explain text.)" in en.stdout


def test_rules_and_explain_name_the_norm_a_rule_follows():
    rules = run_cli("rules").stdout.splitlines()
    assert next(line for line in rules if line.startswith("WR110")).endswith("（GB/T 15834-2011 附录B.3）")
    assert next(line for line in rules if line.startswith("WR107")).endswith("倒退")   # no norm: nothing added
    assert "依据：GB/T 15834-2011 附录B.3" in run_cli("explain", "WR110").stdout.splitlines()
    assert "Norm: GB/T 15835-2011 5.1.1" in run_cli("explain", "WR701", "--lang", "en").stdout.splitlines()
