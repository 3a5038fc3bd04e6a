"""Rule packs: malformed packs are config errors naming the file, line and key."""
from __future__ import annotations

import pytest

from conftest import run_cli

from lint.support.errors import ConfigError
from lint.packs.loader import load_pack

GOOD_RULE = """\
pack: mine
rules:
  - code: ORG101
    name: banned-word
    kind: heading-start
    severity: warning
    summary: 示例
    message: 示例
"""


def write(tmp_path, text):
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_user_pack_loads(tmp_path):
    pack = load_pack(write(tmp_path, GOOD_RULE))
    assert [r.code for r in pack.rules] == ["ORG101"] and not pack.rules[0].trusted


@pytest.mark.parametrize("text,line,fragment", [
    (GOOD_RULE + "    colour: red\n", 9, "unknown key"),
    (GOOD_RULE.replace("severity: warning", "severity: fatal"), 6, "severity"),
    (GOOD_RULE.replace("kind: heading-start", "kind: no-such-kind"), 5, "unknown kind"),
    (GOOD_RULE.replace("code: ORG101", "code: org-1"), 3, "code"),
    (GOOD_RULE + "  - code: ORG101\n    name: other\n    kind: heading-start\n    severity: info\n"
                 "    summary: s\n    message: m\n", 9, "重复"),
    (GOOD_RULE + "    options: {start: many}\n", 9, "start"),
    # options are validated as the dataclasses they mirror: a section is a mapping, not a list
    (GOOD_RULE.replace("kind: heading-start", "kind: required-sections")
     + "    options:\n      sections:\n        - [总结, [总结]]\n", 11,
     "options.sections.0: Input should be a dictionary or an instance of Section"),
    ("pack: mine\nrules: [\n", 3, "YAML"),
    ("pack: x\nrules:\n  - !!python/object:os.system {}\n", 3, "YAML"),
])
def test_malformed_packs_name_file_and_line(tmp_path, text, line, fragment):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_pack(path)
    assert err.value.path == str(path) and err.value.line == line, str(err.value)
    assert fragment in str(err.value)


def test_malformed_pack_through_the_cli_exits_2(tmp_path):
    write(tmp_path, GOOD_RULE + "    colour: red\n")
    (tmp_path / ".reportlint.yaml").write_text("packs: [structure, pack.yaml]\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("一、甲\n", encoding="utf-8")
    proc = run_cli("check", str(tmp_path / "r.txt"))
    assert proc.returncode == 2
    assert f"{tmp_path / 'pack.yaml'}:9" in proc.stderr and "unknown key" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_user_pack_rule_runs_from_config(tmp_path):
    write(tmp_path, GOOD_RULE)
    (tmp_path / ".reportlint.yaml").write_text("packs: [pack.yaml]\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("二、甲\n", encoding="utf-8")
    proc = run_cli("check", str(tmp_path / "r.txt"))
    assert proc.returncode == 1 and "ORG101 [warning]" in proc.stdout
