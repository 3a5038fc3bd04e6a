"""Property tests of --fix: stable in a few rounds, idempotent, and never touching text outside its edits."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prop_strategies import clean_text, report_text

from lint.api import lint_text
from lint.config.loader import Config
from lint.output.fixes import MAX_ROUNDS, fix_text, merge_edits

CONFIG = Config()
FIXES = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def lint(text: str, path: str):
    return lint_text(text, path, config=CONFIG).diagnostics


def fix(text: str, path: str) -> str:
    """What `check --fix` writes: safe fixes applied and re-linted until nothing changes."""
    for _ in range(MAX_ROUNDS):
        fixed = fix_text(text, lint(text, path))
        if fixed == text:
            break
        text = fixed
    return text


def _pending(text: str, path: str) -> list:
    """Safe fixes that would still change the text."""
    return [d for d in lint(text, path) if d.fix and d.fix.safe
            and any(text[e.start:e.end] != e.new_text for e in d.fix.edits)]


@FIXES
@given(st.one_of(clean_text, report_text), st.sampled_from(["r.txt", "r.md"]))
def test_fix_is_idempotent_and_leaves_no_safe_fix(text, path):
    once = fix(text, path)
    assert fix(once, path) == once
    assert _pending(once, path) == []


@FIXES
@given(st.one_of(clean_text, report_text), st.sampled_from(["r.txt", "r.md"]),
       st.sampled_from(["utf-8", "gb18030", "utf-16-le"]))
def test_fixes_change_no_byte_outside_their_edits(text, path, encoding):
    diagnostics = lint_text(text, path, config=CONFIG).diagnostics
    for unsafe in (False, True):
        edits = merge_edits(diagnostics, unsafe)
        fixed = fix_text(text, diagnostics, unsafe)
        # Rebuild the fixed text from untouched slices and the edits; compare encoded bytes.
        pieces, last = [], 0
        for e in edits:
            pieces += [text[last:e.start].encode(encoding, "surrogatepass"), e.new_text.encode(encoding)]
            last = e.end
        pieces.append(text[last:].encode(encoding, "surrogatepass"))
        assert fixed.encode(encoding, "surrogatepass") == b"".join(pieces)
        assert all(a.end <= b.start for a, b in zip(edits, edits[1:]))
