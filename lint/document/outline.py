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
from itertools import accumulate
from operator import attrgetter

from .layout import HARD, indent_of, language
from .model import LEVELS, Heading
from ..support.hints import TYPE_CHECKING

if TYPE_CHECKING:
    from .layout import Boundary
    from .positions import LineIndex

_TEXT_START = re.compile(r"[^ \t\u3000\u200b#*_]")   # a heading is run in when text precedes it on its line
_NOT_TEXT_OR_INDENT = " \t\u3000\u200b#*_\ufeff"    # what _TEXT_START passes over, and layout.indent_of counts
_INNER_PUNCT = re.compile(r"[，,；;：:！!？?]|https?://|www\.")
_LEAD_IN_TITLE = re.compile(r"[：:][ \t\u3000*_]*$")
_TITLE_CHARS = 16          # a title longer than this reads as a sentence


class Candidate:
    """A heading before it has a place in the tree: what the builder found and where it stands."""

    __slots__ = ("marker", "start", "title_start", "title_end", "line", "run_in", "indent", "lang",
                 "depth", "list_id", "list_depth", "drawn", "listed")

    def __init__(self, marker, start: int, title_start: int, title_end: int, line: int, run_in: bool,
                 indent: int, lang: str, depth: int = 0, list_id: int = 0, list_depth: int = 0,
                 drawn: bool = False, listed: bool = False) -> None:
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
        self.drawn = drawn              # the number is Word's automatic numbering, not typed
        self.listed = listed            # an item of a Markdown or Word list


def candidates(text: str, index: LineIndex, markers: list[tuple]) -> list[Candidate]:
    """The numbered headings found in the text, (marker, title start, title end) each, with their
    lines' facts (worked out once per line: a 5 MB line has many headings)."""
    starts, ends = index.starts, index.line_ends()
    lines: dict[int, tuple] = {}
    out = []
    for marker, title_start, title_end in markers:
        start = marker.start
        line = bisect_right(starts, start) - 1
        facts = lines.get(line)
        if facts is None:
            facts = lines[line] = _line_facts(text, starts[line], ends[line])
        first, indent, lang = facts
        run_in = first < start
        out.append(Candidate(marker, start, title_start, title_end, line, run_in, -1 if run_in else indent, lang))
    return out


