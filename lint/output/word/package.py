"""The annotated copy's package: the original zip, member by member, with only what annotating changed.

python-docx would write every part it knows afresh (and drop any it does not reach); the copy
instead keeps every member of the original byte for byte, in its order and with its compression,
and replaces only the document part (anchors and tracked changes) and the comments part. When
the comments part is new, the document's relationships (python-docx's, with the new one) and
[Content_Types].xml (the original with one Override added, not python-docx's listing of the
parts it reached) change too.
"""
from __future__ import annotations

import copy
import io
import time
import zipfile

from lxml import etree

_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


def rewritten(original: bytes, document, comments_were_there: bool) -> bytes:
    """The original package with the parts `document` (a python-docx Document) changed."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = document.part
    changed = {_key(part.partname): part.blob}
    try:
        comments = part.part_related_by(RT.COMMENTS)
    except KeyError:
        comments = None
    if comments is not None:
        changed[_key(comments.partname)] = comments.blob
        if not comments_were_there:
            changed[_key(part.partname.rels_uri)] = _bytes(part.rels.xml)
            changed[_key("[Content_Types].xml")] = _with_override(original, comments.partname)
    return _zip(original, changed)


def _key(partname: str) -> tuple[str, str]:
    """A member's name (zip names are matched case-insensitively, as OPC part names are)."""
    name = str(partname).lstrip("/")
    return name.lower(), name


def _bytes(xml) -> bytes:
    return xml if isinstance(xml, bytes) else xml.encode("utf-8")


def _with_override(original: bytes, partname: str) -> bytes:
    """[Content_Types].xml of the original with the comments part declared."""
    with zipfile.ZipFile(io.BytesIO(original)) as z:
        name = next(n for n in z.namelist() if n.lower() == "[content_types].xml")
        root = etree.fromstring(z.read(name), etree.XMLParser(resolve_entities=False, no_network=True))
    if not any(o.get("PartName", "").lower() == str(partname).lower() for o in root.iter(_CT + "Override")):
        etree.SubElement(root, _CT + "Override", PartName=str(partname), ContentType=COMMENTS_TYPE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _zip(original: bytes, changed: dict[tuple[str, str], bytes]) -> bytes:
    """Every member of `original` in order, its bytes unless `changed` has new ones; then the
    changed members the original did not have."""
    new = {key: data for (key, _), data in changed.items()}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w") as target:
        seen = set()
        for info in source.infolist():
            key = info.filename.lower()
            seen.add(key)
            target.writestr(copy.copy(info), new[key] if key in new else source.read(info))
        for (key, name), data in changed.items():
            if key not in seen:
                target.writestr(zipfile.ZipInfo(name, date_time=time.localtime()[:6]), data,
                                compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
