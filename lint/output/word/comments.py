"""Findings as Word comments (批注), authored reportlint, through python-docx's comments API.

A comment says the message, the rule's code and name and, where the rule has a fix, what to write
instead ("建议改为：1."). It is anchored on the offending characters; a finding about the whole
document (a missing section) on the title, and one in a header, footer or footnote, where Word
cannot hold a comment in python-docx's reach, on the title with its place named.
"""
from __future__ import annotations

import datetime

from .places import Place, runs_of

AUTHOR, INITIALS = "reportlint", "RL"
_WORDS = {
    "zh": {"fix": "建议改为：{}", "delete": "建议删除“{}”", "numbered": "（自动编号：请在“编号格式”中修改）",
           "where": "位置：{}", "whole": "（针对全文）"},
    "en": {"fix": "Suggested: {}", "delete": "Suggested: delete “{}”", "numbered": " (automatic number: change the list's number format)",
           "where": "Where: {}", "whole": " (about the whole document)"},
}


def add_comment(document, place: Place, d, text: str, lang: str, where: str | None = None):
    """Comment on `place` about diagnostic `d` (`text` the document's text); `where` names the
    finding's own place when the comment stands elsewhere. Returns the python-docx Comment."""
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    runs = runs_of(place)
    paragraph = Paragraph(place.paragraph, document)
    body = comment_text(d, text, lang, place.numbered, where)
    comment = document.add_comment([Run(runs[0], paragraph), Run(runs[-1], paragraph)], text=body,
                                   author=AUTHOR, initials=INITIALS)
    # python-docx has no public setter for a comment's date; its own element class writes the attribute.
    comment._comment_elm.date = now()
    return comment


def now() -> datetime.datetime:
    """The time stamp of reportlint's comments and tracked changes (UTC, to the second)."""
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def comment_text(d, text: str, lang: str, numbered: bool = False, where: str | None = None) -> str:
    """The comment's paragraphs: the message with the rule, the fix if any, the place if elsewhere."""
    words = _WORDS.get(lang, _WORDS["zh"])
    lines = [f"{d.message}（{d.code} {d.rule}）" if lang == "zh" else f"{d.message} ({d.code} {d.rule})"]
    suggestion = suggested(d, text)
    if suggestion is not None:
        before, after = suggestion
        lines.append(words["fix"].format(after) if after else words["delete"].format(before))
        if numbered:
            lines[-1] += words["numbered"]
    if where is not None:
        lines.append(words["where"].format(where) if where not in ("全文", "whole document") else words["whole"].strip())
    return "\n".join(lines)


def suggested(d, text: str) -> tuple[str, str] | None:
    """(before, after) of the fix's edits on the finding's own line, over the finding's span; None
    without a fix."""
    if d.fix is None or not d.fix.edits:
        return None
    line_start = text.rfind("\n", 0, d.start) + 1
    line_end = text.find("\n", d.start)
    line_end = len(text) if line_end < 0 else line_end
    edits = sorted((e for e in d.fix.edits if line_start <= e.start and e.end <= line_end), key=lambda e: e.start)
    if not edits:
        return None
    start, end = min(d.start, edits[0].start), max(d.end, max(e.end for e in edits))
    after, at = [], start
    for e in edits:
        after.append(text[at:e.start] + e.new_text)
        at = e.end
    after.append(text[at:end])
    return text[start:end], "".join(after)
