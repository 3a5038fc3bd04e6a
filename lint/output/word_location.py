"""Where a finding is in a Word document, said as a writer finds it there: not "line 8", which Word
never shows, but the heading path and paragraph (二、（一）第2段), a table cell (表2 第3行第2列), a
header, a footnote, a text box.

Computed when output is written, from the document rebuilt from the report's text and regions.
Of the document model it reads only doc.headings (marker.text, parent, start, line) and doc.index,
so that the model can change under it.
"""
from __future__ import annotations

import re
from bisect import bisect_right

# The roles that say where a line stands outside the body's flow; their label is the location.
_CONTAINERS = frozenset({"cell", "toc", "textbox", "header", "footer", "footnote", "endnote", "comment"})
_ENGLISH = [(re.compile(pattern), replacement) for pattern, replacement in (
    (r"内表(\d+)", r"inner table \1"), (r"表(\d+)", r"table \1"), (r" ?第(\d+)行第(\d+)列", r", row \1, column \2"),
    (r"第(\d+)节", r"section \1 "), (r"首页页眉", "first-page header"), (r"偶数页页眉", "even-page header"),
    (r"首页页脚", "first-page footer"), (r"偶数页页脚", "even-page footer"), (r"页眉", "header"),
    (r"页脚", "footer"), (r"脚注(\d+)", r"footnote \1"), (r"尾注(\d+)", r"endnote \1"),
    (r"文本框(\d+)", r"text box \1"), (r"目录", "table of contents"))]


def locations(report, lang: str = "zh") -> list[str] | None:
    """One location per diagnostic of a Word file's report; None for any other file."""
    source = report.source
    if getattr(source, "kind", "") != "docx" or report.error is not None or not report.diagnostics:
        return None
    from ..document.builder import build_document

    document = build_document(source.text, report.path, source.kind, source.regions)
    where = _Places(document, source.regions, lang)
    return [where.of(d.start, d.end) for d in report.diagnostics]


class _Places:
    def __init__(self, document, regions, lang: str) -> None:
        self.index = document.index
        self.lang = lang
        self.labels = {line: r.label for r in regions if r.role in _CONTAINERS
                       for line in range(r.first_line, r.last_line + 1)}
        self.headings = [h for h in document.headings if h.line not in self.labels]
        self.heading_starts = [h.start for h in self.headings]
        self.all_headings = document.headings
        self.paragraphs = self._paragraph_counts()

    def of(self, start: int, end: int) -> str:
        if start == end == 0:
            return "全文" if self.lang == "zh" else "whole document"
        line = self.index.line_of(start)
        if line in self.labels:
            label = self.labels[line]
            return label if self.lang == "zh" else _english(label)
        i = bisect_right(self.heading_starts, start) - 1
        if i < 0:
            return self._paragraph("", self.paragraphs[line])
        heading = self.headings[i]
        path = self._path(heading)
        if heading.line == line:
            return path
        return self._paragraph(path, self.paragraphs[line] - self.paragraphs[heading.line])

    def _path(self, heading) -> str:
        """The markers from the top-level heading down: "二、（一）"."""
        names = []
        while heading is not None:
            names.append(heading.marker.text if heading.marker else f"“{self._title(heading)}”")
            heading = None if heading.parent is None else self.all_headings[heading.parent]
        return "".join(reversed(names))

    def _title(self, heading) -> str:
        text = self.index.line_text(heading.line).strip()
        return text if len(text) <= 12 else text[:12] + "…"

    def _paragraph(self, path: str, n: int) -> str:
        if self.lang == "zh":
            return f"{path}第{n}段"
        return f"{path} paragraph {n}" if path else f"paragraph {n}"

    def _paragraph_counts(self) -> list[int]:
        """For each line, how many body paragraphs with text there are up to it (inclusive):
        the paragraphs a writer counts, not table cells, headers or blank lines."""
        counts, n = [], 0
        for line in range(self.index.line_count):
            n += line not in self.labels and bool(self.index.line_text(line).strip())
            counts.append(n)
        return counts


def _english(label: str) -> str:
    for pattern, replacement in _ENGLISH:
        label = pattern.sub(replacement, label)
    return label.strip()
