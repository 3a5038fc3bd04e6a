"""What a paragraph style tells a reader: the numbering it binds, its outline level, a contents entry.

Each fact is looked up through the style's w:basedOn chain, the way Word applies it.
"""
from __future__ import annotations

import re

from ...support.records import record
from .xml import W, to_int, val

# Word's built-in names (stored in English whatever the user's language): "heading 2", "toc 1",
# "TOC Heading" (the 目录 title above a table of contents).
_HEADING_NAME = re.compile(r"heading ([1-9])$", re.IGNORECASE)
_TOC_NAME = re.compile(r"toc( [1-9]| heading)$", re.IGNORECASE)


@record
class StyleFacts:
    num_id: str | None = None    # the list a style numbers its paragraphs with (w:numPr/w:numId)
    ilvl: int | None = None      # its level in that list, when the style says
    outline: int | None = None   # 0-based outline level (w:outlineLvl 0–8): a heading style
    toc: bool = False            # a table-of-contents style


_PLAIN = StyleFacts()


class Styles:
    """The paragraph styles of a document, each resolved through its basedOn chain."""

    def __init__(self, root=None) -> None:
        self.default: str | None = None     # the default paragraph style's id
        self.facts: dict[str, StyleFacts] = {}
        if root is not None:
            self._read(root)

    def of(self, style_id: str | None) -> StyleFacts:
        return self.facts.get(style_id, _PLAIN) if style_id else _PLAIN

    def _read(self, root) -> None:
        own: dict[str, tuple] = {}
        for style in root.iterfind(W + "style"):
            sid = style.get(W + "styleId")
            if style.get(W + "type", "paragraph") != "paragraph" or not sid:
                continue
            if style.get(W + "default") in ("1", "true", "on"):
                self.default = sid
            ppr = style.find(W + "pPr")
            num_pr = ppr.find(W + "numPr") if ppr is not None else None
            name = val(style, "name", "")
            heading = _HEADING_NAME.match(name)
            outline = to_int(val(ppr, "outlineLvl"))
            if outline is None and heading:
                outline = int(heading.group(1)) - 1
            own[sid] = (val(num_pr, "numId"), to_int(val(num_pr, "ilvl")), outline,
                        bool(_TOC_NAME.match(name)), val(style, "basedOn"))
        for sid in own:
            self.facts[sid] = _resolve(sid, own)


def _resolve(sid: str, own: dict[str, tuple]) -> StyleFacts:
    """A style's facts: each the nearest one set along its basedOn chain (a loop is cut)."""
    num_id = ilvl = outline = None
    toc, seen, current = False, set(), sid
    while current in own and current not in seen:
        seen.add(current)
        c_num, c_ilvl, c_outline, c_toc, based_on = own[current]
        if num_id is None and c_num is not None:
            num_id, ilvl = c_num, c_ilvl
        outline = c_outline if outline is None else outline
        toc = toc or c_toc
        current = based_on
    return StyleFacts(num_id, ilvl, outline if outline is not None and 0 <= outline < 9 else None, toc)
