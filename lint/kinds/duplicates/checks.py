"""WR401 (duplicate-block) and WR402 (near-duplicate): their options and checks.

WR401 finds keys seen before (loops.verbatim_copies: by hash, linear) and paragraphs that begin
another word for word. WR402 never compares all pairs: units sharing enough rare 3-grams become
candidates (loops.candidates, the sketch index), and only candidates, after a length bound, are
scored with fuzz.ratio (lint/kinds/similarity.py). Clauses are compared only within their
paragraph, with the few before them (loops.clause_candidates).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from itertools import repeat
from operator import ge

from ...document.model import Document
from ...support.hints import Iterator
from .. import loops, similarity
from ..findings import Finding, make_finding, make_related
from ..options import kind_options
from .levels import Folded, block_units, clause_units, folded, outside, sentence_units
from .units import TRAIL_CHARS, Unit, Units

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_CLAUSE_WINDOW = 32                     # a clause is compared with at most this many clauses before it


@kind_options
class DuplicateOptions:
    """Verbatim duplicates: the minimum length (in characters, whitespace folded) of a copy."""

    min_chars: int = 20                # the shortest copy reported (whitespace not counted)
    related_message: str = "首次出现"    # what the finding calls the first copy


@kind_options
class NearDuplicateOptions:
    """Near duplicates: rapidfuzz ratio threshold (0–100), minimum lengths, sketch size."""

    threshold: float = 90.0        # the similarity (fuzz.ratio, 0–100) from which two units are near copies
    min_chars: int = 15            # the shortest sentence compared (its folded text)
    min_paragraph_chars: int = 40  # the shortest paragraph compared as a whole
    sketch_size: int = 8           # rarest 3-grams kept per unit
    min_shared: int = 2            # sketch entries a candidate pair must share …
    min_overlap: float = 0.0       # … and this share of the two sketches' union
    max_bucket: int = 12           # a 3-gram in more units than this is too common to index
    report_identical: bool = True  # report sentences identical to an earlier one too (score 100)
    clause_min_chars: int = 20      # clauses are compared only within one paragraph
    clause_threshold: float = 90.0  # the similarity from which two clauses are near copies
    related_message: str = "相似的前文"  # what the finding calls the earlier text


def verbatim_copies(doc: Document, min_chars: int) -> list[tuple[Unit, Unit]]:
    """(later copy, first copy) for every unit whose key was seen before; nested copies skipped."""
    units = block_units(doc)
    found = loops.verbatim_copies(folded(doc).joined, units.start, units.end, units.length, units.at, min_chars)
    return [(units[i], units[seen]) for i, seen in found]


def check_duplicate_blocks(doc: Document, options: DuplicateOptions) -> Iterator[Finding]:
    """WR401: a paragraph or run-in section repeated verbatim, at each later copy; and a paragraph
    that repeats a whole earlier one and goes on (or stops short: a truncated copy), at the later."""
    text, joined = doc.text, folded(doc).joined
    found = [(copy, seen, "copy") for copy, seen in verbatim_copies(doc, options.min_chars)]
    found += [(copy, seen, "prefix") for copy, seen in prefix_copies(doc, options.min_chars, found)]
    for copy, seen, variant, copy_end, seen_end in _passages(doc, sorted(found, key=lambda f: f[0].start)):
        excerpt = joined[copy.at:copy.at + min(copy.length, 12)] + ("…" if copy.length > 12 else "")
        yield _finding(text, copy.start, copy_end, {"excerpt": excerpt}, variant,
                       seen.start, seen_end, options.related_message)


def _finding(text: str, start: int, end: int, args: dict, variant: str, first_start: int, first_end: int,
             related_message: str) -> Finding:
    """A finding on text[start:end] (trailing spaces trimmed) pointing to the earlier text it repeats."""
    related = make_related(start=first_start, end=_trim_end(text, first_start, first_end), message=related_message)
    return make_finding(start=start, end=_trim_end(text, start, end), args=args, variant=variant, related=(related,))


def _passages(doc: Document, found: list) -> Iterator[tuple]:
    """Copies of consecutive paragraphs of consecutive paragraphs joined into one passage (four
    lines pasted again are one finding, not four): (first copy, its original, variant, end of the
    passage, end of the original passage)."""
    starts = [b.start for b in doc.compared]

    def block_of(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    passage = None
    for copy, seen, variant in found:
        if (passage is not None and variant == passage[2] == "copy"
                and block_of(copy.start) == passage[5] + 1 and block_of(seen.start) == passage[6] + 1
                and block_of(copy.start) > block_of(seen.start)):
            passage[3], passage[4] = copy.end, seen.end
            passage[5], passage[6] = block_of(copy.start), block_of(seen.start)
            continue
        if passage is not None:
            yield tuple(passage[:5])
        passage = [copy, seen, variant, copy.end, seen.end, block_of(copy.start), block_of(seen.start)]
    if passage is not None:
        yield tuple(passage[:5])


def prefix_copies(doc: Document, min_chars: int, exact: list) -> list[tuple[Unit, Unit]]:
    """(the repeated part of the later paragraph, the earlier one) where one paragraph is the other's
    beginning, word for word: a paragraph pasted and then written on, or a copy cut short. Found
    among the paragraphs whose first `min_chars` characters another paragraph shares (few)."""
    units, fd = block_units(doc), folded(doc)
    joined, ats, lengths = fd.joined, units.at, units.length
    heads = [joined[a:a + min_chars] if n >= min_chars else None for a, n in zip(ats, lengths)]
    shared = {h for h, n in Counter(heads).items() if n > 1 and h is not None}
    if not shared:
        return []
    reported = {c.start for c, *_ in exact}
    out: list[tuple[Unit, Unit]] = []
    earlier: dict[str, _Seen] = {}       # the paragraphs seen so far, by head
    for i, head in enumerate(heads):
        if head not in shared:
            continue
        key = fd.key(units, i)
        seen = earlier.setdefault(head, _Seen())
        if units.start[i] not in reported:
            first = seen.first_relative(key, units.start[i], units.end)
            if first is not None:
                j, other = first
                repeated = _head_unit(doc, units, i, len(other)) if key.startswith(other) else units[i]
                out.append((repeated, units[j]))     # pasted then written on, or a copy cut short
        seen.add(key, i)
    return out


class _Seen:
    """The paragraphs sharing a head seen so far: their distinct keys in sorted order (a key's
    extensions follow it there, its prefixes come before it), and where each key occurred.
    Sorted, the keys related to one are found without reading the others: a long file repeats
    a boilerplate opening by the hundred."""

    __slots__ = ("keys", "at")

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.at: dict[str, list[int]] = {}

    def add(self, key: str, i: int) -> None:
        if key not in self.at:
            insort(self.keys, key)
            self.at[key] = []
        self.at[key].append(i)

    def first_relative(self, key: str, start: int, ends) -> tuple[int, str] | None:
        """(j, its key) for the first paragraph j, ending by `start`, whose key begins `key` or is
        begun by it (not `key` itself)."""
        best: tuple[int, str] | None = None
        for other in self._related(key):
            j = next((j for j in self.at[other] if ends[j] <= start), None)
            if j is not None and (best is None or j < best[0]):
                best = (j, other)
        return best

    def _related(self, key: str) -> Iterator[str]:
        keys = self.keys
        p = bisect_right(keys, key)
        while p < len(keys) and keys[p].startswith(key):    # its extensions
            yield keys[p]
            p += 1
        p = bisect_left(keys, key) - 1
        while p >= 0:                                       # its prefixes, from the longest
            other = keys[p]
            if key.startswith(other):
                yield other
                p -= 1
            else:   # a prefix of key sorting before `other` is no longer than what the two share
                p = bisect_right(keys, key[:_common_length(other, key)]) - 1


def _common_length(a: str, b: str) -> int:
    """The length of the longest common prefix of a and b, by halving (slices compare in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _head_unit(doc: Document, units: Units, i: int, length: int) -> Unit:
    """Unit i cut after the first `length` characters of its key (whitespace does not count)."""
    text, fd = doc.text, folded(doc)
    unit = units[i]
    at = fd.key(units, i)
    # Walk the original text from where the key starts: a few dozen characters, once per finding.
    start = unit.start
    while start < unit.end and text[start] != at[0]:
        start += 1
    counted, end = 0, start
    while end < unit.end and counted < length:
        if not text[end].isspace():
            counted += 1
        end += 1
    while end < unit.end and text[end] in TRAIL_CHARS:
        end += 1
    return unit._replace(end=end, length=length)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n\u3000":
        end -= 1
    return end


def check_near_duplicates(doc: Document, options: NearDuplicateOptions) -> Iterator[Finding]:
    """WR402: a paragraph or sentence nearly the same as an earlier one, at the later one."""
    fd = folded(doc)
    exact = verbatim_copies(doc, 1)
    skip = sorted([(c.start, c.end) for c, _ in exact] + [(c.start, c.end) for c, _ in prefix_copies(doc, options.min_chars, exact)])
    blocks = block_units(doc)
    paragraphs = outside(skip, blocks.keep(list(map(ge, blocks.length, repeat(options.min_paragraph_chars)))))
    found = list(_near_pairs(doc, fd, paragraphs, options, identical=False))
    del paragraphs      # each level's units go before the next is built: a large file holds millions
    skip = sorted(skip + [(u.start, u.end) for u, _, _ in found])
    sentences = outside(skip, sentence_units(doc, fd, options.min_chars))
    found.extend(_near_pairs(doc, fd, sentences, options, identical=options.report_identical))
    del sentences
    skip = sorted(skip + [(u.start, u.end) for u, _, _ in found])
    clauses = outside(skip, clause_units(doc, fd, options.clause_min_chars))
    found.extend(_near_clauses(fd, clauses, options.clause_threshold))
    for unit, earlier, score in sorted(found, key=lambda f: f[0].start):
        yield _finding(doc.text, unit.start, unit.end, {"score": int(score)}, "same" if score >= 100 else "similar",
                       earlier.start, earlier.end, options.related_message)


def _near_clauses(fd: Folded, units: Units, threshold: float) -> Iterator[tuple[Unit, Unit, float]]:
    """(clause, earlier clause, score) within one paragraph, each compared with the few before it.

    Paragraphs hold few long clauses, so no sketch is needed; the window keeps a paragraph of
    thousands of clauses linear. The compiled loops leave out the clauses that share too few
    3-grams or characters to reach the threshold.
    """
    if not len(units):
        return
    for i, found in loops.clause_candidates(fd.joined, fd.ranks(), units.at, units.length, units.group,
                                            _CLAUSE_WINDOW, threshold / 100):
        near = _nearest(fd, units, i, found, threshold, identical=False)
        if near is not None:
            yield near


def _near_pairs(doc: Document, fd: Folded, units: Units, options: NearDuplicateOptions,
                identical: bool) -> Iterator[tuple[Unit, Unit, float]]:
    """(unit, earlier unit, score) for units similar to an earlier one, from sketch candidates.

    Parallel by design, not repeated: two items of one list (1)一次小波分解，使用绝对值最大法 /
    2)三次小波分解，使用绝对值最大法), and a lead-in whose meaning is what follows it
    (……的外观权重为： / ……的几何权重为：)."""
    parallel = _Parallel(doc)
    threshold = options.threshold
    found_by_index = loops.candidates(fd.joined, fd.ranks(), units.at, units.length, units.start, units.end,
                                      options.sketch_size, options.max_bucket, options.min_shared,
                                      options.min_overlap, threshold / 200, threshold / 100)
    for i, found in found_by_index:
        start = units.start[i]
        if parallel.leads_in(units.end[i]):
            continue
        found = [j for j in found if not parallel.items_of_one_list(start, units.start[j])
                 and not parallel.leads_in(units.end[j])]
        near = _nearest(fd, units, i, found, threshold, identical) if found else None
        if near is not None:
            yield near


class _Parallel:
    """What is written in parallel on purpose: the items of one list, and lead-ins."""

    __slots__ = ("text", "headings", "starts", "indexes")

    def __init__(self, doc: Document) -> None:
        self.text, self.headings = doc.text, doc.headings
        items = [h for h in doc.headings if h.role == "item" and h.marker is not None]
        self.starts = [h.start for h in items]
        self.indexes = [h.index for h in items]

    def _run_at(self, offset: int) -> int:
        """The sibling run of the innermost list item whose title or body holds `offset`, or -1."""
        k = bisect_right(self.starts, offset) - 1
        h = self.headings[self.indexes[k]] if k >= 0 else None
        while h is not None:
            if h.role == "item" and h.marker is not None and offset < h.body_end:
                return h.run
            h = self.headings[h.parent] if h.parent is not None else None
        return -1

    def items_of_one_list(self, a: int, b: int) -> bool:
        run = self._run_at(a)
        return run >= 0 and run == self._run_at(b)

    def leads_in(self, end: int) -> bool:
        text = self.text
        while end > 0 and text[end - 1] in " \t\u3000\r\n":
            end -= 1
        return end > 0 and text[end - 1] in "：:"


def _nearest(fd: Folded, units: Units, i: int, found: list[int], threshold: float,
             identical: bool) -> tuple[Unit, Unit, float] | None:
    """(unit i, the earlier unit of `found` it repeats best, score), or None below the threshold.

    Identical keys count only when `identical`; keys whose figures differ are parallel
    statistics, not copies.
    """
    unit_key = fd.key(units, i)
    matches = similarity.matches(unit_key, [fd.key(units, j) for j in found], threshold)
    digits = _DIGITS.findall(unit_key) if matches else None
    for key, score, j in matches:
        if (identical or key != unit_key) and _DIGITS.findall(key) == digits:
            return units[i], units[found[j]], score
    return None
