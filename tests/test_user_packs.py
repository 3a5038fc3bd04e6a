"""A user's own rule pack, written only in YAML and named in .reportlint.yaml, end to end through the CLI."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

DOC = ROOT / "docs" / "user-packs.md"
REPORT = "一、主要工作\n县卫健局高度重视安全生产，狠抓落实。\n二、存在的问题\n人员不足。\n三、下一步工作计划\n加强建设。\n"


def _doc_files() -> dict[str, str]:
    """The YAML files shown in docs/user-packs.md, keyed by the path in their first comment line."""
    blocks = re.findall(r"```yaml\n# (\S+)\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return dict(blocks)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with the documented pack and config, and one report."""
    for name, body in _doc_files().items():   # saved whole, first comment line included, as a reader would
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"# {name}\n{body}", encoding="utf-8")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "2024总结.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def _diagnostics(proc) -> list[tuple[str, int, int, str]]:
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    return [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"], d["severity"])
            for f in report["files"] for d in f["diagnostics"]]


def test_documented_files_are_the_pack_and_the_config():
    assert set(_doc_files()) == {"packs/our-unit.yaml", ".reportlint.yaml", "packs/our-terms.yaml"}


def test_the_documented_term_list_runs_and_fixes_as_described(project: Path):
    """Section 6: the terms pack added to the config's packs (RE2, as every user pack)."""
    config = project / ".reportlint.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "packs/our-unit.yaml]", "packs/our-unit.yaml, packs/our-terms.yaml]"), encoding="utf-8")
    line = "下步工作要抓好落实，走访贫困户20户、原建档立卡贫困户5户，上线政务App。\n"
    (project / "reports" / "2024总结.txt").write_text(line, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--select", "ORG301", "reports", cwd=project)
    found = [(line[d["range"]["start"]["character"]:d["range"]["end"]["character"]], d["fix"]["safe"])
             for f in json.loads(proc.stdout)["files"] for d in f["diagnostics"]]
    assert found == [("下步工作", True), ("贫困户", False), ("App", True)]
    run_cli("check", "--fix", "--select", "ORG301", "reports", cwd=project)
    assert (project / "reports" / "2024总结.txt").read_text(encoding="utf-8") == (
        "下一步工作要抓好落实，走访贫困户20户、原建档立卡贫困户5户，上线政务客户端。\n")
    assert run_cli("check-packs", "packs/our-terms.yaml", cwd=project).returncode == 0


def test_pattern_and_substitution_rules_run_from_the_config(project: Path):
    got = _diagnostics(run_cli("check", "--format", "json", "reports", cwd=project))
    assert got == [("ORG201", 0, 0, "error"), ("ORG102", 1, 0, "warning"),
                   ("ORG101", 1, 4, "warning"), ("ORG101", 1, 13, "warning")]


def test_substitution_fix_rewrites_the_file(project: Path):
    proc = run_cli("check", "--fix", "reports", cwd=project)
    assert proc.returncode == 1, proc.stderr   # ORG101 and ORG201 remain
    text = (project / "reports" / "2024总结.txt").read_text(encoding="utf-8")
    assert text == REPORT.replace("县卫健局", "县卫生健康局")
    again = run_cli("check", "--fix", "reports", cwd=project)
    assert (project / "reports" / "2024总结.txt").read_text(encoding="utf-8") == text, again.stderr


def test_per_file_skip_packs_and_rule_off(project: Path):
    (project / "reports" / "2025计划.txt").write_text("一、主要工作\n全年完成各项任务,确保安全生产。\n",
                                                     encoding="utf-8")
    got = _diagnostics(run_cli("check", "--format", "json", "reports/2025计划.txt", cwd=project))
    assert got == [("ORG201", 0, 0, "error")]   # no WR201 (work-report skipped), no WR501 (off)


def test_exceptions_and_scope(project: Path):
    text = "一、高度重视安全生产\n我局高度重视并解决群众诉求。\n二、存在的问题\n无。\n三、下一步工作计划\n无。\n"
    (project / "reports" / "2024总结.txt").write_text(text, encoding="utf-8")
    got = _diagnostics(run_cli("check", "--format", "json", "--select", "ORG101", "reports", cwd=project))
    assert got == []   # the title is outside scope: body; 高度重视并解决 is an exception


def _rules(yaml_rules: str, text: str, trusted: bool = False) -> list[tuple[str, str, str | None]]:
    """Run a pack given as YAML text over `text`: (code, matched text, replacement) per finding."""
    from lint.kinds import run_kind
    from lint.document.builder import build_document
    from lint.packs.loader import parse_pack

    pack = parse_pack("pack: t\nrules:\n" + yaml_rules, "t.yaml", trusted)
    doc = build_document(text)
    out = []
    for rule in pack.rules:
        for f in run_kind(rule.kind, doc, rule.options, rule.prepared):
            out.append((rule.code, text[f.start:f.end], f.fix.edits[0].new_text if f.fix else None))
    return out


RULE = "  - code: TT{n}0\n    name: t{n}\n    kind: {kind}\n    severity: info\n    summary: s\n    message: m\n"


@pytest.mark.parametrize("trusted", [False, True])
def test_group_scope_and_templates_in_either_engine(trusted: bool):
    text = "一、关于县卫健局的工作\n县卫健局牵头。合同金额：100万元。\n"
    rules = (RULE.format(n=1, kind="pattern") + "    options: {patterns: ['(?P<u>县.{2})局'], group: u, scope: titles}\n"
             + RULE.format(n=2, kind="substitution")
             + "    options: {pattern: '金额：(\\d+)万元', replacement: '金额\\1万元', safe: false}\n"
             + RULE.format(n=3, kind="pattern") + "    options: {words: [卫健局], ignore_case: true, scope: body}\n")
    assert _rules(rules, text, trusted) == [("TT10", "县卫健", None), ("TT20", "金额：100万元", "金额100万元"),
                                            ("TT30", "卫健局", None)]


def test_user_patterns_name_chinese_characters_with_han_class():
    rules = RULE.format(n=1, kind="pattern") + "    options: {patterns: ['县\\p{Han}{2}局']}\n"
    assert _rules(rules, "县卫健局牵头。\n") == [("TT10", "县卫健局", None)]


def _pack(tmp_path: Path, options: str, kind: str = "pattern") -> Path:
    (tmp_path / ".reportlint.yaml").write_text("packs: [mine.yaml]\n", encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(
        "pack: mine\nrules:\n  - code: ORG301\n    name: probe\n"
        f"    kind: {kind}\n    severity: error\n    summary: s\n    message: '{{match}}'\n"
        f"    options:\n{options}", encoding="utf-8")
    return tmp_path


def test_catastrophic_pattern_in_a_user_pack_is_linear(tmp_path: Path):
    project = _pack(tmp_path, "      patterns: ['(a+)+$']\n")
    (project / "no.txt").write_text("a" * 100_000 + "b\n", encoding="utf-8")
    (project / "yes.txt").write_text("a" * 100_000 + "\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", "no.txt", "yes.txt", cwd=project)
    report = json.loads(proc.stdout)
    by_file = {f["path"]: f["diagnostics"] for f in report["files"]}
    assert by_file["no.txt"] == []
    [hit] = by_file["yes.txt"]
    assert hit["range"]["start"]["character"] == 0 and hit["range"]["end"]["character"] == 100_000


@pytest.mark.parametrize("options,line,needle", [
    ("      patterns: ['ok', '(unclosed']\n", 10, "无效的正则表达式"),
    ("      patterns:\n        - ok\n        - '(?<=县)卫健局'\n", 12, "RE2"),
    ("      patterns: ['ok']\n      scop: body\n", 11, "unknown key"),
    ("      patterns: ['ok']\n      exceptions: ['a(b']\n", 11, "无效的正则表达式"),
    ("      patterns: ['(o)k']\n      group: 3\n", 11, "分组"),
    ("      patterns: ['(o)k']\n      group: name\n", 11, "分组"),
])
def test_malformed_user_pack_exits_2_naming_file_and_line(tmp_path: Path, options: str, line: int, needle: str):
    project = _pack(tmp_path, options)
    (project / "a.txt").write_text("正文。\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=project)
    assert proc.returncode == 2
    assert f"mine.yaml:{line}" in proc.stderr and needle in proc.stderr, proc.stderr


def test_substitution_template_must_name_real_groups(tmp_path: Path):
    project = _pack(tmp_path, "      pattern: '(a)b'\n      replacement: '\\2'\n", kind="substitution")
    (project / "a.txt").write_text("ab\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=project)
    assert proc.returncode == 2 and "mine.yaml:11" in proc.stderr, proc.stderr


def test_bad_yaml_in_a_pack_exits_2_with_line(tmp_path: Path):
    project = _pack(tmp_path, "      patterns: [ok\n      scope: body\n")
    (project / "a.txt").write_text("正文。\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=project)
    assert proc.returncode == 2 and re.search(r"mine\.yaml:1[01]", proc.stderr), proc.stderr


def test_missing_pack_file_exits_2(tmp_path: Path):
    (tmp_path / ".reportlint.yaml").write_text("packs: [nowhere.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "nowhere.yaml" in proc.stderr


def _doc_block_after(words: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    return re.search(r"```\n(.*?)```", text[text.index(words):], re.S).group(1)


def test_check_packs_output_is_as_documented(project: Path):
    shown = _doc_block_after("checks every pack the config names")
    command, output = shown.split("\n", 1)
    proc = run_cli(*command.removeprefix("$ reportlint ").split(), cwd=project)
    assert proc.returncode == 0 and proc.stdout == output, proc.stderr


def test_a_fail_example_that_does_not_fire_is_reported_as_documented(project: Path):
    pack = project / "packs" / "our-unit.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("words: [高度重视, ", "words: ["), encoding="utf-8")
    proc = run_cli("check-packs", "packs/our-unit.yaml", cwd=project)
    assert proc.returncode == 1
    assert proc.stderr == _doc_block_after("An example that disagrees is an error")
