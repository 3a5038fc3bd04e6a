"""Reading Word files as offices save them: golden lines and regions for each feature, from small
documents made here (python-docx, and XML written into the package where it cannot make one)."""
from __future__ import annotations

import pytest

docx = pytest.importorskip("docx")

from lxml import etree  # noqa: E402

from conftest import SHARED  # noqa: E402
from lint.input.docx import read_word  # noqa: E402
from lint.input.docx.text import P, pieces  # noqa: E402
from wordkit import (CHANGE, W, add_list, add_notes, append_xml, members_of, new_document,  # noqa: E402
                     numbered, run, textbox, to_bytes)


def read(data: bytes):
    """The lines, the regions as (role, first, last, level, group, label), and the anchors."""
    word = read_word(data, "r.docx", anchors=True)
    assert_anchors_rebuild_lines(data, word)
    return word.source.text.split("\n"), [tuple(r) for r in word.source.regions]


def assert_anchors_rebuild_lines(data: bytes, word) -> None:
    """Every line is its number plus the visible text of the paragraphs its anchor names, read from
    the whole part as the Word writer reads it: the streamed reading and text.pieces() agree."""
    parts = {}
    for line, anchor in zip(word.source.text.split("\n"), word.anchors):
        first = anchor[0][0]
        rebuilt = line[:first]
        for column, part, ordinal in anchor:
            if part not in parts:
                parts[part] = list(etree.fromstring(members_of(data)[part]).iter(P))
            assert len(rebuilt) == column
            rebuilt += "".join(text for _, text in pieces(parts[part][ordinal]))
        assert rebuilt == line


def test_tables_and_nested_tables_are_cells_with_their_place():
    document = new_document()
    document.add_paragraph("表前段落")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "完成情况"
    table.cell(1, 0).text = "项目数"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "甲", "乙"
    document.add_paragraph("表后段落")
    second = document.add_table(rows=1, cols=1)
    second.cell(0, 0).text = "备注"
    lines, regions = read(to_bytes(document))
    # The cell holding a table has a paragraph before it and one after (Word requires the last).
    assert lines == ["表前段落", "指标", "完成情况", "项目数", "", "甲", "乙", "", "表后段落", "备注"]
    assert ("cell", 1, 1, 0, "t1", "表1 第1行第1列") in regions
    assert ("cell", 3, 3, 0, "t1", "表1 第2行第1列") in regions
    assert ("cell", 5, 5, 0, "t2", "表1 第2行第2列 内表1 第1行第1列") in regions
    assert ("cell", 7, 7, 0, "t1", "表1 第2行第2列") in regions
    assert ("cell", 9, 9, 0, "t3", "表2 第1行第1列") in regions
    assert not [r for r in regions if r[1] in (0, 8)]


def test_text_boxes_are_read_once_after_the_body():
    document = new_document()
    document.add_paragraph("正文一")
    append_xml(document, textbox("锚点段落", ["框内一", "框内二"]))
    document.add_paragraph("正文二")
    lines, regions = read(to_bytes(document))
    assert lines == ["正文一", "锚点段落", "正文二", "框内一", "框内二"]
    assert regions == [("textbox", 3, 4, 0, "", "文本框1")]


def test_headers_and_footers_are_read_once_not_per_section():
    document = new_document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "东湖区科技局"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "内部资料"
    section.footer.paragraphs[0].text = ""           # a blank footer adds nothing
    document.add_paragraph("正文")
    second = document.add_section()
    second.header.is_linked_to_previous = False     # a header part of its own, with the same text
    second.header.paragraphs[0].text = "东湖区科技局"
    lines, regions = read(to_bytes(document))
    assert lines[-2:] == ["东湖区科技局", "内部资料"]
    assert lines.count("东湖区科技局") == 1
    header, first = regions[-2:]
    assert header[0] == first[0] == "header" and (header[5], first[5]) == ("页眉", "首页页眉")


def test_footnotes_follow_the_body_in_the_order_of_their_marks():
    document = new_document()
    mark = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{}"/></w:r>'
    append_xml(document, f"<w:p>{run('完成率90%')}{mark.format(2)}{run('，其余')}{mark.format(1)}</w:p>")
    data = add_notes(to_bytes(document), "footnotes", {1: "数据截至6月", 2: "按在册人数计"})
    lines, regions = read(data)
    assert lines == ["完成率90%，其余", " 按在册人数计", " 数据截至6月"]   # the marks are not text
    assert regions == [("footnote", 1, 1, 0, "", "脚注1"), ("footnote", 2, 2, 0, "", "脚注2")]


