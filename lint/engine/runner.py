"""Run the enabled rules over a Document and turn their findings into sorted Diagnostics."""
from __future__ import annotations

from itertools import repeat
from operator import attrgetter, itemgetter

from ..config.loader import RuleSet
from ..document.model import Document
from ..kinds import run_kind
from ..kinds.findings import Finding
from ..packs.loader import Rule
from .diagnostics import Diagnostic, make_diagnostic

_ORDER = attrgetter("start", "code", "end")
# A Finding's fields, read a column at a time (an item getter is the faster read).
_START, _END, _FIX, _RELATED = (itemgetter(Finding._fields.index(name)) for name in ("start", "end", "fix", "related"))


def run(doc: Document, ruleset: RuleSet, lang: str = "zh") -> list[Diagnostic]:
    """Every finding of every rule in `ruleset`, sorted by position then code.

    A rule's findings become Diagnostics a column at a time (the messages, then every field zipped
    in by C), with no Python call per finding: a large corpus has 100,000 of them.
    """
    out: list[Diagnostic] = []
    for rule in ruleset.rules:
        if rule.documents and (doc.genre or "unknown") not in rule.documents:
            continue    # a rule for other kinds of report (documents: in its pack)
        findings = list(run_kind(rule.kind, doc, rule.options, rule.prepared))
        if findings:
            out += map(make_diagnostic, zip(
                repeat(rule.code), repeat(rule.name), repeat(rule.severity), messages(rule, lang, findings),
                map(_START, findings), map(_END, findings), map(_FIX, findings), map(_RELATED, findings)))
    from .suppressions import apply_allow, apply_suppressions

    out = apply_allow(doc.text, out, ruleset.allow)
    out = apply_suppressions(doc, out)
    out.sort(key=_ORDER)
    return out


def messages(rule: Rule, lang: str, findings: list[Finding]) -> list[str]:
    """The message of each of `findings` of `rule` in `lang`, remembering each message built.

    Findings of one rule repeat few distinct messages (every "," → "，" reads the same), and
    formatting a template costs more than looking its arguments up. What is built is kept for
    the next file: every file under the same settings is checked by the same Rule objects.
    """
    built = _built(rule, lang)
    try:
        return [built[(f.variant, *f.args.items())] for f in findings]
    except TypeError:       # an unhashable argument: format every message
        return [rule.format_message(lang, f.variant, f.args) for f in findings]


class _Messages(dict):
    """Messages of one rule in one language by (variant, *args.items()), built when first asked for."""

    __slots__ = ("rule", "lang")

    def __init__(self, rule: Rule, lang: str):
        super().__init__()
        self.rule, self.lang = rule, lang

    def __missing__(self, key: tuple) -> str:
        variant, *items = key
        built = self[key] = self.rule.format_message(self.lang, variant, dict(items))
        return built


_BUILT: dict[tuple[int, str], _Messages] = {}
_MAX_RULES, _MAX_MESSAGES = 256, 10_000   # bounds for a long-lived process (the language server)


def _built(rule: Rule, lang: str) -> _Messages:
    """The messages built so far for `rule` in `lang`."""
    kept = _BUILT.get((id(rule), lang))
    if kept is None or kept.rule is not rule:   # (holding the rule keeps its id from being reused)
        if len(_BUILT) >= _MAX_RULES:
            _BUILT.clear()
        kept = _BUILT[id(rule), lang] = _Messages(rule, lang)
    if len(kept) >= _MAX_MESSAGES:   # a message quoting the text can take endless values
        kept.clear()
    return kept