def _line_facts(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Where the text of the line start…end begins, its indentation and its language."""
    if text[start] not in _NOT_TEXT_OR_INDENT:     # most heading lines: the number opens them
        return start, 0, language(text[start:end])
    found = _TEXT_START.search(text, start)
    return found.start() if found else len(text), indent_of(text, start), language(text[start:end])


def build_tree(text: str, found: list[Candidate], boundaries: list[Boundary], cuts: list[int],
               prose_lines: list[int]) -> tuple[list[Heading], list[tuple[int, ...]]]:
    """Headings (in document order) with parents, children, bodies and roles, and the sibling runs
    whose numbers must count up (indexes into the headings). `prose_lines` are the lines of prose
    that are no heading's, sorted: a list starting again at one after some is a new list."""
    nodes = sorted(found, key=attrgetter("start"))
    tree = _Tree(text, nodes, prose_lines)
    offsets = [bd.offset for bd in boundaries]
    hard_before = list(accumulate((bd.strength == HARD for bd in boundaries), initial=0))
    for i, node in enumerate(nodes):
        passed = bisect_right(offsets, node.start)     # the boundaries before the heading
        tree.place(i, hard_before[passed], passed - hard_before[passed])
    parents, runs, run_of = tree.parents, tree.runs, tree.run_of
    children: list[list[int]] = [[] for _ in nodes]
    for i, parent in enumerate(parents):
        if parent is not None:
            children[parent].append(i)
    ends = _body_ends(nodes, parents, boundaries, cuts, len(text))
    roles = _roles(text, nodes, parents, runs, run_of, _led_in(nodes, runs, boundaries, prose_lines))
    headings = [Heading(i, n.marker, LEVELS[n.marker.family] if n.marker else 0, n.start, n.title_start,
                        n.title_end, n.line, n.run_in, parents[i], tuple(children[i]), ends[i],
                        roles[i], run_of[i], n.depth, n.drawn, n.listed)
                for i, n in enumerate(nodes)]
    return headings, [tuple(run) for run in runs]


class _Tree:
    """The outline as it is built, heading by heading: the open headings (the last one and its
    ancestors), each heading's parent and run, and each run's last number and where it stood."""

    __slots__ = ("text", "nodes", "prose_lines", "stack", "parents", "runs", "run_of", "last", "seen",
                 "explicit_runs", "hard_seen")

    def __init__(self, text: str, nodes: list[Candidate], prose_lines: list[int]) -> None:
        self.text, self.nodes, self.prose_lines = text, nodes, prose_lines
        self.stack: list[int] = []
        self.parents: list[int | None] = []
        self.runs: list[list[int]] = []
        self.run_of: list[int] = []
        self.last: list[int] = []                   # per run: the number of its last member …
        self.seen: list[tuple[int, int]] = []       # … and the boundaries counted when it came
        self.explicit_runs: dict[tuple, int] = {}   # Markdown or Word headings: (parent, depth, family) → run
        self.hard_seen = 0                          # the hard boundaries passed before the last heading

    def place(self, i: int, hard: int, soft: int) -> None:
        node, nodes, stack = self.nodes[i], self.nodes, self.stack
        sibling = None
        restart = False
        if node.depth:
            restart = node.marker is not None and node.marker.value == 1
            while stack and not (nodes[stack[-1]].depth and nodes[stack[-1]].depth < node.depth):
                stack.pop()
        else:
            if node.marker.value == 1 and hard > self.hard_seen:
                # A list starting at one after a part heading, a separator or the other language
                # belongs to the heading that holds it all, not to the list before the boundary.
                while stack and not nodes[stack[-1]].depth:
                    stack.pop()
            sibling = self._best_sibling(node)
            if sibling is not None and node.marker.value == 1 and self._new_list(sibling, node, hard, soft):
                # A list starting again at one where its container ended (a boundary, prose
                # between, another indentation, language or Markdown list) is a new list.
                restart, sibling = True, None
                while stack and not self._holds_new(nodes[stack[-1]], node):
                    stack.pop()
            elif sibling is not None:
                while stack[-1] != sibling:
                    stack.pop()
                stack.pop()
            else:
                holds = self._holds_new if node.marker.value == 1 else _holds
                while stack and not holds(nodes[stack[-1]], node):
                    stack.pop()
        self.hard_seen = hard
        parent = stack[-1] if stack else None
        self.parents.append(parent)
        self.run_of.append(-1 if node.marker is None else self._run(i, node, parent, sibling, restart, hard, soft))
        stack.append(i)

    def _new_list(self, sibling: int, node: Candidate, hard: int, soft: int) -> bool:
        """Whether `node`, numbered one, starts a new list rather than repeating a number of its
        sibling's run: something ended the sibling's container since its run's last member, or the
        sibling is a title the list belongs under."""
        top, r = self.nodes[sibling], self.run_of[sibling]
        last_line = self.nodes[self.runs[r][-1]].line
        seen_hard, seen_soft = self.seen[r]
        return (hard > seen_hard or soft > seen_soft or top.lang != node.lang
                or top.list_id != node.list_id
                or (node.indent >= 0 and top.indent >= 0 and abs(node.indent - top.indent) > 1)
                or bisect_right(self.prose_lines, node.line - 1) > bisect_right(self.prose_lines, last_line)
                or self._holds_new(top, node))

    def _holds_new(self, top: Candidate, node: Candidate) -> bool:
        """Whether `top` holds a new list starting at `node`: as any child, or a list of its own
        family written in another form, which is how writers mark a level within one family
        (2．目前已完成的工作 / 1.学习了… / 2.了解了…, or 3.学习了… / 1)图像分解…)."""
        if _holds(top, node):
            return True
        return (top.marker is not None and top.marker.family == node.marker.family
                and _form(top.marker) != _form(node.marker))

    def _best_sibling(self, node: Candidate) -> int | None:
        """The open heading of `node`'s family whose run `node` continues best: by number (the
        next one), then by form (1. with 1., 1) with 1)), then by indentation, the nearest first."""
        best, best_score = None, -1
        nodes, last, run_of = self.nodes, self.last, self.run_of
        family, value, form = node.marker.family, node.marker.value, _form(node.marker)
        for j in reversed(self.stack):
            top = nodes[j]
            if top.depth:
                break
            if top.marker is None or top.marker.family != family:
                continue
            fits = value == last[run_of[j]] + 1
            same_form = _form(top.marker) == form
            same_listing = top.listed == node.listed
            if not same_listing and not fits and not same_form:
                continue    # a typed number continues a Markdown or Word list as its next number or in its form
            score = (8 * fits + 4 * same_listing + 2 * same_form
                     + (node.indent < 0 or top.indent < 0 or abs(node.indent - top.indent) <= 1))
            if score > best_score:
                best, best_score = j, score
        return best

    def _run(self, i: int, node: Candidate, parent: int | None, sibling: int | None, restart: bool,
             hard: int, soft: int) -> int:
        """The run heading i joins: its sibling's, a Markdown or Word heading's run of its depth,
        or a new one."""
        if sibling is not None:
            r = self.run_of[sibling]
        elif node.depth and not restart:
            r = self.explicit_runs.get((parent, node.depth, node.marker.family), -1)
        else:
            r = -1
        if r < 0:
            r = len(self.runs)
            self.runs.append([])
            self.last.append(0)
            self.seen.append((hard, soft))
        if node.depth:
            self.explicit_runs[parent, node.depth, node.marker.family] = r
        self.runs[r].append(i)
        self.last[r] = node.marker.value
        self.seen[r] = (hard, soft)
        return r


def _form(marker) -> tuple[str, str, str]:
    return marker.open, marker.close, marker.punct


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
           run_of: list[int], led_in: set[int]) -> list[str]:
    """"heading" for a title that governs a body, "item" for a list item that is its own content:
    a sentence (inner punctuation, a URL, longer than a title), a Markdown or Word list item, a
    member of a run that holds a sentence or that a lead-in line announces (软件目标：), or a child
    of a heading that ends with a colon."""
    sentence = [bool(n.marker) and (n.list_depth > 0 or _sentence_like(text, n.title_start, n.title_end))
                for n in nodes]
    roles = ["item" if s else "heading" for s in sentence]
    for run in runs:
        if run[0] in led_in or any(map(sentence.__getitem__, run)):
            for i in run:
                roles[i] = "item"
    lead_in_titles: dict[int, bool] = {}    # by parent: its children are many
    for i, parent in enumerate(parents):
        if parent is not None and nodes[i].marker and not nodes[i].depth:
            lead_in = lead_in_titles.get(parent)
            if lead_in is None:
                lead_in = lead_in_titles[parent] = _LEAD_IN_TITLE.search(
                    text, nodes[parent].title_start, nodes[parent].title_end) is not None
            if lead_in:
                roles[i] = "item"
    return roles


