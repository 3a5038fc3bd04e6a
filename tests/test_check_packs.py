"""`reportlint check-packs`: a pack's own examples run against its rules (issue #18, item 6)."""
from __future__ import annotations

from conftest import ROOT, run_cli

PACK = (ROOT / "tests" / "data" / "ours.yaml").read_text(encoding="utf-8")


def test_the_built_in_packs_examples_all_agree():
    proc = run_cli("check-packs", cwd=ROOT)
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout.startswith("检查 8 个规则包、25 条规则的 ") and proc.stdout.endswith("个示例：全部与规则相符\n")


def test_an_example_that_disagrees_is_an_error_naming_file_and_line(tmp_path):
    (tmp_path / "ours.yaml").write_text(PACK, encoding="utf-8")
    proc = run_cli("check-packs", "ours.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "reportlint: ours.yaml:13: ORGA101: 错误示例（fail）没有触发这条规则：“我局非常重视安全生产。”",
        "reportlint: ours.yaml:14: ORGA101: 正确示例（pass）触发了这条规则（避免“高度重视”）：“我局高度重视安全生产。”"]
    assert proc.stdout == "检查 1 个规则包、2 条规则的 3 个示例：2 个与规则不符；1 条规则没有示例\n"
    en = run_cli("check-packs", "--lang", "en", "ours.yaml", cwd=tmp_path)
    assert en.stdout == "1 pack(s), 2 rule(s), 3 example(s): 2 disagree with their rule; 1 rule(s) have no examples\n"


def test_without_arguments_the_configs_packs_are_checked(tmp_path):
    (tmp_path / "ours.yaml").write_text(PACK.replace("非常重视", "高度重视").replace(', "我局高度重视安全生产。"', ""),
                                        encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("packs: [structure, ours.yaml]\n", encoding="utf-8")
    proc = run_cli("check-packs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("检查 2 个规则包、9 条规则的 ") and "全部与规则相符；1 条规则没有示例" in proc.stdout


def test_a_pack_that_cannot_be_read_exits_2(tmp_path):
    missing = run_cli("check-packs", "structur", cwd=tmp_path)
    assert missing.returncode == 2 and missing.stderr.startswith("reportlint: structur: 找不到规则包（内置规则包：")
    assert missing.stderr.rstrip().endswith("（是否想写 structure？）")
    (tmp_path / "bad.yaml").write_text("pack: x\nrules:\n  - {code: ORG1O1}\n", encoding="utf-8")
    broken = run_cli("check-packs", "bad.yaml", cwd=tmp_path)
    assert broken.returncode == 2 and broken.stderr.startswith("reportlint: bad.yaml:3: ")
