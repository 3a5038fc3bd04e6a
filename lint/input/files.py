"""Reading report files: the bytes from disk, then the reader their kind asks for (text or .docx)."""
from __future__ import annotations

import os

from ..support.errors import InputError
from .source import SourceText, decode, kind_of


# Path(name), which reading once went through, drops a trailing separator or "." and reads "" as
# ".", so "notes.txt/" read the file: names of those rare shapes still go through pathlib.
_PATHLIB_SHAPES = tuple(sep + tail for sep in filter(None, (os.sep, os.altsep)) for tail in ("", "."))


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
        raise InputError("文件不存在", name) from None
    except IsADirectoryError:
        raise InputError("是目录，不是文件", name) from None
    except OSError as exc:
        raise InputError(f"无法读取：{exc.strerror or exc}", name) from None


def decode_file(data: bytes, path: str, kind: str | None = None) -> SourceText:
    """Decode the bytes of a file named `path`: a Word document, or text in one of our encodings."""
    kind = kind or kind_of(path)
    if kind == "docx":
        from .docx import read_docx   # python-docx and lxml only for Word files

        return read_docx(data, path)
    return decode(data, path, kind)


