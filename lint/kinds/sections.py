"""Section kinds: required sections (WR201), their order (WR202) and empty sections (WR203).

What a report must have depends on its kind (lint/document/genre.py): a pack declares, per kind,
which sections are required. A section is found by its wording where real reports put it: a
heading's title (numbered, run in, Markdown or Word), a short line of its own, a lead-in line
(……的计划如下：) and, for sections a pack allows so, a paragraph that states it (我们也清醒看到，
……还存在不少困难和问题). An empty section is a heading, not a list item, with nothing under it.
"""
from __future__ import annotations

import re

from ..document.model import Document, Heading
from ..support.hints import Any, Iterator, Literal, Optional, Union
from ..support.records import record
from .findings import Finding, make_finding, make_related
from .options import kind_options
from .patterns import compile_regex
_STRIP = " \t\u3000#*_>"
_SENTENCE_PUNCT = re.compile(r"[。！？；!?;，,]")  # a line with these is prose, not a section name
_NO_CONTENT = re.compile(r"[\s#*_>\-—。．.，,；;：:！!？?、]*")
_LEAD_IN = re.compile(r"(?:[：:]|如下|以下[^，。；,;：:]{0,10}?)[。.]?[ \t\u3000*_]*$")
_QUESTION = re.compile(r"^[^，。；,;]{2,30}[？?][ \t\u3000*_]*$")   # 本周完成了什么工作？


@kind_options
class Section:
    """A section a report may need: its name, the wordings (regexes) of a heading, line or lead-in
    that names it, of a paragraph that states it, and of a document title that makes the whole
    document this section (a 工作计划 is its plan)."""

    name: str                              # what messages call it ({section})
    wordings: tuple[str, ...]              # regexes of a heading title, short line or lead-in line naming it
    paragraph_wordings: tuple[str, ...] = ()   # regexes of a paragraph stating it (……还存在不少困难和问题)
    title_wordings: tuple[str, ...] = ()   # regexes of a document title making the whole document it


@record
class Wordings:
    """What SectionsOptions.prepare compiles: for each section, one regex of the wordings that name
    it, and one of its paragraph wordings and of its title wordings (None without)."""

    names: tuple[Any, ...]
    paragraphs: tuple[Any, ...]
    titles: tuple[Any, ...]


@kind_options
class SectionsOptions:
    """The sections, in their expected order; `level` limits numbered headings to one level."""

    sections: tuple[Section, ...]         # in their expected order
    required: Optional[dict[str, tuple[str, ...]]] = None   # report kind → the sections it must have (none: all, always)
    level: Union[int, Literal["any"]] = "any"   # numbered headings of this level only (1: 一、, 2: （一）…)
    max_title: int = 30                   # longer titles are prose, not a section name
    standalone_lines: bool = True         # also accept a short line of its own as a section name

    def prepare(self, trusted: bool) -> Wordings:
        """One regex per section and per kind of wording, joining the wordings."""
        from .patterns import PatternError

        names = [s.name for s in self.sections]
        for kind, required in (self.required or {}).items():
            for name in required:
                if name not in names:
                    raise PatternError(f"required 中的“{name}”不是已声明的段落（{'、'.join(names)}）", ("required", kind))
        compiled = []
        for i, section in enumerate(self.sections):
            if not section.wordings:
                raise PatternError(f"段落“{section.name}”没有 wordings", ("sections", i))
            for field in ("wordings", "paragraph_wordings", "title_wordings"):
                for j, w in enumerate(getattr(section, field)):
                    compile_regex(w, trusted, loc=("sections", i, field, j))
            compiled.append(_joined(section.wordings, trusted))
        return Wordings(tuple(compiled), tuple(_joined(s.paragraph_wordings, trusted) for s in self.sections),
                        tuple(_joined(s.title_wordings, trusted) for s in self.sections))


def _joined(wordings: tuple[str, ...], trusted: bool):
    return compile_regex("|".join(f"(?:{w})" for w in wordings), trusted) if wordings else None


@record
class _Place:
    start: int          # where to report: the heading marker, or the title
    end: int
    title: str
    level: int | None   # None when unnumbered
    named: bool = True  # a heading, line or lead-in that names the section (not a paragraph stating it)