def _led_in(nodes: list[Candidate], runs: list[list[int]], boundaries: list[Boundary],
            prose_lines: list[int]) -> set[int]:
    """The first members of the runs that a lead-in line announces: the last line of prose
    before them ends with a colon (软件目标： / 1、… / 2、…)."""
    lead_lines = {bd.line for bd in boundaries if bd.strength != HARD}
    out = set()
    for run in runs:
        first = nodes[run[0]]
        k = bisect_right(prose_lines, first.line - 1) - 1
        if not first.run_in and k >= 0 and prose_lines[k] in lead_lines:
            out.add(run[0])
    return out


def _sentence_like(text: str, start: int, end: int) -> bool:
    """Whether the title text[start:end] reads as a sentence: inner punctuation or a URL (a colon
    that ends it does not count), or longer than a title. Told without a copy of it where it can
    be: stripping a title's ends takes spaces, emphasis and colons only."""
    punct = _INNER_PUNCT.search(text, start, end)
    if punct is None:
        return end - start > _TITLE_CHARS and len(text[start:end].strip(" \t\u3000*_")) > _TITLE_CHARS
    if punct.group() not in ("：", ":"):
        return True
    stripped = text[start:end].strip(" \t\u3000*_").rstrip("：:").rstrip(" \t\u3000*_")
    return bool(_INNER_PUNCT.search(stripped)) or len(stripped) > _TITLE_CHARS
