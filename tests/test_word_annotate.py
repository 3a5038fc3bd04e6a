"""`reportlint annotate`: findings as Word comments on the exact characters, safe fixes as tracked
changes, and a copy whose every other part is the original's, byte for byte."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from lxml import etree  # noqa: E402

from conftest import run_cli  # noqa: E402
from lint.input.docx.text import pieces  # noqa: E402
from wordkit import W, flawed_report, members_of, new_document, to_bytes  # noqa: E402

OURS = {"author": "reportlint"}
CHANGED = {"word/document.xml", "word/comments.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"}


def annotate(tmp_path: Path, *args: str, document=None) -> tuple[bytes, bytes, dict]:
    """Annotate a flawed report; (original bytes, copy bytes, the JSON report of the original)."""
    source = tmp_path / "报告.docx"
    source.write_bytes(to_bytes(document or flawed_report()))
    original = source.read_bytes()
    proc = run_cli("annotate", *args, str(source))
    assert proc.returncode == 0, proc.stderr
    assert "报告.reportlint.docx" in proc.stdout and ("条批注" in proc.stdout or "comment(s)" in proc.stdout)
    report = json.loads(run_cli("check", "--format", "json", str(source)).stdout)["files"][0]
    return original, (tmp_path / "报告.reportlint.docx").read_bytes(), report


def comments_of(data: bytes) -> dict[str, tuple[str, str]]:
    """Comment id → (author, text)."""
    root = etree.fromstring(members_of(data)["word/comments.xml"])
    return {c.get(W + "id"): (c.get(W + "author"), "\n".join("".join(t.text or "" for t in p.iter(W + "t"))
                                                          for p in c.iter(W + "p")))
            for c in root.iter(W + "comment")}


def anchored_text(data: bytes) -> dict[str, str]:
    """Comment id → the visible text between its range start and end (a paragraph's, by pieces)."""
    root = etree.fromstring(members_of(data)["word/document.xml"])
    out = {}
    for p in root.iter(W + "p"):
        positions, at = {}, 0
        for element, text in pieces(p):
            positions[element] = at
            at += len(text)
        text = "".join(t for _, t in pieces(p))
        marks = {}
        for element in p.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "t"):
            if element.tag == W + "t":
                continue
            following = [e for e in positions if _before(element, e)]
            marks[(element.get(W + "id"), element.tag)] = positions[following[0]] if following else len(text)
        for (cid, tag), at in marks.items():
            if tag == W + "commentRangeStart":
                out[cid] = text[at:marks[(cid, W + "commentRangeEnd")]]
    return out


def _before(marker, element) -> bool:
    """Whether `marker` comes before `element` in document order."""
    order = {e: i for i, e in enumerate(marker.getroottree().getroot().iter())}
    return order[marker] < order[element]


