"""A .docx as a zip package: what kind of file it really is, its parts, their relationships, a size cap.

Offices pass around files that only look like .docx: a Word 97–2003 .doc or a WPS .wps (OLE
compound files), a password-protected .docx (also an OLE file, holding an EncryptedPackage
stream), a truncated download. Each gets a message that says what to do. The unpacked size is
capped before anything is decompressed (REPORTLINT_DOCX_MAX_MB, default 256): a few hundred
kilobytes of zip can unpack to gigabytes of XML.
"""
from __future__ import annotations

import io
import os
import posixpath
import zipfile

from ...support.errors import InputError
from .xml import parse

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")   # a stream name in the OLE directory
DEFAULT_MAX_MB = 256
MAX_MB_VARIABLE = "REPORTLINT_DOCX_MAX_MB"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"

SAVE_AS_DOCX = "这是 Word 97-2003（.doc）或 WPS（.wps）格式的文件：请在 Word 或 WPS 中“另存为”.docx 后再检查"
ENCRYPTED = "文件有打开密码（加密的 .docx），无法读取：请在 Word 中取消密码（文件 → 信息 → 保护文档）后再检查"


def max_unpacked_bytes() -> int:
    """The cap on a package's unpacked size, from REPORTLINT_DOCX_MAX_MB (megabytes)."""
    try:
        return int(float(os.environ.get(MAX_MB_VARIABLE, DEFAULT_MAX_MB)) * 1024 * 1024)
    except ValueError:
        raise InputError(f"{MAX_MB_VARIABLE} 应为数字（兆字节），此处为“{os.environ[MAX_MB_VARIABLE]}”") from None


def check_ole(data: bytes, path: str) -> None:
    """Refuse an OLE compound file (.doc, .wps, or an encrypted .docx) with what to do about it."""
    if data.startswith(OLE_MAGIC):
        raise InputError(ENCRYPTED if _ENCRYPTED in data else SAVE_AS_DOCX, path)


class Package:
    """The parts of one .docx, found through their relationships, each read within the size cap."""

    def __init__(self, data: bytes, path: str) -> None:
        check_ole(data, path)
        self.path = path
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise InputError("不是可读的 .docx 文件（不是完整的 zip 压缩包，文件可能已损坏或未下载完整）", path) from None
        unpacked = sum(info.file_size for info in self.zip.infolist())
        cap = max_unpacked_bytes()
        if unpacked > cap:
            raise InputError(f"解压后 {unpacked / 1048576:.0f} MB，超过上限 {cap / 1048576:.0f} MB"
                             f"（可用环境变量 {MAX_MB_VARIABLE} 调整）", path)
        self._names = {name.lower(): name for name in self.zip.namelist()}
        self.main = self._main_part()

    def has(self, part: str) -> bool:
        return part.lower() in self._names

    def open(self, part: str):
        """A part's bytes as a stream (members declare their size; zipfile reads no more than that)."""
        return self.zip.open(self._names[part.lower()])

    def read(self, part: str) -> bytes:
        return self.zip.read(self._names[part.lower()])

    def xml(self, part: str | None):
        """A small part's root element, or None when there is no such part."""
        return parse(self.read(part)) if part and self.has(part) else None

    def related(self, part: str, kind: str) -> dict[str, str]:
        """rId → part name of the parts `part` relates to by relationship type `kind` ("header", "styles")."""
        root = self.xml(_rels_of(part))
        if root is None:
            return {}
        out = {}
        for rel in root.iterfind(_PR + "Relationship"):
            if rel.get("Type", "").rsplit("/", 1)[-1] == kind and rel.get("TargetMode") != "External":
                out[rel.get("Id")] = _target(part, rel.get("Target", ""))
        return out

    def one_related(self, part: str, kind: str) -> str | None:
        return next(iter(self.related(part, kind).values()), None)

    def _main_part(self) -> str:
        main = self.one_related("", "officeDocument") or "word/document.xml"
        if not self.has(main):
            raise InputError(f"不是可读的 .docx 文件（缺少正文部分 {main}）", self.path)
        return main


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _target(source: str, target: str) -> str:
    """A relationship's target as a part name: absolute ("/word/x.xml") or relative to the source's folder."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
