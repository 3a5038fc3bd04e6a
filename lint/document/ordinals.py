"""Run-in enumerations: 一是/二是, 第一/第二, 其一/其二, and the runs they form within a passage."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .model import Ordinal, make_ordinal
from .numbering import Parsed, parse_ordinal
from .text import CN_NUMERALS

_N = f"[{CN_NUMERALS}]{{1,3}}"
_BLANK = re.compile(r"[ \t\u3000\r\n*#_]*")
# What no 一是 follows: 统一是, 唯一是, 第一是 …
_NOT_AFTER = f"[{CN_NUMERALS}统唯之万逐专同划单如归合第不整初周均纯数独这那每任哪]"
# 一是 (not 统一是, 一是一), 第一， and 其一 (not 十其一). The pattern opens with the class of their
# first characters, so sre skips in C to the next place worth a look (a pattern opening with a
# lookbehind is tried at every offset); the lookbehinds that guard that first character come
# after it and so are two characters wide. 一是一 is told by its two groups, which spell the number.
_ORDINAL_RE = re.compile(
    rf"(?P<first>[{CN_NUMERALS}第其])(?:"
    rf"(?<=[{CN_NUMERALS}])(?<!{_NOT_AFTER}.)"
    rf"(?P<more>[{CN_NUMERALS}]{{0,2}})是(?!(?P=first)(?P=more))"
    rf"|(?<=第){_N}[，,、：:]"
    rf"|(?<=其)(?<![{CN_NUMERALS}].)[{CN_NUMERALS}][，,、：:是])"
)
# The same ordinals, one pattern for each form, each opening with a character: sre looks for one
# character several times faster than for one of a class, and numerals are common where 是, 第 and
# 其 are not. 一是 is found from its 是, with the one to three numerals before it (and what stands
# before them) read behind it, each number of them in its own group.
_SHI = re.compile("是(?:" + "|".join(
    rf"(?<=(?<!{_NOT_AFTER})(?P<n{k}>[{CN_NUMERALS}]{{{k}}})是)(?!(?P=n{k}))" for k in (1, 2, 3)) + ")")
_DI = re.compile(rf"第{_N}[，,、：:]")
_QI = re.compile(rf"其(?<![{CN_NUMERALS}]其)[{CN_NUMERALS}][，,、：:是]")


def ordinal_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every match of _ORDINAL_RE.finditer(text), from the patterns of each form.

    No two matches of one form overlap, so every place where one matches is found; where an
    ordinal of another form overlaps (其一是 holds 一是), the first one is kept, as finditer does.
    """
    found = [(m.start(m.lastgroup), m.end()) for m in _SHI.finditer(text)]
    others = [m.span() for m in _DI.finditer(text)] + [m.span() for m in _QI.finditer(text)]
    if not others:
        return found
    out: list[tuple[int, int]] = []
    last_end = -1
    for start, end in sorted(found + others):
        if start >= last_end:
            out.append((start, end))
            last_end = end
    return out


def find_enumerations(text, blocks, headings, mask) -> list[tuple[Ordinal, ...]]:
    """Runs of 一是/二是, 第一/第二, 其一/其二 within one passage.

    A run ends at a heading, and at a paragraph break unless the new paragraph begins with
    the next item of a list whose previous paragraph also began with an item.
    """
    heading_starts = [h.start for h in headings]
    heading_starts.append(len(text) + 1)    # past every ordinal: no end test
    block_starts = [b.start for b in blocks]
    runs: dict[str, list[Ordinal]] = {}
    done: list[tuple[Ordinal, ...]] = []
    h = 0                               # the first heading after the previous ordinal
    current = -1                        # the block of the previous ordinal
    block_start = 0                     # ... and where it starts
    led: set[str] = set()               # families whose item begins the current block
    prev_block_led: set[str] = set()    # ... and the block before it
    masked = bool(mask.starts)
    parses: dict[str, Parsed | None] = {}   # a report repeats a few ordinals many times
    for start, end in ordinal_spans(text):   # an ordinal never spans a line: those off the blocks are dropped
        b = bisect_right(block_starts, start) - 1
        if b < 0 or end > blocks[b].end or (masked and start in mask):
            continue   # not prose: a blank or masked line
        written = text[start:end]
        parsed = parses.get(written, False)
        if parsed is False:
            parsed = parses[written] = parse_ordinal(written)
        if parsed is None:
            continue
        if b != current:
            prev_block_led = led if b == current + 1 else set()
            led, current = set(), b
            block_start = blocks[b].start
            leads = _BLANK.fullmatch(text, block_start, start) is not None
        else:
            leads = False   # an ordinal of the block stands before it
        if heading_starts[h] < start:   # headings since the last ordinal end its runs
            h = bisect_left(heading_starts, start, h)
            _close_all(runs, done)
        family = parsed.family
        ordinal = make_ordinal((family, parsed.value, start, end, written))
        run = runs.get(family)
        if run and run[-1].start < block_start and not (leads and family in prev_block_led):
            done.append(tuple(run))
            run = None
        if run:
            run.append(ordinal)
        else:
            runs[family] = [ordinal]
        if leads:
            led.add(family)
    _close_all(runs, done)
    done.sort(key=lambda run: run[0].start)
    return done


def _close_all(runs: dict[str, list[Ordinal]], done: list) -> None:
    done.extend(tuple(run) for run in runs.values())
    runs.clear()


def ordinal_start(text: str, start: int, end: int) -> int:
    """Where the first run-in ordinal in text[start:end] begins, or -1."""
    m = _ORDINAL_RE.search(text, start, end)
    return m.start() if m else -1
