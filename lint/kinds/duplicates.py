"""Duplicate kinds (WR401–WR402): paragraphs pasted twice, and sentences or paragraphs nearly the same.

Every block is folded (whitespace removed) once per document, and the folded blocks are joined
(one separator apart): every unit — paragraph, run-in section, sentence, clause — takes its
comparison key as a slice of that text, read only when compared (a unit holds where its key lies,
not a string, and a level's units are kept as columns of ints, `Units`). WR401 hashes keys
(linear). WR402 never compares all pairs: the 3-gram at every offset of the joined text becomes
one int, cut in C from the UTF-16 encoding; one Counter pass counts them, and each 3-gram seen
twice gets a rank (by count, then a fixed pseudo-random tie-break), so the rank of every offset is
one list shared by paragraphs and sentences. A unit's sketch is its k lowest distinct ranks (rare
shingles), from its slice of that list, sorted. Units sharing enough sketch entries become
candidates, and only candidates, after a length bound, are scored with fuzz.ratio
(lint.similarity). Clauses are compared only within their paragraph, with the few before them.

Every step that touches each character or each unit (folding, placing the units' keys, verbatim
copies, ranking the 3-grams, the sketch index) is also compiled (_speedups.c, built with the
wheel where a C compiler is at hand) and runs there when the module is present: the same results,
several times faster. The C also sets aside the candidate pairs that share too few 3-grams or
characters to reach the threshold (exact bounds, see may_reach and chars_may_reach), so they are
never scored. The Python here is the reference the tests hold the C to; REPORTLINT_PURE_PYTHON=1
runs it.
"""
from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from itertools import chain, compress, filterfalse, groupby, islice, repeat
from functools import lru_cache
from operator import add, and_, eq, ge, itemgetter, lshift, lt, methodcaller, mul, or_, sub

from . import similarity
from .findings import Finding, Related
from ..document.model import Document
from ..document.positions import ASTRAL
from ..support.records import maker, record
from .native import speedups as _speedups

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without importing typing (3 ms of a one-file run)
if TYPE_CHECKING:
    from typing import Iterator

_FORBID = {"extra": "forbid"}  # pydantic config, read only when options are validated

_SPACE = re.compile(r"[\s\u3000]+")
_LEAD = re.compile(r"[\s\u3000#>*_\-]*")
_CLAUSE_MARKS = "，,；;：:。！？!?\n"       # what ends a clause
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_LEAD_CHARS = "#>*_-"                   # what folding strips at a key's start (after whitespace)
_TRAIL_CHARS = "。！？；!?;，,、：:"       # … and at its end
# 3-grams that occur more than once are ranked by their count in the document, then by a tie-break:
# the 3-gram as an int times an odd constant modulo 2**64 (a fixed permutation, so distinct 3-grams
# stay distinct, in an order that is random but the same in every process). Ranks are numbered 1,
# 2, … in that order, so sorting puts the rarest first. A 3-gram that occurs once can match
# nothing: rank 0, dropped from every sketch.
_MIX = 0x9E3779B97F4A7C15
_LOW = (1 << 64) - 1
_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"   # read back as native words
_COMPACT_FROM = 1_000_000              # offsets from which a document's ranks are kept in an array
_SLICE = 1 << 16                        # … and computed this many at a time
_CLAUSE = methodcaller("span", 1)     # a _long_clause match: where its clause lies
_CLAUSE_WINDOW = 32                     # a clause is compared with at most this many clauses before it


@record
class DuplicateOptions:
    """Verbatim duplicates: the minimum length (in characters, whitespace folded) of a copy."""

    __pydantic_config__ = _FORBID

    min_chars: int = 20
    related_message: str = "首次出现"


@record
class NearDuplicateOptions:
    """Near duplicates: rapidfuzz ratio threshold (0–100), minimum lengths, sketch size."""

    __pydantic_config__ = _FORBID

    threshold: float = 90.0
    min_chars: int = 15
    min_paragraph_chars: int = 40
    sketch_size: int = 8           # rarest 3-grams kept per unit
    min_shared: int = 2            # sketch entries a candidate pair must share …
    min_overlap: float = 0.0       # … and this share of the two sketches' union
    max_bucket: int = 12           # a 3-gram in more units than this is too common to index
    report_identical: bool = True
    clause_min_chars: int = 20      # clauses are compared only within one paragraph
    clause_threshold: float = 90.0
    related_message: str = "相似的前文"


