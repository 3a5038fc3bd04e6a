"""Residue of the tools a draft went through (WR304, WR305, WR307): a chat assistant's Markdown and
its own words, git's conflict markers and Word's review marks, left in a report.

Each is known by its structure, not by a character. Markdown bold is a pair of ** around words (a
lone ** before 个 is a fill-in blank, WR308's); a table needs its rule row |---|; bullets and a
single # count only where the text shows Markdown otherwise; a conflict is <<<<<<< then =======
then >>>>>>>; a comment reference [A1] counts only where its comment, 批注 [A1]:, is in the text.
"""
from __future__ import annotations

import re

from ..document.model import Document
from ..document.text import CJK, SPACES, SpanSet, merge_spans
from ..support.hints import Any, Iterator, Optional
from ..support.records import record
from .findings import Finding, make_edit, make_finding, make_fix
from .options import kind_options
from .patterns import PatternError, PatternOptions, Scans, compile_regex, find_matches, quote

_HAS_CJK = re.compile(f"[{CJK}]")
_ASCII_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_*\\")


def _skipped(doc: Document) -> SpanSet:
    """Text that is not the writer's prose: code, comments, front matter, URLs, calls (not markers:
    the 一、 of **一、总体情况** is inside the residue)."""
    return SpanSet(merge_spans([(s.start, s.end) for s in doc.masked] + doc.literals))


@record
class LineMatcher:
    """Patterns compiled as the pattern kind compiles them, with the options it reads them by."""

    options: PatternOptions
    scans: Scans

    def matches(self, doc: Document) -> Iterator[tuple[int, int, Any]]:
        return find_matches(doc, self.options, self.scans)


def _pattern_matcher(patterns: tuple, exceptions: tuple, trusted: bool) -> LineMatcher:
    """The patterns as one alternation (one search per paragraph, not one per pattern), each
    compiled alone first so that an error names the one at fault."""
    for i, p in enumerate(patterns):
        compile_regex(p, trusted, loc=("patterns", i))
    joined = "|".join(f"(?:{p})" for p in patterns)
    options = PatternOptions(patterns=(joined,) if patterns else (), exceptions=exceptions, include_markers=True)
    return LineMatcher(options, options.prepare(trusted))


# --- markdown-residue (WR304) ---------------------------------------------------------------------

