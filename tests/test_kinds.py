"""How kinds are written: options declared one way, findings built by name, the compiled loops
reached through one seam, and the template kind (lint/kinds/template.py) working as a kind."""
from __future__ import annotations

import ast
import inspect

import pytest

from conftest import ROOT
from lint.kinds import KINDS, load_kind

KINDS_DIR = ROOT / "lint" / "kinds"
BUILDERS = {"make_finding", "make_fix", "make_edit", "make_related", "Finding", "Fix", "Edit", "Related"}


def _kind_modules():
    return sorted(KINDS_DIR.rglob("*.py"))


def test_findings_fixes_and_edits_are_built_by_name():
    for path in _kind_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in BUILDERS:
                assert not node.args, f"{path.relative_to(ROOT)}:{node.lineno}: {node.func.id} with positional arguments"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_declares_its_options_one_way(kind):
    """@kind_options: a record refusing unknown keys; a check takes what prepare() returns, if any."""
    check, options_cls = load_kind(kind)
    assert options_cls.__pydantic_config__ == {"extra": "forbid"} and hasattr(options_cls, "_fields")
    assert issubclass(options_cls, tuple) and options_cls.__dictoffset__ == 0   # no __dict__ for derived state
    parameters = list(inspect.signature(check).parameters)
    assert len(parameters) == (3 if hasattr(options_cls, "prepare") else 2), (kind, parameters)


def test_only_the_seam_reaches_the_compiled_module():
    for path in _kind_modules():
        if path.name == "loops.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "import _compiled" not in text and "loops.compiled" not in text, path


TEMPLATE_PACK = """pack: t
rules:
  - code: TT101
    name: empty-word
    kind: template
    severity: warning
    summary: 空话
    message: 避免使用“{word}”
    options: {words: [高度重视, 重视], fix: true}
"""


@pytest.fixture
def template_kind(monkeypatch):
    monkeypatch.setitem(KINDS, "template", ("template", "check_template", "TemplateOptions"))


@pytest.mark.parametrize("trusted", [True, False])
def test_the_template_kind_works_as_a_kind(template_kind, trusted):
    from lint.document.builder import build_document
    from lint.kinds import run_kind
    from lint.packs.loader import parse_pack

    rule = parse_pack(TEMPLATE_PACK, "t.yaml", trusted).rules[0]
    text = "一、高度重视安全\n我局高度重视安全生产，重视落实。\n"
    found = list(run_kind(rule.kind, build_document(text), rule.options, rule.prepared))
    # The title's word too (a title is prose); the longer word wins where both match.
    assert [(text[f.start:f.end], f.args["word"]) for f in found] == [
        ("高度重视", "高度重视"), ("高度重视", "高度重视"), ("重视", "重视")]
    assert all(f.fix.edits[0].new_text == "" and not f.fix.safe for f in found)


def test_the_template_kind_names_a_bad_option(template_kind):
    from lint.packs.loader import parse_pack
    from lint.support.errors import ConfigError

    with pytest.raises(ConfigError, match=r"t.yaml:9: 至少需要一个 words"):
        parse_pack(TEMPLATE_PACK.replace("[高度重视, 重视]", "[]"), "t.yaml")
    with pytest.raises(ConfigError, match=r"rules.0.options.word: unknown key"):
        parse_pack(TEMPLATE_PACK.replace("{words:", "{word:"), "t.yaml")
