"""`reportlint outline`: the heading tree of one file, as indented text or JSON."""
from __future__ import annotations

import json

from ..document.builder import build_document
from ..input.files import read_path


def render_outline(path: str, fmt: str = "text", lang: str = "zh") -> str:
    """The report's kind and heading tree of the file at `path` (an unreadable file raises InputError).

    The kind says which sections the report must have; each heading is marked a list item (条目)
    when it is its own content, and a Markdown or Word heading shows its depth (#, ##, …)."""
    from ..document.genre import NAMES

    source = read_path(path)
    doc = build_document(source.text, path, source.kind, source.regions)
    if fmt == "json":
        return json.dumps({"path": path, "kind": doc.genre or None, "kind_from": doc.genre_source or None,
                           "headings": [_node(doc, i) for i in doc.roots],
                           "enumerations": [[_ordinal(doc, o) for o in run] for run in doc.enumerations]},
                          ensure_ascii=False, indent=1) + "\n"
    told = {"title": ("标题", "its title"), "name": ("文件名", "its file name"), "opening": ("开头", "its opening"),
            "config": ("配置", "the config")}.get(doc.genre_source, ("", ""))
    if doc.genre:
        kind = (f"报告类型：{NAMES.get(doc.genre, doc.genre)}（{doc.genre}，据{told[0]}）" if lang == "zh"
                else f"kind: {doc.genre} ({NAMES.get(doc.genre, doc.genre)}, from {told[1]})")
    else:
        kind = "报告类型：未能判断（需要按类型检查的规则不检查）" if lang == "zh" else "kind: unknown (kind-bound rules stay silent)"
    lines = [kind]
    item = "  [条目]" if lang == "zh" else "  [item]"
    for h in doc.headings:
        depth = _depth(doc, h)
        number = h.marker.text if h.marker else "#" * h.depth + " "
        lines.append(f"{h.line + 1:>5}  {'  ' * depth}{number}{h.title(doc.text)}{item if h.role == 'item' else ''}")
    if len(lines) == 1:
        lines.append("(没有标题 / no headings)")
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
    number = ({"marker": m.text, "number": m.value, "form": m.family, "punct": m.punct, "width": m.width}
              if m else {"marker": None, "depth": h.depth})
    return {"level": h.level, **number, "title": h.title(doc.text), "role": h.role,
            "line": start.line, "character": start.character, "run_in": h.run_in,
            "body": {"start": h.title_end, "end": h.body_end},
            "children": [_node(doc, c) for c in h.children]}


def _ordinal(doc, o) -> dict:
    pos = doc.index.position(o.start)
    return {"text": o.text, "form": o.family, "number": o.value, "line": pos.line, "character": pos.character}

