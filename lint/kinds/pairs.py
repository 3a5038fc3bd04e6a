"""Paired punctuation (WR502): brackets and quotes left open or closed without an opener, per paragraph.

A paragraph runs over soft line breaks (……实施《 / 行政许可法 / 》，取消……: see
lint/document/layout.py), so a pair a line break splits is closed. Literal text (an emoticon's
;-), a key name's Ctrl+,) is no pair, and neither is an apostrophe (don’t, ’99). A paragraph
with no Chinese in it (code, an English half) is not read.
"""
from __future__ import annotations

import re
from array import array

from ..document.model import Document
from ..support.hints import Any, Iterator
from ..support.records import record
from . import loops
from .findings import Finding, make_finding
from .options import kind_options


@record
class Brackets:
    """What PairsOptions.prepare makes: a regex of every bracket character, and a map from each one
    to its (family, opens)."""

    finder: Any
    family_of: dict


@kind_options
class PairsOptions:
    """`pairs`: each entry is "open close", several forms of one family joined, e.g. "（( ）)"."""

    pairs: tuple[str, ...] = ("（( ）)", "“ ”", "‘ ’", "《 》", "【 】")   # openers, a space, closers

    def prepare(self, trusted: bool) -> Brackets:
        """Index every bracket character by its family and role."""
        family_of: dict[str, tuple[int, bool]] = {}
        for i, entry in enumerate(self.pairs):
            parts = entry.split()
            if len(parts) != 2 or set(parts[0]) & set(parts[1]):
                raise ValueError(f"pairs[{i}]: 应写作“开 闭”两组字符，以空格分隔，如 “（( ）)”")
            family_of.update({c: (i, True) for c in parts[0]})
            family_of.update({c: (i, False) for c in parts[1]})
        # No pairs (`pairs: []`) is allowed: a finder that matches nothing, as turning the rule off.
        return Brackets(re.compile("[" + re.escape("".join(family_of)) + "]" if family_of else "(?!)"), family_of)


# A closing bracket right after a short item number is a list marker, not a pair: 1) a) 一)
_ITEM_CHARS = re.compile(r"[0-9a-zA-Z一二三四五六七八九十①-⑳]{1,2}\Z")
_ITEM_BEFORE = " \t\u3000：:；;，,。、"
_LATIN = re.compile(r"[A-Za-z]")
_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")


def check_pairs(doc: Document, options: PairsOptions, brackets: Brackets) -> Iterator[Finding]:
    """Each unmatched bracket or quote, at the character itself."""
    skip = doc.not_prose
    text, family_of, finditer = doc.text, brackets.family_of, brackets.finder.finditer
    for start, end in _unbalanced(doc, brackets):
        if _CHINESE.search(text, start, end) is None:
            continue    # no Chinese in it: code or English, whose brackets are not ours to pair
        stack: list[tuple[int, int]] = []   # (family, offset) of open characters
        for m in finditer(text, start, end):
            at, char = m.start(), m.group()
            if at in skip or (char in "’‘" and _apostrophe(text, at, start, end)):
                continue
            family, opens = family_of[char]
            if opens:
                stack.append((family, at))
            elif stack and stack[-1][0] == family:
                stack.pop()   # the usual case: it closes the innermost open character
            else:
                yield from _close_deeper(text, stack, family, start, at, char)
        yield from _unclosed(text, stack)


def _unclosed(text: str, stack: list[tuple[int, int]]) -> Iterator[Finding]:
    for _, offset in stack:
        yield make_finding(start=offset, end=offset + 1, args={"char": text[offset]}, variant="unclosed")


def _unbalanced(doc: Document, brackets: Brackets) -> list[tuple[int, int]]:
    """The paragraphs the loop above must read: those whose brackets do not all close in order
    (in the others it would find nothing), or all of them where the compiled loops are not built."""
    paragraphs = doc.paragraphs
    family_of = brackets.family_of
    if not family_of or max(family for family, _ in family_of.values()) > 127:   # more families than a byte holds
        return paragraphs
    roles = bytes(2 * family + opens for family, opens in family_of.values())
    skip = doc.not_prose
    return list(map(paragraphs.__getitem__, loops.unbalanced_blocks(
        doc.text, "".join(family_of), roles, array("q", (p[0] for p in paragraphs)),
        array("q", (p[1] for p in paragraphs)), array("q", skip.starts), array("q", skip.ends))))


def _close_deeper(text: str, stack: list[tuple[int, int]], family: int, start: int, at: int,
                  char: str) -> Iterator[Finding]:
    """A closing character that does not match the innermost open one: it closes an outer one of its
    family (those opened inside it are unclosed), or nothing (unopened, unless a list item mark)."""
    depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == family), None)
    if depth is None:
        if not _item_mark(text, start, at):
            yield make_finding(start=at, end=at + 1, args={"char": char}, variant="unopened")
        return
    yield from _unclosed(text, stack[depth + 1:])
    del stack[depth:]


def _item_mark(text: str, start: int, at: int) -> bool:
    """Whether text[:at] ends with an item number standing alone: "1" in "：1)" or a line's "a"."""
    m = _ITEM_CHARS.search(text[max(start, at - 2):at])
    if m is None:
        return False
    before = at - (m.end() - m.start()) - 1
    return before < start or text[before] in _ITEM_BEFORE


def _apostrophe(text: str, at: int, start: int, end: int) -> bool:
    """’ between Latin letters (don’t) or before a year's two digits (’99) is an apostrophe, not a
    closing quote."""
    if text[at] not in "’‘" or at + 1 >= end:
        return False
    after = text[at + 1]
    if "0" <= after <= "9":
        return at + 2 < end and "0" <= text[at + 2] <= "9" and (at + 3 >= end or not "0" <= text[at + 3] <= "9")
    return at > start and bool(_LATIN.match(text[at - 1])) and bool(_LATIN.match(after))
