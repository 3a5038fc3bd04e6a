"""Heading kinds (WR101–WR106): sequence, start, level mix, level skip, marker style and width."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from ..document.model import Document, Heading, Marker
from ..support.hints import Iterator, Literal
from ..support.numerals import cn_numeral
from .findings import Finding, Fix, make_edit, make_finding, make_fix
from .options import NoOptions, kind_options

__all__ = ["NoOptions", "SequenceOptions", "StartOptions", "ConsistencyOptions"]


@kind_options
class SequenceOptions:
    """Heading sequence (WR101): whether to offer renumbering as a fix."""

    renumber_fix: bool = True   # offer renumbering the rest of the run as an unsafe fix


@kind_options
class StartOptions:
    """Heading start (WR102): the number a run of headings should start at."""

    start: int = 1              # the number of the first heading of a run


@kind_options
class ConsistencyOptions:
    """Marker consistency (WR106): which bracket width is right (the majority's, or always full or half)."""

    form: Literal["majority", "full", "half"] = "majority"   # the right width: the document's majority, or always one


def sibling_runs(doc: Document) -> Iterator[list[Heading]]:
    """The outline's sibling runs, in document order: the numbers of each count 1, 2, 3 …

    Word's automatic numbers are Word's, not the writer's: never checked. A Markdown list numbered
    1. 1. 1. throughout is counted by its renderer: that is a style, not a repeat (markdownlint's
    MD029 allows it too), so such a run is not checked either.
    """
    for run in doc.runs:
        members = [doc.headings[i] for i in run]
        if all(h.drawn for h in members):
            continue
        if members[0].listed and len(members) > 1 and len({h.marker.value for h in members}) == 1:
            continue
        yield members


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
            if h.drawn:         # Word counts its own numbers; a typed one after them is checked
                previous = value
                continue
            repeated = value == previous + 2 and i > 1 and run[i - 1].marker.value == run[i - 2].marker.value
            variant = ("repeat" if value == previous else "backwards" if value < previous
                       else "skip" if value > previous + 1 and not repeated else "")
            if variant:
                yield make_finding(start=h.marker.start, end=h.marker.end,
                                   args={"found": h.marker.text, "expected": render(h.marker, previous + 1),
                                         "previous": render(h.marker, previous)},
                                   variant=variant, fix=_renumber(run, i, previous + 1) if budget > 0 else None)
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
            edits.append(make_edit(start=h.marker.start, end=h.marker.end, new_text=new))
        value += 1
    return make_fix(edits=tuple(edits), safe=False)


def check_start(doc: Document, options: StartOptions) -> Iterator[Finding]:
    """WR102: the first heading of a sibling run is not number one.

    A run whose level differs from its parent's first child is a level mix (WR103), not a
    late start: one mistake, one diagnostic.
    """
    for run in sibling_runs(doc):
        if _mixed_in(doc, run[0]) or run[0].drawn:
            continue    # (Word starts its own lists where the writer set them to)
        first = run[0].marker
        if first.value != options.start:
            yield make_finding(start=first.start, end=first.end,
                               args={"found": first.text, "expected": render(first, options.start)})


def _numbered_children(doc: Document, parent: int | None) -> list[Heading]:
    """The numbered children of a heading (or of the root), in order."""
    children = doc.roots if parent is None else doc.headings[parent].children
    return [doc.headings[i] for i in children if doc.headings[i].marker is not None]


def _mixed_in(doc: Document, heading: Heading) -> bool:
    """Whether `heading` sits among siblings whose first member has another level."""
    siblings = _numbered_children(doc, heading.parent)
    return bool(siblings) and siblings[0].level != heading.level and not siblings[0].depth


def check_level_mix(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """WR103: one parent's direct children use two different levels.

    Only children of one container: a lead-in, a part heading, a separator or the other language
    between them opens a new list, which may use its own numbering. Only headings of the text
    itself: a Markdown or Word heading's level is its depth, and a list the renderer numbers is a
    list of its own."""
    cuts = sorted(b.offset for b in doc.boundaries)
    for parent in [None, *(i for i, h in enumerate(doc.headings) if len(h.children) > 1)]:
        children = [h for h in _numbered_children(doc, parent) if not h.depth and not h.listed]
        for group in _containers(children, cuts):
            first = group[0]
            for h in group[1:]:
                if h.level != first.level:
                    yield make_finding(start=h.marker.start, end=h.marker.end,
                                       args={"found": h.marker.text, "first": first.marker.text})
                    break


def _containers(children: list[Heading], cuts: list[int]) -> Iterator[list[Heading]]:
    """`children` split wherever a boundary lies between two of them."""
    group: list[Heading] = []
    for h in children:
        if group and bisect_left(cuts, h.start) > bisect_left(cuts, group[-1].start):
            yield group
            group = []
        group.append(h)
    if group:
        yield group


def check_level_skip(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """WR104: a heading more than one level below its parent (一、 directly over 1.)."""
    for h in doc.headings:
        if h.marker is None or h.parent is None or h.depth or h.listed:
            continue
        parent = doc.headings[h.parent]
        if parent.marker is not None and not parent.listed and h.level > parent.level + 1:
            yield make_finding(start=h.marker.start, end=h.marker.end,
                               args={"found": h.marker.text, "parent": parent.marker.text})


# GB/T 15834-2011 B.3: 一、 takes 顿号; 1. takes a period; nothing follows （一） or （1）.
_RIGHT_PUNCT = {"cn": ("、",), "arabic": (".", "．"), "paren_cn": ("",), "paren_arabic": ("",),
                "circled": ("",)}


def check_marker_style(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """WR105: wrong punctuation for the marker's level; the fix writes the right form. A Markdown
    or Word list's numbers take the list's form (1) is a Markdown list, Word draws its own)."""
    for h in doc.headings:
        m = h.marker
        if m is None or h.listed or m.punct in _RIGHT_PUNCT[m.family]:
            continue
        right = render(m, m.value)
        yield _replacing(m, {"found": m.text, "expected": right}, right)


def check_marker_consistency(doc: Document, options: ConsistencyOptions) -> Iterator[Finding]:
    """WR106: bracketed markers written both full-width （一） and half-width (二) in one document."""
    bracketed = [h.marker for h in doc.headings if h.marker is not None and not h.listed and h.marker.width]
    widths = Counter(m.width for m in bracketed)
    if len(widths) < 2 and options.form == "majority":
        return
    target = options.form
    if target == "majority":
        target = "half" if widths["half"] > widths["full"] else "full"
    for m in bracketed:
        if m.width != target:
            right = render(m, m.value, width=target, keep_punct=True)
            yield _replacing(m, {"found": m.text, "expected": right, "form": "全角" if target == "full" else "半角"},
                             right)


def _replacing(m: Marker, args: dict, right: str) -> Finding:
    """A finding on marker `m` with the safe fix that writes `right` in its place."""
    edit = make_edit(start=m.start, end=m.end, new_text=right)
    return make_finding(start=m.start, end=m.end, args=args, fix=make_fix(edits=(edit,)))


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
