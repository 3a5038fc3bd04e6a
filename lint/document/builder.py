"""Text → Document: blocks, the outline (numbered and explicit headings, their runs and roles),
enumerations, paragraphs, boundaries, the sign-off and the report's kind.

Each step lives in its own module: markers.py (where a heading number can stand), ordinals.py
(一是/二是), markdown.py (a Markdown file's structure), layout.py (lead-ins, part headings,
separators, languages, sign-offs, paragraphs, literal text), outline.py (the tree), genre.py (the
report's kind). A .docx reader's regions (table cells, contents, headers, styled headings, Word
lists) are taken as they are.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from . import layout
from .layout import HARD, SOFT, Boundary
from .markers import find_markers
from .model import Block, Document, Span, make_block
from .ordinals import find_enumerations
from .outline import Candidate, build_tree, candidates
from .positions import LineIndex
from .text import SpanSet, utf8, utf8_line_lengths

_SPACES = " \t\u3000"
_LONE_CR = re.compile(r"\r(?!\n)")
# Lines of these region roles are not part of the outline and not compared for duplicates.
_OFF_OUTLINE = {"cell", "toc", "header", "footer", "footnote", "endnote", "textbox", "comment"}
_TITLE_STRIP = " \t\u3000#*_"
_TITLE_CHARS = 60
# A first line with a sentence inside it, or opening with a heading number, is no title.
_NOT_A_TITLE = re.compile(r"[。！？；!?;]\s*\S|^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])")


def build_document(text: str, path: str = "<text>", kind: str = "text", regions: tuple = (),
                   genre: str | None = None) -> Document:
    """Parse `text` into the Document every rule reads; `regions` are what a .docx reader knows of
    its lines; `genre` sets the report's kind (else it is recognised).

    Lone carriage returns (old Mac line ends) become line feeds first: every pattern here and in
    the packs knows \\n and \\r\\n, and the swap keeps each offset where it was.
    """
    encoded = utf8(text)
    has_cr = b"\r" in encoded      # memchr over the bytes: in a str, \r's low byte is 不's too
    if has_cr and _LONE_CR.search(text):
        text = _LONE_CR.sub("\n", text)
        encoded = utf8(text)
    index = LineIndex(text, has_cr)
    line_bytes = utf8_line_lengths(text, encoded)
    md = None
    masked: list[Span] = []
    if kind == "markdown":
        from .markdown import read_markdown

        md = read_markdown(text, index, line_bytes)
        masked = [Span(s, e) for s, e in md.masked]
    roles = _region_lines(regions)
    masked.extend(Span(*index.line_span(line)) for line in sorted(roles.get("toc", ())))
    masked.sort()
    mask = SpanSet((s.start, s.end) for s in masked)
    blocks = _blocks(text, index, mask)
    block_lines = [b.line for b in blocks]
    off_outline = set().union(*(roles.get(r, ()) for r in _OFF_OUTLINE)) | (md.table_lines if md else set())
    found = _candidates(text, encoded, index, mask, md, regions, off_outline)
    marker_lines = {c.line for c in found if c.marker is not None and not c.run_in}
    separators = set(layout.separator_lines(text, blocks)) | (md.break_lines if md else set())
    switches = layout.language_switches(text, blocks, line_bytes)
    signoffs = _signoffs(text, index, blocks, block_lines, separators | set(switches))
    boundaries = _boundaries(text, encoded, index, kind, blocks, set(block_lines), marker_lines, separators,
                             switches, signoffs)
    heading_lines = marker_lines | {c.line for c in found if c.depth}
    prose_lines = [line for line in block_lines if line not in heading_lines]
    headings, runs = build_tree(text, found, boundaries, [start for start, _ in signoffs], prose_lines)
    enumerations = find_enumerations(text, blocks, headings, mask)
    breaks = off_outline | {h.line for h in headings if h.depth} | (set(md.items) if md else set())
    signed = {line for start, end in signoffs for line in range(index.line_of(start), index.line_of(end) + 1)}
    title = _title(text, blocks, md)
    return Document(path, text, kind, index, blocks, headings, enumerations, masked,
                    runs=runs, paragraphs=_paragraphs(text, blocks, marker_lines, breaks, kind),
                    literals=layout.literal_spans(text, encoded),
                    compared=layout.compared_blocks(text, blocks, line_bytes, off_outline | signed),
                    genre=(genre, "config") if genre is not None else _genre(text, path, title, blocks),
                    title=title, signoffs=signoffs, boundaries=boundaries,
                    comments=md.comments if md is not None else ())


def _blocks(text: str, index: LineIndex, mask: SpanSet) -> list[Block]:
    """Every line with a character other than a space, a tab or an ideographic space.

    Lines are known from the index: most begin with such a character, and only the others are
    stripped to look (where a regex would read every character to find each line's end).
    """
    blocks = [make_block((start, end, line)) for line, (start, end) in enumerate(zip(index.starts, index.line_ends()))
              if start < end and (text[start] not in _SPACES or text[start:end].lstrip(_SPACES))]
    if mask.starts:
        blocks = [b for b in blocks if not (b.start in mask and b.end - 1 in mask)]
    return blocks


def _region_lines(regions: tuple) -> dict[str, set[int]]:
    """The lines of each region role."""
    out: dict[str, set[int]] = {}
    for r in regions:
        out.setdefault(r.role, set()).update(range(r.first_line, r.last_line + 1))
    return out


def _candidates(text: str, encoded: bytes, index: LineIndex, mask: SpanSet, md, regions: tuple,
                off_outline: set[int]) -> list[Candidate]:
    """Every heading the outline is made of: numbered ones found in the text (not in tables,
    contents, headers or footnotes), Markdown and Word headings, with their list facts."""
    found = candidates(text, index, find_markers(text, index, mask, encoded))
    if off_outline:
        found = [c for c in found if c.line not in off_outline]
    explicit = _explicit_headings(text, index, md, regions)
    if explicit or md is not None or regions:
        _attach_structure(found, explicit, md, regions)
    return found + [c for c in explicit.values() if c is not None]


def _explicit_headings(text: str, index: LineIndex, md, regions: tuple) -> dict[int, Candidate | None]:
    """Markdown headings and paragraphs a Word style makes headings, by line: unnumbered
    candidates, replaced by the numbered one when a number opens the title."""
    spans: dict[int, tuple[int, int, int]] = {}
    if md is not None:
        for h in md.headings:
            spans[h.line] = (h.depth, h.start, h.end)
    for r in regions:
        if r.role == "heading":
            start, end = index.line_span(r.first_line)
            lead = len(text[start:end]) - len(text[start:end].lstrip(_TITLE_STRIP))
            spans[r.first_line] = (max(r.level, 1), start + lead, end)
    out: dict[int, Candidate | None] = {}
    for line, (depth, start, end) in spans.items():
        lang = layout.language(text[start:end])
        out[line] = Candidate(None, start, start, end, line, False, 0, lang, depth=depth)
    return out


def _attach_structure(found: list[Candidate], explicit: dict[int, Candidate | None], md, regions: tuple) -> None:
    """A number that opens a Markdown or Word heading is that heading's; one that opens a
    Markdown ordered list item, or a paragraph Word numbers (drawn: Word counts, not the writer),
    belongs to that list."""
    lists, list_ids = {}, {}
    for r in regions:
        if r.role == "list":
            list_id = list_ids.setdefault(r.group, -1 - len(list_ids))    # Word's numId, apart from Markdown's
            for line in range(r.first_line, r.last_line + 1):
                lists[line] = (list_id, r.level)
    for c in found:
        if c.run_in:
            continue
        heading = explicit.get(c.line)
        if heading is not None and c.start - heading.title_start <= 2:
            c.depth = heading.depth
            explicit[c.line] = None
            continue
        item = md.items.get(c.line) if md is not None else None
        if item is not None and item.ordered and c.marker.family == "arabic":
            c.list_id, c.list_depth, c.listed = item.list_id, item.depth, True
        elif c.line in lists:
            list_id, level = lists[c.line]
            c.list_id, c.list_depth, c.listed, c.drawn = list_id, max(level, 1), True, True


def _signoffs(text: str, index: LineIndex, blocks: list[Block], block_lines: list[int],
              ends: set[int]) -> list[tuple[int, int]]:
    """Sign-off blocks (unit, name, date): looked for where a report ends, at the end of the text
    or of one half, before a separator or the other language (the lines in `ends`). `block_lines`
    are the blocks' lines."""
    if not blocks:
        return []
    last_blocks = set(range(max(0, len(blocks) - 4), len(blocks)))
    for line in ends:
        at = bisect_left(block_lines, line)
        last_blocks.update(range(max(0, at - 4), at))
    return layout.signoff_spans(text, index, blocks, last_blocks)


def _boundaries(text: str, encoded: bytes, index: LineIndex, kind: str, blocks: list[Block], prose: set[int],
                marker_lines: set[int], separators: set[int], switches: list[int],
                signoffs: list[tuple[int, int]]) -> list[Boundary]:
    """Where list containers end, in document order (see layout.Boundary); `prose` holds the
    blocks' lines."""
    ends = index.line_ends()
    # A lead-in is a boundary from the end of its line on: the list it announces comes after it.
    out = [Boundary(ends[line], SOFT, line) for line in layout.lead_in_lines(text, index, prose, encoded)]
    hard_lines = set(switches) | (separators & prose)
    if kind == "text":
        hard_lines.update(layout.part_heading_lines(text, blocks, marker_lines))
    out.extend(Boundary(index.starts[line], HARD, line) for line in hard_lines)
    out.extend(Boundary(start, HARD, index.line_of(start)) for start, _ in signoffs)
    out.sort(key=lambda bd: (bd.offset, bd.strength))
    return out


def _paragraphs(text: str, blocks: list[Block], marker_lines: set[int], breaks: set[int],
                kind: str) -> list[tuple[int, int]]:
    """Paragraphs over soft line breaks; a Word paragraph is one line already."""
    if kind == "docx":
        return [(b.start, b.end) for b in blocks]
    return layout.paragraphs(text, blocks, marker_lines, breaks)


def _title(text: str, blocks: list[Block], md) -> tuple[int, int]:
    """The span of the document's title: a Markdown document's first heading when it opens the
    text, else its first line of prose."""
    if md is not None and md.headings and blocks and md.headings[0].line == blocks[0].line:
        first = md.headings[0]
        return first.start, first.end
    if not blocks:
        return 0, 0
    b = blocks[0]
    raw = text[b.start:b.end]
    if len(raw.strip()) > _TITLE_CHARS or _NOT_A_TITLE.search(raw):
        return b.start, b.start     # a paragraph or a numbered heading first: the text has no title
    lead = len(raw) - len(raw.lstrip(_TITLE_STRIP))
    return b.start + lead, b.start + len(raw.rstrip(_TITLE_STRIP))


def _genre(text: str, path: str, title: tuple[int, int], blocks: list[Block]) -> str:
    from .genre import genre_of

    opening = text[blocks[0].start:blocks[min(len(blocks), 4) - 1].end] if blocks else ""
    return genre_of(text[title[0]:title[1]], path, opening)
