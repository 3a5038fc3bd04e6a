"""Word .docx → SourceText: the report as a reader of it in Word sees it, one line per paragraph.

The body comes first, in document order: paragraphs and table cells (nested tables too), each
paragraph with the number Word draws before it. Then, as lines of their own marked by Regions so
that rules can tell them apart: text boxes and shapes, headers and footers (each distinct one
once, however many sections share it), footnotes and endnotes (in the order of their marks).
Tracked changes read as if accepted and fields by their result (see text.py). The package is
streamed (stream.py) within a size cap (package.py); lxml is imported only when a .docx is read.
"""
from __future__ import annotations

from ...support.errors import InputError
from ...support.records import record
from ..source import SourceText

_STRICT = b"purl.oclc.org/ooxml/wordprocessingml/main"
_HEADER_FOOTER = {("header", "default"): "页眉", ("header", "first"): "首页页眉", ("header", "even"): "偶数页页眉",
                  ("footer", "default"): "页脚", ("footer", "first"): "首页页脚", ("footer", "even"): "偶数页页脚"}
_NOTES = (("footnote", "footnotes", "脚注"), ("endnote", "endnotes", "尾注"))


@record
class WordText:
    """A .docx as read: the text the rules see and, when asked for, each line's anchor (lines.py)."""

    source: SourceText
    anchors: list | None
    main: str           # the document part's name, "word/document.xml"


def read_docx(data: bytes, path: str = "<docx>") -> SourceText:
    """Paragraph texts (with their automatic numbers) as lines; kind and encoding "docx"."""
    return read_word(data, path).source


def read_word(data: bytes, path: str = "<docx>", anchors: bool = False) -> WordText:
    """Read a .docx; an InputError that says what is wrong with it when it cannot be read."""
    try:
        from lxml import etree
    except ImportError:
        raise InputError("读取 .docx 需要 python-docx：pip install 'reportlint[docx]'", path) from None
    import zipfile
    import zlib

    try:
        return _read(data, path, anchors)
    # A damaged package fails in many ways (a bad CRC, a truncated deflate stream, broken XML, a
    # missing part): all mean "cannot read", said with what the library found.
    except (zipfile.BadZipFile, zlib.error, EOFError, etree.XMLSyntaxError, KeyError, ValueError,
            NotImplementedError) as exc:
        raise InputError(f"不是可读的 .docx 文件（{type(exc).__name__}: {exc}）", path) from None


def _read(data: bytes, path: str, anchors: bool) -> WordText:
    from .lines import Lines, Paragraphs
    from .numbering import Numbering
    from .package import Package
    from .stream import StoryReader
    from .styles import Styles

    package = Package(data, path)
    main = package.main
    with package.open(main) as head:
        if _STRICT in head.read(4096):
            raise InputError("这是“Strict Open XML”格式的 .docx，暂不支持：请另存为“Word 文档（*.docx）”后再检查", path)
    styles = Styles(package.xml(package.one_related(main, "styles")))
    numbering = Numbering.from_xml(package.xml(package.one_related(main, "numbering")), styles)
    lines, boxes = Lines(anchors), []
    body, paragraphs = StoryReader(package.open(main)), Paragraphs(main, numbering, styles)
    for para in body:
        paragraphs.add(para, lambda *line: boxes.append(line)) if para.textbox else paragraphs.add(para, lines.add)
    paragraphs.flush()
    for line in boxes:
        lines.add(*line)
    context = (package, lines, numbering, styles)
    _headers_and_footers(context, body.sections)
    _notes(context, body.note_refs)
    source = SourceText("\n".join(lines.texts), encoding="docx", newline="\n", kind="docx", regions=lines.regions())
    return WordText(source, lines.anchors, main)


def _headers_and_footers(context, sections) -> None:
    """Each header and footer part once, in the order sections refer to them; one whose lines
    repeat an earlier one's (a section's copy) or are blank is left out."""
    from .lines import Paragraphs
    from .stream import StoryReader

    package, lines, numbering, styles = context
    parts = {**package.related(package.main, "header"), **package.related(package.main, "footer")}
    seen, texts_seen = set(), set()
    for section, kind, which, rid in sections:
        part = parts.get(rid)
        if part is None or part in seen or not package.has(part):
            continue
        seen.add(part)
        label = ("" if section == 1 else f"第{section}节") + _HEADER_FOOTER.get((kind, which), _HEADER_FOOTER[kind, "default"])
        found: list = []
        story = Paragraphs(part, numbering, styles, kind, lambda where, label=label: label)
        for para in StoryReader(package.open(part)):
            story.add(para, lambda *line: found.append(line))
        story.flush()
        texts = tuple(text for text, _, _ in found)
        if any(text.strip() for text in texts) and texts not in texts_seen:
            texts_seen.add(texts)
            for line in found:
                lines.add(*line)


def _notes(context, note_refs: dict[str, list[str]]) -> None:
    """Footnotes, then endnotes, numbered and ordered as their marks in the text are (脚注1, 脚注2 …)."""
    from .lines import Paragraphs
    from .stream import StoryReader

    package, lines, numbering, styles = context
    for kind, relation, name in _NOTES:
        order: dict[str, int] = {}
        for note_id in note_refs[kind]:
            order.setdefault(note_id, len(order) + 1)
        part = package.one_related(package.main, relation)
        if not order or part is None or not package.has(part):
            continue
        by_note: dict[str, list] = {}
        story = Paragraphs(part, numbering, styles, kind, lambda where, name=name, order=order: f"{name}{order[where[2]]}")
        for para in StoryReader(package.open(part)):
            if para.note in order:
                story.add(para, lambda *line, note=para.note: by_note.setdefault(note, []).append(line))
        story.flush()
        for note_id in order:
            for line in by_note.get(note_id, ()):
                lines.add(*line)


def format_number(n: int, fmt: str) -> str:
    """One counter in an OOXML number format (numbering.py)."""
    from .numbering import format_number as formatted

    return formatted(n, fmt)
