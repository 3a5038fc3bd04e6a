"""The page as a reader sees it, beyond its numbered headings.

Which stretches are literal text (URLs, e-mail, key names, emoticons: no prose for any rule);
where a list's container ends (a lead-in line, a part heading, a separator, a switch to the
other language, a sign-off); which lines run on as one paragraph over soft line breaks; and which
lines are prose worth comparing for duplicates. Each fact is found by a regex or a str.find over
the whole text and then checked line by line only where it matched: the builder runs on every file.
"""
from __future__ import annotations

import re

from ..support.records import record
from .text import holds, merge_spans
from ..support.hints import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Block
    from .positions import LineIndex

HARD, SOFT = "hard", "soft"


@record
class Boundary:
    """Where a list's container ends: `hard` closes every open list (a part heading, a separator,
    the other language, a sign-off), `soft` lets the next list start again at one (a lead-in)."""

    offset: int
    strength: str
    line: int


# --- literal text -----------------------------------------------------------------------------

_URL_TAIL = re.compile(r"[^\s\u3000-\u303f\uff01-\uff5e“”‘’<>\"'）)]*(?:\)[^\s\u3000-\u303f\uff01-\uff5e“”‘’<>\"']*)*")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*\Z")
_EMPTY_PARENS = re.compile(r"\(\)")   # sre's search for two characters outruns str.find's
_CALL = re.compile(r"[A-Za-z_][A-Za-z0-9_.:]*\(\)")     # HandleProcess(), obj.run(): code, not brackets
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_KEYS = re.compile(r"(?:(?:Ctrl|Alt|Shift|Cmd|Command|Option|Opt|Win|Meta|Fn|Super)\s*\+\s*)+"
                   r"[^\s\u3000-\u303f\uff01-\uff5e“”‘’]")
# ;-) :) =P ^_^, tried where one of its first characters is (str.find: few in Chinese text).
_EMOTICON = re.compile(r"[:;=](?<![A-Za-z0-9][:;=])-?[()DPp](?![A-Za-z0-9])|\^_\^")


def literal_spans(text: str, encoded: bytes | None = None) -> list[tuple[int, int]]:
    """URLs, e-mail addresses, calls (HandleProcess()), key combinations (Ctrl+,) and emoticons
    (;-) ^_^): text that is copied, not written, so no punctuation, pair or placeholder rule reads
    it. Found from the strings every one of them holds (str.find runs in C), never by a regex
    tried everywhere; `encoded` (the text in UTF-8) tells which of them the text holds at all."""
    spans: list[tuple[int, int]] = []
    for at in _all(text, "://", encoded):
        head = _SCHEME.search(text, max(0, at - 12), at)
        start = head.start() if head else at
        spans.append((start, _URL_TAIL.match(text, at + 3).end()))
    for at in _all(text, "www.", encoded):
        if at == 0 or not text[at - 1].isalnum() and text[at - 1] not in "/.":
            spans.append((at, _URL_TAIL.match(text, at).end()))
    for at in _all(text, "@", encoded):
        found = _EMAIL.search(text, max(0, at - 64), min(len(text), at + 256))
        if found and found.start() <= at < found.end():
            spans.append(found.span())
    for parens in _EMPTY_PARENS.finditer(text) if holds(text, "(", encoded) else ():
        at = parens.start()
        found = _CALL.search(text, max(0, at - 64), at + 2)
        if found and found.end() == at + 2:
            spans.append(found.span())
    for at in _all(text, "+", encoded):
        found = _KEYS.search(text, max(0, at - 40), min(len(text), at + 2))
        if found and found.start() <= at < found.end():
            spans.append(found.span())
    for mark in ":;=^":
        for at in _all(text, mark, encoded):
            found = _EMOTICON.match(text, at)
            if found:
                spans.append(found.span())
    return merge_spans(spans)


def _all(text: str, needle: str, encoded: bytes | None = None) -> list[int]:
    """Every offset of `needle` in `text`, overlapping ones too.

    With `encoded`, the text in UTF-8, a needle opening with an ASCII character the text lacks is
    known absent from the bytes (see text.holds).
    """
    if encoded is not None and needle[0] < "\x80" and not holds(text, needle[0], encoded):
        return []
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


# --- lines ---------------------------------------------------------------------------------------

