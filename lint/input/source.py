"""Reading: bytes → SourceText (text, encoding, BOM, line ends), and back again for --fix."""
from __future__ import annotations

import codecs
import os
import re

from ..support.errors import InputError
from ..support.wording import say
from ..support.records import record

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
# .doc and .wps (Word 97-2003, WPS) are collected to be told to save as .docx, not passed over.
WORD_SUFFIXES = (".docx", ".doc", ".wps")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + WORD_SUFFIXES

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, line feed, form feed and carriage return: text files hold none.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


@record
class Region:
    """Lines whose role the reader knows from the file's own structure, not from the text.

    A Word reader knows which paragraphs are table cells, a table of contents, a header or a
    footnote, and which are headings by their style: the document builder takes these as they
    are instead of guessing from the text. Plain text and Markdown have none.
    """

    role: str          # see REGION_ROLES
    first_line: int    # 0-based, inclusive
    last_line: int     # 0-based, inclusive
    level: int = 0     # "heading": the outline level (1 = top); "list": the list level (1 = top)
    group: str = ""    # "cell": the table ("t3"); "list": the list instance (Word's numId)
    label: str = ""    # where a reader finds it, as Word shows it: "表2 第3行第2列", "页眉", "脚注1"


# cell: a table cell's paragraphs (not outline, not compared for duplicates); toc: a table of
# contents (not headings); header, footer, footnote, endnote, textbox, comment: text outside the
# body flow; heading: a paragraph styled as a heading; list: a paragraph numbered or bulleted by Word.
REGION_ROLES = ("cell", "toc", "header", "footer", "footnote", "endnote", "textbox", "comment", "heading", "list")


@record
class SourceText:
    """Decoded text kept verbatim (no newline translation) and how to write it back."""

    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"
    kind: str = "text"  # "text", "markdown" or "docx"
    regions: tuple = ()  # Region records, in line order (a .docx reader's knowledge of its lines)

    def encode(self, text: str | None = None) -> bytes:
        """Bytes of `text` (default: this text) in the original encoding, with the original BOM."""
        return self.bom + (self.text if text is None else text).encode(self.encoding)


def kind_of(path: str) -> str:
    """Which reader applies to `path`, by its suffix."""
    suffix = _suffix(path).lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in WORD_SUFFIXES:
        return "docx"
    return "text"


def decode(data: bytes, path: str = "<bytes>", kind: str = "text") -> SourceText:
    """Decode report bytes: BOM first, then strict UTF-8, then strict GB18030."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], encoding, path)
            return _checked(SourceText(text, encoding, bom, _newline(text), kind), path)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _checked(SourceText(text, encoding, b"", _newline(text), kind), path)
    raise InputError(say("无法解码：既不是 UTF-8、UTF-16（带 BOM），也不是 GB18030 文本",
                         "cannot be decoded: neither UTF-8, UTF-16 (with a BOM) nor GB18030 text"), path)


def _suffix(path: str) -> str:
    """What Path(path).suffix is, without pathlib (see lint/support/resources.py): the last component's
    extension, none for a name that starts or ends with its only dot."""
    if os.altsep:
        path = path.replace(os.altsep, os.sep)
    parts = [part for part in path.split(os.sep) if part not in ("", ".")]
    name = parts[-1] if parts else ""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(say(f"按 {encoding} 解码失败（字节 {exc.start}）",
                             f"cannot be decoded as {encoding} (byte {exc.start})"), path) from None


def _checked(source: SourceText, path: str) -> SourceText:
    """Reject binary content that happens to decode (NUL bytes and other C0 controls)."""
    sample = source.text[:65536]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise InputError(say("不是文本文件（含二进制控制字符）", "not a text file (binary control characters)"), path)
    return source


def _newline(text: str) -> str:
    """The file's line-end convention, judged by its first line end."""
    first = text.find("\n")
    if first > 0 and text[first - 1] == "\r":
        return "\r\n"
    if first < 0 and "\r" in text:
        return "\r"
    return "\n"
