"""Duplicate kinds (WR401–WR402): paragraphs pasted twice, and sentences or paragraphs nearly the same.

WR401 hashes whitespace-folded text (linear). WR402 never compares all pairs: each unit is
sketched by the bottom-k hashes of its character 3-grams, units sharing enough sketch entries
become candidates, and only candidates are scored with rapidfuzz.
"""
from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from heapq import nsmallest
from typing import Iterator

from pydantic import ConfigDict

from ..findings import Finding, Related
from ..model import Document

_SPACE = re.compile(r"[\s\u3000]+")
_EDGE = re.compile(r"^[\s\u3000#>*_\-]+|[\s\u3000。！？；!?;，,、：:]+$")
_LEAD = re.compile(r"[\s\u3000#>*_\-]*")
_CLAUSE = re.compile(r"[^，,；;：:。！？!?\n]+")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class DuplicateOptions:
    """Verbatim duplicates: the minimum length (in characters, whitespace folded) of a copy."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    min_chars: int = 20
    related_message: str = "首次出现"


@dataclass(frozen=True)
class NearDuplicateOptions:
    """Near duplicates: rapidfuzz ratio threshold (0–100), minimum lengths, sketch size."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    threshold: float = 85.0
    min_chars: int = 15
    min_paragraph_chars: int = 40
    sketch_size: int = 8
    min_shared: int = 2
    max_bucket: int = 12           # a 3-gram in more units than this is too common to index
    report_identical: bool = True
    clause_min_chars: int = 20      # clauses are compared only within one paragraph
    clause_threshold: float = 90.0
    related_message: str = "相似的前文"


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph, run-in section or sentence: its span and its comparison key."""

    start: int
    end: int
    key: str
    group: int = 0      # units are compared only within one group (clauses: one paragraph)


def fold(text: str) -> str:
    """The comparison form of a span: whitespace removed, edge punctuation stripped."""
    return _EDGE.sub("", _SPACE.sub("", text))


def block_units(doc: Document) -> list[Unit]:
    """Paragraphs and run-in sections (the part of a paragraph from one heading to the next).

    A section's key starts after its marker, so a section pasted under another number is caught.
    """
    text = doc.text
    units = []
    heads = sorted(doc.headings, key=lambda h: h.start)
    h = 0
    for block in doc.blocks:
        units.append(Unit(block.start, block.end, _key(text, block.start, block.end, doc)))
        while h < len(heads) and heads[h].start < block.start:
            h += 1
        while h < len(heads) and heads[h].start < block.end:
            head = heads[h]
            end = min(head.body_end, block.end)
            if head.start > block.start or end < block.end:
                units.append(Unit(head.start, end, fold(text[head.title_start:end])))
            h += 1
    return units


def _key(text: str, start: int, end: int, doc: Document) -> str:
    """Folded text of a paragraph, without Markdown prefixes or a heading marker at its start."""
    lead = _LEAD.match(text, start, end)
    return fold(text[_leading_marker_end(doc, lead.end()):end])


def _leading_marker_end(doc: Document, start: int) -> int:
    from bisect import bisect_left

    spans = doc.marker_spans
    i = bisect_left(spans, (start, -1))
    stripped = start
    while i < len(spans) and spans[i][0] == stripped:
        stripped = spans[i][1]
        i += 1
    return stripped


def verbatim_copies(doc: Document, min_chars: int) -> list[tuple[Unit, Unit]]:
    """(later copy, first copy) for every unit whose key was seen before; nested copies skipped."""
    first: dict[str, Unit] = {}
    copies: list[tuple[Unit, Unit]] = []
    covered_end = -1
    for unit in sorted(block_units(doc), key=lambda u: (u.start, -u.end)):
        if len(unit.key) < min_chars:
            continue
        seen = first.setdefault(unit.key, unit)
        if seen is not unit and unit.end > covered_end and seen.end <= unit.start:
            copies.append((unit, seen))
            covered_end = unit.end
    return copies


def check_duplicate_blocks(doc: Document, options: DuplicateOptions) -> Iterator[Finding]:
    """WR401: a paragraph or run-in section repeated verbatim, at each later copy."""
    text = doc.text
    for copy, seen in verbatim_copies(doc, options.min_chars):
        excerpt = copy.key[:12] + ("…" if len(copy.key) > 12 else "")
        yield Finding(copy.start, _trim_end(text, copy.start, copy.end), {"excerpt": excerpt},
                      related=(Related(seen.start, _trim_end(text, seen.start, seen.end),
                                       options.related_message),))


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n\u3000":
        end -= 1
    return end


def check_near_duplicates(doc: Document, options: NearDuplicateOptions) -> Iterator[Finding]:
    """WR402: a paragraph or sentence nearly the same as an earlier one, at the later one."""
    copies = verbatim_copies(doc, 1)
    skip = sorted((c.start, c.end) for c, _ in copies)
    paragraphs = [u for u in block_units(doc) if len(u.key) >= options.min_paragraph_chars
                  and not _inside(skip, u.start, u.end)]
    found = list(_near_pairs(paragraphs, options, identical=False))
    skip = sorted(skip + [(u.start, u.end) for u, _, _ in found])
    sentences = [Unit(s.start, s.end, _key(doc.text, s.start, s.end, doc)) for s in doc.sentences]
    sentences = [u for u in sentences if len(u.key) >= options.min_chars and not _inside(skip, u.start, u.end)]
    found.extend(_near_pairs(sentences, options, identical=options.report_identical))
    skip = sorted(skip + [(u.start, u.end) for u, _, _ in found])
    found.extend(_near_clauses(doc, options, skip))
    for unit, earlier, score in sorted(found, key=lambda f: f[0].start):
        variant = "same" if score >= 100 else "similar"
        yield Finding(unit.start, _trim_end(doc.text, unit.start, unit.end), {"score": int(score)}, variant,
                      related=(Related(earlier.start, _trim_end(doc.text, earlier.start, earlier.end),
                                       options.related_message),))


def _near_clauses(doc: Document, options: NearDuplicateOptions, skip: list[tuple[int, int]]):
    """Long clauses nearly repeated inside one paragraph (…贯穿审计工作全过程，…贯穿审计工作全过程)."""
    units = [Unit(m.start(), m.end(), fold(m.group()), b)
             for b, block in enumerate(doc.blocks) for m in _CLAUSE.finditer(doc.text, block.start, block.end)]
    units = [u for u in units if len(u.key) >= options.clause_min_chars and not _inside(skip, u.start, u.end)]
    return _near_pairs(units, replace(options, threshold=options.clause_threshold), identical=False)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    from bisect import bisect_right

    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _near_pairs(units: list[Unit], options: NearDuplicateOptions, identical: bool):
    """(unit, earlier unit, score) for units similar to an earlier one, from sketch candidates.

    A 3-gram indexed for more than max_bucket units says nothing about copying: it becomes a
    stop 3-gram and is never looked up again, so every posting list stays short (linear time).
    """
    from rapidfuzz.fuzz import ratio

    buckets: dict[int, list[int]] = {}
    common: set[int] = set()
    for i, unit in enumerate(units):
        sketch = nsmallest(options.sketch_size, _shingles(unit.key) - common)
        need = min(options.min_shared, len(sketch)) or 1
        counts = Counter(j for h in sketch for j in buckets.get(h, ()))
        best = None
        for j in [j for j, n in counts.items() if n >= need]:
            other = units[j]
            if other.end > unit.start or other.group != unit.group or (not identical and other.key == unit.key):
                continue
            score = ratio(unit.key, other.key, score_cutoff=options.threshold)
            if score and (best is None or score > best[1]) and _DIGITS.findall(unit.key) == _DIGITS.findall(other.key):
                best = (j, score)
        if best is not None:
            yield unit, units[best[0]], best[1]
        for h in sketch:
            bucket = buckets.setdefault(h, [])
            bucket.append(i)
            if len(bucket) > options.max_bucket:
                common.add(h)
                del buckets[h]


def _shingles(key: str) -> set[int]:
    """CRC32 hashes of the key's character 3-grams (the whole key when shorter)."""
    data = key.encode("utf-32-le")
    if len(key) < 3:
        return {zlib.crc32(data)}
    return {zlib.crc32(data[i:i + 12]) for i in range(0, len(data) - 8, 4)}
