"""The outline: numbered and explicit headings nested into a tree, their sibling runs, their roles.

What a writer's numbering means depends on where it stands. A Markdown or Word heading's depth is
its level. Otherwise GB/T 9704's families order the levels (一、 > （一） > 1. > （1） > ①), and
indentation nests a list under an item of the same family. A list's container ends at a boundary
(see layout.py): after a lead-in line (……计划如下：), a part heading, a separator, the other
language or a sign-off, a list may start again at one without being a repeat; a number other than
one there continues the list it belongs to. An item that is its own content (a sentence, or a
list whose members are sentences) is an item, not a heading waiting for a body.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .layout import HARD, indent_of, language
from .model import LEVELS, Heading

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without importing typing (3 ms of a one-file run)
if TYPE_CHECKING:
    from .layout import Boundary
    from .positions import LineIndex

_TEXT_START = re.compile(r"[^ \t\u3000\u200b#*_]")   # a heading is run in when text precedes it on its line
_INNER_PUNCT = re.compile(r"[，,；;：:！!？?]|https?://|www\.")
_LEAD_IN_TITLE = re.compile(r"[：:][ \t\u3000*_]*$")
_TITLE_CHARS = 16          # a title longer than this reads as a sentence


class Candidate:
    """A heading before it has a place in the tree: what the builder found and where it stands."""

    __slots__ = ("marker", "start", "title_start", "title_end", "line", "run_in", "indent", "lang",
                 "depth", "list_id", "list_depth", "drawn")

    def __init__(self, marker, start: int, title_start: int, title_end: int, line: int, run_in: bool,
                 indent: int, lang: str, depth: int = 0, list_id: int = 0, list_depth: int = 0,
                 drawn: bool = False) -> None:
        self.marker = marker            # None for an unnumbered Markdown or Word heading
        self.start = start
        self.title_start = title_start
        self.title_end = title_end
        self.line = line
        self.run_in = run_in
        self.indent = indent            # of its line, when the heading starts it; -1 when run in
        self.lang = lang
        self.depth = depth              # a Markdown or Word heading's level (1 = top); 0 otherwise
        self.list_id = list_id          # a Markdown list item: its list, and how deep the list is
        self.list_depth = list_depth
        self.drawn = drawn              # the number is drawn by the renderer (Markdown, Word lists)


def candidate(text: str, index: LineIndex, marker, title_start: int, title_end: int,
              lines: dict) -> Candidate:
    """A numbered heading found in the text, with its line's facts (worked out once per line in
    `lines`: a 5 MB line has many headings)."""
    line = index.line_of(marker.start)
    facts = lines.get(line)
    if facts is None:
        start, end = index.starts[line], index.line_ends()[line]
        found = _TEXT_START.search(text, start)
        facts = lines[line] = (found.start() if found else len(text), indent_of(text, start),
                               language(text[start:end]))
    first, indent, lang = facts
    run_in = first < marker.start
    return Candidate(marker, marker.start, title_start, title_end, line, run_in, -1 if run_in else indent, lang)


def build_tree(text: str, found: list[Candidate], boundaries: list[Boundary],
               cuts: list[int]) -> tuple[list[Heading], list[tuple[int, ...]]]:
    """Headings (in document order) with parents, children, bodies and roles, and the sibling runs
    whose numbers must count up (indexes into the headings)."""
    nodes = sorted(found, key=lambda c: c.start)
    parents: list[int | None] = []
    runs: list[list[int]] = []
    run_of: list[int] = []
    runs_by_key: dict[tuple, int] = {}
    run_state: list[tuple[int, int, int, str]] = []     # per run: indent, hard count, soft count, language
    stack: list[int] = []
    hard = soft = b = 0
    pending_hard = False
    for i, node in enumerate(nodes):
        while b < len(boundaries) and boundaries[b].offset <= node.start:
            if boundaries[b].strength == HARD:
                hard += 1
                pending_hard = True
            else:
                soft += 1
            b += 1
        restart = node.marker is not None and node.marker.value == 1
        if node.depth:
            while stack and not (nodes[stack[-1]].depth and nodes[stack[-1]].depth < node.depth):
                stack.pop()
        else:
            if pending_hard and restart:
                while stack and not nodes[stack[-1]].depth:
                    stack.pop()
            while stack and not _holds(nodes[stack[-1]], node):
                stack.pop()
        pending_hard = False
        parent = stack[-1] if stack else None
        parents.append(parent)
        run_of.append(_join_run(node, i, parent, restart, hard, soft, runs, runs_by_key, run_state)
                      if node.marker is not None else -1)
        stack.append(i)
    children: list[list[int]] = [[] for _ in nodes]
    for i, parent in enumerate(parents):
        if parent is not None:
            children[parent].append(i)
    ends = _body_ends(nodes, parents, boundaries, cuts, len(text))
    roles = _roles(text, nodes, parents, runs, run_of)
    headings = [Heading(i, n.marker, LEVELS[n.marker.family] if n.marker else 0, n.start, n.title_start,
                        n.title_end, n.line, n.run_in, parents[i], tuple(children[i]), ends[i],
                        roles[i], run_of[i], n.depth, n.drawn)
                for i, n in enumerate(nodes)]
    return headings, [tuple(run) for run in runs]


def _holds(top: Candidate, node: Candidate) -> bool:
    """Whether the open heading `top` is the parent of the next, plain, `node`."""
    if top.depth:
        return True                     # a Markdown or Word heading holds all that follows it
    if top.list_depth and node.list_depth:
        return node.list_depth > top.list_depth
    rank, top_rank = LEVELS[node.marker.family], LEVELS[top.marker.family]
    if rank > top_rank:
        return True                     # a lower family: （一） under 一、
    if rank == top_rank and node.indent >= 0 and top.indent >= 0:
        return node.indent > top.indent + 1     # the same family, indented: a list under an item
    return False


def _join_run(node: Candidate, i: int, parent: int | None, restart: bool, hard: int, soft: int,
              runs: list[list[int]], runs_by_key: dict, run_state: list) -> int:
    """The sibling run heading i belongs to: its parent's run of its family, unless a container
    ended since that run's last member (a boundary, another indentation or language) and heading
    i starts again at one."""
    key = (parent, node.marker.family if not node.list_id else "list", node.list_id, node.depth)
    r = runs_by_key.get(key)
    if r is not None:
        indent, seen_hard, seen_soft, lang = run_state[r]
        moved = (hard > seen_hard or soft > seen_soft or lang != node.lang
                 or (node.indent >= 0 and indent >= 0 and abs(node.indent - indent) > 1))
        if not (moved and restart):
            runs[r].append(i)
            run_state[r] = (node.indent if node.indent >= 0 else indent, hard, soft, node.lang)
            return r
    runs.append([i])
    run_state.append((node.indent, hard, soft, node.lang))
    runs_by_key[key] = len(runs) - 1
    return len(runs) - 1


def _body_ends(nodes: list[Candidate], parents: list[int | None], boundaries: list[Boundary],
               cuts: list[int], text_len: int) -> list[int]:
    """Where each section ends: the next heading that is not inside it, a hard boundary (for a
    plain heading) or a sign-off, whichever comes first."""
    ends = [text_len] * len(nodes)
    open_: list[int] = []           # the previous heading and its ancestors, outermost first
    for i, node in enumerate(nodes):
        parent = parents[i]
        while open_ and open_[-1] != parent:
            ends[open_.pop()] = node.start
        open_.append(i)
    hard_cuts = sorted({bd.offset for bd in boundaries if bd.strength == HARD} | set(cuts))
    sign_cuts = sorted(cuts)
    for i, node in enumerate(nodes):
        stops = sign_cuts if node.depth else hard_cuts
        k = bisect_right(stops, node.title_end)
        if k < len(stops) and stops[k] < ends[i]:
            ends[i] = stops[k]
    return ends


def _roles(text: str, nodes: list[Candidate], parents: list[int | None], runs: list[list[int]],
           run_of: list[int]) -> list[str]:
    """"heading" for a title that governs a body, "item" for a list item that is its own content:
    a sentence (inner punctuation, a URL, longer than a title), a Markdown list item, a member of
    a run that holds a sentence, or a child of a heading that ends with a colon (a lead-in)."""
    sentence = [bool(n.marker) and (n.list_depth > 0 or _sentence_like(text[n.title_start:n.title_end]))
                for n in nodes]
    roles = ["item" if s else "heading" for s in sentence]
    for run in runs:
        if any(sentence[i] for i in run):
            for i in run:
                roles[i] = "item"
    for i, parent in enumerate(parents):
        if (parent is not None and nodes[i].marker and not nodes[i].depth
                and _LEAD_IN_TITLE.search(text, nodes[parent].title_start, nodes[parent].title_end)):
            roles[i] = "item"
    return roles


def _sentence_like(title: str) -> bool:
    stripped = title.strip(" \t\u3000*_").rstrip("：:").rstrip(" \t\u3000*_")
    return bool(_INNER_PUNCT.search(stripped)) or len(stripped) > _TITLE_CHARS
