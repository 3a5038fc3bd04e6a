"""WordprocessingML names, small attribute readers, and the one way package XML is parsed.

Package XML comes from untrusted files: it is parsed without entity expansion, DTD loading or
network access, and without libxml2's "huge" mode, so a crafted part fails with a syntax error
instead of expanding or nesting without bound.
"""
from __future__ import annotations

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
# "Strict Open XML" documents name the same elements in another namespace.
STRICT_W = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"
_OFF = ("0", "false", "off")
_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def parse(data: bytes):
    """The root element of a small part (styles, numbering, relationships)."""
    return etree.fromstring(data, etree.XMLParser(**_SAFE))


def iterparse(stream, tags: tuple[str, ...]):
    """(event, element) for the start and end of every element named in `tags`, read as it streams."""
    return etree.iterparse(stream, events=("start", "end"), tag=tags, collect_ids=False, **_SAFE)


def val(element, tag: str, default: str | None = None) -> str | None:
    """The w:val attribute of child w:`tag` of `element`, or `default`."""
    if element is None:
        return default
    child = element.find(W + tag)
    return default if child is None else child.get(W + "val", default)


def to_int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def is_on(element) -> bool:
    """Whether a toggle property (w:vanish, w:isLgl) is present and not switched off by w:val."""
    return element is not None and element.get(W + "val", "1") not in _OFF