def test_tracked_changes_read_as_if_accepted():
    document = new_document()
    append_xml(document, f'<w:p>{run("共完成")}<w:del w:id="1" {CHANGE}><w:r><w:delText>12</w:delText></w:r></w:del>'
                         f'<w:ins w:id="2" {CHANGE}>{run("15")}</w:ins>{run("个项目")}'
                         f'<w:moveFrom w:id="3" {CHANGE}>{run("（已验收）")}</w:moveFrom>。'
                         f'<w:moveTo w:id="4" {CHANGE}>{run("已验收")}</w:moveTo></w:p>')
    # A deleted paragraph mark: accepted, the paragraph joins the next one.
    append_xml(document, f'<w:p><w:pPr><w:rPr><w:del w:id="5" {CHANGE}/></w:rPr></w:pPr>{run("上半年")}</w:p>')
    append_xml(document, f"<w:p>{run('完成目标')}</w:p>")
    append_xml(document, f'<w:p><w:del w:id="6" {CHANGE}><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>')
    lines, _ = read(to_bytes(document))
    assert lines == ["共完成15个项目已验收", "上半年完成目标", ""]


def test_fields_read_by_their_result():
    document = new_document()
    fld = '<w:r><w:fldChar w:fldCharType="{}"/></w:r>'
    code = '<w:r><w:instrText xml:space="preserve">{}</w:instrText></w:r>'
    append_xml(document, f'<w:p>{run("日期：")}{fld.format("begin")}{code.format(" DATE ")}{fld.format("separate")}'
                         f'{run("2024年3月1日")}{fld.format("end")}</w:p>')
    append_xml(document, f'<w:p>{run("第")}<w:fldSimple w:instr=" PAGE ">{run("3")}</w:fldSimple>{run("页")}</w:p>')
    # A field nested in another's code: its result is part of that code, not of the text.
    append_xml(document, f'<w:p>{fld.format("begin")}{code.format(" IF ")}{fld.format("begin")}'
                         f'{code.format(" MERGEFIELD 单位 ")}{fld.format("separate")}{run("«单位»")}{fld.format("end")}'
                         f'{code.format(" = 1 甲 乙 ")}{fld.format("separate")}{run("乙")}{fld.format("end")}</w:p>')
    lines, _ = read(to_bytes(document))
    assert lines == ["日期：2024年3月1日", "第3页", "乙"]


def math(text: str) -> str:
    """An inline equation (Office Math) showing `text`."""
    return f'<m:oMath><m:r><m:rPr><m:sty m:val="p"/></m:rPr><m:t>{text}</m:t></m:r></m:oMath>'


def test_equations_are_read_by_their_characters():
    # Dropped, 加权β=0.999时 read 加权时 and 对于β来说 read 对于来说 (Koorye-企业实习中期报告.docx).
    document = new_document()
    append_xml(document, f'<w:p>{run("其中")}{math("β=0.999")}{run("时效果最好。")}</w:p>')
    # The same with a tracked deletion, which takes the careful walk through the paragraph.
    append_xml(document, f'<w:p>{run("对于")}{math("β")}<w:del w:id="1" {CHANGE}><w:r><w:delText>旧</w:delText>'
                         f'</w:r></w:del>{run("来说")}</w:p>')
    append_xml(document, f'<w:p><m:oMathPara>{math("E=mc²")}</m:oMathPara></w:p>')
    assert read(to_bytes(document))[0] == ["其中β=0.999时效果最好。", "对于β来说", "E=mc²"]


VISIBLE = '<w:vanish w:val="0"/>'   # hidden text switched off again


def test_hidden_text_tabs_and_breaks():
    document = new_document()
    append_xml(document, f'<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>'
                         f'{run("甲")}{run("（内部备注）", "<w:vanish/>")}<w:r><w:tab/><w:t>乙</w:t><w:br/>'
                         f'<w:t>丙</w:t><w:br w:type="page"/><w:t>丁</w:t><w:noBreakHyphen/><w:t>戊</w:t></w:r>'
                         f'{run("显示", VISIBLE)}</w:p>')
    assert read(to_bytes(document))[0] == ["甲\t乙 丙丁-戊显示"]


