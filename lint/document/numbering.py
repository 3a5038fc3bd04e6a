"""Read heading numbers and run-in ordinals with the Lark grammar in grammars/numbering.lark.

Candidates are found by compiled regexes over whole lines (cheap); each distinct candidate
string is parsed by the LALR parser once and the result cached, since a report repeats the
same few dozen markers.
"""
from __future__ import annotations

import os
from functools import lru_cache

from ..support.resources import data_file
from ..support.records import record

CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


@record
class Parsed:
    """A marker or ordinal string decomposed: family, value and the punctuation as written."""

    family: str
    value: int
    open: str = ""
    close: str = ""
    punct: str = ""


@lru_cache(maxsize=1)
def parser():
    """The LALR parser for the numbering grammar, built once per process."""
    from lark import Lark

    from ..support.cache import cache_dir

    with open(data_file("grammars", "numbering.lark"), encoding="utf-8") as fh:
        grammar = fh.read()
    # Lark's own cache keeps the analysed LALR tables (keyed by grammar and options): loading
    # the grammar from scratch costs far more than parsing every marker of a report.
    folder = cache_dir()
    cache: bool | str = False
    if folder is not None:
        try:
            os.makedirs(folder, exist_ok=True)
            cache = os.path.join(folder, "numbering-lark.cache")
        except OSError:
            cache = False
    return Lark(grammar, parser="lalr", start=["marker", "ordinal"], maybe_placeholders=False, cache=cache)


def parse_marker(text: str) -> Parsed | None:
    """Decompose a heading marker such as "（二）、" or "12." (None when it is not one)."""
    return _parse(text, "marker")


def parse_ordinal(text: str) -> Parsed | None:
    """Decompose a run-in ordinal such as "三是", "第二，" or "其一"."""
    return _parse(text, "ordinal")


def _parse(text: str, start: str) -> Parsed | None:
    memo = _memo()
    key = (start, text)
    if key in memo:
        return memo[key]
    from lark.exceptions import LarkError

    try:
        parsed = _to_parsed(parser().parse(text, start=start))
    except LarkError:
        parsed = None
    memo[key] = parsed
    _MEMO_STATE["dirty"] = True
    return parsed


# Reports repeat a few hundred distinct marker strings at most, so their parses are memoised
# on disk beside the other caches: a warm run needs neither Lark nor the grammar analysis.
_MEMO_STATE: dict = {"table": None, "dirty": False, "path": None}
_MEMO_LIMIT = 50_000


def _memo() -> dict:
    table = _MEMO_STATE["table"]
    if table is not None:
        return table
    import atexit
    import pickle

    from ..support.cache import cache_dir
    from ..support.hashing import hex_digest

    table = {}
    folder = cache_dir()
    if folder is not None:
        with open(data_file("grammars", "numbering.lark"), "rb") as fh:
            grammar = fh.read()
        path = os.path.join(folder, f"markers-{hex_digest(grammar)[:16]}.pickle")
        _MEMO_STATE["path"] = path
        try:
            with open(path, "rb") as fh:
                table = pickle.load(fh)
        except Exception:  # missing or unreadable: start empty
            table = {}
        atexit.register(_save_memo)
    _MEMO_STATE["table"] = table
    return table


def _save_memo() -> None:
    from ..support.cache import write_pickle

    path, table = _MEMO_STATE["path"], _MEMO_STATE["table"]
    if _MEMO_STATE["dirty"] and path and table is not None and len(table) <= _MEMO_LIMIT:
        write_pickle(path, table)


def _to_parsed(tree) -> Parsed:
    family = tree.data
    value, open_, close, punct = 0, "", "", ""
    for child in tree.children:
        if hasattr(child, "data"):            # cn_number subtree
            value = cn_value(child)
        elif child.type == "ARABIC":
            value = int(child.value.translate(_FULLWIDTH_DIGITS))
        elif child.type == "CIRCLED":
            value = ord(child.value) - ord("①") + 1
        elif child.type == "OPEN":
            open_ = child.value
        elif child.type == "CLOSE" and family in ("paren_cn", "paren_arabic"):
            close = child.value
        elif child.type in ("PUNCT", "CLOSE"):
            punct = child.value
    return Parsed(family, value, open_, close, punct)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def cn_value(tree) -> int:
    """Value of a cn_number subtree: units, teens (十, 十二) or tens (二十, 二十三)."""
    tokens = [t.value for t in tree.children]
    if tree.data == "units":
        return CN_DIGITS[tokens[0]]
    if tree.data == "teens":
        return 10 + (CN_DIGITS[tokens[1]] if len(tokens) > 1 else 0)
    return CN_DIGITS[tokens[0]] * 10 + (CN_DIGITS[tokens[2]] if len(tokens) > 2 else 0)