def _places(doc: Document, options: SectionsOptions) -> list[_Place]:
    """Every heading, line or lead-in that may name a section, in document order."""
    text = doc.text
    signed = doc.signoffs[0][0] if doc.signoffs else len(text)
    title_start, title_end = doc.title
    out = [_Place(h.start, h.title_end, h.title(text).strip(_STRIP), h.level or None)
           for h in doc.headings if h.start < signed and not title_start <= h.title_start < max(title_end, title_start + 1)]
    heading_lines = {h.line for h in doc.headings if not h.run_in}
    if options.level == "any":
        out.extend(_lines(doc, heading_lines, options, signed))
    limit = options.max_title
    # A title holding a sentence's punctuation is a list item's sentence, not a section's name,
    # unless it leads in to what follows (展望2005，新的一年中，……的计划如下：).
    out = [p for p in out if 0 < len(p.title) <= (2 * limit if _LEAD_IN.search(p.title) else limit)
           and (_LEAD_IN.search(p.title) or _QUESTION.search(p.title) or not _SENTENCE_PUNCT.search(p.title))]
    if options.level != "any":
        out = [p for p in out if p.level == options.level]
    return sorted(out, key=lambda p: p.start)


def _lines(doc: Document, heading_lines: set[int], options: SectionsOptions, signed: int) -> Iterator[_Place]:
    """Short lines of their own, and lead-in lines (……的计划如下：), not the document's title."""
    text = doc.text
    longest = 2 * options.max_title + 8     # a longer line is prose, whatever it says (plus indentation)
    for block in doc.blocks:
        if block.end - block.start > longest:
            continue
        if block.line in heading_lines or block.start >= signed or block.start <= doc.title[0] < block.end:
            continue
        raw = text[block.start:block.end]
        # A line that leads in (……计划如下：) or asks (下周有什么工作计划？) names what follows.
        lead_in = _LEAD_IN.search(raw) is not None or _QUESTION.search(raw) is not None
        # Punctuation is never stripped from a title: a line holding some is prose, unless it leads in.
        if not lead_in and (not options.standalone_lines or _SENTENCE_PUNCT.search(raw)):
            continue
        title = raw.strip(_STRIP)
        if not lead_in:
            title = title.rstrip("：:").strip(_STRIP)
        if title:
            start = block.start + raw.find(title[0])
            yield _Place(start, start + len(title), title, None)


def _first_places(doc: Document, options: SectionsOptions, wordings: Wordings) -> list[_Place | None]:
    """For each section, the first place that names it (None when missing): a heading, a line, a
    lead-in, or else a paragraph that states it.

    WR201 and WR202 read the same sections (one YAML anchor): the document keeps the answer.
    """
    engine = type(wordings.names[0]) if wordings.names else None   # re and RE2 may differ
    key = ("section places", options.sections, options.level, options.max_title, options.standalone_lines, engine)
    return doc.shared(key, lambda: _find_first_places(doc, options, wordings))


def _find_first_places(doc: Document, options: SectionsOptions, wordings: Wordings) -> list[_Place | None]:
    places: list[_Place | None] = [None] * len(options.sections)
    for c in _places(doc, options):
        for i, rx in enumerate(wordings.names):
            if places[i] is None and rx.search(c.title):
                places[i] = c
    for i, rx in enumerate(wordings.paragraphs):
        if places[i] is None and rx is not None:
            places[i] = _stated(doc, rx)
    return places


def _stated(doc: Document, rx) -> _Place | None:
    """The first place in prose (not a heading's title, not the sign-off) where `rx` finds the
    section stated in so many words."""
    text = doc.text
    signed = doc.signoffs[0][0] if doc.signoffs else len(text)
    heading_lines = {h.line for h in doc.headings if not h.run_in}
    prose = doc.block_spans
    for m in rx.finditer(text, 0, signed):
        if m.start() in prose and doc.index.line_of(m.start()) not in heading_lines:
            return _Place(m.start(), m.end(), m.group(), None, named=False)
    return None


def required_sections(doc: Document, options: SectionsOptions) -> list[int]:
    """The sections this document must have, by index: those its kind requires (a pack without
    `required` asks for all of them in every document). The kind must be the document's own word
    (its title) or the config's: a file merely named 周报 may be anyone's notes."""
    if not options.required:
        return list(range(len(options.sections)))
    if doc.genre_source not in ("title", "config"):
        return []
    names = options.required.get(doc.genre or "unknown", ())
    return [i for i, s in enumerate(options.sections) if s.name in names]