def normalized(xml: bytes, drop_ids=None, reject: bool = False) -> bytes:
    """A document part with the comment anchors of `drop_ids` removed (reportlint's tracked
    changes rejected when asked) and runs of one formatting merged, in canonical form."""
    root = etree.fromstring(xml)
    for element in list(root.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference")):
        if drop_ids is not None and element.get(W + "id") in drop_ids:
            target = element.getparent() if element.tag == W + "commentReference" else element
            target.getparent().remove(target)
    if reject:
        for change in list(root.iter(W + "ins", W + "del")):
            if change.get(W + "author") == "reportlint":
                parent = change.getparent()
                if change.tag == W + "del":
                    for t in change.iter(W + "delText"):
                        t.tag = W + "t"
                    for child in list(change):
                        change.addprevious(child)
                parent.remove(change)
    for t in root.iter(W + "t"):
        t.attrib.pop("{http://www.w3.org/XML/1998/namespace}space", None)
    for p in root.iter(W + "p"):
        _merge_runs(p)
    return etree.tostring(root, method="c14n")


def _merge_runs(parent) -> None:
    """Join each run of text into the run before it when both have the same properties."""
    previous = None
    for child in list(parent):
        texts = [c for c in child if c.tag != W + "rPr"]
        mergeable = child.tag == W + "r" and texts and all(c.tag == W + "t" for c in texts)
        if mergeable and previous is not None and _props(previous) == _props(child) \
                and previous.attrib == child.attrib:
            last = [c for c in previous if c.tag == W + "t"][-1]
            last.text = (last.text or "") + "".join(t.text or "" for t in texts)
            parent.remove(child)
            continue
        previous = child if mergeable else None
        if child.tag != W + "r":
            _merge_runs(child)


def _props(run) -> bytes:
    rpr = run.find(W + "rPr")
    return b"" if rpr is None else etree.tostring(rpr, method="c14n")


def test_each_finding_is_a_comment_on_exactly_its_characters(tmp_path):
    _, copy, report = annotate(tmp_path)
    comments = {cid: c for cid, c in comments_of(copy).items() if c[0] == "reportlint"}
    assert len(comments) == len(report["diagnostics"])
    anchored = anchored_text(copy)
    by_text = {text: anchored[cid] for cid, (_, text) in comments.items()}
    placeholder = next(t for t in by_text if "未替换的占位符“xx”" in t and "页眉" not in t)
    assert by_text[placeholder] == "xx"
    doubled = next(t for t in by_text if "WR403" in t)
    assert by_text[doubled] == "推进推进" and "建议改为：推进" in doubled
    comma = next(t for t in by_text if "“,”改为" in t)
    assert by_text[comma] == "," and "（WR501 halfwidth-punctuation）" in comma
    missing = next(t for t in by_text if "WR201" in t)
    assert by_text[missing] == "东湖区科技局2024年工作总结" and "针对全文" in missing
    header = next(t for t in by_text if "位置：页眉" in t)
    assert by_text[header] == "东湖区科技局2024年工作总结"            # a header holds no comment: the title does
    # Word's automatic numbers are Word's to draw: their form is the list's, not the writer's text.
    assert not [t for t in by_text if "WR105" in t and "自动编号" in t]
    cell = next(t for t in by_text if "“XX”" in t)
    assert by_text[cell] == "XX"


def test_the_original_is_untouched_and_every_other_part_is_identical(tmp_path):
    original, copy, _ = annotate(tmp_path)
    assert hashlib.sha256((tmp_path / "报告.docx").read_bytes()).digest() == hashlib.sha256(original).digest()
    before, after = members_of(original), members_of(copy)
    assert list(after)[:len(before)] == list(before)                  # same members, same order
    for name in before:
        if name not in CHANGED:
            assert after[name] == before[name], name
    ours = {cid for cid, (author, _) in comments_of(copy).items() if author == "reportlint"}
    assert normalized(after["word/document.xml"], ours) == normalized(before["word/document.xml"], set())
    # The reviewer's comment is still there, as it was.
    old = etree.fromstring(before["word/comments.xml"]).find(W + "comment")
    new = etree.fromstring(after["word/comments.xml"]).find(W + "comment")
    assert etree.tostring(old, method="c14n") == etree.tostring(new, method="c14n")


def test_a_document_without_comments_gains_the_part_and_nothing_else(tmp_path):
    document = new_document()
    document.add_paragraph("一、总体情况")
    document.add_paragraph("完成xx个项目。")
    original, copy, _ = annotate(tmp_path, document=document)
    before, after = members_of(original), members_of(copy)
    assert set(after) - set(before) == {"word/comments.xml"}
    assert 'PartName="/word/comments.xml"' in after["[Content_Types].xml"].decode()
    assert b"relationships/comments" in after["word/_rels/document.xml.rels"]
    for name in set(before) - CHANGED:
        assert after[name] == before[name], name


def test_fix_writes_tracked_changes_that_accepted_give_the_fixed_text(tmp_path):
    original, copy, report = annotate(tmp_path, "--fix")
    xml = members_of(copy)["word/document.xml"]
    root = etree.fromstring(xml)
    changes = [c for c in root.iter(W + "ins", W + "del")]
    assert changes and all(c.get(W + "author") == "reportlint" and c.get(W + "date") for c in changes)
    deleted = ["".join(t.text for t in c.iter(W + "delText")) for c in changes if c.tag == W + "del"]
    inserted = ["".join(t.text for t in c.iter(W + "t")) for c in changes if c.tag == W + "ins"]
    assert sorted(zip(deleted, inserted)) == sorted([("1、", "1."), (",", "，"), ("(", "（"), (")", "）")])
    italic = next(c for c in changes if c.tag == W + "ins" and "（" in "".join(t.text for t in c.iter(W + "t")))
    assert italic.find(f"{W}r/{W}rPr/{W}i") is not None               # the new text keeps its run's formatting
    ours = {cid for cid, (author, _) in comments_of(copy).items() if author == "reportlint"}
    # Rejecting every change gives back the original document.
    assert normalized(xml, ours, reject=True) == normalized(members_of(original)["word/document.xml"], set())
    from lint.input.docx import read_docx

    text = read_docx(copy).text.split("\n")
    assert text[2] == "1.加强组织领导，全年完成xx个项目。" and text[4] == "完成率达到90%（已核实）"
    assert text[3].startswith("2、")          # "2、" spans bold and plain runs: left as a comment
    del report


def test_a_fix_beside_an_equation_leaves_the_equation_whole(tmp_path):
    from wordkit import append_xml, run

    document = new_document()
    append_xml(document, f'<w:p>{run("其中")}<m:oMath><m:r><m:t>β=0.999</m:t></m:r></m:oMath>{run("时,效果最好。")}</w:p>')
    _, copy, _ = annotate(tmp_path, "--fix", document=document)
    root = etree.fromstring(members_of(copy)["word/document.xml"])
    math = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
    assert ["".join(t.text for t in m.iter(math + "t")) for m in root.iter(math + "oMath")] == ["β=0.999"]
    assert not [r for m in root.iter(math + "oMath") for r in m.iter(W + "ins", W + "del", W + "commentRangeStart")]
    from lint.input.docx import read_docx

    assert "其中β=0.999时，效果最好。" in read_docx(copy).text


def test_check_fix_on_a_docx_writes_the_copy_and_leaves_the_original(tmp_path):
    (tmp_path / "报告.docx").write_bytes(to_bytes(flawed_report()))
    data = (tmp_path / "报告.docx").read_bytes()
    proc = run_cli("check", "--fix", str(tmp_path / "报告.docx"))
    assert (tmp_path / "报告.docx").read_bytes() == data
    assert "报告.reportlint.docx" in proc.stderr and "处修订" in proc.stderr
    assert b"w:del " in members_of((tmp_path / "报告.reportlint.docx").read_bytes())["word/document.xml"]


def test_annotating_a_folder_and_refusing_to_overwrite(tmp_path):
    folder = tmp_path / "报告"
    (folder / "二月").mkdir(parents=True)
    for name in ("一月.docx", "二月/周报.docx"):
        (folder / name).write_bytes(to_bytes(flawed_report()))
    (folder / "旧版.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    proc = run_cli("annotate", str(folder))
    assert proc.returncode == 2 and "另存为" in proc.stderr        # the .doc: told what to do, the rest done
    assert (folder / "一月.reportlint.docx").exists() and (folder / "二月" / "周报.reportlint.docx").exists()
    again = run_cli("annotate", "-o", str(tmp_path / "副本"), str(folder))  # copies are not annotated again
    assert sorted(p.name for p in (tmp_path / "副本").rglob("*.docx")) == ["一月.reportlint.docx", "周报.reportlint.docx"]
    assert again.returncode == 2
    same = run_cli("annotate", "-o", str(folder / "一月.docx"), str(folder / "一月.docx"))
    assert same.returncode == 2 and "原文件" in same.stderr


def test_messages_and_comments_in_english(tmp_path):
    _, copy, _ = annotate(tmp_path, "--lang", "en")
    texts = [text for author, text in comments_of(copy).values() if author == "reportlint"]
    assert any("Suggested: 推进" in t and "(WR403 repeated-phrase)" in t for t in texts)
    assert any("Where: header" in t for t in texts)


def test_a_clean_document_is_copied_as_it_is(tmp_path):
    document = new_document()
    document.add_paragraph("一、总体情况")
    (tmp_path / "干净.docx").write_bytes(to_bytes(document))
    proc = run_cli("annotate", "--select", "WR301", str(tmp_path / "干净.docx"))
    assert proc.returncode == 0 and "0 条批注" in proc.stdout
    assert (tmp_path / "干净.reportlint.docx").read_bytes() == (tmp_path / "干净.docx").read_bytes()


def test_a_package_python_docx_refuses_gets_a_message(tmp_path):
    """The reader takes a macro-enabled main part; python-docx, which writes the comments, does not."""
    from wordkit import zip_of

    members = members_of(to_bytes(flawed_report()))
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
    (tmp_path / "宏.docx").write_bytes(zip_of(members))
    proc = run_cli("annotate", str(tmp_path / "宏.docx"))
    assert proc.returncode == 2 and "python-docx 无法打开" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "宏.reportlint.docx").exists()
