"""LibreOffice as the real reader of the annotated copies: it opens them, every comment is there,
the body text is unchanged, and tracked changes show as changes by reportlint.

Each conversion starts LibreOffice (a second or more), so the documents of a test go through one
conversion together. Skipped where `soffice` is missing (.ci/run installs it when it can).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                                "apt-get install libreoffice-writer-nogui")

from conftest import SHARED, run_cli  # noqa: E402
from test_word_annotate import comments_of  # noqa: E402
from wordkit import flawed_report, members_of, to_bytes  # noqa: E402

PDF_WITH_COMMENTS = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
TEXT = "txt:Text (encoded):UTF8"


@pytest.fixture(scope="module")
def profile(tmp_path_factory) -> str:
    """A LibreOffice user profile of the tests' own: another soffice running on the machine must not
    be handed the conversions."""
    return tmp_path_factory.mktemp("lo-profile").as_uri()


def convert(profile: str, target: str, files: list[Path], out: Path) -> None:
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                           "--outdir", str(out), *map(str, files)], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")


def pdf_comments(pdf: bytes) -> list[tuple[str, str]]:
    """(author, text) of every comment LibreOffice put into the PDF as a text annotation."""
    found = []
    for match in re.finditer(rb"/Subtype /Text .*?/Contents <FEFF([0-9A-F]*)>\s*/T <FEFF([0-9A-F]*)>", pdf, re.S):
        text, author = (bytes.fromhex(h.decode()).decode("utf-16-be") for h in match.groups())
        found.append((author.split(",")[0], text))
    return found


def test_libreoffice_opens_the_copy_with_every_comment_and_the_same_text(tmp_path, profile):
    (tmp_path / "报告.docx").write_bytes(to_bytes(flawed_report()))
    assert run_cli("annotate", str(tmp_path / "报告.docx")).returncode == 0
    copy = tmp_path / "报告.reportlint.docx"
    convert(profile, TEXT, [tmp_path / "报告.docx", copy], tmp_path / "text")
    convert(profile, PDF_WITH_COMMENTS, [copy], tmp_path / "pdf")
    body = (tmp_path / "text" / "报告.txt").read_text(encoding="utf-8-sig")
    assert "推进推进" in body and (tmp_path / "text" / "报告.reportlint.txt").read_text(encoding="utf-8-sig") == body
    in_pdf = pdf_comments((tmp_path / "pdf" / "报告.reportlint.pdf").read_bytes())
    ours = [" ".join(text.split()) for author, text in comments_of(copy.read_bytes()).values() if author == "reportlint"]
    assert sorted(" ".join(text.split()) for author, text in in_pdf if author == "reportlint") == sorted(ours)
    assert ("张三", "请核实项目数") in in_pdf


def test_libreoffice_shows_the_fixes_as_changes_by_reportlint(tmp_path, profile):
    (tmp_path / "报告.docx").write_bytes(to_bytes(flawed_report()))
    assert run_cli("annotate", "--fix", str(tmp_path / "报告.docx")).returncode == 0
    copy = tmp_path / "报告.reportlint.docx"
    written = members_of(copy.read_bytes())["word/document.xml"].count(b'w:author="reportlint"')
    convert(profile, "fodt", [copy], tmp_path)
    flat = (tmp_path / "报告.reportlint.fodt").read_text(encoding="utf-8")
    regions = re.findall(r"<text:changed-region.*?</text:changed-region>", flat, re.S)
    assert len(regions) == written == 8
    assert all("<dc:creator>reportlint</dc:creator>" in region for region in regions)
    assert sum("<text:insertion>" in region for region in regions) == 4


REAL = sorted((SHARED / "real" / "more").glob("*.docx"))


@pytest.mark.skipif(not REAL, reason="../shared/real/more is not there")
def test_libreoffice_opens_the_annotated_copy_of_every_real_report(tmp_path, profile):
    """The real reports of ../shared/real/more: each annotated copy opens, with the original's text,
    and the outline read from each is what LibreOffice shows."""
    for path in REAL:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    proc = run_cli("annotate", "-o", str(tmp_path / "copies"), *[str(tmp_path / p.name) for p in REAL])
    assert proc.returncode == 0, proc.stderr
    copies = sorted((tmp_path / "copies").glob("*.reportlint.docx"))
    assert len(copies) == len(REAL)
    convert(profile, TEXT, [tmp_path / p.name for p in REAL], tmp_path / "before")
    convert(profile, TEXT, copies, tmp_path / "after")
    for path in REAL:
        before = (tmp_path / "before" / f"{path.stem}.txt").read_text(encoding="utf-8-sig")
        after = (tmp_path / "after" / f"{path.stem}.reportlint.txt").read_text(encoding="utf-8-sig")
        assert after == before, path.name
        assert_outline_as_shown(path, before)


def assert_outline_as_shown(path: Path, shown: str) -> None:
    """Every heading read in the body, automatic number included, is a paragraph LibreOffice shows
    (compared without white space: Word puts a tab between an automatic number and its text, and
    without equations, which LibreOffice's text export leaves out)."""
    from lint.document.builder import build_document
    from lint.input.docx import read_docx

    source = read_docx(path.read_bytes(), path.name)
    stories = {line for r in source.regions if r.role in ("textbox", "header", "footer", "footnote", "endnote")
               for line in range(r.first_line, r.last_line + 1)}
    document = build_document(source.text, path.name, source.kind, source.regions)
    flat = "".join(shown.split())
    equations = sorted(equations_of(path), key=len, reverse=True)
    for heading in document.headings:
        if heading.line not in stories:
            line = without_equations = document.index.line_text(heading.line)
            for equation in equations:
                without_equations = without_equations.replace(equation, "")
            assert any("".join(text.split()) in flat for text in (line, without_equations)), (path.name, heading.line)


def equations_of(path: Path) -> set[str]:
    """The text of every equation (Office Math) in the body."""
    from lxml import etree

    from wordkit import members_of

    math = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
    root = etree.fromstring(members_of(path.read_bytes())["word/document.xml"])
    return {"".join(t.text or "" for t in m.iter(math + "t")) for m in root.iter(math + "oMath")} - {""}
