"""From offsets in the text the rules read back to the runs of the Word document that hold them.

The reader (lint/input/docx) gives each line an anchor: the part and the paragraph (by its
ordinal among the part's w:p elements) its characters come from, and the column where they
start; before it stands the automatic number, which is in no run. Within a paragraph the
characters are found through the same text.pieces() the reader used, so a place found here is
the place the rules reported. Runs are split where a place starts or ends inside one; the copy
keeps the run's properties, so the text looks exactly as before.
"""
from __future__ import annotations

import copy

from ...input.docx.text import R, RPR, pieces
from ...support.records import record

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T = _W + "t"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@record
class Place:
    """Characters start–end of one paragraph's visible text; `numbered` when the place lies in the
    paragraph's automatic number (which no run holds: the paragraph's text stands for it)."""

    paragraph: object
    start: int
    end: int
    numbered: bool = False


class Story:
    """The paragraphs of the document part, and the lines of the text that come from them."""

    def __init__(self, body, word, index) -> None:
        self.word, self.index = word, index
        self.paragraphs = list(body.iter(_W + "p"))   # document order, as the reader counted them

    def place(self, start: int, end: int) -> Place | None:
        """The place of offsets start–end, clipped to the line of `start`; None outside the body part
        (a header, a footnote)."""
        line = self.index.line_of(start)
        segments = self.word.anchors[line]
        if not segments or any(part != self.word.main for _, part, _ in segments):
            return None
        line_start, line_end = self.index.line_span(line)
        a, b = start - line_start, min(end, line_end) - line_start
        column, _, ordinal = max((s for s in segments if s[0] <= a), default=segments[0])
        paragraph = self.paragraphs[ordinal]
        if a < segments[0][0]:
            return Place(paragraph, 0, len(_text(paragraph)), numbered=True)
        return Place(paragraph, a - column, max(a, min(b, _segment_end(segments, column, line_end - line_start))) - column)

    def title(self) -> Place | None:
        """The first body paragraph with text: where a finding about the whole document is shown."""
        for line, segments in enumerate(self.word.anchors):
            if segments and segments[0][1] == self.word.main and self.index.line_text(line).strip():
                paragraph = self.paragraphs[segments[0][2]]
                return Place(paragraph, 0, len(_text(paragraph)))
        return None


def _segment_end(segments, column: int, line_length: int) -> int:
    later = [s[0] for s in segments if s[0] > column]
    return later[0] if later else line_length


def _text(paragraph) -> str:
    return "".join(text for _, text in pieces(paragraph))


def runs_of(place: Place) -> list:
    """The w:r elements holding exactly the characters of `place` (runs split at its ends), in order;
    an empty place is widened to a character, and a paragraph without text gets an empty run."""
    start, end = place.start, place.end
    length = len(_text(place.paragraph))
    if start == end:
        start, end = (start, start + 1) if end < length else (max(0, start - 1), start)
    split_at(place.paragraph, start)
    split_at(place.paragraph, end)
    runs, at = [], 0
    for element, text in pieces(place.paragraph):
        run = element.getparent()
        if start <= at and at + len(text) <= end and run.tag == R and (not runs or runs[-1] is not run):
            runs.append(run)
        at += len(text)
    if not runs and length == 0:
        from docx.oxml import OxmlElement

        runs.append(OxmlElement("w:r"))
        place.paragraph.append(runs[0])
    return runs


def split_at(paragraph, offset: int) -> None:
    """Make a run boundary at character `offset` of the paragraph's visible text."""
    at = 0
    for element, text in pieces(paragraph):
        if at < offset < at + len(text):
            _split_run(element.getparent(), element, offset - at)
            return
        if at + len(text) > offset:
            return
        at += len(text)


def _split_run(run, element, k: int) -> None:
    """Split `run` before character k of its child `element` (a w:t: only text has more than one)."""
    if run.tag != R:
        return
    second = copy.deepcopy(run)
    for child in list(second):
        if child.tag != RPR:
            second.remove(child)
    head, tail = element.text[:k], element.text[k:]
    element.text = head
    moved = copy.deepcopy(element)
    moved.text = tail
    for t in (element, moved):
        t.set(_XML_SPACE, "preserve")
    second.append(moved)
    following = element.getnext()
    while following is not None:
        after = following.getnext()
        second.append(following)
        following = after
    run.addnext(second)