@record
class Unit:
    """A paragraph, run-in section, sentence or clause: its span, and where its key lies in the
    document's joined folded text (a large document holds a million units, and a string each would
    double its memory). Units are kept in `Units` columns; a Unit is made for a reported one."""

    start: int
    end: int
    length: int         # of the key
    group: int = 0      # units are compared only within one group (clauses: one paragraph)
    at: int = 0         # offset of the key in the document's joined folded text


_make_unit = maker(Unit)     # Unit(...) in C, from one tuple


class Units:
    """One level's units (paragraphs and sections, sentences, or clauses) as columns of 8-byte ints.

    A 10 MB report has 200,000 units: as tuples, with an int object for each offset, they cost
    190 bytes a unit, as columns 40. A Unit tuple is made only for a unit that is reported.
    """

    __slots__ = ("start", "end", "length", "group", "at")

    def __init__(self) -> None:
        self.start, self.end, self.length, self.group, self.at = (array("q") for _ in range(5))

    def __len__(self) -> int:
        return len(self.start)

    def __getitem__(self, i: int) -> Unit:
        return _make_unit((self.start[i], self.end[i], self.length[i], self.group[i], self.at[i]))

    def add(self, start: int, end: int, placed: tuple[int, int], group: int = 0) -> None:
        """Append the unit text[start:end], its key placed at (length, at) by `_Folded.place`."""
        self.start.append(start)
        self.end.append(end)
        self.length.append(placed[0])
        self.group.append(group)
        self.at.append(placed[1])

    @classmethod
    def from_columns(cls, columns: tuple[bytes, ...]) -> Units:
        """Units from their five columns as machine int64s, as _speedups makes them."""
        units = cls()
        units.start, units.end, units.length, units.group, units.at = map(_int64s, columns)
        return units

    def keep(self, kept: list[bool]) -> Units:
        """The units where `kept` is true, in order (filtered in C, a column at a time)."""
        taken = Units()
        for mine, theirs in zip(self.columns(), taken.columns()):
            theirs.extend(compress(mine, kept))
        return taken

    def columns(self) -> tuple[array, ...]:
        return self.start, self.end, self.length, self.group, self.at


class _Folded:
    """Every block's text with whitespace removed, and the way back from original offsets.

    The folded blocks are joined, one separator apart, into one text: block b starts at `base[b]`,
    a unit's key is a slice of it, and its 3-grams are counted there in one pass. Block b's
    whitespace runs (holes, relative to its start, with the whitespace removed before each) are
    entries hole_from[b] to hole_from[b + 1] of the hole columns. Folded in C where _speedups was
    built (`_fold` is the reference).
    """

    __slots__ = ("starts", "ends", "joined", "base", "hole_from", "hole_start", "hole_end", "hole_before", "_ranks")

    def __init__(self, doc: Document) -> None:
        self.starts = array("q", (b.start for b in doc.compared))
        self.ends = array("q", (b.end for b in doc.compared))
        self._ranks: list[int] | array | None = None
        if _speedups is not None:
            joined, *columns = _speedups.fold(doc.text, self.starts, self.ends)
            self.base, self.hole_from, self.hole_start, self.hole_end, self.hole_before = map(_int64s, columns)
        else:
            joined, self.base, self.hole_from, self.hole_start, self.hole_end, self.hole_before = _fold(doc)
        # Folding removed every whitespace character, so no block holds the separator: a 3-gram
        # across a join equals no 3-gram inside one.
        self.joined: str = joined

    def key(self, units: Units, i: int) -> str:
        """Unit i's comparison key: its folded text, edge punctuation and marker stripped."""
        at = units.at[i]
        return self.joined[at:at + units.length[i]]

    def offset(self, b: int, pos: int) -> int:
        """The folded offset, inside block b, of original offset `pos`."""
        rel = pos - self.starts[b]
        first = self.hole_from[b]
        i = bisect_left(self.hole_start, rel, first, self.hole_from[b + 1]) - 1
        if i < first:
            return rel
        return rel - self.hole_before[i] - (min(rel, self.hole_end[i]) - self.hole_start[i])

    def ranks(self) -> list[int] | array:
        """The rank of the 3-gram at every offset of the joined text (0 if it occurs once), on first use:
        compiled where _speedups was built, else `_ranks`."""
        if self._ranks is None:
            if _speedups is not None:
                self._ranks = array("I", bytes(4 * max(len(self.joined) - 2, 0)))
                _speedups.ranks_into(self.joined, self._ranks)
            else:
                self._ranks = _ranks(self.joined)
        return self._ranks

    def layout(self) -> tuple[array, ...]:
        """Block starts and bases, and the holes, as int64 arrays: what _speedups places keys by."""
        return self.starts, self.base, self.hole_from, self.hole_start, self.hole_end, self.hole_before

    def place(self, b: int, key_from: int, end: int) -> tuple[int, int]:
        """(length, offset) in the joined text of the key of a unit of block b ending at `end`:
        text[key_from:end] folded, edges stripped."""
        if self.hole_from[b] == self.hole_from[b + 1]:     # most blocks: no whitespace, offsets just shift
            at, stop = key_from - self.starts[b], end - self.starts[b]
        else:
            at, stop = self.offset(b, key_from), self.offset(b, end)
        base = self.base[b]
        raw = self.joined[base + at:base + stop]
        lead = raw.lstrip(_LEAD_CHARS)
        return len(lead.rstrip(_TRAIL_CHARS)), base + at + len(raw) - len(lead)


