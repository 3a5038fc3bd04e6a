"""Run-in enumerations: 一是/二是, 第一/第二, 其一/其二, and the runs they form within a passage."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .model import Ordinal, make_ordinal
from .numbering import Parsed, parse_ordinal
from .text import CN_NUMERALS, match_at

_N = f"[{CN_NUMERALS}]{{1,3}}"
_BLANK = re.compile(r"[ \t\u3000\r\n*#_]*")
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


def find_enumerations(text, blocks, headings, mask) -> list[tuple[Ordinal, ...]]:
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


def ordinal_start(text: str, start: int, end: int) -> int:
    """Where the first run-in ordinal in text[start:end] begins, or -1."""
    at = _ORDINAL_START.search(text, start, end)
    m = _ORDINAL_RE.search(text, at.start(), end) if at else None
    return m.start() if m else -1
