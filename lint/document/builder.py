"""Text → Document: blocks, numbered headings (line-start and run-in), the heading tree, enumerations.

Whether a marker-shaped string is a heading depends on its context; each decision is a named
predicate below, tested against CONTRACT.md's "not headings" list.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .model import Block, Document, Heading, Marker, Ordinal, Span, make_block, make_marker, make_ordinal
from .numbering import Parsed, parse_marker, parse_ordinal
from .positions import LineIndex
from .text import CN_NUMERALS, SpanSet, match_at

_N = f"[{CN_NUMERALS}]{{1,3}}"
_P = "[、．.，,]"
MARKER = (
    rf"{_N}[、．.，,](?![{CN_NUMERALS}])"            # 一、  (not 三、四月份, 一、二季度)
    rf"|[（(]{_N}[）)]{_P}?"                          # （一） (一)
    r"|(?<![0-9０-９])[0-9０-９]{1,2}(?:[.．、,，](?![0-9０-９])|[)）])"  # 1. 1、 1)  (not 1.5亿元, 10:30,)
    rf"|[（(][0-9０-９]{{1,2}}[）)]{_P}?"              # （1）
    rf"|[①-⑳]{_P}?"                                    # ①
)
# A heading starts a line (after indentation, a Markdown "##" or "**") or follows a sentence end.
# (Each whitespace run follows something literal: two adjacent runs would backtrack quadratically.)
_LINE_START = r"^[ \t\u3000]*(?:#{1,6}[ \t\u3000]+)?(?:(?:\*\*|__)[ \t\u3000]*)?"
_AFTER_SENTENCE = r"(?:(?<=[。！？；!?;：])|(?<=[^0-9０-９]:))[ \t\u3000]*"   # not the 30 of 10:30
# A heading match starts at a line start or right after a sentence end (the lookbehinds of
# _AFTER_SENTENCE), and its marker follows what _LINE_START allows: after the text's start, only
# the ends of these are tried, which finds what _HEADING_RE.finditer(text) finds. (The class
# opens the pattern, so sre finds candidates in C; each space run follows a literal.)
_HEADING_START = re.compile(rf"[\n。！？；!?;：:](?=[ \t\u3000#*_]*[{CN_NUMERALS}（(0-9０-９①-⑳])")
_HEADING_RE = re.compile(rf"(?:{_LINE_START}|{_AFTER_SENTENCE})(?P<m>{MARKER})", re.M)
# Inside a heading's title, a lower-level marker starts a run-in child: 一、就业形势总体稳定（一）主要…
_SUB_MARKER_RE = re.compile(rf"(?<!第)(?:{MARKER})")
_ORDINAL_RE = re.compile(
    rf"(?<![{CN_NUMERALS}统唯之万逐专同划单如归合第不整初周均纯数独这那每任哪])(?P<shi>{_N})是(?!(?P=shi))"
    rf"|第{_N}[，,、：:]"
    rf"|(?<![{CN_NUMERALS}])其[{CN_NUMERALS}][，,、：:是]"
)
_ORDINAL_FIRST = CN_NUMERALS + "第其"   # where an _ORDINAL_RE match can start
_ORDINAL_START = re.compile(f"[{_ORDINAL_FIRST}]")
# Where an ordinal can be: every match of _ORDINAL_RE lies inside a match of this one, which is
# _ORDINAL_RE without its lookarounds (so it matches wherever _ORDINAL_RE does, and more) and
# opens with a class, so sre skips in C to the next place worth a look.
_ORDINAL_AREA = re.compile(
    rf"[{_ORDINAL_FIRST}](?:(?<=[{CN_NUMERALS}])[{CN_NUMERALS}]{{0,2}}是"
    rf"|(?<=第){_N}[，,、：:]"
    rf"|(?<=其)[{CN_NUMERALS}][，,、：:是])")
_MARKER_START = re.compile(f"[{CN_NUMERALS}（(0-9０-９①-⑳]")   # where a MARKER match can start
_TITLE_END = re.compile(r"[。！？；!?;]")
_BLANK = re.compile(r"[ \t\u3000\r\n*#_]*")
_MD_MASKS = re.compile(
    r"\A---\r?\n.*?\r?\n---[ \t]*(?:\r?\n|\Z)"                   # YAML front matter
    r"|^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\r\n]*(?=\r?$)|\Z)"       # fenced code (LF or CRLF)
    r"|<!--.*?-->"                                               # HTML comments
    r"|`[^`\r\n]+`",                                             # inline code
    re.S | re.M,
)
# Where an _MD_MASKS match can start, besides the text's start: a line that opens with ``` or ~~~,
# a comment's < and an inline code's `. (Every alternative opens with a literal, so sre finds
# them in C.)
_MASK_START = re.compile(r"<|`|\n(?=[ \t]*[`~])")
_SPACES = " \t\u3000"
_LONE_CR = re.compile(r"\r(?!\n)")
_TEXT_START = re.compile(r"[^ \t\u3000#*_]")   # a heading is run in when text precedes it on its line


def build_document(text: str, path: str = "<text>", kind: str = "text", regions: tuple = ()) -> Document:
    """Parse `text` into the Document every rule reads; `regions` are what a .docx reader knows of its lines.

    Lone carriage returns (old Mac line ends) become line feeds first: every pattern here and in
    the packs knows \n and \r\n, and the swap keeps each offset where it was.
    """
    if "\r" in text and _LONE_CR.search(text):
        text = _LONE_CR.sub("\n", text)
    index = LineIndex(text)
    masked = _markdown_masks(text) if kind == "markdown" else []
    mask = SpanSet((s.start, s.end) for s in masked)
    blocks = _blocks(text, index, mask)
    raw = _find_headings(text, index, mask)
    headings = _tree(raw, text, index)
    enumerations = _enumerations(text, blocks, headings, mask)
    return Document(path, text, kind, index, blocks, headings, enumerations, masked)


def _markdown_masks(text: str) -> list[Span]:
    """Front matter, fenced and inline code, comments: _MD_MASKS tried only where a mask can start."""
    starts = [0] + [m.end() if m.group() == "\n" else m.start() for m in _MASK_START.finditer(text)]
    return [Span(m.start(), m.end()) for m in match_at(_MD_MASKS, text, starts)]


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


def _find_headings(text: str, index: LineIndex, mask: SpanSet) -> list[tuple[Marker, int, int]]:
    """Every heading as (marker, title start, title end), in document order."""
    found: list[tuple[Marker, int, int]] = []
    last_end = -1
    starts = [0] + [m.end() for m in _HEADING_START.finditer(text)]
    for m in match_at(_HEADING_RE, text, starts):
        start = m.start("m")
        if start < last_end or start in mask:
            continue
        marker = _marker(text, start, m.end("m"))
        if marker is None:
            continue
        found.extend(_heading_with_run_in_children(text, marker, mask, index))
        last_end = found[-1][2]
    return found


def _heading_with_run_in_children(text, marker, mask, index: LineIndex):
    """A heading, then any lower-level heading that starts inside its unpunctuated title."""
    out = []
    while marker is not None:
        line_end = index.line_ends()[index.line_of(marker.end)]   # not str.find: one long line
        stop = _TITLE_END.search(text, marker.end, line_end)
        limit = stop.start() if stop else line_end
        title_end = limit
        child = None
        ordinal = _search_from(_ORDINAL_RE, _ORDINAL_START, text, marker.end, limit)
        if ordinal:
            title_end = ordinal.start()
        for sub in _finditer_from(_SUB_MARKER_RE, _MARKER_START, text, marker.end, title_end):
            candidate = _marker(text, sub.start(), sub.end())
            if candidate and candidate.level > marker.level and sub.start() not in mask:
                child, title_end = candidate, sub.start()
                break
        out.append((marker, marker.end, _rstrip(text, marker.end, title_end)))
        marker = child
    return out


# Searching a title for an ordinal or a sub-marker starts at the first character one can start
# with: the patterns open with lookbehinds, so sre would try every offset; these classes it scans
# in C, and a title with none of them is not searched at all.
def _search_from(rx: re.Pattern, first: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    at = first.search(text, start, end)
    return rx.search(text, at.start(), end) if at else None


def _finditer_from(rx: re.Pattern, first: re.Pattern, text: str, start: int, end: int):
    at = first.search(text, start, end)
    return rx.finditer(text, at.start(), end) if at else ()


def _marker(text: str, start: int, end: int) -> Marker | None:
    parsed: Parsed | None = parse_marker(text[start:end])
    if parsed is None or parsed.value == 0 or _is_enumerated_number(text, end, parsed):
        return None
    return make_marker((parsed.family, parsed.value, start, end, text[start:end],
                        parsed.open, parsed.close, parsed.punct))


def _is_enumerated_number(text: str, end: int, parsed: Parsed) -> bool:
    """1、2号机组 lists numbers, it is not a heading. (第(一)项 never reaches here: 第 is no heading position.)"""
    return parsed.punct == "、" and parsed.family == "arabic" and text[end:end + 1].isdigit()


def _tree(raw, text: str, index: LineIndex) -> list[Heading]:
    """Nest headings by level with a stack; record children and where each section ends."""
    n = len(raw)
    levels = [marker.level for marker, _, _ in raw]   # (a property: read once each)
    parents: list[int | None] = [None] * n
    children: list[list[int]] = [[] for _ in range(n)]
    stack: list[int] = []
    for i, level in enumerate(levels):
        while stack and levels[stack[-1]] >= level:
            stack.pop()
        if stack:
            parents[i] = stack[-1]
            children[stack[-1]].append(i)
        stack.append(i)
    body_ends = _body_ends(raw, levels, len(text))
    headings = []
    first_text: dict[int, int] = {}
    for i, (marker, title_start, title_end) in enumerate(raw):
        line = index.line_of(marker.start)
        first = first_text.get(line)
        if first is None:   # where the line's text starts, once per line (a 5 MB line has many headings)
            found = _TEXT_START.search(text, index.starts[line])
            first = first_text[line] = found.start() if found else len(text)
        run_in = first < marker.start
        headings.append(Heading(i, marker, levels[i], marker.start, title_start, title_end, line,
                                run_in, parents[i], tuple(children[i]), body_ends[i]))
    return headings


def _body_ends(raw, levels: list[int], text_len: int) -> list[int]:
    """For each heading, the start of the next heading of the same or a higher level."""
    ends = [text_len] * len(raw)
    open_: list[int] = []
    for i, (marker, _, _) in enumerate(raw):
        while open_ and levels[open_[-1]] >= levels[i]:
            ends[open_.pop()] = marker.start
        open_.append(i)
    return ends


def _enumerations(text, blocks, headings, mask) -> list[tuple[Ordinal, ...]]:
    """Runs of 一是/二是, 第一/第二, 其一/其二 within one passage.

    A run ends at a heading, and at a paragraph break unless the new paragraph begins with
    the next item of a list whose previous paragraph also began with an item.
    """
    heading_starts = [h.start for h in headings]
    block_starts = [b.start for b in blocks]
    runs: dict[str, list[Ordinal]] = {}
    done: list[tuple[Ordinal, ...]] = []
    h = 0
    current = -1                        # the block of the previous ordinal
    led: set[str] = set()               # families whose item begins the current block
    prev_block_led: set[str] = set()    # ... and the block before it
    masked = bool(mask.starts)
    parses: dict[str, Parsed | None] = {}   # a report repeats a few ordinals many times
    for m in _ordinals(text):
        (start, end), written = m.span(), m.group()
        b = bisect_right(block_starts, start) - 1
        if b < 0 or end > blocks[b].end or (masked and start in mask):
            continue   # not prose: a blank or masked line
        if written not in parses:
            parses[written] = parse_ordinal(written)
        parsed = parses[written]
        if parsed is None:
            continue
        if b != current:
            prev_block_led = led if b == current + 1 else set()
            led, current = set(), b
        block = blocks[b]
        passed = bisect_left(heading_starts, start, h)   # headings since the last ordinal end its runs
        if passed > h:
            h = passed
            _close_all(runs, done)
        family = parsed.family
        ordinal = make_ordinal((family, parsed.value, start, end, written))
        run = runs.get(family)
        leads = _BLANK.fullmatch(text, block.start, start) is not None
        if run and run[-1].start < block.start and not (leads and family in prev_block_led):
            done.append(tuple(runs.pop(family)))
        runs.setdefault(family, []).append(ordinal)
        if leads:
            led.add(family)
    _close_all(runs, done)
    done.sort(key=lambda run: run[0].start)
    return done


def _ordinals(text: str):
    """_ORDINAL_RE.finditer(text), tried only inside the matches of _ORDINAL_AREA.

    Every match of _ORDINAL_RE starts inside one (finditer's matches of the looser pattern cover
    each place where it matches), and they are few: a numeral alone, as in 统一, is passed over in C.
    The pattern never spans a line, so searching the whole text finds what searching each
    paragraph finds; matches off the paragraphs are for the caller to drop.
    """
    return match_at(_ORDINAL_RE, text, [p for m in _ORDINAL_AREA.finditer(text) for p in range(*m.span())])


def _close_all(runs: dict[str, list[Ordinal]], done: list) -> None:
    done.extend(tuple(run) for run in runs.values())
    runs.clear()


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\u3000*_":
        end -= 1
    return end