def _ranks(text: str) -> list[int] | array:
    """The rank of the 3-gram at every offset of `text`, in Python (the reference _speedups.c matches).

    One counting pass over the whole document, then one lookup an offset in the (smaller) dict
    of repeated 3-grams; the tie-break is paid once per repeated 3-gram. Ranks are small ints,
    which a unit's sort compares fastest.
    """
    grams = _Grams(text)
    # A list of 3-grams costs ~40 bytes an offset (an int object each), an array 8, and the
    # ranks 8 (shared ints) or 4. Past _COMPACT_FROM offsets memory wins over the few
    # percent that reading Python ints from a list saves: the 3-grams are cut twice, a
    # slice at a time, to be counted and then ranked, and never held whole.
    if grams.count < _COMPACT_FROM or not grams.in_bmp:
        whole: list = []
        for piece in grams.slices():
            whole.extend(piece.tolist() if isinstance(piece, array) else piece)
        rank_of = _ranks_of_repeated(Counter(whole)).get
        return list(map(rank_of, whole, repeat(0)))
    rank_of = _ranks_of_repeated(grams.counts()).get
    # Made whole at once and filled in place: grown by extend, its last reallocation
    # would hold two copies (a 10 MB report's peak).
    ranks = array("I", (0,)) * grams.count
    at = 0
    for piece in grams.slices():
        ranks[at:at + len(piece)] = array("I", map(rank_of, piece, repeat(0)))
        at += len(piece)
    return ranks


def _ranks_of_repeated(counts: Counter) -> dict:
    """The rank of each 3-gram that occurs more than once: 1, 2, … by count, then tie-break.

    `counts` is the caller's last reference (passed as a temporary): it is freed here, the largest
    dict, before the ranks' dict is built (a big document's peak).
    """
    repeated = list(compress(counts, map(lt, repeat(1), counts.values())))
    tie_break = map(and_, map(mul, _as_ints(repeated), repeat(_MIX)), repeat(_LOW))
    order = list(map(or_, map(lshift, map(counts.__getitem__, repeated), repeat(64)), tie_break))
    del counts
    by_rank = sorted(range(len(repeated)), key=order.__getitem__)
    del order
    return dict(zip(map(repeated.__getitem__, by_rank), range(1, len(by_rank) + 1)))


