"""Doubled punctuation (WR504): two marks where one belongs (，， 。。 ，。), after GB/T 15834-2011.

A run of one mark repeated is fixed to one mark, safely; a run of different marks keeps the
strongest (or its ？！), which is a guess, so that fix is unsafe. ？ and ！ may be doubled for
emphasis (GB/T 15834-2011 4.2, 4.3), and three 。 or more stand in for an ellipsis: neither is
this rule's.
"""
from __future__ import annotations

import re

from .findings import Finding, make_edit, make_finding, make_fix
from .patterns import compile_regex, quote
from ..document.model import Document
from ..support.records import record

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without importing typing (3 ms of a one-file run)
if TYPE_CHECKING:
    from typing import Iterator


@record
class _DoubledSettings:
    """DoubledOptions as a pack writes them."""

    __pydantic_config__ = {"extra": "forbid"}  # read by pydantic at validation only

    marks: str = "？！。；：，、"   # the marks read, strongest first: a mixed run keeps its strongest
    repeatable: str = "？！"       # marks that may be doubled (for emphasis): a run of only these is fine
    ellipsis: str = "。"           # three or more of it in a run stand for an ellipsis: left alone


class DoubledOptions(_DoubledSettings):
    """Runs of two or more of `marks`."""

    finder = None    # derived by prepare: runs of two marks or more

    def prepare(self, trusted: bool) -> None:
        """One regex for a run of two marks or more."""
        if not self.marks:
            raise ValueError("marks 不能为空")
        marks = "[" + re.escape(self.marks) + "]"
        self.finder = compile_regex(f"{marks}{marks}+", trusted)


def check_doubled(doc: Document, options: DoubledOptions) -> Iterator[Finding]:
    """Each run of marks that should be one, with the mark it should be. Runs are rare: the whole
    text is searched in one call, and the few found are then placed (prose lines only)."""
    text, blocks, skip = doc.text, doc.block_spans, doc.not_prose
    ellipsis = options.ellipsis * 3 if options.ellipsis else None
    for m in options.finder.finditer(text):
        s, e = m.span()
        run = text[s:e]
        if not run.strip(options.repeatable) or (ellipsis and ellipsis in run):
            continue
        if blocks.holding(s, e) < 0 or skip.overlaps(s, e):
            continue
        one = len(set(run)) == 1
        new = run[0] if one else _kept(run, options)
        fix = make_fix(((make_edit((s, e, new)),), one))
        yield make_finding((s, e, {"match": quote(run), "replacement": new}, "", fix, ()))


def _kept(run: str, options: DoubledOptions) -> str:
    """What a mixed run becomes: its ？ and ！ as written, else its strongest mark."""
    emphatic = "".join(c for c in run if c in options.repeatable)
    return emphatic or min(run, key=options.marks.index)
