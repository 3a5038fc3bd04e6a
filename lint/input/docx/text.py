"""What a paragraph shows: its visible characters, each piece tied to the element that holds it.

The reader joins the pieces into the paragraph's line; the Word writer (lint/output/word) finds
the characters of a finding through the same pieces, so a comment or a tracked change lands on
exactly the characters the rules saw. Visible means: tracked changes as if accepted (deleted and
moved-away text dropped, insertions kept), a field by its result (not its code), text boxes,
drawings and hidden (w:vanish) runs left out (text boxes are read as paragraphs of their own),
ruby text (phonetic guides) left out, an mc:AlternateContent read once, by its first choice, and
an equation (Office Math) by its characters: left out, 加权β=0.999时 would read 加权时.
A piece is one character for a tab or a line break, so positions map one to one.
"""
from __future__ import annotations

from .xml import MATH, MC, W, is_on

P, PPR, R, RPR = W + "p", W + "pPr", W + "r", W + "rPr"
_T, _TAB, _PTAB, _BR, _CR, _NBH = W + "t", W + "tab", W + "ptab", W + "br", W + "cr", W + "noBreakHyphen"
_MATH_T = MATH + "t"
_CHARS = (_T, _TAB, _PTAB, _BR, _CR, _NBH, _MATH_T)
CHARACTERS, _TABS = frozenset(_CHARS), W + "tabs"
_FLDCHAR, _VANISH, _DEL = W + "fldChar", W + "vanish", W + "del"
# Containers whose content is never part of the paragraph's line.
_SKIP = frozenset({PPR, RPR, _DEL, W + "moveFrom", W + "rt", W + "txbxContent", W + "drawing", W + "pict",
                   W + "object", MC + "Fallback"})
# Any of these below a paragraph calls for the careful walk; most paragraphs hold none.
SPECIAL = frozenset({_DEL, W + "moveFrom", MC + "AlternateContent", _FLDCHAR, _VANISH, W + "rt", W + "drawing",
                     W + "pict", W + "object", W + "txbxContent"})
# A soft line break inside a text node stays inside the paragraph's line, as a space.
_LINE_BREAKS = str.maketrans("\r\n", "  ")


def pieces(p) -> list:
    """[(element, text)] of paragraph `p`'s visible characters in order; no piece is empty."""
    found = []
    for element in p.iter():
        tag = element.tag
        if tag in CHARACTERS:
            text = character_text(element)
            if text:
                found.append((element, text))
        elif tag in SPECIAL:
            found = []
            _walk(p, found, [])
            break
    return found


def text_of(p) -> str:
    return "".join(text for _, text in pieces(p))


def properties(p) -> dict:
    """The paragraph's w:pPr children by tag (pPr comes first in a paragraph, if at all)."""
    if len(p) and p[0].tag == PPR:
        return {child.tag: child for child in p[0]}
    return {}


def mark_deleted(props: dict) -> bool:
    """Whether the paragraph mark is a tracked deletion: accepted, the paragraph joins the next.
    `props` are the paragraph's properties()."""
    rpr = props.get(RPR)
    return rpr is not None and rpr.find(_DEL) is not None


def _walk(parent, out: list, fields: list) -> None:
    """Collect the visible pieces below `parent`; `fields` is the stack of open complex fields
    (True while in a field's code, False once its result begins), kept within the paragraph."""
    for child in parent:
        tag = child.tag
        if tag == R:
            _run(child, out, fields)
        elif tag == _MATH_T:
            text = character_text(child)
            if text:
                out.append((child, text))
        elif tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            if choice is not None:
                _walk(choice, out, fields)
        elif tag not in _SKIP and isinstance(tag, str):
            _walk(child, out, fields)   # insertions, hyperlinks, simple fields, content controls …


def _run(r, out: list, fields: list) -> None:
    rpr = r.find(RPR)
    hidden = rpr is not None and is_on(rpr.find(_VANISH))
    for element in r:
        tag = element.tag
        if tag == _FLDCHAR:
            kind = element.get(W + "fldCharType")
            if kind == "begin":
                fields.append(True)
            elif kind == "separate" and fields:
                fields[-1] = False
            elif kind == "end" and fields:
                fields.pop()
        elif tag in CHARACTERS and not hidden and True not in fields:
            text = character_text(element)
            if text:
                out.append((element, text))


def character_text(element) -> str:
    """What one character element shows: a w:t its text, a tab "\\t", a line break " " (a page or
    column break nothing), a non-breaking hyphen "-"; a tab stop of the paragraph's w:pPr nothing."""
    tag = element.tag
    if tag == _T or tag == _MATH_T:
        text = element.text or ""
        return text.translate(_LINE_BREAKS) if "\n" in text or "\r" in text else text
    if tag in (_TAB, _PTAB):
        return "" if element.getparent().tag == _TABS else "\t"
    if tag == _BR:
        return " " if element.get(W + "type", "textWrapping") == "textWrapping" else ""
    if tag == _CR:
        return " "
    return "-"