_INDENT = re.compile(r"[ \t\u3000\u200b\ufeff]*")
_WIDTH = {" ": 1, "\t": 4, "\u3000": 2}


def indent_of(text: str, start: int) -> int:
    """The visual indentation of the line starting at `start`: a space 1, an ideographic space 2,
    a tab 4; zero-width characters 0."""
    lead = _INDENT.match(text, start).group()
    return sum(_WIDTH.get(c, 0) for c in lead) if lead else 0


def language(line: str) -> str:
    """"en" for a line of Latin letters and ASCII only, "zh" for one with other characters
    (Chinese), "" for digits and punctuation alone."""
    if line.isascii():
        return "en" if any(c.isalpha() for c in line) else ""
    return "zh"


# A lead-in: a line that ends with a colon, or announces what follows (……如下, 有以下几点).
_LEAD_IN_REST = re.compile(r"(?:[：:]|如下|以下[^，。；,;：:\r\n]{0,10}?)[。.]?[ \t\u3000*_]*\r?$")
_SEPARATOR = re.compile(r"[ \t\u3000]*(?:[=\-—_*~#·.－＝][ \t\u3000]*){3,}$")
_SEPARATOR_FIRST = frozenset("=-—_*~#·.－＝ \t\u3000")
_NOT_A_TITLE = re.compile(r"[，,；;。：:！!？?“”\"《》<>|/\\=@#]|https?|\d{4}[-./年]")
_PART_TITLE_CHARS = 30


def lead_in_lines(text: str, index: LineIndex, lines: set[int], encoded: bytes | None = None) -> list[int]:
    """The lines among `lines` (prose) that end as a lead-in: tried only where a colon, 如下 or 以下
    stands (str.find finds them in C), and only up to the line's end. 如下 and 以下 are found from
    their 下: a search for one character runs memchr, several times faster than one for two.
    `encoded` is the text in UTF-8 (see _all)."""
    ends = index.line_ends()
    found = set()
    places = _all(text, "：") + _all(text, ":", encoded)
    places += [at - 1 for at in _all(text, "下") if at and text[at - 1] in "如以"]
    for at in places:
        line = index.line_of(at)
        if line in lines and _LEAD_IN_REST.match(text, at, ends[line]):
            found.add(line)
    return sorted(found)


def separator_lines(text: str, blocks: list[Block]) -> list[int]:
    """Lines of separator characters only (====, ----, ——, ***)."""
    first, match = _SEPARATOR_FIRST, _SEPARATOR.match
    return [b.line for b in blocks if text[b.start] in first and match(text, b.start, b.end)]


def part_heading_lines(text: str, blocks: list[Block], marker_lines: set[int]) -> list[int]:
    """Plain-text part headings: 关于外交工作, 结束语 — a short unnumbered line standing alone
    between blank lines, with no sentence punctuation, near the left margin (body paragraphs
    are indented or long)."""
    out = []
    last = len(blocks) - 1
    for i, b in enumerate(blocks):
        if b.end - b.start > _PART_TITLE_CHARS + 8 or b.line in marker_lines:
            continue
        if (i > 0 and blocks[i - 1].line == b.line - 1) or (i < last and blocks[i + 1].line == b.line + 1):
            continue    # not alone between blank lines
        raw = text[b.start:b.end]
        if (len(raw.strip()) <= _PART_TITLE_CHARS and not _NOT_A_TITLE.search(raw) and language(raw) == "zh"
                and indent_of(text, b.start) <= 4):
            out.append(b.line)
    return out


def language_switches(text: str, blocks: list[Block], line_bytes: list[int]) -> list[int]:
    """Lines where the text turns to the other language for good: the first of two or more
    consecutive English blocks after Chinese ones, or the reverse (a bilingual report's halves).
    A line whose UTF-8 length is its length is ASCII: only those are read for letters."""
    out: list[int] = []
    current, pending, count = "", -1, 0
    for b in blocks:
        if line_bytes[b.line] > b.end - b.start:
            lang = "zh"
        else:
            lang = language(text[b.start:b.end])
            if not lang:
                continue
        if lang == current:
            pending, count = -1, 0
            continue
        if pending < 0:
            pending, count = b.line, 1
        else:
            count += 1
        if count >= 2 or not current:
            if current:
                out.append(pending)
            current, pending, count = lang, -1, 0
    return out


