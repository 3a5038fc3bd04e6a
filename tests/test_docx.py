"""Reading .docx reports: one line per paragraph (tables included), Word's automatic numbers rebuilt."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from conftest import json_report, run_cli

docx = pytest.importorskip("docx")

from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from lint.input.docx import format_number, read_docx  # noqa: E402
from wordkit import add_list, numbered, to_bytes  # noqa: E402
from lint.support.errors import InputError  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# The report as a reader sees it: typed lines are strings, automatic ones (number, text, numId, level).
REPORT = [
    "2024年上半年工作总结",
    ("一、", "主要工作完成情况", 90, 0),
    ("（一）", "重点工程稳步推进", 90, 1),
    "今年以来，我们完成了重点工程建设。",
    "TABLE",
    ("1、", "加强组织领导", 90, 2),          # WR105: the automatic "%3、" has the wrong punctuation
    ("2、", "压实工作责任", 90, 2),
    ("（二）", "服务质量持续提升", 90, 1),
    ("1.", "优化办事流程", 91, 0),
    ("2.", "缩短办理时限", 91, 0),
    ("二、", "存在的问题", 90, 0),
    "（一）人员不足",
    "（三）资金紧张",                        # WR101: a typed skip
    ("三、", "下一步工作计划", 90, 0),
    ("（一）", "加强学习", 90, 1),           # the deeper level restarts after 三、
    ("1.", "完善制度", 92, 0),               # a second instance of list 91, restarted at 1
    "3.强化考核",                            # WR101: a typed skip after the automatic 1.
]
TABLE = [["指标", "完成情况", "备注"], ["合计", None, None]]


def build_report():
    """The same report as a .docx (automatic and typed numbers, a table with merged cells) and as text."""
    document = docx.Document()
    add_list(document, 90, [("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1),
                            ("decimal", "%3、", 1)], num_ids=(90,))
    add_list(document, 91, [("decimal", "%1.", 1)], num_ids=(91, 92), overrides={92: {0: 1}})
    lines = []
    for entry in REPORT:
        if entry == "TABLE":
            table = document.add_table(rows=2, cols=3)
            for r, row in enumerate(TABLE):
                for c, cell in enumerate(row):
                    if cell is not None:
                        table.cell(r, c).text = cell
            table.cell(1, 0).merge(table.cell(1, 2))
            lines += ["指标", "完成情况", "备注", "合计"]
        elif isinstance(entry, str):
            document.add_paragraph(entry)
            lines.append(entry)
        else:
            label, text, num_id, ilvl = entry
            numbered(document, text, num_id, ilvl)
            lines.append(label + text)
    return to_bytes(document), "\n".join(lines) + "\n"


def test_docx_text_rebuilds_automatic_numbers():
    data, text = build_report()
    source = read_docx(data, "report.docx")
    assert source.kind == "docx" and source.encoding == "docx"
    assert source.text.splitlines() == text.splitlines()


def test_docx_and_txt_give_the_same_diagnostics_but_on_the_numbers_word_draws(tmp_path: Path):
    data, text = build_report()
    (tmp_path / "report.docx").write_bytes(data)
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    files = {Path(f["path"]).suffix: f for f in json_report(str(tmp_path))["files"]}
    as_docx = {(d["code"], d["range"]["start"]["line"]) for d in files[".docx"]["diagnostics"]}
    as_txt = {(d["code"], d["range"]["start"]["line"]) for d in files[".txt"]["diagnostics"]}
    # Typed numbers are checked alike: the skip to （三）, and the typed 3. after Word's automatic 1.
    assert as_docx == {("WR101", 15), ("WR101", 19)}
    # Word's own numbers are Word's: typed out in a .txt, 1、 2、 are the writer's and wrong, and the
    # lone （一） under 三、 is the writer's heading (in Word, an item of Word's list).
    assert as_txt == as_docx | {("WR105", 8), ("WR105", 9), ("WR108", 17)}
    assert files[".docx"]["encoding"] == "docx"


def test_soft_break_and_tab_stay_on_the_paragraph_line():
    document = docx.Document()
    p = document.add_paragraph("第一行")
    p.add_run().add_break()
    p.add_run("第二行\t完")
    document.add_paragraph("下一段")
    assert read_docx(to_bytes(document)).text == "第一行 第二行\t完\n下一段"


def test_style_linked_numbering_and_levels():
    document = docx.Document()
    add_list(document, 80, [("chineseCountingThousand", "%1、", 1), ("decimal", "%1.%2", 1)], num_ids=(80,))
    style = document.styles.add_style("ReportHeading", 1)
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:numId w:val="80"/></w:numPr>'))
    document.add_paragraph("总体情况", style="ReportHeading")
    numbered(document, "细项", 80, 1)
    document.add_paragraph("存在问题", style="ReportHeading")
    # "%1.%2" shows level 1 in its own format (一) unless the level is legal-style (w:isLgl).
    assert read_docx(to_bytes(document)).text.splitlines() == ["一、总体情况", "一.1细项", "二、存在问题"]
    lvl = document.part.part_related_by(RT.NUMBERING).element.xpath(
        './w:abstractNum[@w:abstractNumId="80"]/w:lvl[@w:ilvl="1"]')[0]
    lvl.append(parse_xml(f'<w:isLgl {nsdecls("w")}/>'))
    lvl.find(W + "suff").set(W + "val", "space")
    assert read_docx(to_bytes(document)).text.splitlines()[1] == "1.1 细项"


@pytest.mark.parametrize("n, fmt, expected", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (23, "chineseCountingThousand", "二十三"),
    (105, "chineseCountingThousand", "一百零五"), (3, "chineseLegalSimplified", "叁"),
    (12, "chineseLegalSimplified", "壹拾贰"), (4, "decimalEnclosedCircle", "④"),
    (21, "decimalEnclosedCircle", "21"), (2, "ideographTraditional", "乙"), (10, "ideographDigital", "一〇"),
    (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"), (7, "decimalZero", "07"), (5, "decimalFullWidth", "５"),
])
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_bullets_are_not_numbers():
    document = docx.Document()
    add_list(document, 70, [("bullet", "•", 1)], num_ids=(70,))
    numbered(document, "要点", 70, 0)
    assert read_docx(to_bytes(document)).text == "要点"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("data", [
    b"not a zip at all",
    b"PK\x03\x04" + b"\x00" * 40,
    "no document part",
])
def test_corrupt_docx_is_an_input_error(data):
    if data == "no document part":
        good = zipfile.ZipFile(io.BytesIO(to_bytes(docx.Document())))
        data = _zip({n: good.read(n) for n in good.namelist() if n != "word/document.xml"})
    with pytest.raises(InputError):
        read_docx(data, "bad.docx")


def test_corrupt_docx_is_listed_unreadable(tmp_path: Path):
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 truncated")
    proc = run_cli("check", "--format", "json", str(tmp_path / "bad.docx"))
    assert proc.returncode == 2
    entry = json.loads(proc.stdout)["files"][0]
    assert "error" in entry and "Traceback" not in proc.stderr


def test_python_docx_is_imported_only_for_docx(tmp_path: Path):
    (tmp_path / "a.txt").write_text("一、总体情况\n", encoding="utf-8")
    code = ("import sys; from lint.cli.main import main; main(['check', '--format', 'json', sys.argv[1]]); "
            "print('docx' in sys.modules or 'lxml' in sys.modules, file=sys.stderr)")
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.txt")], capture_output=True, text=True)
    assert out.stderr.strip() == "False", out.stderr


def test_fix_leaves_a_docx_unchanged_and_writes_a_copy(tmp_path: Path):
    """--fix never rewrites a Word file (it once refused): the fixes go into a copy as tracked changes."""
    document = docx.Document()
    document.add_paragraph("2024年工作总结")
    document.add_paragraph("全年完成各项任务,成效明显。")
    data = to_bytes(document)
    target = tmp_path / "report.docx"
    target.write_bytes(data)
    proc = run_cli("check", "--fix", str(target))
    assert target.read_bytes() == data
    assert "report.reportlint.docx" in proc.stderr and "WR501" in proc.stdout
    assert (tmp_path / "report.reportlint.docx").exists()