def check_required(doc: Document, options: SectionsOptions, wordings: Wordings) -> Iterator[Finding]:
    """WR201: one finding per missing section, about the whole document (0:0–0:0)."""
    required = required_sections(doc, options)
    if not required:
        return
    from ..document.genre import NAMES

    title = doc.text[doc.title[0]:doc.title[1]]
    places = _first_places(doc, options, wordings)
    for i in required:
        by_title = wordings.titles[i]
        if places[i] is None and not (by_title and by_title.search(title)):
            yield make_finding(start=0, end=0, args={"section": options.sections[i].name,
                                                     "kind": NAMES.get(doc.genre, "报告")})


def check_order(doc: Document, options: SectionsOptions, wordings: Wordings) -> Iterator[Finding]:
    """WR202: a section that comes after one the order puts later, at its heading."""
    required = required_sections(doc, options)
    places = _first_places(doc, options, wordings)
    for n, i in enumerate(required):
        place = places[i]
        if place is None or not place.named:
            continue
        later = [(places[j], options.sections[j]) for j in required[n + 1:]
                 if places[j] is not None and places[j].named and places[j].start < place.start]
        if later:
            first, section = min(later, key=lambda p: p[0].start)
            yield make_finding(start=place.start, end=place.end,
                               args={"section": options.sections[i].name, "after": section.name},
                               related=(make_related(start=first.start, end=first.end, message=section.name),))


@kind_options
class EmptyOptions:
    """When a heading with nothing under it is not an empty section."""

    skip_sentence_titles: bool = True     # "（一）加强组织领导。" run in before the next heading may be a whole point
    need_content_sibling: bool = True     # a run of bare headings is a list, not a row of empty sections


def check_empty(doc: Document, options: EmptyOptions) -> Iterator[Finding]:
    """WR203: a heading (not a list item, not the document's title) with nothing, not even a child
    heading, before the next heading of its level or above, a boundary or the sign-off.

    A bare heading is an empty section only among siblings that have prose of their own under
    them: where the others hold only sub-items, the run is an outline of items, not of sections."""
    title_start = doc.title[0]
    headings = [h for h in doc.headings if h.role == "heading" and h.title_start != title_start]
    empty = {h.index: _is_empty(doc, h) for h in headings}
    # Prose in a section says the run is one of sections. The last sibling's section runs on to
    # whatever comes next, so it does not count: only the sections between siblings do.
    last_of: dict[tuple, int] = {_group(h): h.index for h in headings}
    group_has_prose: dict[tuple, bool] = {}
    for h in headings:
        key = _group(h)
        group_has_prose[key] = group_has_prose.get(key, False) or (last_of[key] != h.index and _has_prose(doc, h))
    for h in headings:
        if not empty[h.index] or h.title_end == h.title_start:
            continue    # a number with no title at all is an empty item, not an empty section
        if (options.skip_sentence_titles and doc.text[h.title_end:h.title_end + 1] in ("。", "！", "？", "；")
                and not _alone_on_line(doc, h)):
            continue
        if options.need_content_sibling and not group_has_prose[_group(h)]:
            continue
        yield make_finding(start=h.start, end=h.title_end, args={"title": h.title(doc.text)})


def _has_prose(doc: Document, h: Heading) -> bool:
    """Whether the section holds text other than the titles of the headings inside it."""
    text = doc.text
    at = h.title_end
    for d in _descendants(doc, h):
        if d.start > at and _NO_CONTENT.fullmatch(text, at, d.start) is None:
            return True
        at = max(at, d.title_end)
    return h.body_end > at and _NO_CONTENT.fullmatch(text, at, h.body_end) is None


def _descendants(doc: Document, h: Heading) -> Iterator[Heading]:
    """The headings inside `h`, in document order."""
    for i in h.children:
        child = doc.headings[i]
        yield child
        yield from _descendants(doc, child)


def _group(h: Heading) -> tuple:
    """Siblings whose content says whether a bare one is a list or an empty section."""
    return (h.parent, h.run) if h.marker is not None else (h.parent, "depth", h.depth)


_LINE_REST = re.compile(r"[。！？；]?[ \t\u3000]*(?:\r?\n|\r|\Z)")


def _alone_on_line(doc: Document, h: Heading) -> bool:
    """A heading that is its whole line: a sentence-like title there is still only a title."""
    return not h.run_in and _LINE_REST.match(doc.text, h.title_end) is not None


def _is_empty(doc: Document, h: Heading) -> bool:
    return _NO_CONTENT.fullmatch(doc.text, h.title_end, h.body_end) is not None