FORMATS = [("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1), ("decimal", "%3.", 1),
           ("decimal", "（%4）", 1), ("decimalEnclosedCircle", "%5", 1)]


def test_numbering_continues_across_instances_and_restarts_on_an_override():
    document = new_document()
    add_list(document, 50, FORMATS, num_ids=(50, 51, 52), overrides={52: {2: 1}})
    plan = [(50, 0), (50, 1), (50, 2), (50, 3), (50, 4), (50, 4), (50, 3), (50, 2),
            (51, 2),     # another instance of the same list continues its numbers
            (50, 1),     # a higher level restarts the ones below it
            (50, 2),
            (52, 2),     # an instance with a start override restarts that level
            (52, 2), (50, 0)]
    for num_id, ilvl in plan:
        numbered(document, "标题", num_id, ilvl)
    lines, regions = read(to_bytes(document))
    assert [line[:-2] for line in lines] == ["一、", "（一）", "1.", "（1）", "①", "②", "（2）", "2.",
                                             "3.", "（二）", "1.", "1.", "2.", "二、"]
    assert ("list", 1, 1, 2, "50", "") in regions and ("list", 11, 12, 3, "52", "") in regions


def test_a_level_that_never_restarts():
    """w:lvlRestart 0: the level below goes on counting across its parents (1.1 1.2 2.3)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    document = new_document()
    add_list(document, 55, [("decimal", "%1.", 1), ("decimal", "%1.%2", 1)], num_ids=(55,))
    numbering = document.part.part_related_by(RT.NUMBERING).element
    level = numbering.xpath('./w:abstractNum[@w:abstractNumId="55"]/w:lvl[@w:ilvl="1"]')[0]
    level.find(W + "start").addnext(etree.fromstring(f'<w:lvlRestart xmlns:w="{W[1:-1]}" w:val="0"/>'))
    for ilvl in (0, 1, 1, 0, 1):
        numbered(document, "项", 55, ilvl)
    assert read(to_bytes(document))[0] == ["1.项", "1.1项", "1.2项", "2.项", "2.3项"]


def test_numbering_bound_through_a_style_and_its_base_styles():
    document = new_document()
    add_list(document, 60, FORMATS[:2], num_ids=(60,))
    base = document.styles.add_style("报告标题", 1)
    base.element.get_or_add_pPr().append(etree.fromstring(
        f'<w:numPr xmlns:w="{W[1:-1]}"><w:ilvl w:val="0"/><w:numId w:val="60"/></w:numPr>'))
    derived = document.styles.add_style("报告标题加粗", 1)
    derived.base_style = base
    document.add_paragraph("工作回顾", style="报告标题")
    numbered(document, "主要做法", 60, 1)
    document.add_paragraph("存在问题", style="报告标题加粗")      # numbered through its base style
    document.add_paragraph("不编号", style="报告标题加粗").paragraph_format.element.get_or_add_pPr().append(
        etree.fromstring(f'<w:numPr xmlns:w="{W[1:-1]}"><w:numId w:val="0"/></w:numPr>'))
    assert read(to_bytes(document))[0] == ["一、工作回顾", "（一）主要做法", "二、存在问题", "不编号"]


def test_headings_contents_and_lists_are_regions():
    document = new_document()
    toc = document.styles.add_style("toc 1", 1)
    toc.base_style = document.styles["Normal"]
    append_xml(document, '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
                         f'</w:docPartObj></w:sdtPr><w:sdtContent><w:p>{run("目录")}</w:p></w:sdtContent></w:sdt>')
    document.add_paragraph("一、工作回顾\t1", style="toc 1")
    document.add_heading("工作回顾", level=1)
    document.add_heading("主要做法", level=2)
    document.add_paragraph("正文")
    lines, regions = read(to_bytes(document))
    assert lines == ["目录", "一、工作回顾\t1", "工作回顾", "主要做法", "正文"]
    assert regions == [("toc", 0, 1, 0, "", "目录"), ("heading", 2, 2, 1, "", ""), ("heading", 3, 3, 2, "", "")]


# --- files that only look like .docx ------------------------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def ole_file(*streams: str) -> bytes:
    """The start of an OLE compound file whose directory names `streams` (UTF-16, as OLE stores them)."""
    return OLE + b"".join(name.encode("utf-16-le").ljust(64, b"\0") for name in streams) + bytes(1024)


def corrupt(kind: str) -> bytes:
    data = to_bytes(new_document())
    if kind == "truncated":
        return data[:len(data) // 2]
    members = members_of(data)
    if kind == "broken XML":
        members["word/document.xml"] = members["word/document.xml"][:-40]
    elif kind in ("laughs", "external"):
        laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
        entities = f'<!ENTITY l0 "哈">{laughs}' if kind == "laughs" else '<!ENTITY l8 SYSTEM "file:///etc/passwd">'
        members["word/document.xml"] = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
                                        f'<w:document xmlns:w="{W[1:-1]}"><w:body><w:p><w:r><w:t>&l8;</w:t></w:r>'
                                        f'</w:p></w:body></w:document>').encode("utf-8")
    elif kind == "strict":
        members["word/document.xml"] = members["word/document.xml"].replace(
            W[1:-1].encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    from wordkit import zip_of
    return zip_of(members)


@pytest.mark.parametrize("name, data, message", [
    ("旧版.doc", ole_file("WordDocument", "1Table"), "另存为"),
    ("金山.wps", ole_file("WordDocument"), "另存为"),
    ("改了后缀.docx", ole_file("WordDocument"), "另存为"),
    ("加密.docx", ole_file("EncryptionInfo", "EncryptedPackage"), "密码"),
    ("截断.docx", corrupt("truncated"), "不是可读的 .docx"),
    ("坏XML.docx", corrupt("broken XML"), "不是可读的 .docx"),
    ("严格.docx", corrupt("strict"), "Strict Open XML"),
])
def test_files_that_only_look_like_docx_get_a_clear_error(tmp_path, name, data, message):
    from conftest import run_cli

    (tmp_path / name).write_bytes(data)
    proc = run_cli("check", str(tmp_path / name))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"reportlint: {tmp_path / name}: " in proc.stderr and message in proc.stderr   # errors go to stderr


def test_a_walked_folder_lists_old_word_files_and_skips_word_owner_files(tmp_path):
    from conftest import json_report, run_cli

    (tmp_path / "2019总结.doc").write_bytes(ole_file("WordDocument"))
    (tmp_path / "~$报告.docx").write_bytes(b"\x04owner")    # Word's lock file beside an open document
    (tmp_path / "报告.txt").write_text("一、总体情况\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", str(tmp_path))
    files = {f["path"].rsplit("/", 1)[-1]: f for f in __import__("json").loads(proc.stdout)["files"]}
    assert set(files) == {"2019总结.doc", "报告.txt"} and "另存为" in files["2019总结.doc"]["error"]
    del json_report


def test_entities_are_never_expanded():
    from lint.support.errors import InputError

    with pytest.raises(InputError, match="amplification"):   # libxml2 refuses a laugh bomb outright
        read_word(corrupt("laughs"), "r.docx")
    assert read_word(corrupt("external"), "r.docx").source.text == ""   # nor reads a file one names


def test_the_unpacked_size_is_capped(monkeypatch):
    from lint.support.errors import InputError

    data = to_bytes(new_document())
    monkeypatch.setenv("REPORTLINT_DOCX_MAX_MB", "0.01")
    with pytest.raises(InputError, match="超过上限 0 MB.*REPORTLINT_DOCX_MAX_MB"):
        read_word(data, "大.docx")
    monkeypatch.setenv("REPORTLINT_DOCX_MAX_MB", "很大")
    with pytest.raises(InputError, match="应为数字"):
        read_word(data, "大.docx")


REAL = sorted((SHARED / "real" / "more").glob("*.docx"))


@pytest.mark.skipif(not REAL, reason="../shared/real/more is not there")
def test_every_real_word_report_reads():
    """The 18 .docx of ../shared/real/more (real reports from public repositories) all read; their
    outline is compared with what LibreOffice shows in test_libreoffice.py."""
    assert len(REAL) == 18
    for path in REAL:
        source = read_word(path.read_bytes(), path.name).source
        assert source.text.strip(), path.name
