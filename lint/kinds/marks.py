"""Doubled punctuation (WR504): two marks where one belongs (，， 。。 ，。), after GB/T 15834-2011.

A run of one mark repeated is fixed to one mark, safely; a run of different marks keeps the
strongest (or its ？！), which is a guess, so that fix is unsafe. ？ and ！ may be doubled for
emphasis (GB/T 15834-2011 4.2, 4.3), and three 。 or more stand in for an ellipsis: neither is
this rule's.
"""
from __future__ import annotations

import re

from ..document.model import Document
from ..support.hints import Any, Iterator
from .findings import Finding, make_edit, make_finding, make_fix
from .options import kind_options
from .patterns import PatternError, compile_regex, quote


@kind_options
class DoubledOptions:
    """Runs of two or more of `marks`."""

    marks: str = "？！。；：，、"   # the marks read, strongest first: a mixed run keeps its strongest
    repeatable: str = "？！"       # marks that may be doubled (for emphasis): a run of only these is fine
    ellipsis: str = "。"           # three or more of it in a run stand for an ellipsis: left alone

    def prepare(self, trusted: bool) -> Any:
        """One regex for a run of two marks or more."""
        if not self.marks:
            raise PatternError("marks 不能为空", ("marks",))
        marks = "[" + re.escape(self.marks) + "]"
        return compile_regex(f"{marks}{marks}+", trusted)


def check_doubled(doc: Document, options: DoubledOptions, finder: Any) -> Iterator[Finding]:
    """Each run of marks that should be one, with the mark it should be. Runs are rare: the whole
    text is searched in one call, and the few found are then placed (prose lines only)."""
    text, blocks, skip = doc.text, doc.block_spans, doc.not_prose
    ellipsis = options.ellipsis * 3 if options.ellipsis else None
    for m in finder.finditer(text):
        s, e = m.span()
        run = text[s:e]
        if not run.strip(options.repeatable) or (ellipsis and ellipsis in run):
            continue
        if blocks.holding(s, e) < 0 or skip.overlaps(s, e):
            continue
        one = len(set(run)) == 1
        new = run[0] if one else _kept(run, options)
        fix = make_fix(edits=(make_edit(start=s, end=e, new_text=new),), safe=one)
        yield make_finding(start=s, end=e, args={"match": quote(run), "replacement": new}, fix=fix)


def _kept(run: str, options: DoubledOptions) -> str:
    """What a mixed run becomes: its ？ and ！ as written, else its strongest mark."""
    emphatic = "".join(c for c in run if c in options.repeatable)
    return emphatic or min(run, key=options.marks.index)
