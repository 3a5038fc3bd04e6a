"""Reading report files: the bytes from disk, then the reader their kind asks for (text or .docx)."""
from __future__ import annotations

import os

from ..support.errors import InputError
from ..support.wording import say
from .source import SourceText, decode, kind_of


# Path(name), which reading once went through, drops a trailing separator or "." and reads "" as
# ".", so "notes.txt/" read the file: names of those rare shapes still go through pathlib.
_PATHLIB_SHAPES = tuple(sep + tail for sep in filter(None, (os.sep, os.altsep)) for tail in ("", "."))
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # the compound file that .doc and .wps are (and an encrypted .docx)


def _read_bytes(name: str) -> bytes:
    if not name or name.endswith(_PATHLIB_SHAPES):
        from pathlib import Path

        return Path(name).read_bytes()
    with open(name, "rb") as fh:
        return fh.read()


def read_path(path) -> SourceText:
    """Read and decode one report file (a str or Path); .docx goes through lint.input.docx."""
    name = str(path)
    return decode_file(read_bytes(name), name)


def read_bytes(name: str) -> bytes:
    """A file's bytes, or an InputError that says why they cannot be read."""
    try:
        return _read_bytes(name)
    except FileNotFoundError:
        raise InputError(say("文件不存在", "no such file"), name) from None
    except IsADirectoryError:
        raise InputError(say("是目录，不是文件", "a directory, not a file"), name) from None
    except OSError as exc:
        raise InputError(say("无法读取：", "cannot be read: ") + f"{exc.strerror or exc}", name) from None


def decode_file(data: bytes, path: str, kind: str | None = None) -> SourceText:
    """Decode the bytes of a file named `path`: a Word document, or text in one of our encodings."""
    kind = kind or kind_of(path)
    if data.startswith(_OLE) or path.lower().endswith((".doc", ".wps")):
        raise InputError(say("是 Word 97–2003（.doc）、WPS 或加了密码的文档，无法读取；请在 Word 或 WPS 中“另存为” .docx（不加密码）后再检查",
                             "a Word 97-2003 (.doc), WPS or password-protected document, which cannot be read: "
                             "save it as .docx (without a password) in Word or WPS and check that"), path)
    if data.startswith(b"%PDF-"):
        raise InputError(say("是 PDF 文件，无法检查；请检查它的 Word（.docx）或文本原稿",
                             "a PDF file, which cannot be checked: check the Word (.docx) or text it was made from"), path)
    if kind == "docx":
        from .docx import read_docx   # python-docx and lxml only for Word files

        return read_docx(data, path)
    return decode(data, path, kind)


