"""Section kinds: required sections (WR201), their order (WR202) and empty sections (WR203).

A section is found by the wording of a heading: a numbered heading's title (on its own line or
run in), an unnumbered Markdown heading, or a short stand-alone line such as "存在的问题：".
"""
from __future__ import annotations

import re


from .findings import Finding, Related
from ..document.model import Document, Heading
from ..support.records import record
from .patterns import ATX_RE, compile_regex

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without importing typing (3 ms of a one-file run)
if TYPE_CHECKING:
    from typing import Iterator, Literal, Union

_FORBID = {"extra": "forbid"}  # pydantic config, read only when options are validated
_STRIP = " \t\u3000#*_>"
_SENTENCE_PUNCT = re.compile(r"[。！？；!?;，,]")  # a line with these is prose, not a section name
_NO_CONTENT = re.compile(r"[\s#*_>\-—。．.，,；;：:！!？?、]*")


@record
class Section:
    """A section a report should have: its display name and the heading wordings (regexes) that name it."""

    __pydantic_config__ = _FORBID
    name: str
    wordings: tuple[str, ...]
    title_wordings: tuple[str, ...] = ()   # a document titled so is itself this section (a 工作计划)


@record
class _SectionsSettings:
    """SectionsOptions as a pack writes them."""

    __pydantic_config__ = _FORBID

    sections: tuple[Section, ...]
    level: Union[int, Literal["any"]] = "any"
    max_title: int = 30                   # longer titles are prose, not a section name
    standalone_lines: bool = True         # also accept a short line of its own as a section name


class SectionsOptions(_SectionsSettings):
    """The sections, in their expected order; `level` limits numbered headings to one level."""

    compiled: tuple = ()                  # derived by prepare: one regex per section …
    compiled_titles: tuple = ()           # … and one per section's title wordings (None without)

    def prepare(self, trusted: bool) -> None:
        """One regex per section, joining its wordings."""
        from .patterns import PatternError

        compiled = []
        for i, section in enumerate(self.sections):
            if not section.wordings:
                raise PatternError(f"段落“{section.name}”没有 wordings", ("sections", i))
            for j, w in enumerate(section.wordings):
                compile_regex(w, trusted, loc=("sections", i, "wordings", j))
            compiled.append(compile_regex("|".join(f"(?:{w})" for w in section.wordings), trusted))
        self.compiled = tuple(compiled)
        self.compiled_titles = tuple(compile_regex("|".join(f"(?:{w})" for w in sec.title_wordings), trusted)
                                     if sec.title_wordings else None for sec in self.sections)


@record
class _Candidate:
    start: int          # where to report: the heading marker, or the title
    end: int
    title: str
    level: int | None   # None when unnumbered


def _candidates(doc: Document, options: SectionsOptions) -> list[_Candidate]:
    """Every place that may name a section, in document order."""
    text = doc.text
    out = [_Candidate(h.start, h.title_end, h.title(text), h.level) for h in doc.headings]
    heading_lines = {h.line for h in doc.headings if not h.run_in}
    if options.level == "any":
        out.extend(_unnumbered(doc, heading_lines, options))
    out = [c for c in out if 0 < len(c.title) <= options.max_title]
    if options.level != "any":
        out = [c for c in out if c.level == options.level]
    return sorted(out, key=lambda c: c.start)


def _unnumbered(doc: Document, heading_lines: set[int], options: SectionsOptions) -> Iterator[_Candidate]:
    """Markdown headings without a number, and short stand-alone lines (not the document's title line)."""
    text = doc.text
    # The first line is the document's title (# XX局2024年工作总结和下一步工作计划), not a section.
    title_end = doc.blocks[0].end if doc.blocks else 0
    if doc.kind == "markdown":
        for m in ATX_RE.finditer(text, title_end):
            line = doc.index.line_of(m.start())
            if line not in heading_lines and m.end("t") > m.start("t"):
                yield _Candidate(m.start("t"), m.end("t"), m.group("t").strip(_STRIP), None)
    if not options.standalone_lines:
        return
    for block in doc.blocks[1:]:
        # Punctuation is never stripped from a title: a line holding some is prose (checked first,
        # in C, as it rules out most lines).
        if block.line in heading_lines or _SENTENCE_PUNCT.search(text, block.start, block.end):
            continue
        raw = text[block.start:block.end]
        if raw.lstrip(" \t\u3000").startswith("#"):
            continue
        title = raw.strip(_STRIP).rstrip("：:").strip(_STRIP)
        if title:
            start = block.start + raw.find(title[0])
            yield _Candidate(start, start + len(title), title, None)


