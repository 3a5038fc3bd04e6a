"""Paragraphs → the lines the rules read, what the reader knows of each line (Regions), and anchors.

One paragraph is one line: its automatic number as Word draws it, then its visible text. A
paragraph whose mark is a tracked deletion joins the next one, as accepting the change would.
An anchor says where a line's characters come from, for the Word writer: a tuple of segments
(column in the line, part name, the paragraph's ordinal in that part); the columns before the
first segment are the automatic number, which is in no run.
"""
from __future__ import annotations

from ..source import Region
from .text import mark_deleted, pieces, properties
from .xml import W, to_int

_STYLE, _NUM_PR, _OUTLINE = W + "pStyle", W + "numPr", W + "outlineLvl"

# Roles of the lines outside the body's flow, by the story they come from.
STORY_ROLES = ("textbox", "header", "footer", "footnote", "endnote")


class Lines:
    """The lines read so far, their regions (consecutive lines of one role, level, group and label
    make one), and their anchors when asked for."""

    def __init__(self, anchors: bool = False) -> None:
        self.texts: list[str] = []
        self.anchors: list[tuple] | None = [] if anchors else None
        self._spans: list[tuple[tuple, list[int]]] = []
        self._open: dict[tuple, list[int]] = {}

    def add(self, text: str, roles: tuple, anchor: tuple) -> None:
        n = len(self.texts)
        self.texts.append(text)
        if self.anchors is not None:
            self.anchors.append(anchor)
        for key in roles:
            span = self._open.get(key)
            if span is not None and span[1] == n - 1:
                span[1] = n
            else:
                self._open[key] = span = [n, n]
                self._spans.append((key, span))

    def regions(self) -> tuple[Region, ...]:
        regions = [Region(role, first, last, level, group, label)
                   for (role, level, group, label), (first, last) in self._spans]
        return tuple(sorted(regions, key=lambda r: (r.first_line, r.last_line)))


class Paragraphs:
    """Turns one story's paragraphs into lines (text, roles, anchor) for `emit`."""

    def __init__(self, part: str, numbering, styles, role: str = "", label=None) -> None:
        self.part, self.numbering, self.styles = part, numbering, styles
        self.role = role        # a story outside the body: "header", "footnote" …
        self.label = label      # and its label for a paragraph's (cell, textbox, note): "页眉", "脚注2"
        self._pending: tuple | None = None   # (where, text, segments, emit) of paragraphs joining the next

    def add(self, para, emit) -> None:
        """Read one paragraph; its line goes to emit(text, roles, anchor)."""
        p = para.element
        where = (para.cell, para.textbox, para.note)
        if self._pending is not None and self._pending[0] != where:
            self.flush()
        text = para.text if para.text is not None else "".join(piece for _, piece in pieces(p))
        before, segments = ("", ()) if self._pending is None else self._pending[1:3]
        segments += ((len(before), self.part, para.ordinal),)
        props = properties(p)
        if mark_deleted(props):
            self._pending = (where, before + text, segments, emit)
            return
        self._pending = None
        self._emit(para, props, before + text, segments, emit)

    def flush(self) -> None:
        """A paragraph left joining nothing (its container ended): a line of its own."""
        if self._pending is not None:
            where, text, segments, emit = self._pending
            self._pending = None
            emit(text, self._container(where, False), segments)

    def _emit(self, para, props: dict, text: str, segments: tuple, emit) -> None:
        style = _value(props, _STYLE) or self.styles.default
        facts = self.styles.of(style)
        num_pr = props.get(_NUM_PR)
        number = None if num_pr is None and facts.num_id is None else self.numbering.number(num_pr, style)
        toc = para.toc or facts.toc
        roles = self._container((para.cell, para.textbox, para.note), toc)
        if number is not None:
            roles += (("list", number.ilvl + 1, number.num_id, ""),)
            label = number.text
            segments = tuple((column + len(label), part, ordinal) for column, part, ordinal in segments)
            text = label + text
        outline = to_int(_value(props, _OUTLINE))
        outline = facts.outline if outline is None else outline
        if outline is not None and 0 <= outline < 9 and not toc:
            roles += (("heading", outline + 1, "", ""),)
        emit(text, roles, segments)

    def _container(self, where: tuple, toc: bool) -> tuple:
        """The one role that says where a line stands: its story, a text box, a cell or a contents."""
        cell, textbox, _ = where
        if self.role:
            return ((self.role, 0, "", self.label(where)),)
        if textbox:
            return (("textbox", 0, "", f"文本框{textbox}"),)
        if cell is not None:
            return (("cell", 0, cell[0], cell[1]),)
        return (("toc", 0, "", "目录"),) if toc else ()


def _value(props: dict, tag: str) -> str | None:
    child = props.get(tag)
    return None if child is None else child.get(W + "val")
