"""Every rule's YAML examples: each `fail` example fires the rule, each `pass` example does not."""
from __future__ import annotations

import pytest

from lint.api import lint_text
from lint.config.loader import all_rules

RULES = all_rules()
CASES = [(r, kind, i, text) for r in RULES for kind in ("fail", "pass")
         for i, text in enumerate(r.examples.get(kind, []))]


def test_every_rule_has_examples_and_explain_text():
    for rule in RULES:
        assert rule.examples.get("fail") and rule.examples.get("pass"), rule.code
        assert rule.text("explain", "zh").strip() and rule.text("explain", "en").strip(), rule.code
        assert rule.text("message", "en"), rule.code


@pytest.mark.parametrize("rule,kind,i,text", CASES, ids=[f"{r.code}-{k}{i}" for r, k, i, _ in CASES])
def test_example(rule, kind, i, text):
    path = "example.md" if text.lstrip().startswith("#") else "example.txt"
    # A rule for some kinds of report runs its examples as the first of them (an example is a line,
    # not a whole report with a title that says its kind).
    report = lint_text(text, path, select=(rule.code,), report_kind=(rule.documents or (None,))[0])
    codes = [d.code for d in report.diagnostics]
    if kind == "fail":
        assert rule.code in codes, f"{rule.code} did not fire on its fail example {text!r}"
    else:
        assert rule.code not in codes, f"{rule.code} fired on its pass example {text!r}: {report.diagnostics}"
