"""A story part (the body, a header, the footnotes) read paragraph by paragraph as its XML streams in.

Only the elements that give a paragraph its place are reported by the parser (paragraphs, tables,
rows, cells, text boxes, content controls, section and note references), and those that give it
its text: its characters, and anything (a tracked deletion, a field, a drawing) after which the
careful walk of text.pieces() must read it. Each paragraph is handed over whole and cleared once
the next one is asked for, with the siblings before it, so a part of any length is read in the
memory of one paragraph and the open tables around it.
"""
from __future__ import annotations

from ...support.records import record
from .text import CHARACTERS, SPECIAL, character_text
from .xml import MC, W, iterparse

P = W + "p"
_TBL, _TR, _TC = W + "tbl", W + "tr", W + "tc"
_TXBX, _FALLBACK, _SDT, _SDT_PR = W + "txbxContent", MC + "Fallback", W + "sdt", W + "sdtPr"
_HEADER_REF, _FOOTER_REF = W + "headerReference", W + "footerReference"
_FOOTNOTE_REF, _ENDNOTE_REF = W + "footnoteReference", W + "endnoteReference"
_FOOTNOTE, _ENDNOTE, _SECT_PR = W + "footnote", W + "endnote", W + "sectPr"
# The characters of a paragraph come as events too: most paragraphs are read from them alone.
_TAGS = (P, _TBL, _TR, _TC, _TXBX, _FALLBACK, _SDT, _SDT_PR, _HEADER_REF, _FOOTER_REF, _FOOTNOTE_REF,
         _ENDNOTE_REF, _FOOTNOTE, _ENDNOTE, _SECT_PR, *CHARACTERS, *SPECIAL)
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_NOT_NOTES = ("separator", "continuationSeparator", "continuationNotice")   # the lines above notes


@record
class Para:
    """One paragraph as the stream met it."""

    element: object     # the w:p, whole while the consumer holds it
    ordinal: int        # its place among all of the part's w:p elements in document order (pre-order)
    cell: tuple | None  # inside a table: (table id "t3", "表2 第3行第2列")
    textbox: int        # inside a text box: the box's number (1-based); 0 outside
    toc: bool           # inside a table-of-contents content control
    note: str | None    # in a notes part: the footnote or endnote id
    text: str | None    # its visible text, when the stream could tell it (else text.pieces() will)


class _Table:
    __slots__ = ("id", "name", "row", "col", "inner")

    def __init__(self, table_id: str, name: str) -> None:
        self.id, self.name, self.row, self.col, self.inner = table_id, name, 0, 0, 0

    def cell(self) -> tuple[str, str]:
        return self.id, f"{self.name} 第{self.row}行第{self.col}列"


class StoryReader:
    """Iterating gives the part's paragraphs (Para) in the order they end; what the stream says
    besides (header and footer references, note references) is collected on the way."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.sections: list[tuple[int, str, str, str]] = []  # (section, "header"/"footer", type, rId)
        self.note_refs: dict[str, list[str]] = {"footnote": [], "endnote": []}   # ids, in reference order
        self._tables: list[_Table] = []
        self._counts = {"tables": 0, "top": 0, "textboxes": 0}
        self._toc: list[bool] = []   # one per open content control: is it a table of contents
        self._textbox = self._txbx_depth = self._fallback = 0
        self._section = 1
        self._note: str | None = None

    def __iter__(self):
        # Open paragraphs, innermost last (a text box's paragraphs sit inside one): [ordinal, the
        # text of its characters so far, whether it holds anything that calls for text.pieces()].
        open_: list[list] = []
        seen = 0
        for event, el in iterparse(self.stream, _TAGS):
            tag = el.tag
            if tag in CHARACTERS:
                if event == "end" and open_ and not open_[-1][2]:
                    text = character_text(el)
                    if text:
                        open_[-1][1].append(text)
            elif tag == P:
                if event == "start":
                    open_.append([seen, [], False])
                    seen += 1
                    continue
                ordinal, texts, special = open_.pop()
                if not self._fallback:   # a fallback repeats its choice's content
                    cell = self._tables[-1].cell() if self._tables else None
                    yield Para(el, ordinal, cell, self._textbox if self._txbx_depth else 0,
                               True in self._toc, self._note, None if special else "".join(texts))
                el.clear(keep_tail=True)
                if not ordinal & 63:   # the emptied paragraphs before it go a batch at a time
                    _drop(el)
            elif event == "start":
                if tag in SPECIAL and open_:
                    open_[-1][2] = True
                self._start(tag, el)
            else:
                self._end(tag, el)

    def _start(self, tag: str, el) -> None:
        if tag == _TBL:
            self._open_table()
        elif tag == _TR and self._tables:
            self._tables[-1].row += 1
            self._tables[-1].col = 0
        elif tag == _TC and self._tables:
            self._tables[-1].col += 1
            self._tables[-1].inner = 0
        elif tag == _TXBX:
            if not self._txbx_depth and not self._fallback:
                self._counts["textboxes"] += 1
                self._textbox = self._counts["textboxes"]
            self._txbx_depth += 1
        elif tag == _FALLBACK:
            self._fallback += 1
        elif tag == _SDT:
            self._toc.append(False)
        elif tag in (_FOOTNOTE, _ENDNOTE):
            self._note = None if el.get(W + "type") in _NOT_NOTES else el.get(W + "id")

    def _end(self, tag: str, el) -> None:
        if tag == _TBL:
            self._tables.pop()
            _drop(el)
        elif tag == _TXBX:
            self._txbx_depth -= 1
        elif tag == _FALLBACK:
            self._fallback -= 1
        elif tag == _SDT:
            self._toc.pop()
        elif tag == _SDT_PR and self._toc:
            gallery = el.find(f"{W}docPartObj/{W}docPartGallery")
            self._toc[-1] = gallery is not None and "contents" in gallery.get(W + "val", "").lower()
        elif tag in (_HEADER_REF, _FOOTER_REF) and not self._fallback:
            kind = "header" if tag == _HEADER_REF else "footer"
            self.sections.append((self._section, kind, el.get(W + "type", "default"), el.get(_R_ID, "")))
        elif tag == _SECT_PR:
            self._section += 1
        elif tag in (_FOOTNOTE_REF, _ENDNOTE_REF) and not self._fallback:
            self.note_refs["footnote" if tag == _FOOTNOTE_REF else "endnote"].append(el.get(W + "id"))
        elif tag in (_FOOTNOTE, _ENDNOTE):
            self._note = None
            _drop(el)

    def _open_table(self) -> None:
        """Tables are numbered as a reader counts them: 表1, 表2 … in the body; a table inside a
        cell by its place in that cell (表2 第3行第2列 内表1)."""
        self._counts["tables"] += 1
        table_id = f"t{self._counts['tables']}"
        if self._tables:
            outer = self._tables[-1]
            outer.inner += 1
            name = f"{outer.cell()[1]} 内表{outer.inner}"
        else:
            if not self._txbx_depth and not self._fallback:
                self._counts["top"] += 1
            name = f"表{self._counts['top']}"
        self._tables.append(_Table(table_id, name))


def _drop(el) -> None:
    """Free a finished element and the finished siblings before it."""
    el.clear(keep_tail=True)
    parent = el.getparent()
    if parent is not None:
        del parent[:parent.index(el)]
