"""Run the enabled rules over a Document and turn their findings into sorted Diagnostics."""
from __future__ import annotations

from operator import attrgetter

from .config import RuleSet
from .diagnostics import Diagnostic, make_diagnostic
from .kinds import load_kind
from .model import Document
from .packs import Rule

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without importing typing (3 ms of a one-file run)
if TYPE_CHECKING:
    from typing import Callable

_ORDER = attrgetter("start", "code", "end")


def run(doc: Document, ruleset: RuleSet, lang: str = "zh") -> list[Diagnostic]:
    """Every finding of every rule in `ruleset`, sorted by position then code."""
    out: list[Diagnostic] = []
    for rule in ruleset.rules:
        check, _ = load_kind(rule.kind)
        message = messages(rule, lang)
        code, name, severity = rule.code, rule.name, rule.severity
        out += [make_diagnostic((code, name, severity, message(f.variant, f.args), f.start, f.end, f.fix, f.related))
                for f in check(doc, rule.options)]
    from .suppressions import apply_allow, apply_suppressions

    out = apply_allow(doc.text, out, ruleset.allow)
    out = apply_suppressions(doc, out)
    out.sort(key=_ORDER)
    return out


def messages(rule: Rule, lang: str) -> Callable[[str, dict], str]:
    """The rule's message formatter for `lang`, remembering each message it has built.

    Findings of one rule repeat few distinct messages (every "," → "，" reads the same), and
    formatting a template costs more than looking its arguments up. What is built is kept for
    the next file: every file under the same settings is checked by the same Rule objects.
    """
    built = _built(rule, lang)

    def message(variant: str, args: dict) -> str:
        try:
            key = (variant, *args.items())
            found = built.get(key)
        except TypeError:       # an unhashable argument: format it every time
            return rule.format_message(lang, variant, args)
        if found is None:
            found = built[key] = rule.format_message(lang, variant, args)
        return found

    return message


_BUILT: dict[tuple[int, str], tuple[Rule, dict]] = {}
_MAX_RULES, _MAX_MESSAGES = 256, 10_000   # bounds for a long-lived process (the language server)


def _built(rule: Rule, lang: str) -> dict:
    """The messages built so far for `rule` in `lang`, by (variant, *args)."""
    kept = _BUILT.get((id(rule), lang))
    if kept is None or kept[0] is not rule:   # (holding the rule keeps its id from being reused)
        if len(_BUILT) >= _MAX_RULES:
            _BUILT.clear()
        kept = _BUILT[id(rule), lang] = (rule, {})
    if len(kept[1]) >= _MAX_MESSAGES:   # a message quoting the text can take endless values
        kept[1].clear()
    return kept[1]
