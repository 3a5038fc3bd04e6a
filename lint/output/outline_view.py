"""`reportlint outline`: the heading tree of one file, as indented text or JSON."""
from __future__ import annotations

import json

from ..document.builder import build_document
from ..input.files import read_path


def render_outline(path: str, fmt: str = "text") -> str:
    """The heading tree of the file at `path` (an unreadable file raises InputError)."""
    source = read_path(path)
    doc = build_document(source.text, path, source.kind, source.regions)
    if fmt == "json":
        return json.dumps({"path": path, "headings": [_node(doc, i) for i in doc.roots],
                           "enumerations": [[_ordinal(doc, o) for o in run] for run in doc.enumerations]},
                          ensure_ascii=False, indent=1) + "\n"
    lines = []
    for h in doc.headings:
        depth = _depth(doc, h)
        title = h.title(doc.text)
        lines.append(f"{h.line + 1:>5}  {'  ' * depth}{h.marker.text}{title}")
    if not lines:
        lines.append("(没有编号标题 / no numbered headings)")
    return "\n".join(lines) + "\n"


def _depth(doc, h) -> int:
    depth = 0
    while h.parent is not None:
        depth += 1
        h = doc.headings[h.parent]
    return depth


def _node(doc, i: int) -> dict:
    h = doc.headings[i]
    m = h.marker
    start = doc.index.position(h.start)
    return {"level": h.level, "marker": m.text, "number": m.value, "form": m.family,
            "punct": m.punct, "width": m.width, "title": h.title(doc.text),
            "line": start.line, "character": start.character, "run_in": h.run_in,
            "body": {"start": h.title_end, "end": h.body_end},
            "children": [_node(doc, c) for c in h.children]}


def _ordinal(doc, o) -> dict:
    pos = doc.index.position(o.start)
    return {"text": o.text, "form": o.family, "number": o.value, "line": pos.line, "character": pos.character}