# --- the sign-off ----------------------------------------------------------------------------------

_DATE_LINE = re.compile(
    r"[ \t\u3000]*(?:(?:日期|时间)[：:]\s*)?(?:\d{4}\s*[-./年]\s*[\dxX]{1,2}\s*[-./月]\s*[\dxX]{1,2}\s*日?"
    r"|[二〇○零一二三四五六七八九十]{4}年[〇○零一二三四五六七八九十]{1,3}月[〇○零一二三四五六七八九十]{1,3}日"
    r"|\d{4}年\d{1,2}月)[ \t\u3000]*\r?$")
_SIGNER = re.compile(r"(?:局|委员会|委|办公室|办|公司|中心|开发组|小组|组|学校|学院|大学|医院|政府|部|处|科|所|站|队|社"
                     r"|协会|集团|银行|分行|支行|街道|党委|党组|支部)[ \t\u3000]*\r?$"
                     r"|^[ \t\u3000]*(?:总结人|汇报人|报告人|述职人|填报人|姓名|部门|单位|签名)[：:]")
_SENTENCE_MARK = re.compile(r"[。；;！!？?，,]")


def signoff_spans(text: str, index: LineIndex, blocks: list[Block], candidates: set[int]) -> list[tuple[int, int]]:
    """Each sign-off block as (start, end): a date line, right-aligned or last before a blank or the
    end, with the short signer lines above it (unit, names, 总结人：…). Only the blocks at
    `candidates` (indexes: the last ones, and those before a separator or the other language) can
    end one. A sign-off belongs to no section: what follows the last heading up to it is that
    heading's body, the sign-off is not."""
    out = []
    for i in sorted(candidates):
        if not 0 <= i < len(blocks):
            continue
        b = blocks[i]
        if not _DATE_LINE.match(text, b.start, b.end):
            continue
        last = i + 1 >= len(blocks) or blocks[i + 1].line > b.line + 1
        if not (last or indent_of(text, b.start) >= 8):
            continue
        first = i
        while first > 0 and blocks[first - 1].line == blocks[first].line - 1 and _signer(text, blocks[first - 1]):
            first -= 1
        out.append((blocks[first].start, b.end))
    return out


def _signer(text: str, block: Block) -> bool:
    raw = text[block.start:block.end]
    if len(raw.strip()) > 40 or _SENTENCE_MARK.search(raw):
        return False
    return indent_of(text, block.start) >= 8 or _SIGNER.search(raw) is not None


# --- paragraphs and prose ------------------------------------------------------------------------

_ENDS_SENTENCE = "。！？!?"


def paragraphs(text: str, blocks: list[Block], starts_item: set[int], breaks: set[int]) -> list[tuple[int, int]]:
    """Blocks joined over soft line breaks: a line that does not end a sentence runs on into the
    next line when that one is adjacent and starts no item (……实施《 / 行政许可法 / 》，取消……).
    `breaks` are lines that always stand alone (headings, table rows, list items of Markdown)."""
    out: list[tuple[int, int]] = []
    previous = None
    for b in blocks:
        if (previous is not None and b.line == previous.line + 1 and b.line not in starts_item
                and b.line not in breaks and previous.line not in breaks
                and text[previous.end - 1] not in _ENDS_SENTENCE):
            out[-1] = (out[-1][0], b.end)
        else:
            out.append((b.start, b.end))
        previous = b
    return out


def compared_blocks(text: str, blocks: list[Block], line_bytes: list[int], left_out: set[int],
                    min_wide: int = 8) -> list[Block]:
    """The blocks duplicates are looked for in: Chinese prose. Not URLs, e-mail or contact lines,
    QQ numbers, an English half (fewer than `min_wide` wide characters, or under a third of the
    line), and not the lines in `left_out` (tables, sign-offs, headers and footers, contents).

    A Chinese character is three bytes in UTF-8 and an ASCII one is one: the wide characters of a
    line are counted from its encoded length (`line_bytes`, see text.utf8_line_lengths)."""
    out = []
    for b in blocks:
        length = b.end - b.start
        wide = (line_bytes[b.line] - length) >> 1
        if wide >= min_wide and 3 * wide >= length and b.line not in left_out:
            out.append(b)
    return out
