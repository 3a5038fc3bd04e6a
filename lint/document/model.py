"""The document model: cheap value objects built once per file and read by every rule.

Nothing changes a Marker, Heading, Block or Span once it is made. Markers, ordinals, blocks and
spans are named tuples: a report has one Block per line, and a tuple is built in C. A Heading is
a class with slots, as the rules read its fields most: a slot is read three times as fast as a
named tuple's field (lint/support/records.py says why records, not dataclasses).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property

from .positions import LineIndex
from ..support.records import maker, record
from .text import SpanSet, merge_spans, sentence_spans
from ..support.hints import Iterator

# Heading families and their level in GB/T 9704 practice: 一、 > （一） > 1. > （1） > ①.
LEVELS = {"cn": 1, "paren_cn": 2, "arabic": 3, "paren_arabic": 4, "circled": 5}


@record
class Marker:
    """A heading number as written, e.g. "（二）、" → family paren_cn, value 2, punct "、"."""

    family: str      # cn 一、 | paren_cn （一） | arabic 1. | paren_arabic （1） | circled ①
    value: int
    start: int       # offsets of the whole marker text
    end: int
    text: str
    open: str = ""   # the opening bracket as written ("（", "(" or "")
    close: str = ""  # the closing bracket as written
    punct: str = ""  # what follows the number (or the brackets): "、", ".", "．", "" ...

    @property
    def level(self) -> int:
        return LEVELS[self.family]

    @property
    def width(self) -> str:
        """"full" or "half" for bracketed markers, "" otherwise."""
        if not self.open and not self.close:
            return ""
        return "half" if (self.open or self.close) in "()" else "full"


class Heading:
    """One heading of the outline: numbered (its marker) or an unnumbered Markdown or Word heading."""

    __slots__ = ("index", "marker", "level", "start", "title_start", "title_end", "line", "run_in",
                 "parent", "children", "body_end", "role", "run", "depth", "drawn", "listed")

    def __init__(self, index: int, marker: Marker | None, level: int, start: int, title_start: int,
                 title_end: int, line: int, run_in: bool, parent: int | None = None,
                 children: tuple[int, ...] = (), body_end: int = 0, role: str = "heading", run: int = -1,
                 depth: int = 0, drawn: bool = False, listed: bool = False) -> None:
        self.index = index
        self.marker = marker        # None for an unnumbered heading (a Markdown "## 存在的问题")
        self.level = level          # the marker family's level (1 for 一、 … 5 for ①); 0 when unnumbered
        self.start = start          # start of the marker (or of the title when unnumbered)
        self.title_start = title_start
        self.title_end = title_end
        self.line = line
        self.run_in = run_in        # True when the heading is inside a paragraph, not on a line of its own
        self.parent = parent
        self.children = children
        self.body_end = body_end    # where the section ends: the next heading not inside it, or a boundary
        self.role = role            # "heading": a title governing a body; "item": a list item that is its content
        self.run = run              # the sibling run whose numbers count up together (-1 when unnumbered)
        self.depth = depth          # a Markdown or Word heading's level (1 = top); 0 for text headings
        self.drawn = drawn          # the number is Word's automatic numbering, not typed by the writer
        self.listed = listed        # an item of a Markdown or Word list: its form is the renderer's

    def __repr__(self) -> str:
        return f"Heading({', '.join(f'{name}={getattr(self, name)!r}' for name in self.__slots__)})"

    def title(self, text: str) -> str:
        return text[self.title_start:self.title_end]


@record
class Ordinal:
    """A run-in enumeration item: 一是 (shi), 第一， (di), 其一 (qi)."""

    family: str
    value: int
    start: int
    end: int
    text: str


@record
class Block:
    """A paragraph: one non-blank line of prose (code, front matter and comments excluded)."""

    start: int
    end: int
    line: int


@record
class Span:
    start: int
    end: int


# For the loops that make one per line, heading or ordinal:
make_block, make_marker, make_ordinal = maker(Block), maker(Marker), maker(Ordinal)


class Document:
    """Everything the rules read about one file. Built by lint.document.builder.build_document."""

    def __init__(self, path: str, text: str, kind: str, index: LineIndex, blocks: list[Block],
                 headings: list[Heading], enumerations: list[tuple[Ordinal, ...]],
                 masked: list[Span] | None = None, *, runs: list[tuple[int, ...]] | None = None,
                 paragraphs: list[tuple[int, int]] | None = None, literals: list[tuple[int, int]] = (),
                 compared: list[Block] | None = None, genre: tuple[str, str] = ("", ""), title: tuple[int, int] = (0, 0),
                 signoffs: list[tuple[int, int]] = (), boundaries: list = (), comments: list[tuple[int, int]] = ()) -> None:
        self.path = path
        self.text = text
        self.kind = kind                # the file's format: "text", "markdown" or "docx"
        self.index = index
        self.blocks = blocks            # the lines of prose
        self.headings = headings
        self.enumerations = enumerations
        self.masked = [] if masked is None else masked   # not prose: code, front matter, comments, HTML
        # The outline's sibling runs (indexes into headings): the numbers of each count up together.
        self.runs = runs if runs is not None else _runs_by_parent(headings)
        # Blocks joined over soft line breaks (……实施《 / 行政许可法 / 》): where pairs must close.
        self.paragraphs = paragraphs if paragraphs is not None else [(b.start, b.end) for b in blocks]
        self.literals = list(literals)  # URLs, e-mail, key names, emoticons: copied text, not prose
        self.compared = blocks if compared is None else compared   # Chinese prose, for duplicates
        # What kind of report ("summary", "weekly", … "" when unknown), and what told it: its "title",
        # its file's "name", its "opening" words, or the "config".
        self.genre, self.genre_source = genre
        self.title = title              # the span of the document's title line
        self.signoffs = list(signoffs)  # each sign-off block (unit, name, date) as (start, end)
        self.boundaries = list(boundaries)
        self.comments = list(comments)  # a Markdown file's HTML comments (reportlint directives)
        self._memo: dict = {}

    def shared(self, key, build):
        """build(), once per document for each key: what several rules derive alike."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
            return value

    def blocks_at(self, offsets: list[int]) -> list[Block]:
        """The blocks holding any of the sorted `offsets`, each once, in order.

        A rule that needs a character (%, 其) reads only these instead of searching every block.
        """
        return [self.blocks[i] for i in self.block_indexes_at(offsets)]

    def block_indexes_at(self, offsets: list[int]) -> list[int]:
        """blocks_at as indexes into `blocks`. Bisection both ways: the work is per block found,
        not per offset."""
        starts = self.block_starts
        out: list[int] = []
        j = 0
        while j < len(offsets):
            i = bisect_right(starts, offsets[j]) - 1
            if i >= 0 and offsets[j] < self.blocks[i].end:
                out.append(i)
                j = bisect_left(offsets, self.blocks[i].end, j)
            else:   # on a blank or masked line: on to the next block
                j = bisect_left(offsets, starts[i + 1], j) if i + 1 < len(starts) else len(offsets)
        return out

    @cached_property
    def block_starts(self) -> list[int]:
        """The start of every block, for bisection."""
        return self.block_spans.starts

    @cached_property
    def block_spans(self) -> SpanSet:
        """The blocks as a SpanSet: the regions the pattern kinds search."""
        return SpanSet([(b.start, b.end) for b in self.blocks])

    @cached_property
    def not_prose(self) -> SpanSet:
        """Masked and literal text, heading markers and enumeration ordinals: what the punctuation
        and pattern rules skip."""
        spans = [(s.start, s.end) for s in self.masked] + self.marker_spans
        if self.literals:
            spans = merge_spans(spans + self.literals)
        return SpanSet(spans)

    @cached_property
    def roots(self) -> tuple[int, ...]:
        """Indexes of the top-level headings."""
        return tuple(h.index for h in self.headings if h.parent is None)

    @cached_property
    def marker_spans(self) -> list[tuple[int, int]]:
        """Sorted (start, end) of every heading marker and enumeration ordinal."""
        spans = [(h.marker.start, h.marker.end) for h in self.headings if h.marker]
        spans.extend((o.start, o.end) for run in self.enumerations for o in run)
        return sorted(spans)

    def sentences(self, regions: list[tuple[int, int]] | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of the sentences of every block, in order (see text.sentence_spans). Lines
        that are not blocks are blank unless masked: without masks the whole text is split in one
        call, and blank lines give only spaces, which are dropped."""
        return sentence_spans(self.text, self.sentence_regions() if regions is None else regions)

    def sentence_regions(self) -> list[tuple[int, int]]:
        """Where sentences are looked for: the blocks when some text is masked, else the whole text."""
        return [(b.start, b.end) for b in self.blocks] if self.masked else [(0, len(self.text))]


def _runs_by_parent(headings: list[Heading]) -> list[tuple[int, ...]]:
    """Sibling runs when no builder gave them: numbered headings grouped by parent and level."""
    groups: dict[tuple, list[int]] = {}
    for h in headings:
        if h.marker is not None:
            groups.setdefault((h.parent, h.level), []).append(h.index)
    return [tuple(run) for run in groups.values()]