def _first_places(doc: Document, options: SectionsOptions) -> list[_Candidate | None]:
    """For each section, the first heading that names it (None when missing).

    WR201 and WR202 read the same sections (one YAML anchor): the document keeps the answer.
    """
    engine = type(options.compiled[0]) if options.compiled else None   # re and RE2 may differ
    key = ("section places", options.sections, options.level, options.max_title, options.standalone_lines, engine)
    return doc.shared(key, lambda: _find_first_places(doc, options))


def _find_first_places(doc: Document, options: SectionsOptions) -> list[_Candidate | None]:
    places: list[_Candidate | None] = [None] * len(options.sections)
    for c in _candidates(doc, options):
        for i, rx in enumerate(options.compiled):
            if places[i] is None and rx.search(c.title):
                places[i] = c
    return places


def check_required(doc: Document, options: SectionsOptions) -> Iterator[Finding]:
    """WR201: one finding per missing section, about the whole document (0:0–0:0)."""
    title = doc.text[doc.blocks[0].start:doc.blocks[0].end].strip(_STRIP) if doc.blocks else ""
    places = _first_places(doc, options)
    for section, place, by_title in zip(options.sections, places, options.compiled_titles):
        if place is None and not (by_title and by_title.search(title)):
            yield Finding(0, 0, {"section": section.name})


def check_order(doc: Document, options: SectionsOptions) -> Iterator[Finding]:
    """WR202: a section that comes after one the order puts later, at its heading."""
    places = _first_places(doc, options)
    for i, place in enumerate(places):
        if place is None:
            continue
        later = [(places[j], options.sections[j]) for j in range(i + 1, len(places))
                 if places[j] is not None and places[j].start < place.start]
        if later:
            first, section = min(later, key=lambda p: p[0].start)
            yield Finding(place.start, place.end,
                          {"section": options.sections[i].name, "after": section.name},
                          related=(Related(first.start, first.end, section.name),))


@record
class EmptyOptions:
    """Options of the empty-section kind."""

    __pydantic_config__ = _FORBID
    skip_sentence_titles: bool = True     # "（一）加强组织领导。" may be a whole point in itself
    need_content_sibling: bool = True     # a run of bare headings is a list, not a row of empty sections


def check_empty(doc: Document, options: EmptyOptions) -> Iterator[Finding]:
    """WR203: a heading with nothing (not even a child heading) before the next heading of its level or above."""
    empty = [_is_empty(doc, h) for h in doc.headings]
    group_has_content: dict[tuple, bool] = {}
    for h in doc.headings:
        key = (h.parent, h.level)
        group_has_content[key] = group_has_content.get(key, False) or not empty[h.index]
    for h in doc.headings:
        if not empty[h.index]:
            continue
        if (options.skip_sentence_titles and doc.text[h.title_end:h.title_end + 1] in ("。", "！", "？", "；")
                and not _alone_on_line(doc, h)):
            continue
        if options.need_content_sibling and not group_has_content[(h.parent, h.level)]:
            continue
        yield Finding(h.start, h.title_end, {"title": h.title(doc.text)})


_LINE_REST = re.compile(r"[。！？；]?[ \t\u3000]*(?:\r?\n|\r|\Z)")


def _alone_on_line(doc: Document, h: Heading) -> bool:
    """A heading that is its whole line: a sentence-like title there is still only a title."""
    return not h.run_in and _LINE_REST.match(doc.text, h.title_end) is not None


def _is_empty(doc: Document, h: Heading) -> bool:
    return _NO_CONTENT.fullmatch(doc.text, h.title_end, h.body_end) is not None
