"""Heading kinds (WR101–WR106): sequence, start, level mix, level skip, marker style and width."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterator, Literal

from ..findings import Edit, Finding, Fix
from ..model import Document, Heading, Marker
from ..numbering import cn_numeral


@dataclass(frozen=True)
class NoOptions:
    """This kind takes no options."""


@dataclass(frozen=True)
class SequenceOptions:
    renumber_fix: bool = True   # offer renumbering the rest of the run as an unsafe fix


@dataclass(frozen=True)
class StartOptions:
    start: int = 1


@dataclass(frozen=True)
class ConsistencyOptions:
    form: Literal["majority", "full", "half"] = "majority"


def sibling_runs(doc: Document) -> Iterator[list[Heading]]:
    """Headings grouped by parent and level, in document order: each group is numbered 1, 2, 3 …"""
    groups: dict[tuple, list[Heading]] = defaultdict(list)
    for h in doc.headings:
        groups[(h.parent, h.level)].append(h)
    return iter(groups.values())


def check_sequence(doc: Document, options: SequenceOptions) -> Iterator[Finding]:
    """WR101: a number skipped, repeated or going backwards among siblings."""
    for run in sibling_runs(doc):
        previous = run[0].marker.value
        for h in run[1:]:
            value = h.marker.value
            variant = ("repeat" if value == previous else "backwards" if value < previous
                       else "skip" if value > previous + 1 else "")
            if variant:
                yield Finding(h.marker.start, h.marker.end,
                              {"found": h.marker.text, "expected": render(h.marker, previous + 1),
                               "previous": render(h.marker, previous)},
                              variant, _renumber(run, h, previous + 1) if options.renumber_fix else None)
            previous = value


def _renumber(run: list[Heading], first: Heading, value: int) -> Fix:
    """Renumber `first` and every later sibling consecutively (unsafe: titles may cite numbers)."""
    edits = []
    for h in run[run.index(first):]:
        new = render(h.marker, value)
        if new != h.marker.text:
            edits.append(Edit(h.marker.start, h.marker.end, new))
        value += 1
    return Fix(tuple(edits), safe=False)


def check_start(doc: Document, options: StartOptions) -> Iterator[Finding]:
    """WR102: the first heading of a sibling run is not number one."""
    for run in sibling_runs(doc):
        first = run[0].marker
        if first.value != options.start:
            yield Finding(first.start, first.end,
                          {"found": first.text, "expected": render(first, options.start)})


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
