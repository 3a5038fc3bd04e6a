"""Small Word documents for the tests: made with python-docx, and where python-docx cannot make a
feature (text boxes, footnotes, tracked changes, fields), with XML written into the package."""
from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
NS = (f'xmlns:w="{W_NS}" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"')
CHANGE = 'w:author="张三" w:date="2024-03-01T09:00:00Z"'
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def append_xml(document, xml: str):
    """Add a body-level element written as XML (the w: and drawing prefixes are declared here)."""
    end = xml.index(">")
    end -= xml[end - 1] == "/"
    element = parse_xml(xml[:end] + " " + NS + xml[end:])
    document.element.body.sectPr.addprevious(element)
    return element


def add_list(document, abstract_id: int, levels, num_ids=(), overrides=None) -> None:
    """Add an abstract numbering definition (levels: (numFmt, lvlText, start)) and its instances
    (num_ids), with start overrides {numId: {level: start}}."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import nsdecls

    numbering = document.part.part_related_by(RT.NUMBERING).element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text, start) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
    numbering.find(W + "num").addprevious(abstract)   # the schema puts abstractNum before num
    for num_id in num_ids:
        extra = "".join(f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                        for lvl, v in (overrides or {}).get(num_id, {}).items())
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                                   f'<w:abstractNumId w:val="{abstract_id}"/>{extra}</w:num>'))


def numbered(document, text: str, num_id: int, ilvl: int, style=None):
    """A paragraph numbered automatically by list `num_id` at level `ilvl`."""
    from docx.oxml.ns import nsdecls

    p = document.add_paragraph(text, style)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def run(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def textbox(anchor: str, lines: list[str]) -> str:
    """A paragraph anchoring a text box, stored as Word stores it: a DrawingML shape (mc:Choice) and
    its VML copy (mc:Fallback)."""
    paras = "".join(f"<w:p>{run(line)}</w:p>" for line in lines)
    shape = (f'<w:drawing><wp:anchor><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData>'
             f'<wps:wsp><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx></wps:wsp>'
             f'</a:graphicData></a:graphic></wp:anchor></w:drawing>')
    vml = f'<w:pict><v:shape><v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict>'
    return (f'<w:p>{run(anchor)}<w:r><mc:AlternateContent><mc:Choice Requires="wps">{shape}</mc:Choice>'
            f'<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r></w:p>')


def notes_xml(kind: str, notes: dict[int, str]) -> str:
    """A footnotes or endnotes part: the two separator notes Word writes, then `notes` by id."""
    tag = kind[:-1]
    separators = (f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
                  f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                  f'</w:r></w:p></w:{tag}>')
    body = "".join(f'<w:{tag} w:id="{i}"><w:p><w:r><w:{tag}Ref/></w:r>{run(" " + text)}</w:p></w:{tag}>'
                   for i, text in notes.items())
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind} {NS}>{separators}{body}</w:{kind}>'


def add_part(data: bytes, name: str, xml: str, content_type: str, rel_type: str) -> bytes:
    """The package with part `name` added, declared in [Content_Types].xml and related from the
    document part."""
    members = members_of(data)
    members[name] = xml.encode("utf-8")
    types = members["[Content_Types].xml"].decode("utf-8")
    members["[Content_Types].xml"] = types.replace(
        "</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>').encode("utf-8")
    rels = members["word/_rels/document.xml.rels"].decode("utf-8")
    target = name.split("/", 1)[1]
    members["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", f'<Relationship Id="rIdTest{len(members)}" Type="{_RELS}/{rel_type}" '
                            f'Target="{target}"/></Relationships>').encode("utf-8")
    return zip_of(members)


def add_notes(data: bytes, kind: str, notes: dict[int, str]) -> bytes:
    content_type = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"
    return add_part(data, f"word/{kind}.xml", notes_xml(kind, notes), content_type, kind)


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return buffer.getvalue()


def new_document():
    return docx.Document()


def tiny_png() -> bytes:
    """A 1×1 PNG, for a document with a picture."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


def flawed_report():
    """A report with findings of every kind a comment can sit on: typed and automatic numbers,
    a placeholder, a doubled word, half-width punctuation across two formattings, a table, a
    header with a placeholder, a picture and a reviewer's own comment (none 下一步工作计划)."""
    document = new_document()
    document.sections[0].header.paragraphs[0].text = "xx单位"
    add_list(document, 40, [("decimal", "%1、", 1)], num_ids=(40,))
    document.add_paragraph("东湖区科技局2024年工作总结")
    document.add_paragraph("一、主要工作")
    first = document.add_paragraph("1、加强组织领导,全年完成xx个项目。")
    document.add_comment(first.runs, text="请核实项目数", author="张三", initials="ZS")
    second = document.add_paragraph()
    second.add_run("2").bold = True                    # the fix of "2、" spans two formattings
    second.add_run("、压实工作责任，推进推进重点工作。")
    mixed = document.add_paragraph()
    mixed.add_run("完成率达到90%")
    mixed.add_run("(已核实").italic = True
    mixed.add_run(")")
    numbered(document, "优化办事流程", 40, 0)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "合计", "XX个"
    document.add_picture(io.BytesIO(tiny_png()))
    document.add_paragraph("二、存在的问题")
    document.add_paragraph("人员不足。")
    return document