_BOLD = re.compile(r"\*\*([^\s*](?:[^*\r\n]{0,78}[^\s*])?)\*\*")
_HEADING = re.compile(rf"^[ \t]{{0,3}}(#{{1,6}})[ \t]+(?=[^\r\n]*[{CJK}])", re.M)
_RULE_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*\r?$", re.M)
_TABLE_ROW = re.compile(r"[ \t]*\|[^\r\n]*\|[ \t]*\Z")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,})([^`\r\n]*?)[ \t]*\r?$", re.M)
_BULLET = re.compile(r"^[ \t]*([-*])[ \t]+(?=[^\s\d注])", re.M)


@kind_options
class MarkdownOptions:
    """Markdown syntax in a file whose format is not Markdown (WR304)."""

    formats: tuple[str, ...] = ("text", "docx")   # the file formats read ("markdown" would report its own syntax)
    # What a figure's blank stands before (共**人): a ** pair that opens and closes on one of
    # these is two blanks (WR308), not bold. Keep in step with WR308's pattern.
    blank_units: str = "个人次家项元万亿千百条件台户名位处所座辆套篇份场期批倍天年月日号岁吨亩%％"


def check_markdown(doc: Document, options: MarkdownOptions) -> Iterator[Finding]:
    """Bold pairs, ## headings, tables and code fences; bullets and # headings only beside them."""
    if doc.kind not in options.formats or not any(c in doc.text for c in "*#|`"):
        return
    skip = _skipped(doc)
    strong = [*_bold(doc, skip, options.blank_units), *_tables(doc, skip), *_fences(doc, skip)]
    headings = list(_headings(doc, skip))
    strong += [f for level, f in headings if level > 1]
    if strong:
        yield from strong
        yield from (f for level, f in headings if level == 1)
        yield from _bullets(doc, skip)


def _bold(doc: Document, skip: SpanSet, units: str) -> Iterator[Finding]:
    text = doc.text
    for m in _BOLD.finditer(text):
        s, e = m.span()
        if (s and text[s - 1] in _ASCII_WORD) or (e < len(text) and text[e] in _ASCII_WORD):
            continue      # 2**10, a**b**c: not emphasis
        inner, before, after = m.group(1), text[s - 1:s], text[e:e + 1]
        if not _HAS_CJK.search(inner + before + after):
            continue      # **bold** words in Chinese text, or **3** beside it
        if inner[0] in units and after and after in units:
            continue      # 共**人，其中**人: two blanks
        if skip.overlaps(s, e):
            continue
        edits = (make_edit(start=s, end=s + 2, new_text=""), make_edit(start=e - 2, end=e, new_text=""))
        yield make_finding(start=s, end=e, args={"match": quote(text[s:e])}, variant="bold",
                           fix=make_fix(edits=edits, safe=True))


def _headings(doc: Document, skip: SpanSet) -> Iterator[tuple[int, Finding]]:
    for m in _HEADING.finditer(doc.text):
        s, e = m.span()
        if not skip.overlaps(s, e):
            fix = make_fix(edits=(make_edit(start=s, end=e, new_text=""),), safe=True)
            hashes = m.group(1)
            yield len(hashes), make_finding(start=m.start(1), end=m.end(1), args={"match": hashes},
                                            variant="heading", fix=fix)


def _tables(doc: Document, skip: SpanSet) -> Iterator[Finding]:
    """A table once, at its header row: a |…| line right above a rule row |---|---|."""
    text, index = doc.text, doc.index
    for m in _RULE_ROW.finditer(text):
        line = index.line_of(m.start())
        if line == 0:
            continue
        start, end = index.line_span(line - 1)
        header = text[start:end]
        if _TABLE_ROW.match(header) and not skip.overlaps(start, m.end()):
            lead = len(header) - len(header.lstrip(SPACES))
            yield make_finding(start=start + lead, end=end, args={"match": quote(header.strip())}, variant="table")


def _fences(doc: Document, skip: SpanSet) -> Iterator[Finding]:
    """A fenced block once, at its opening ``` (an unclosed fence too)."""
    opening = None
    for m in _FENCE.finditer(doc.text):
        if skip.overlaps(m.start(1), m.end(1)):
            continue
        if opening is None:
            opening = m
            continue
        if not m.group(2) and len(m.group(1)) >= len(opening.group(1)):
            yield _fence(doc, opening)
            opening = None
    if opening is not None:
        yield _fence(doc, opening)


def _fence(doc: Document, m: re.Match) -> Finding:
    return make_finding(start=m.start(1), end=m.end(1), args={"match": quote(doc.text[m.start(1):m.end(2)])},
                        variant="fence")


def _bullets(doc: Document, skip: SpanSet) -> Iterator[Finding]:
    """A run of bullet lines (- 内容, * 内容) once, at its first marker, with how many lines it has."""
    index = doc.index
    first, count, previous = None, 0, -2
    for m in _BULLET.finditer(doc.text):
        if skip.overlaps(m.start(1), m.end(1)):
            continue
        line = index.line_of(m.start())
        if line == previous + 1:
            count += 1
        else:
            if first is not None:
                yield _bullet(first, count)
            first, count = m, 1
        previous = line
    if first is not None:
        yield _bullet(first, count)


def _bullet(m: re.Match, count: int) -> Finding:
    return make_finding(start=m.start(1), end=m.end(1), args={"match": m.group(1), "count": count},
                        variant="bullets")


# --- framing (WR305) ---------------------------------------------------------------------------------

# A sentence, or the lead-in before a colon (以下是为您整理的本周工作：完成……): what is framing or not.
_CLAUSE = re.compile(r"[^。！？；!?;：:\r\n]+[。！？；!?;：:]*[”’」』）)]?")


@record
class Framing:
    """What FramingOptions.prepare compiles."""

    matcher: LineMatcher
    companion: Any = None       # the companions regex, if any


@kind_options
class FramingOptions:
    """Sentences matching `patterns` (a chat assistant talking to its user); a line of nothing else
    gets a safe fix deleting it."""

    patterns: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    companions: str = ""        # a whole sentence that is framing too on a line with framing (好的！)

    def prepare(self, trusted: bool) -> Framing:
        """Compile the patterns as the pattern kind does."""
        companion = compile_regex(self.companions, trusted, loc=("companions",)) if self.companions else None
        return Framing(_pattern_matcher(self.patterns, self.exceptions, trusted), companion)


def check_framing(doc: Document, options: FramingOptions, framing: Framing) -> Iterator[Finding]:
    """One finding per line holding such sentences, from the first to the last of them."""
    text, index = doc.text, doc.index
    by_line: dict[int, list[tuple[int, int]]] = {}
    for s, e, _ in framing.matcher.matches(doc):
        by_line.setdefault(index.line_of(s), []).append((s, e))
    for line, found in by_line.items():
        start, end = index.line_span(line)
        sentences = [m.span() for m in _CLAUSE.finditer(text, start, end) if text[m.start():m.end()].strip(SPACES)]
        said = [(s, e) for s, e in sentences
                if any(fs < e and s < fe for fs, fe in found) or _companion(framing.companion, text, s, e)]
        first = said[0][0]
        first += len(text[first:said[0][1]]) - len(text[first:said[0][1]].lstrip(SPACES))
        fix = _delete_line(doc, line) if len(said) == len(sentences) else None
        s, e = found[0]
        yield make_finding(start=first, end=said[-1][1], args={"match": quote(text[s:e])}, fix=fix)


def _companion(rx: Any, text: str, start: int, end: int) -> bool:
    return rx is not None and rx.fullmatch(text[start:end]) is not None


def _delete_line(doc: Document, line: int):
    """Delete the line with its line end (in a .docx, its text: the paragraph is Word's)."""
    index = doc.index
    start, end = index.line_span(line)
    if doc.kind != "docx":
        if line + 1 < index.line_count:
            end = index.starts[line + 1]
        elif line > 0:
            start = index.line_span(line - 1)[1]
    return make_fix(edits=(make_edit(start=start, end=end, new_text=""),), safe=True)


# --- editing-residue (WR307) -----------------------------------------------------------------------

_CONFLICT_MARK = re.compile(r"^(?:(<{7})(?![<])|(={7})(?=[ \t]*\r?$)|(>{7})(?![>])|(\|{7})(?![|]))"
                            r"(?:[ \t][^\r\n]*)?\r?$", re.M)


@record
class Editing:
    """What EditingOptions.prepare compiles."""

    matcher: Optional[LineMatcher] = None
    comment: Any = None         # the comment label's regex, with its group `ref`


@kind_options
class EditingOptions:
    """Review marks left in a text export, and merge conflicts."""

    patterns: tuple[str, ...] = ()      # a line of review marks (Formatted:): a match must begin its line
    exceptions: tuple[str, ...] = ()
    comment: str = ""                   # a comment's label (批注 [A1]:) with the group `ref` (A1)
    conflicts: bool = True              # git's conflict markers

    def prepare(self, trusted: bool) -> Editing:
        """Compile the patterns; the comment label must name its group `ref`."""
        matcher = _pattern_matcher(self.patterns, self.exceptions, trusted) if self.patterns else None
        comment = None
        if self.comment:
            comment = compile_regex(self.comment, trusted, loc=("comment",))
            if "ref" not in comment.groupindex:
                raise PatternError("comment 的正则表达式须有名为 ref 的分组（批注编号，如 A1）", ("comment",))
        return Editing(matcher, comment)


def check_editing(doc: Document, options: EditingOptions, editing: Editing) -> Iterator[Finding]:
    """Each merge conflict; each run of review-mark lines and each reference to their comments."""
    if options.conflicts and "=======" in doc.text:
        yield from _conflicts(doc)
    if editing.matcher is not None:
        yield from _review_lines(doc, editing)


def _conflicts(doc: Document) -> Iterator[Finding]:
    """<<<<<<< (||||||| base) ======= >>>>>>> in that order: one finding per conflict, on its first line."""
    text, index = doc.text, doc.index
    skip = SpanSet((s.start, s.end) for s in doc.masked)
    opening, middle = None, False
    for m in _CONFLICT_MARK.finditer(text):
        if skip.overlaps(m.start(), m.end()):
            continue
        ours, divider, theirs = m.group(1), m.group(2), m.group(3)
        if ours:
            opening, middle = m, False
        elif opening is None:
            continue
        elif divider:
            opening, middle = (opening, True) if not middle else (None, False)
        elif theirs and middle:
            start, end = index.line_span(index.line_of(opening.start()))
            lines = index.line_of(m.start()) - index.line_of(start) + 1
            yield make_finding(start=start, end=end, args={"match": quote(text[start:end]), "lines": lines},
                               variant="conflict")
            opening, middle = None, False
        elif theirs:
            opening = None


def _review_lines(doc: Document, editing: Editing) -> Iterator[Finding]:
    """A run of consecutive review-mark lines once, at its first; then each comment reference [A1]
    whose comment is among them."""
    text, index = doc.text, doc.index
    lines = sorted({index.line_of(s) for s, _, _ in editing.matcher.matches(doc)
                    if not text[index.starts[index.line_of(s)]:s].strip(SPACES)})    # at the line's start
    refs: set[str] = set()
    run: list[int] = []
    for line in lines + [-1]:
        if run and line != run[-1] + 1:
            start, end = index.line_span(run[0])
            args = {"match": quote(text[start:end].strip()), "count": len(run)}
            yield make_finding(start=start, end=end, args=args, variant="review" if len(run) == 1 else "reviews")
            run = []
        if line >= 0:
            run.append(line)
            if editing.comment is not None:
                refs.update(m.group("ref") for m in editing.comment.finditer(text, *index.line_span(line)))
    if refs:
        yield from _references(doc, refs, SpanSet(index.line_span(line) for line in lines))


def _references(doc: Document, refs: set[str], marked: SpanSet) -> Iterator[Finding]:
    text = doc.text
    rx = re.compile(r"\[(?:" + "|".join(map(re.escape, sorted(refs))) + r")\]")
    skip = _skipped(doc)
    for m in rx.finditer(text):
        s, e = m.span()
        if not marked.overlaps(s, e) and not skip.overlaps(s, e):
            fix = make_fix(edits=(make_edit(start=s, end=e, new_text=""),), safe=True)
            yield make_finding(start=s, end=e, args={"match": m.group()}, variant="reference", fix=fix)
