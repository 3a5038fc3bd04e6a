"""Heading kinds (WR101–WR106): sequence, start, level mix, level skip, marker style and width."""
from __future__ import annotations

from collections import Counter, defaultdict

from .findings import Edit, Finding, Fix
from ..document.model import Document, Heading, Marker
from ..support.numerals import cn_numeral
from ..support.records import record

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without importing typing (3 ms of a one-file run)
if TYPE_CHECKING:
    from typing import Iterator, Literal


@record
class NoOptions:
    """This kind takes no options."""


@record
class SequenceOptions:
    """Heading sequence (WR101): whether to offer renumbering as a fix."""

    renumber_fix: bool = True   # offer renumbering the rest of the run as an unsafe fix


@record
class StartOptions:
    """Heading start (WR102): the number a run of headings should start at."""

    start: int = 1


@record
class ConsistencyOptions:
    """Marker consistency (WR106): which bracket width is right (the majority's, or always full or half)."""

    form: Literal["majority", "full", "half"] = "majority"


def sibling_runs(doc: Document) -> Iterator[list[Heading]]:
    """Headings grouped by parent and level, in document order: each group is numbered 1, 2, 3 …"""
    groups: dict[tuple, list[Heading]] = defaultdict(list)
    for h in doc.headings:
        groups[(h.parent, h.level)].append(h)
    return iter(groups.values())


def check_sequence(doc: Document, options: SequenceOptions) -> Iterator[Finding]:
    """WR101: a number skipped, repeated or going backwards among siblings.

    One mistake, one finding: in （二）（二）（四） the second （二） stands for （三）, so the
    （四） after it is not reported as a skip as well.
    """
    for run in sibling_runs(doc):
        previous = run[0].marker.value
        budget = _RENUMBER_BUDGET if options.renumber_fix else 0
        for i, h in enumerate(run[1:], start=1):
            value = h.marker.value
            repeated = value == previous + 2 and i > 1 and run[i - 1].marker.value == run[i - 2].marker.value
            variant = ("repeat" if value == previous else "backwards" if value < previous
                       else "skip" if value > previous + 1 and not repeated else "")
            if variant:
                yield Finding(h.marker.start, h.marker.end,
                              {"found": h.marker.text, "expected": render(h.marker, previous + 1),
                               "previous": render(h.marker, previous)},
                              variant, _renumber(run, i, previous + 1) if budget > 0 else None)
                budget -= len(run) - i
            previous = value


# Each renumber fix covers the rest of its run, so a long run full of errors would cost
# quadratic time; past this many edits per run, only the earlier findings (whose fixes
# already renumber the later headings) carry one.
_RENUMBER_BUDGET = 20_000


def _renumber(run: list[Heading], first: int, value: int) -> Fix:
    """Renumber run[first] and every later sibling consecutively (unsafe: titles may cite numbers)."""
    edits = []
    for h in run[first:]:
        new = render(h.marker, value)
        if new != h.marker.text:
            edits.append(Edit(h.marker.start, h.marker.end, new))
        value += 1
    return Fix(tuple(edits), safe=False)


def check_start(doc: Document, options: StartOptions) -> Iterator[Finding]:
    """WR102: the first heading of a sibling run is not number one.

    A run whose level differs from its parent's first child is a level mix (WR103), not a
    late start: one mistake, one diagnostic.
    """
    for run in sibling_runs(doc):
        if _mixed_in(doc, run[0]):
            continue
        first = run[0].marker
        if first.value != options.start:
            yield Finding(first.start, first.end,
                          {"found": first.text, "expected": render(first, options.start)})


def _mixed_in(doc: Document, heading: Heading) -> bool:
    """Whether `heading` sits among siblings whose first member has another level."""
    siblings = doc.roots if heading.parent is None else doc.headings[heading.parent].children
    return doc.headings[siblings[0]].level != heading.level


def check_level_mix(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """WR103: one parent's direct children use two different levels."""
    parents = [doc.roots] + [h.children for h in doc.headings]
    for children in parents:
        if not children:
            continue
        first = doc.headings[children[0]]
        for i in children[1:]:
            h = doc.headings[i]
            if h.level != first.level:
                yield Finding(h.marker.start, h.marker.end,
                              {"found": h.marker.text, "first": first.marker.text})
                break


def check_level_skip(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """WR104: a heading more than one level below its parent (一、 directly over 1.)."""
    for h in doc.headings:
        if h.parent is not None and h.level > doc.headings[h.parent].level + 1:
            parent = doc.headings[h.parent]
            yield Finding(h.marker.start, h.marker.end,
                          {"found": h.marker.text, "parent": parent.marker.text})


# GB/T 15834-2011 B.3: 一、 takes 顿号; 1. takes a period; nothing follows （一） or （1）.
_RIGHT_PUNCT = {"cn": ("、",), "arabic": (".", "．"), "paren_cn": ("",), "paren_arabic": ("",),
                "circled": ("",)}


def check_marker_style(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """WR105: wrong punctuation for the marker's level; the fix writes the right form."""
    for h in doc.headings:
        m = h.marker
        if m.punct in _RIGHT_PUNCT[m.family]:
            continue
        right = render(m, m.value)
        yield Finding(m.start, m.end, {"found": m.text, "expected": right},
                      fix=Fix((Edit(m.start, m.end, right),)))


def check_marker_consistency(doc: Document, options: ConsistencyOptions) -> Iterator[Finding]:
    """WR106: bracketed markers written both full-width （一） and half-width (二) in one document."""
    bracketed = [h.marker for h in doc.headings if h.marker.width]
    widths = Counter(m.width for m in bracketed)
    if len(widths) < 2 and options.form == "majority":
        return
    target = options.form
    if target == "majority":
        target = "half" if widths["half"] > widths["full"] else "full"
    for m in bracketed:
        if m.width != target:
            right = render(m, m.value, width=target, keep_punct=True)
            yield Finding(m.start, m.end, {"found": m.text, "expected": right,
                                           "form": "全角" if target == "full" else "半角"},
                          fix=Fix((Edit(m.start, m.end, right),)))


def render(marker: Marker, value: int, width: str | None = None, keep_punct: bool = False) -> str:
    """The marker of the same family for `value`, in the right form (（二）, 2., 二、, ②)."""
    family = marker.family
    if family in ("cn", "paren_cn"):
        number = cn_numeral(value)
    elif family == "circled" and 1 <= value <= 20:
        number = chr(ord("①") + value - 1)
    else:
        number = str(value)
    if keep_punct:
        punct = marker.punct
    else:
        punct = {"cn": "、", "arabic": marker.punct if marker.punct in (".", "．") else "."}.get(family, "")
    if family in ("paren_cn", "paren_arabic"):
        open_, close = ("(", ")") if (width or marker.width) == "half" else ("（", "）")
        return f"{open_}{number}{close}{punct}"
    return number + punct