class _Grams:
    """The 3-gram at every offset of a text (but the last two), as keys equal for equal 3-grams.

    Text within the Basic Multilingual Plane (all but emoji and rare CJK): the 3-gram at offset i
    is UTF-16 units i..i+2 as one 48-bit int, cut in C from four shifted copies of the encoding
    read as 64-bit words, the fourth unit of each word zeroed; they come as arrays, a slice at a
    time, and the text is encoded a slice at a time too, so that a large document never holds a
    copy of itself. Otherwise: one list of code point tuples.
    """

    __slots__ = ("count", "in_bmp", "_text")

    def __init__(self, text: str) -> None:
        self.count = max(len(text) - 2, 0)
        self.in_bmp = ASTRAL.search(text) is None   # a search, not a copy of the text encoded
        self._text = text

    def slices(self) -> Iterator[array | list]:
        """The 3-grams in order, in consecutive pieces."""
        if not self.count:
            return
        if not self.in_bmp:
            points = list(map(ord, self._text))
            yield list(zip(points, points[1:], points[2:]))
            return
        text, words = self._text, -(-self.count // 4)
        for first in range(0, words, _SLICE):
            size = min(_SLICE, words - first)
            # The slice's UTF-16 units and the three after it, zeros past the end of the text.
            units = array("H", text[4 * first:4 * (first + size) + 3].encode(_UTF16))
            units.frombytes(bytes(2 * (4 * size + 3 - len(units))))
            piece = array("Q", bytes(32 * size))
            zeros = array("H", bytes(2 * size))
            for k in range(4):
                window = units[k:4 * size + k]
                window[3::4] = zeros
                piece[k::4] = array("Q", window.tobytes())
            del piece[self.count - 4 * first:]      # the last piece ends at the last 3-gram
            yield piece

    def counts(self) -> Counter:
        """How often each 3-gram occurs."""
        counts: Counter = Counter()
        for piece in self.slices():
            counts.update(piece)
        return counts


def _as_ints(grams: list) -> Iterator[int]:
    """3-grams as ints (code point tuples packed 21 bits a code point)."""
    if grams and isinstance(grams[0], tuple):
        return (a << 42 | b << 21 | c for a, b, c in grams)
    return iter(grams)


def _fold(doc: Document) -> tuple[str, array, array, array, array, array]:
    """(joined, base, hole_from, hole_start, hole_end, hole_before) of _Folded, in Python."""
    text, texts = doc.text, []
    base, hole_from = array("q"), array("q", (0,))
    hole_start, hole_end, hole_before = array("q"), array("q"), array("q")
    at = 0
    for block in doc.compared:
        raw = text[block.start:block.end]
        spans = [m.span() for m in _SPACE.finditer(raw)]
        removed = 0
        for start, end in spans:
            hole_start.append(start)
            hole_end.append(end)
            hole_before.append(removed)
            removed += end - start
        hole_from.append(len(hole_start))
        texts.append(_SPACE.sub("", raw) if spans else raw)
        base.append(at)
        at += len(texts[-1]) + 1
    return "\n".join(texts), base, hole_from, hole_start, hole_end, hole_before


def _int64s(data: bytes) -> array:
    column = array("q")
    column.frombytes(data)
    return column


def folded(doc: Document) -> _Folded:
    """The document's folded blocks, built once and shared by every duplicate rule."""
    return doc.shared(_Folded, lambda: _Folded(doc))


def fold(text: str) -> str:
    """The comparison form of a span: whitespace removed, edge punctuation stripped."""
    return _SPACE.sub("", text).lstrip(_LEAD_CHARS).rstrip(_TRAIL_CHARS)


def block_units(doc: Document) -> Units:
    """Paragraphs and run-in sections (the part of a paragraph from one heading to the next).

    A section's key starts after its marker, so a section pasted under another number is caught.
    """
    return doc.shared(block_units, lambda: _block_units(doc))


def _block_units(doc: Document) -> Units:
    fd = folded(doc)
    if _speedups is not None:
        heads = sorted(doc.headings, key=lambda h: h.start)
        return Units.from_columns(_speedups.block_units(
            doc.text, fd.joined, fd.layout(), fd.ends, *_marker_columns(doc), array("q", (h.start for h in heads)),
            array("q", (h.title_start for h in heads)), array("q", (h.body_end for h in heads))))
    return _python_block_units(doc)


def _python_block_units(doc: Document) -> Units:
    fd, units = folded(doc), Units()
    heads = sorted(doc.headings, key=lambda h: h.start)
    h = 0
    for b, block in enumerate(doc.compared):
        units.add(block.start, block.end, fd.place(b, _key_start(doc, block.start, block.end), block.end))
        while h < len(heads) and heads[h].start < block.start:
            h += 1
        while h < len(heads) and heads[h].start < block.end:
            head = heads[h]
            end = min(head.body_end, block.end)
            if head.start > block.start or end < block.end:
                units.add(head.start, end, fd.place(b, head.title_start, end))
            h += 1
    return units


def _key_start(doc: Document, start: int, end: int) -> int:
    """Where a paragraph's or sentence's key starts: after Markdown prefixes and heading markers."""
    stripped = _LEAD.match(doc.text, start, end).end()
    spans = doc.marker_spans
    i = bisect_left(spans, (stripped, -1))
    while i < len(spans) and spans[i][0] == stripped:
        stripped = spans[i][1]
        i += 1
    return stripped


def _marker_columns(doc: Document) -> tuple[array, array]:
    """The starts and the ends of the document's marker spans, as int64 arrays for _speedups."""
    def columns() -> tuple[array, array]:
        spans = doc.marker_spans
        return array("q", map(itemgetter(0), spans)), array("q", map(itemgetter(1), spans))

    return doc.shared(_marker_columns, columns)


def verbatim_copies(doc: Document, min_chars: int) -> list[tuple[Unit, Unit]]:
    """(later copy, first copy) for every unit whose key was seen before; nested copies skipped.

    Block units come in document order: by start, a paragraph before the sections inside it. A
    key is remembered by its hash, not as a string (a file of 500,000 lines would hold them all);
    two keys with one hash are told apart by the strings themselves. In C where _speedups was built.
    """
    units = block_units(doc)
    if _speedups is not None and _fits_c(min_chars):
        found = _speedups.verbatim_copies(folded(doc).joined, units.start, units.end, units.length, units.at, min_chars)
        return [(units[i], units[seen]) for i, seen in found]
    return _python_verbatim_copies(doc, min_chars)


def _python_verbatim_copies(doc: Document, min_chars: int) -> list[tuple[Unit, Unit]]:
    units, key = block_units(doc), folded(doc).key
    starts, ends, lengths = units.start, units.end, units.length
    first: dict[int, int] = {}
    collided: dict[str, int] = {}
    copies: list[tuple[Unit, Unit]] = []
    covered_end = -1
    for i in range(len(units)):
        if lengths[i] < min_chars:
            continue
        text = key(units, i)
        seen = first.setdefault(hash(text), i)
        if seen != i and key(units, seen) != text:
            seen = collided.setdefault(text, i)
        if seen != i and ends[i] > covered_end and ends[seen] <= starts[i]:
            copies.append((units[i], units[seen]))
            covered_end = ends[i]
    return copies


def check_duplicate_blocks(doc: Document, options: DuplicateOptions) -> Iterator[Finding]:
    """WR401: a paragraph or run-in section repeated verbatim, at each later copy; and a paragraph
    that repeats a whole earlier one and goes on (or stops short: a truncated copy), at the later."""
    text, joined = doc.text, folded(doc).joined
    found = [(copy, seen, "copy") for copy, seen in verbatim_copies(doc, options.min_chars)]
    found += [(copy, seen, "prefix") for copy, seen in prefix_copies(doc, options.min_chars, found)]
    for copy, seen, variant, copy_end, seen_end in _passages(doc, sorted(found, key=lambda f: f[0].start)):
        excerpt = joined[copy.at:copy.at + min(copy.length, 12)] + ("…" if copy.length > 12 else "")
        yield Finding(copy.start, _trim_end(text, copy.start, copy_end), {"excerpt": excerpt}, variant,
                      related=(Related(seen.start, _trim_end(text, seen.start, seen_end),
                                       options.related_message),))


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
    earlier: dict[str, list[int]] = {}
    for i, head in enumerate(heads):
        if head not in shared:
            continue
        key = fd.key(units, i)
        for j in earlier.get(head, ()):
            other = fd.key(units, j)
            if other != key and units.end[j] <= units.start[i] and units.start[i] not in reported:
                if key.startswith(other):        # pasted, then written on: the repeated part
                    out.append((_head_unit(doc, units, i, len(other)), units[j]))
                    break
                if other.startswith(key):        # a copy cut short
                    out.append((units[i], units[j]))
                    break
        earlier.setdefault(head, []).append(i)
    return out


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
    while end < unit.end and text[end] in _TRAIL_CHARS:
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
    paragraphs = _outside(skip, blocks.keep(list(map(ge, blocks.length, repeat(options.min_paragraph_chars)))))
    found = list(_near_pairs(doc, fd, paragraphs, options, identical=False))
    del paragraphs      # each level's units go before the next is built: a large file holds millions
    skip = sorted(skip + [(u.start, u.end) for u, _, _ in found])
    sentences = _outside(skip, _sentence_units(doc, fd, options.min_chars))
    found.extend(_near_pairs(doc, fd, sentences, options, identical=options.report_identical))
    del sentences
    skip = sorted(skip + [(u.start, u.end) for u, _, _ in found])
    clauses = _outside(skip, _clause_units(doc, fd, options.clause_min_chars))
    found.extend(_near_clauses(fd, clauses, options.clause_threshold))
    for unit, earlier, score in sorted(found, key=lambda f: f[0].start):
        variant = "same" if score >= 100 else "similar"
        yield Finding(unit.start, _trim_end(doc.text, unit.start, unit.end), {"score": int(score)}, variant,
                      related=(Related(earlier.start, _trim_end(doc.text, earlier.start, earlier.end),
                                       options.related_message),))


def _regions(doc: Document) -> list[tuple[int, int]]:
    """Where sentences are compared: the blocks of Chinese prose (see Document.compared)."""
    return [(b.start, b.end) for b in doc.compared]


def _sentence_units(doc: Document, fd: _Folded, min_chars: int) -> Units:
    """Sentences whose key has at least min_chars characters: compiled where _speedups was built."""
    if _speedups is not None and _fits_c(min_chars):
        return Units.from_columns(_speedups.sentence_units(
            doc.text, fd.joined, fd.layout(), array("q", chain.from_iterable(_regions(doc))),
            *_marker_columns(doc), min_chars))
    return _python_sentence_units(doc, fd, min_chars)


def _python_sentence_units(doc: Document, fd: _Folded, min_chars: int) -> Units:
    units, b, starts, text, place = Units(), 0, fd.starts, doc.text, fd.place
    last = len(starts) - 1
    markers = {start for start, _ in doc.marker_spans}     # a key starting at none needs no bisect
    for start, end in doc.sentences(_regions(doc)):
        if end - start < min_chars:
            continue
        key_from = _LEAD.match(text, start, end).end()
        if key_from in markers:
            key_from = _key_start(doc, start, end)
        if end - key_from < min_chars:      # the key is at most this long: not worth folding
            continue
        while b < last and starts[b + 1] <= start:
            b += 1
        placed = place(b, key_from, end)
        if placed[0] >= min_chars:
            units.add(start, end, placed)
    return units


def _clause_units(doc: Document, fd: _Folded, min_chars: int) -> Units:
    """Long clauses, grouped by paragraph (…贯穿审计工作全过程，…贯穿审计工作全过程): compiled
    where _speedups was built."""
    if _speedups is not None and _fits_c(min_chars):
        return Units.from_columns(_speedups.clause_units(
            doc.text, fd.joined, fd.layout(), fd.ends, min_chars))
    return _python_clause_units(doc, fd, min_chars)


def _python_clause_units(doc: Document, fd: _Folded, min_chars: int) -> Units:
    units = Units()
    shortest = 2 * max(min_chars, 1) + 1     # two long clauses and a mark between them
    for b, block in enumerate(doc.compared):
        if block.end - block.start < shortest:
            continue
        # A mark put before the block's text lets its first clause start like every other one.
        spans = list(map(_CLAUSE, _long_clause(min_chars).finditer("\n" + doc.text[block.start:block.end])))
        if len(spans) > 1:
            shift = block.start - 1
            group = [(shift + start, shift + end, fd.place(b, shift + start, shift + end))
                     for start, end in spans]
            group = [clause for clause in group if clause[2][0] >= min_chars]
            if len(group) > 1:
                for start, end, placed in group:
                    units.add(start, end, placed, b)
    return units


@lru_cache(maxsize=8)
def _long_clause(min_chars: int) -> re.Pattern:
    """A mark, then a clause of at least min_chars characters (group 1): the regex skips the short
    ones itself. Opening with the mark, it is tried only where a clause starts (sre skips in C to
    the next mark); tried at every character, it would count a short clause again at each one."""
    return re.compile(f"[{_CLAUSE_MARKS}]([^{_CLAUSE_MARKS}]{{{max(min_chars, 1)},}})")


def _near_clauses(fd: _Folded, units: Units, threshold: float) -> Iterator[tuple[Unit, Unit, float]]:
    """(clause, earlier clause, score) within one paragraph, each compared with the few before it.

    Paragraphs hold few long clauses, so no sketch is needed; the window keeps a paragraph of
    thousands of clauses linear.
    """
    if not len(units):
        return
    for i, found in _clause_candidates(fd, units, threshold):
        near = _nearest(fd, units, i, found, threshold, identical=False)
        if near is not None:
            yield near


def _clause_candidates(fd: _Folded, units: Units, threshold: float) -> Iterator[tuple[int, list[int]]]:
    """(i, the clauses before clause i in its window and paragraph): in C, only those sharing
    enough 3-grams and characters to reach the threshold (exact bounds: may_reach and
    chars_may_reach in _speedups.c)."""
    ranks = fd.ranks()
    if _speedups is not None:
        return iter(_speedups.clause_candidates(fd.joined, ranks, units.at, units.length, units.group,
                                                _CLAUSE_WINDOW, threshold / 100))
    return _python_clause_candidates(units)


def _python_clause_candidates(units: Units, window: int = _CLAUSE_WINDOW) -> Iterator[tuple[int, list[int]]]:
    for _, run in groupby(range(len(units)), key=units.group.__getitem__):
        group = list(run)
        for i in range(1, len(group)):
            yield group[i], group[max(0, i - window):i]


def _outside(skip: list[tuple[int, int]], units: Units) -> Units:
    """The units not inside any span of `skip` (sorted by start).

    A unit is inside when the last span starting at or before it ends at or after it: the columns
    are filtered in _speedups where it was built; else `_python_outside` bisects for all units in
    C-level maps, with no Python call a unit.
    """
    if not skip:
        return units
    if _speedups is not None:
        return Units.from_columns(_speedups.outside(array("q", map(itemgetter(0), skip)),
                                                    array("q", map(itemgetter(1), skip)), *units.columns()))
    return _python_outside(skip, units)


def _python_outside(skip: list[tuple[int, int]], units: Units) -> Units:
    starts = [start for start, _ in skip]
    ends = [-1]         # for a unit before every span: a span that ends before it
    ends.extend(end for _, end in skip)
    keep = list(map(lt, map(ends.__getitem__, map(bisect_right, repeat(starts), units.start)), units.end))
    if all(keep):
        return units
    return units.keep(keep)


def _near_pairs(doc: Document, fd: _Folded, units: Units, options: NearDuplicateOptions,
                identical: bool) -> Iterator[tuple[Unit, Unit, float]]:
    """(unit, earlier unit, score) for units similar to an earlier one, from sketch candidates.

    Parallel by design, not repeated: two items of one list (1)一次小波分解，使用绝对值最大法 /
    2)三次小波分解，使用绝对值最大法), and a lead-in whose meaning is what follows it
    (……的外观权重为： / ……的几何权重为：)."""
    parallel = _Parallel(doc)
    for i, found in _candidates(fd, units, options):
        start = units.start[i]
        if parallel.leads_in(units.end[i]):
            continue
        found = [j for j in found if not parallel.items_of_one_list(start, units.start[j])
                 and not parallel.leads_in(units.end[j])]
        near = _nearest(fd, units, i, found, options.threshold, identical) if found else None
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


def _nearest(fd: _Folded, units: Units, i: int, found: list[int], threshold: float,
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


def _candidates(fd: _Folded, units: Units, options: NearDuplicateOptions) -> Iterator[tuple[int, list[int]]]:
    """(i, the earlier units unit i may nearly repeat): _Index's work, compiled where _speedups was
    built (for any options a C int holds: the sketch is at most 64 entries there). The C also sets
    aside the candidates that share too few 3-grams or characters to reach the threshold (exact
    bounds: may_reach and chars_may_reach)."""
    ranks = fd.ranks()
    if (_speedups is not None and 0 <= options.sketch_size <= 64
            and _fits_c(options.max_bucket) and _fits_c(options.min_shared)):
        return iter(_speedups.candidates(fd.joined, ranks, units.at, units.length, units.start, units.end,
                                       options.sketch_size, options.max_bucket, options.min_shared,
                                       options.min_overlap, options.threshold / 200, options.threshold / 100))
    return _python_candidates(ranks, units, options)


def _fits_c(option: int) -> bool:
    """Whether an option fits the C int that _speedups reads it into."""
    return -1 << 31 < option < 1 << 31


def _python_candidates(ranks: list[int] | array, units: Units,
                       options: NearDuplicateOptions) -> Iterator[tuple[int, list[int]]]:
    # Each unit's repeated 3-grams' ranks, sorted (rarest first: its sketch is taken from the
    # front), built lazily in C: slice of the shared ranks, zeros dropped, sorted — no Python call
    # per unit.
    ats = units.at
    # A key's last 3-gram starts 2 before its end; a key shorter than 3 has none (the stop is
    # kept from falling below the start, where a negative one would count from the end).
    slices = map(slice, ats, map(max, ats, map(add, ats, map(sub, units.length, repeat(2)))))
    unit_ranks = map(sorted, map(filter, repeat(None), map(ranks.__getitem__, slices)))
    return _Index(units, options).candidates(unit_ranks)


class _Index:
    """Posting lists from sketch entry to the units holding it, with stop entries dropped.

    A unit's sketch is its `sketch_size` rarest repeated 3-grams that are not stop entries (rare
    shingles: two copies share the 3-grams found nowhere else, while text that merely shares a
    common phrase with many others shares only frequent ones).

    An entry indexed for more than max_bucket units says nothing about copying: it becomes a
    stop entry and is never looked up again, so every posting list stays short (linear time).
    Candidates share `min_shared` entries and `min_overlap` of the two sketches' union, end
    before the unit starts, and have lengths a and b that allow the threshold: fuzz.ratio is
    at most 200·min(a, b)/(a + b).
    """

    __slots__ = ("units", "buckets", "common", "sizes", "options")

    def __init__(self, units: Units, options: NearDuplicateOptions) -> None:
        self.units = units
        self.buckets: defaultdict[int, list[int]] = defaultdict(list)
        self.common: set[int] = set()
        self.sizes: list[int] = []
        self.options = options

    def candidates(self, all_ranks: Iterator[list[int]]) -> Iterator[tuple[int, list[int]]]:
        """Index every unit in turn by its sorted 3-gram ranks; yield (i, the earlier units
        unit i may nearly repeat) for each unit that has any.

        One loop over all units rather than a method call per unit: the per-unit work is a few
        C calls, so the call and attribute lookups were a good share of it.
        """
        options, common, buckets, sizes = self.options, self.common, self.buckets, self.sizes
        lengths, ends, starts = self.units.length, self.units.end, self.units.start
        k, max_bucket, min_shared = options.sketch_size, options.max_bucket, options.min_shared
        overlap, bound = options.min_overlap, options.threshold / 200
        for i, ranks in enumerate(all_ranks):
            head = ranks[:k]
            sketch = list(dict.fromkeys(head))
            if len(sketch) < len(head):         # a 3-gram twice in the unit: k distinct lie further on
                sketch = _first_distinct(ranks, k)
            if common and not common.isdisjoint(sketch):
                sketch = _first_distinct(filterfalse(common.__contains__, ranks), k)
            size = len(sketch)
            sizes.append(size)
            if not size:
                continue
            postings = list(map(buckets.__getitem__, sketch))
            hits = list(chain.from_iterable(postings))
            any(map(list.append, postings, repeat(i, size)))     # append i to each posting list, in C
            # Each posting list holds at most len(hits) + 1 units: only then can one be too long.
            if len(hits) >= max_bucket and max(map(len, postings)) > max_bucket:
                self._stop(sketch, postings)
            need = min(min_shared, size) or 1
            if len(hits) < need:
                continue
            # Sorted, a unit found `need` times starts a run that long: compared in C, no Counter.
            hits.sort()
            found = list(dict.fromkeys(compress(hits, map(eq, hits, islice(hits, need - 1, None)))))
            if not found:
                continue
            # Candidates whose sketch overlap and length allow the threshold, ending before unit i.
            start = starts[i]
            shortest, longest = _length_window(lengths[i], bound)
            found = [j for j in found
                     if shortest <= lengths[j] <= longest and ends[j] <= start
                     and (not overlap or _count(hits, j) * (1 + overlap) >= overlap * (size + sizes[j]))]
            if found:
                yield i, found

    def _stop(self, sketch: list[int], postings: list[list[int]]) -> None:
        for h, posting in zip(sketch, postings):
            if len(posting) > self.options.max_bucket:
                self.common.add(h)
                del self.buckets[h]


def _first_distinct(ranks: Iterator[int], k: int) -> list[int]:
    return list(islice(dict.fromkeys(ranks), k))


def _count(ordered: list[int], x: int) -> int:
    return bisect_right(ordered, x) - bisect_left(ordered, x)


@lru_cache(maxsize=4096)     # shared by every index: the same few key lengths recur in every document
def _length_window(length: int, bound: float) -> tuple[int, int]:
    """The shortest and longest key that can reach the threshold against a key of `length`.

    fuzz.ratio is at most 200·min(a, b)/(a + b), so b fits when min(a, b) >= bound·(a + b). The
    closed form gives the ends; they are then settled on that very comparison, which is monotone
    on each side of `length`, so the window admits exactly the lengths the comparison admits.
    """
    if bound <= 0:
        return 0, sys.maxsize

    def fits(other: int) -> bool:
        return min(length, other) >= bound * (length + other)

    shortest = min(length, int(bound * length / (1 - bound)))
    while shortest > 0 and fits(shortest - 1):
        shortest -= 1
    while shortest <= length and not fits(shortest):
        shortest += 1
    longest = max(length, int(length * (1 - bound) / bound))
    while fits(longest + 1):
        longest += 1
    while longest >= length and not fits(longest):
        longest -= 1
    return shortest, longest
