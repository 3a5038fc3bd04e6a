"""A kind to copy: each of a list of words in the prose, with an optional fix deleting it.

Not registered: copy this file to lint/kinds/<your kind>.py, rename the options and the check,
and register it in KINDS (lint/kinds/__init__.py). docs/adding-a-rule.md ("A new kind") goes on
from there: a rule of the kind in a pack, its fixtures, the docs. tests/test_kinds.py runs this
file as a kind, so what it shows works.
"""
from __future__ import annotations

from ..document.model import Document
from ..support.hints import Any, Iterator
from .findings import Finding, make_edit, make_finding, make_fix
from .options import kind_options
from .patterns import PatternError, compile_regex, words_regex


@kind_options
class TemplateOptions:
    """`words`: literal strings to report in the prose; `fix`: offer deleting each (unsafe)."""

    words: tuple[str, ...] = ()
    fix: bool = False

    def prepare(self, trusted: bool) -> Any:
        """One regex of all the words, compiled once per rule (RE2 for a user's pack)."""
        if not self.words:
            raise PatternError("至少需要一个 words", ("words",))
        return compile_regex(words_regex(self.words), trusted)


def check_template(doc: Document, options: TemplateOptions, words: Any) -> Iterator[Finding]:
    """Each word in a paragraph, outside heading markers and Markdown syntax; a rule's message
    can quote it as {word}."""
    skip = doc.not_prose
    for start, end in doc.paragraphs:
        for m in words.finditer(doc.text, start, end):
            if m.start() in skip:
                continue
            fix = None
            if options.fix:
                fix = make_fix(edits=(make_edit(start=m.start(), end=m.end(), new_text=""),), safe=False)
            yield make_finding(start=m.start(), end=m.end(), args={"word": m.group()}, fix=fix)
