"""Run the enabled rules over a Document and turn their findings into sorted Diagnostics."""
from __future__ import annotations

from .config import RuleSet
from .diagnostics import Diagnostic
from .kinds import load_kind
from .model import Document


def run(doc: Document, ruleset: RuleSet, lang: str = "zh") -> list[Diagnostic]:
    """Every finding of every rule in `ruleset`, sorted by position then code."""
    out: list[Diagnostic] = []
    for rule in ruleset.rules:
        check, _ = load_kind(rule.kind)
        for f in check(doc, rule.options):
            message = rule.format_message(lang, f.variant, f.args)
            out.append(Diagnostic(rule.code, rule.name, rule.severity, message, f.start, f.end,
                                  f.fix, f.related))
    from .suppressions import apply_allow, apply_suppressions

    out = apply_allow(doc.text, out, ruleset.allow)
    out = apply_suppressions(doc, out)
    out.sort(key=lambda d: (d.start, d.code, d.end))
    return out
