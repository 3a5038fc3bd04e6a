"""Silencing findings: <!-- reportlint-disable … --> comments in Markdown, and the config's `allow` strings.

Markdown directives (codes, names or code prefixes, separated by spaces or commas; none means every rule):
  <!-- reportlint-disable WR301 -->  …  <!-- reportlint-enable WR301 -->   a region
  <!-- reportlint-disable-next-line WR301 -->                             the line below the comment
  <!-- reportlint-disable-line WR301 -->                                  the comment's own line
A `disable` never re-enabled covers the rest of the file and also the document-level findings
(a missing section, reported at 0:0). Plain text has no comments: the config's `allow` list of
exact strings silences a finding whose span lies inside an occurrence of one of them.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..config.loader import selects
from .diagnostics import Diagnostic
from ..document.model import Document
from ..support.records import record

_DIRECTIVE = re.compile(
    r"<!--[ \t]*reportlint-(disable-next-line|disable-line|disable|enable)(?![\w-])([^>]*?)[ \t]*-->")
_SEPARATORS = re.compile(r"[\s,，、]+")
ALL = "*"


@record
class Region:
    """Findings of `selector` starting in [start, end) are silenced; `whole` also covers 0:0 findings."""

    selector: str
    start: int
    end: int
    whole: bool = False


def apply_suppressions(doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Drop diagnostics silenced by reportlint comments in a Markdown document."""
    if doc.kind != "markdown" or not diagnostics:
        return diagnostics
    regions = directive_regions(doc)
    if not regions:
        return diagnostics
    return [d for d in diagnostics if not any(_covers(r, d) for r in regions)]


def directive_regions(doc: Document) -> list[Region]:
    """The regions that the document's reportlint comments silence, in document order."""
    text, index = doc.text, doc.index
    regions: list[Region] = []
    open_: dict[str, int] = {}
    found = (_DIRECTIVE.fullmatch(text, start, end) for start, end in doc.comments)
    for m in filter(None, found):
        verb, selectors = m.group(1), [s for s in _SEPARATORS.split(m.group(2)) if s] or [ALL]
        if verb == "disable":
            for s in selectors:
                open_.setdefault(s, m.end())
        elif verb == "enable":
            closing = list(open_) if selectors == [ALL] else [s for s in selectors if s in open_]
            regions.extend(Region(s, open_.pop(s), m.start()) for s in closing)
        else:
            line = index.line_of(m.start() if verb == "disable-line" else m.end()) + (verb == "disable-next-line")
            if line < index.line_count:
                start, end = index.line_span(line)
                regions.extend(Region(s, start, end + 1) for s in selectors)
    regions.extend(Region(s, start, len(text) + 1, whole=True) for s, start in open_.items())
    return regions


def _covers(region: Region, d: Diagnostic) -> bool:
    if not _selects(region.selector, d):
        return False
    if region.whole and d.start == d.end == 0:
        return True
    return region.start <= d.start < region.end


def _selects(selector: str, d: Diagnostic) -> bool:
    """A selector is every rule (*), or what config selectors are: a code, a name or a code prefix."""
    return selector == ALL or selects(selector, d.code, d.rule)


def apply_allow(text: str, diagnostics: list[Diagnostic], allow: tuple[str, ...]) -> list[Diagnostic]:
    """Drop diagnostics whose span lies inside an occurrence of an allowed exact string."""
    spans = sorted(_occurrences(text, allow))
    if not spans or not diagnostics:
        return diagnostics
    starts = [s for s, _ in spans]
    # running maximum of the ends, so one bisect finds whether any occurrence reaches far enough
    reach, best = [], -1
    for _, end in spans:
        best = max(best, end)
        reach.append(best)

    def allowed(d: Diagnostic) -> bool:
        i = bisect_right(starts, d.start) - 1
        return d.end > d.start and i >= 0 and reach[i] >= d.end

    return [d for d in diagnostics if not allowed(d)]


def _occurrences(text: str, allow: tuple[str, ...]):
    """(start, end) of every occurrence of every allowed string, found with str.find."""
    for needle in set(allow):
        if not needle:
            continue
        at = text.find(needle)
        while at >= 0:
            yield at, at + len(needle)
            at = text.find(needle, at + 1)
