"""Markdown as a CommonMark reader sees it (pulldown-cmark, through pyromark): which text is prose.

A Markdown report is structure, not text: a heading's depth is its level, a list is a container
whose items a renderer numbers, and code, HTML, front matter, tables' rule rows, link targets and
entities are not prose for any rule. pulldown-cmark gives every block and inline event with its
byte range; this module turns them into character spans and per-line facts for the builder.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from ..support.records import maker, record
from .text import merge_spans
from ..support.hints import TYPE_CHECKING

if TYPE_CHECKING:
    from .positions import LineIndex


@record
class MarkdownHeading:
    """An ATX or setext heading: its first line, depth (1 for #) and the span of its title text."""

    line: int
    depth: int
    start: int
    end: int


@record
class MarkdownItem:
    """A list item: the line its marker is on, the list it belongs to (an id per list), how deep
    that list is nested (1 = a top-level list) and whether the list is ordered."""

    line: int
    list_id: int
    depth: int
    ordered: bool


_make_heading = maker(MarkdownHeading)


class MarkdownLayout:
    """What the builder needs to know of a Markdown file."""

    __slots__ = ("masked", "comments", "headings", "items", "table_lines", "break_lines", "quote_lines")

    def __init__(self) -> None:
        self.masked: list[tuple[int, int]] = []        # character spans that are not prose
        self.comments: list[tuple[int, int]] = []      # HTML comments: <!-- reportlint-disable … -->
        self.headings: list[MarkdownHeading] = []
        self.items: dict[int, MarkdownItem] = {}        # line → the item whose marker starts it
        self.table_lines: set[int] = set()
        self.break_lines: set[int] = set()              # thematic breaks (***, ---): a hard boundary
        self.quote_lines: set[int] = set()


# Block and inline events whose whole range is not prose.
_MASKED_BLOCKS = {"CodeBlock", "HtmlBlock", "MetadataBlock", "Image"}
_MASKED_INLINE = {"Code", "InlineHtml", "Html", "InlineMath", "DisplayMath", "TaskListMarker", "FootnoteReference"}
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_DEPTHS = {"H1": 1, "H2": 2, "H3": 3, "H4": 4, "H5": 5, "H6": 6}


def read_markdown(text: str, index: LineIndex, line_bytes: list[int]) -> MarkdownLayout:
    """The layout of a Markdown text: masks, headings, list items, tables, breaks."""
    import pyromark

    options = (pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS
               | pyromark.Options.ENABLE_TASKLISTS | pyromark.Options.ENABLE_FOOTNOTES)
    chars = _CharOffsets(text, index, line_bytes)
    layout = MarkdownLayout()
    lists: list[tuple[int, bool]] = []      # open lists: (id, ordered)
    link_text_end: list[int] = []           # where the text of each open link ends so far
    heading: list[int] = []                 # an open heading: its depth and line
    list_count = 0
    at, line_of = chars.at, chars.line_of
    for event, span in pyromark.events_with_range(text, options=options):
        if event.__class__ is str:      # SoftBreak, HardBreak, Rule: no payload
            name, value = event, None
        else:
            (name, value), = event.items()
        if name == "Text":
            if link_text_end:       # the text of a link: its target starts after it
                link_text_end[-1] = at(span["end"])
        elif value == "Paragraph" and (name == "Start" or name == "End"):
            continue                # the most common block, with nothing to note
        elif name == "Start":
            tag, info = (value, None) if isinstance(value, str) else next(iter(value.items()))
            if tag in _MASKED_BLOCKS:
                layout.masked.append((at(span["start"]), at(span["end"])))
            elif tag == "List":
                list_count += 1
                lists.append((list_count, info is not None))
            elif tag == "Item" and lists:
                line = line_of(span["start"])
                layout.items.setdefault(line, MarkdownItem(line, lists[-1][0], len(lists), lists[-1][1]))
            elif tag == "Heading":
                heading[:] = [_DEPTHS.get(info["level"], 6), line_of(span["start"])]
            elif tag in ("Table", "BlockQuote"):
                first, last = line_of(span["start"]), line_of(max(0, span["end"] - 1))
                (layout.quote_lines if tag == "BlockQuote" else layout.table_lines).update(range(first, last + 1))
            elif tag == "Link":
                link_text_end.append(at(span["start"]))
        elif name == "End":
            tag = value if isinstance(value, str) else next(iter(value))
            if tag == "List" and lists:
                lists.pop()
            elif tag == "Heading" and heading:
                _add_heading(layout, text, index, heading)
                heading.clear()
            elif tag == "Link" and link_text_end:
                # "[文本](docs/说明.md)": the target is not prose, the text is.
                text_end, end = link_text_end.pop(), at(span["end"])
                if text_end < end:
                    layout.masked.append((text_end, end))
        elif name == "Rule":
            layout.break_lines.add(line_of(span["start"]))
        elif name in _MASKED_INLINE:
            start, end = at(span["start"]), at(span["end"])
            layout.masked.append((start, end))
            if name in ("Html", "InlineHtml"):
                layout.comments.extend(m.span() for m in _COMMENT.finditer(text, start, end))
    # Entities (&nbsp; &amp;) read as the characters they stand for: where one is written, it is
    # markup. Found in the text itself (a text event gives the character, not the entity).
    if "&" in text:
        layout.masked.extend(m.span() for m in _ENTITY.finditer(text))
    layout.masked = merge_spans(layout.masked)
    layout.comments = sorted(set(layout.comments))
    return layout


def _add_heading(layout: MarkdownLayout, text: str, index: LineIndex, heading: list[int]) -> None:
    """The heading's title: its first line without the #s, closing #s and spaces (ATX), or the
    text line of a setext heading."""
    depth, line = heading
    line_start, line_end = index.line_span(line)
    raw = text[line_start:line_end]
    stripped = raw.lstrip(" ")
    if stripped.startswith("#"):
        body = stripped.lstrip("#")
        title_start = line_start + (len(raw) - len(body))
        body = body.rstrip(" \t\r")
        if body.endswith("#"):
            trimmed = body.rstrip("#")
            body = trimmed if not trimmed or trimmed[-1] in " \t" else body
        body = body.rstrip(" \t")                   # the title and any spaces before it
        title_end = title_start + len(body)
        title_start += len(body) - len(body.lstrip(" \t"))
    else:
        title_start = line_start + len(raw) - len(raw.lstrip(" \t"))
        title_end = line_start + len(raw.rstrip(" \t\r"))
    layout.headings.append(_make_heading((line, depth, title_start, max(title_start, title_end))))


class _CharOffsets:
    """UTF-8 byte offsets (pulldown-cmark's) → character offsets.

    Through each line's byte start, then within the line from a cursor that moves forward (events
    come mostly in order) and a memo of the offsets seen (an end event repeats its start's), so a
    long line costs its length once, not once per event.
    """

    __slots__ = ("text", "index", "byte_starts", "ascii", "_line", "_bytes", "_cursor", "_seen")

    def __init__(self, text: str, index: LineIndex, line_bytes: list[int]) -> None:
        self.text, self.index = text, index
        self.ascii = text.isascii()
        # Each line's first byte: the lengths before it, each with its \n.
        self.byte_starts = [0, *accumulate(n + 1 for n in line_bytes[:-1])] if not self.ascii else []
        self._line = -1
        self._bytes = b""
        self._cursor = (0, 0)
        self._seen: dict[int, int] = {}

    def line_of(self, byte: int) -> int:
        """The line of the character at `byte` (which is the line of at(byte))."""
        if self.ascii:
            return self.index.line_of(byte)
        return bisect_right(self.byte_starts, byte) - 1

    def at(self, byte: int) -> int:
        if self.ascii:
            return byte
        line = bisect_right(self.byte_starts, byte) - 1
        if line != self._line:
            starts = self.index.starts
            self._line = line
            self._bytes = self.text[starts[line]:starts[line + 1] if line + 1 < len(starts) else len(self.text)].encode("utf-8")
            self._cursor = (0, 0)
            self._seen = {}
        within = byte - self.byte_starts[line]
        known = self._seen.get(within)
        if known is None:
            from_byte, from_char = self._cursor if within >= self._cursor[0] else (0, 0)
            known = from_char + len(self._bytes[from_byte:within].decode("utf-8", "ignore"))
            self._cursor = (within, known)
            self._seen[within] = known
        return self.index.starts[line] + known
