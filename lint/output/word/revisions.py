"""Safe fixes as tracked changes (修订) authored reportlint, which the writer accepts or rejects in Word.

python-docx has no API for tracked changes, so they are written here with lxml through
python-docx's own element factory, in the smallest form Word itself writes: each replaced run
wrapped in a w:del (its w:t renamed w:delText), then one w:ins holding a run with the replaced
run's properties and the new text. A fix is applied only where that is all it takes: within one
paragraph of the body, outside the automatic number, on runs of one formatting that hold nothing
but text (not a field's code, a note mark or a picture) and sit in no other tracked change.
"""
from __future__ import annotations

import copy
import itertools

from lxml import etree

from ...input.docx.text import R, RPR, pieces
from .comments import AUTHOR, now
from .places import split_at

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T, _DEL_TEXT = _W + "t", _W + "delText"
# What a replaced run may hold besides its properties: characters, and Word's page-layout memo.
_TEXT_ONLY = frozenset({_T, _W + "tab", _W + "ptab", _W + "br", _W + "cr", _W + "noBreakHyphen",
                        _W + "lastRenderedPageBreak"})
# Where a replaced run may sit: not inside a tracked change, a simple field or a math zone.
_PLAIN_PARENTS = frozenset({_W + "p", _W + "hyperlink", _W + "smartTag", _W + "sdtContent", _W + "customXml"})


class Revisions:
    """Writes tracked changes into one document, numbering them after every id it already uses."""

    def __init__(self, root) -> None:
        used = [int(v) for v in root.xpath("//@w:id") if v.lstrip("-").isdigit()]
        self.ids = itertools.count(max(used, default=0) + 1)
        self.date = now().strftime("%Y-%m-%dT%H:%M:%SZ")

    def can_replace(self, paragraph, start: int, end: int, new_text: str) -> bool:
        """Whether replace() can write this change cleanly (runs are split where it would start and end)."""
        return self._target(paragraph, start, end, new_text) is not None

    def replace(self, paragraph, start: int, end: int, new_text: str) -> None:
        """Characters start–end of the paragraph's visible text → `new_text`, as a tracked change;
        can_replace() must have said yes."""
        runs, before, after, model = self._target(paragraph, start, end, new_text)
        inserted = self._inserted(model, new_text) if new_text else None
        for run in runs:
            self._delete(run)
        if inserted is not None:
            if runs:
                runs[-1].getparent().addnext(inserted)
            elif before is not None:
                before.addnext(inserted)
            else:
                after.addprevious(inserted)

    def _target(self, paragraph, start: int, end: int, new_text: str):
        """(the runs to delete, the run before, the run after, the run whose formatting the new text
        takes), or None when the change cannot be written cleanly."""
        split_at(paragraph, start)
        split_at(paragraph, end)
        runs, before, after = _runs_in(paragraph, start, end)
        if runs is None or not _plain(runs):
            return None
        model = runs[0] if runs else (before if before is not None else after)
        if model is None or model.getparent().tag not in _PLAIN_PARENTS or (not runs and not new_text):
            return None
        return runs, before, after, model

    def _delete(self, run) -> None:
        wrapper = self._change("w:del")
        run.addprevious(wrapper)
        wrapper.append(run)
        for t in run.iter(_T):
            t.tag = _DEL_TEXT

    def _inserted(self, model, text: str):
        from docx.oxml import OxmlElement

        run = OxmlElement("w:r")
        properties = model.find(RPR)
        if properties is not None:
            run.append(copy.deepcopy(properties))
        t = OxmlElement("w:t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)
        wrapper = self._change("w:ins")
        wrapper.append(run)
        return wrapper

    def _change(self, tag: str):
        from docx.oxml import OxmlElement

        return OxmlElement(tag, attrs={_W + "id": str(next(self.ids)), _W + "author": AUTHOR, _W + "date": self.date})


def _runs_in(paragraph, start: int, end: int):
    """(the runs holding exactly characters start–end, the run before them, the run after them);
    runs None when a character there is in something other than a run."""
    runs, before, after, at = [], None, None, 0
    for element, text in pieces(paragraph):
        run = element.getparent()
        if at + len(text) <= start:
            before = run
        elif at >= end:
            after = run if after is None else after
        elif run.tag != R:
            return None, None, None
        elif not runs or runs[-1] is not run:
            runs.append(run)
        at += len(text)
    plain = [r for r in (before, after) if r is not None and r.tag == R]
    return runs, (before if before in plain else None), (after if after in plain else None)


def _plain(runs: list) -> bool:
    """One formatting, nothing but text, no enclosing tracked change or field."""
    formats = {etree.tostring(r.find(RPR)) if r.find(RPR) is not None else b"" for r in runs}
    return (len(formats) <= 1 and all(r.getparent().tag in _PLAIN_PARENTS for r in runs)
            and all(child.tag == RPR or child.tag in _TEXT_ONLY for r in runs for child in r))
