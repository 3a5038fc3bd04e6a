"""Hostile input: huge, deep, binary, vanishing or looping files, hostile YAML and regexes.

Each case ends with a clear outcome: exit 0/1 with a well-formed report, or exit 2 with a
message that names the file. The CLI runs in a child process under an address-space limit and
a timeout, so a blow-up fails the test instead of the machine. Timings are measured separately
by fuzz/hostile_table.py (docs/reliability.md), not asserted here.
"""
from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

from lint.api import lint_bytes, lint_path
from lint.config.loader import Config
from lint.document.builder import build_document

MEMORY_LIMIT = 4 << 30          # bytes of address space for one CLI run
TIME_LIMIT = 300                # seconds; a hang fails instead of blocking the suite
CRASHERS = sorted((FIXTURES / "crashers").glob("*"))


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run `reportlint ARGS` in a child with bounded memory and time; decode its output."""
    proc = subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True,
                          timeout=TIME_LIMIT, preexec_fn=_limit_memory, env={**os.environ, "PYTHONPATH": str(ROOT)})
    proc.stdout = proc.stdout.decode("utf-8", "replace")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc


def check_json(*args: str, cwd: Path) -> tuple[int, dict]:
    proc = cli("check", "--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1, 2), proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


# --- generators (shared with fuzz/hostile_table.py) ------------------------------------------

_VERBS = ["推进", "完成", "落实", "开展", "组织", "优化", "建设", "整治", "培训", "检查"]
_NOUNS = ["项目", "工程", "活动", "会议", "课程", "台账", "制度", "平台", "站点", "队伍"]


def report_paragraph(rng: random.Random, i: int) -> str:
    """One line of report prose whose words and figures vary, so no two lines repeat."""
    v, n = rng.choice(_VERBS), rng.choice(_NOUNS)
    return (f"第{i}季度{v}{n}{rng.randint(1, 9999)}个，覆盖{rng.randint(1, 999)}个乡镇，"
            f"投入资金{rng.randint(1, 99999)}万元，较上年增加{rng.randint(1, 99)}个百分点。")


def big_report(size: int, seed: int = 7) -> str:
    """About `size` bytes of a report: numbered sections, each with a few varied paragraphs."""
    rng = random.Random(seed)
    parts, total, i = [], 0, 0
    while total < size:
        i += 1
        part = (f"{i // 5 % 99 + 1}.工作进展情况\n" if i % 5 == 0 else "") + report_paragraph(rng, i) + "\n"
        parts.append(part)
        total += len(part.encode("utf-8"))
    return "".join(parts)


def outline_100k() -> str:
    """A consecutively numbered outline of 10 × 10 × 10 × 10 × 10 = 100,000 headings."""
    cn = "一二三四五六七八九十"
    lines = []
    for a in range(10):
        lines.append(f"{cn[a]}、第{a + 1}部分")
        for b in range(10):
            lines.append(f"（{cn[b]}）分项")
            for c in range(10):
                lines.append(f"{c + 1}.要点")
                for d in range(10):
                    lines.append(f"（{d + 1}）细目")
                    lines.extend(f"{chr(0x2460 + e)}条目内容已完成。" for e in range(10))
    return "\n".join(lines) + "\n"


_PARAGRAPH_XML = ('<w:p><w:pPr><w:spacing w:after="0" w:line="240"/><w:ind w:firstLine="560"/><w:jc w:val="both"/>'
                  '</w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="28"/></w:rPr>'
                  '<w:t>第{}项工作已完成。</w:t></w:r></w:p>')


def word_flood(paragraphs: int = 300_000) -> bytes:
    """A .docx of `paragraphs` short paragraphs, formatted as Word writes them: about 1 MB zipped,
    64 MB of XML (its text alone, as a .txt: word_flood_text)."""
    return _docx_with_body("".join(_PARAGRAPH_XML.format(i) for i in range(paragraphs)))


def word_flood_text(paragraphs: int = 300_000) -> str:
    return "".join(f"第{i}项工作已完成。\n" for i in range(paragraphs))


def zip_bomb_docx(megabytes: int = 300) -> bytes:
    """A .docx whose document part unpacks to `megabytes` MB (blank space between two paragraphs):
    a few hundred KB zipped."""
    import io
    import zipfile

    blank = zipfile.ZipFile(io.BytesIO(_docx_with_body("<w:p/>")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name in blank.namelist():
            if name != "word/document.xml":
                z.writestr(name, blank.read(name))
        head, tail = blank.read("word/document.xml").split(b"<w:p/>")
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head)
            for _ in range(megabytes):
                part.write(b" " * (1 << 20))
            part.write(b"<w:p/>" + tail)
    return buffer.getvalue()


def _docx_with_body(body: str) -> bytes:
    """python-docx's blank document with `body` (paragraph XML) before its section properties."""
    pytest.importorskip("docx")
    from wordkit import members_of, new_document, to_bytes, zip_of

    members = members_of(to_bytes(new_document()))
    xml = members["word/document.xml"].decode("utf-8")
    at = xml.index("<w:sectPr")
    members["word/document.xml"] = (xml[:at] + body + xml[at:]).encode("utf-8")
    return zip_of(members)


# --- size ---------------------------------------------------------------------------------

# All rules on 50 MB take minutes (see docs/reliability.md); that run is opt-in: REPORTLINT_HUGE=1.
_HUGE = pytest.mark.skipif(not os.environ.get("REPORTLINT_HUGE"), reason="set REPORTLINT_HUGE=1")


@pytest.mark.slow
@pytest.mark.parametrize("rules", [("--select", "WR1"), pytest.param((), marks=_HUGE)],
                         ids=["structure", "all-rules"])
def test_a_50_mb_file_is_checked(tmp_path, rules):
    (tmp_path / "big.txt").write_text(big_report(50_000_000), encoding="utf-8")
    status, report = check_json(*rules, "big.txt", cwd=tmp_path)
    assert status in (0, 1)
    assert [f["path"] for f in report["files"]] == ["big.txt"]
    assert "error" not in report["files"][0]


@pytest.mark.slow
def test_a_docx_of_300000_paragraphs_is_read_in_bounded_memory(tmp_path):
    """64 MB of XML once took 31 s and 1.9 GB: now it streams (see docs/reliability.md)."""
    (tmp_path / "flood.docx").write_bytes(word_flood())
    status, report = check_json("--select", "WR1,WR3", "flood.docx", cwd=tmp_path)
    assert status in (0, 1) and "error" not in report["files"][0]


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    (tmp_path / "bomb.docx").write_bytes(zip_bomb_docx())
    status, report = check_json("bomb.docx", cwd=tmp_path)
    assert status == 2 and "超过上限 256 MB" in report["files"][0]["error"]


def test_a_5_mb_single_line(tmp_path):
    rng = random.Random(3)
    line = "".join(report_paragraph(rng, i) + ("一、" if i % 7 == 0 else "") for i in range(60_000))
    assert "\n" not in line and len(line.encode()) > 5_000_000
    (tmp_path / "line.txt").write_text(line, encoding="utf-8")
    status, report = check_json("line.txt", cwd=tmp_path)
    assert status in (0, 1) and "error" not in report["files"][0]
    for d in report["files"][0]["diagnostics"]:
        assert d["range"]["start"]["line"] == d["range"]["end"]["line"] == 0


def test_100000_headings_are_parsed_and_numbered_right(tmp_path):
    text = outline_100k()
    assert len(build_document(text).headings) == 10 + 100 + 1_000 + 10_000 + 100_000
    (tmp_path / "outline.txt").write_text(text, encoding="utf-8")
    status, report = check_json("outline.txt", "--select", "WR1", cwd=tmp_path)
    assert (status, report["files"][0]["diagnostics"]) == (0, [])


@pytest.mark.parametrize("name, text", [
    ("brackets", "（" * 1000 + "深" + "）" * 1000 + "。\n"),
    ("quotes", "“‘" * 500 + "深" + "’”" * 500 + "。\n"),
    ("markdown", "".join("  " * i + "- 一、层级\n" for i in range(1000)) + "> " * 1000 + "引用\n"),
    ("run-in", "一、总体情况（一）主要做法1.具体措施（1）细节①内容。" * 1000 + "\n"),
])
def test_nesting_1000_deep(tmp_path, name, text):
    suffix = ".md" if name == "markdown" else ".txt"
    (tmp_path / f"deep{suffix}").write_text(text, encoding="utf-8")
    status, report = check_json(f"deep{suffix}", cwd=tmp_path)
    assert status in (0, 1) and "error" not in report["files"][0]
    if name in ("brackets", "quotes"):
        assert "WR502" not in {d["code"] for d in report["files"][0]["diagnostics"]}


def test_yaml_nested_1000_deep_is_a_config_error(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("ignore: " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    proc = cli("check", "r.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert ".reportlint.yaml" in proc.stderr and "嵌套" in proc.stderr


# --- files that are not text, vanish, loop ----------------------------------------------------

@pytest.mark.parametrize("data, why", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "无法解码"),
    (b"PK\x03\x04" + b"\x00" * 200 + "一、总体".encode(), "不是文本"),
    ("一、总体情况\n".encode() + b"\x00\x01\x02" * 100, "不是文本"),
])
def test_a_file_that_is_not_text_exits_2(tmp_path, data, why):
    (tmp_path / "blob.txt").write_bytes(data)
    status, report = check_json("blob.txt", cwd=tmp_path)
    assert status == 2
    assert why in report["files"][0]["error"] and "diagnostics" not in report["files"][0]


def test_a_file_that_vanishes_mid_run(tmp_path, monkeypatch, capsys):
    import lint.cli.check
    from lint.cli.main import main

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("一、总体情况\n存在的问题。下一步工作计划。\n", encoding="utf-8")
    collect = lint.cli.check.collect

    def collect_then_delete(paths, explicit):
        found = collect(paths, explicit)
        (tmp_path / "a.txt").unlink()
        return found

    monkeypatch.setattr(lint.cli.check, "collect", collect_then_delete)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", "."]) == 2
    files = json.loads(capsys.readouterr().out)["files"]
    assert files[0]["path"].endswith("a.txt") and files[0]["error"] == "文件不存在"
    assert files[1]["path"].endswith("b.txt") and "diagnostics" in files[1]


def test_a_directory_where_a_file_is_expected(tmp_path):
    (tmp_path / "cfg.yaml").mkdir()
    (tmp_path / "notes.txt").mkdir()          # walked: a directory, not a report
    (tmp_path / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    proc = cli("check", "--config", "cfg.yaml", "r.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "cfg.yaml" in proc.stderr and "Traceback" not in proc.stderr
    status, report = check_json(".", cwd=tmp_path)
    assert [Path(f["path"]).name for f in report["files"]] == ["r.txt"]
    assert lint_path(tmp_path / "notes.txt", Config()).error == "是目录，不是文件"


def test_a_symlink_loop_in_a_walked_directory(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "a.txt").write_text("一、总体情况\n", encoding="utf-8")
    (tmp_path / "d" / "sub" / "up").symlink_to("..")            # a directory loop
    (tmp_path / "d" / "self.txt").symlink_to("self.txt")        # a file loop
    status, report = check_json("d", cwd=tmp_path)
    assert status == 2
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert sorted(by_name) == ["a.txt", "self.txt"]
    assert "diagnostics" in by_name["a.txt"] and "无法读取" in by_name["self.txt"]["error"]


def test_a_fifo_in_a_walked_directory_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("一、总体情况\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")        # reading it would block forever
    status, report = check_json(".", cwd=tmp_path)
    assert [Path(f["path"]).name for f in report["files"]] == ["a.txt"]


# --- hostile YAML and patterns --------------------------------------------------------------

def _laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _pack(rule_options: str, extra: str = "") -> str:
    return ("pack: mine\nrules:\n  - code: ORG101\n    name: my-rule\n    kind: pattern\n"
            "    severity: error\n    summary: 自定义\n    message: 命中“{match}”\n"
            f"    options:\n{rule_options}{extra}")


@pytest.mark.parametrize("where", ["config", "pack"])
def test_a_billion_laughs_alias_bomb_is_rejected(tmp_path, where):
    (tmp_path / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    if where == "config":
        (tmp_path / ".reportlint.yaml").write_text(_laughs(), encoding="utf-8")
    else:
        (tmp_path / ".reportlint.yaml").write_text("packs: [structure, mine.yaml]\n", encoding="utf-8")
        (tmp_path / "mine.yaml").write_text(_pack("      words: [甲]\n", "\n" + _laughs()), encoding="utf-8")
    proc = cli("check", "r.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "别名炸弹" in proc.stderr


@pytest.mark.parametrize("where", ["config", "pack"])
def test_python_object_tags_are_rejected(tmp_path, where):
    evil = f"!!python/object/apply:os.system ['touch {tmp_path / 'pwned'}']"
    (tmp_path / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    if where == "config":
        (tmp_path / ".reportlint.yaml").write_text(f"lang: {evil}\n", encoding="utf-8")
    else:
        (tmp_path / ".reportlint.yaml").write_text("packs: [mine.yaml]\n", encoding="utf-8")
        (tmp_path / "mine.yaml").write_text(_pack(f"      words: {evil}\n"), encoding="utf-8")
    proc = cli("check", "r.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "python/object" in proc.stderr
    assert ("mine.yaml" if where == "pack" else ".reportlint.yaml") in proc.stderr
    assert not (tmp_path / "pwned").exists()


def test_a_user_regex_built_to_backtrack_runs_in_linear_time(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("packs: [mine.yaml]\n", encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(_pack("      patterns: ['(a+)+$', '(x|x)*y']\n"),
                                        encoding="utf-8")
    # Python's backtracking `re` would need ~2^5000 steps on each of these lines.
    (tmp_path / "r.txt").write_text(("a" * 5000 + "!\n" + "x" * 5000 + "\n") * 20, encoding="utf-8")
    status, report = check_json("r.txt", cwd=tmp_path)
    assert status == 0 and report["files"][0]["diagnostics"] == []


def test_a_user_regex_with_lookaround_is_a_config_error_with_a_line(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("packs: [mine.yaml]\n", encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(_pack("      patterns: ['(?<=甲)乙']\n"), encoding="utf-8")
    (tmp_path / "r.txt").write_text("甲乙\n", encoding="utf-8")
    proc = cli("check", "r.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "mine.yaml:" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("files", [
    {".reportlint.yaml": "extends: .reportlint.yaml\n"},
    {".reportlint.yaml": "extends: base.yaml\n", "base.yaml": "extends: .reportlint.yaml\n"},
])
def test_a_config_that_extends_itself(tmp_path, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    proc = cli("check", "r.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "循环" in proc.stderr and "Traceback" not in proc.stderr


# --- regression inputs found by fuzzing -----------------------------------------------------

@pytest.mark.parametrize("path", CRASHERS, ids=[p.name for p in CRASHERS])
def test_crasher_regressions(path):
    data = path.read_bytes()
    for suffix in (".txt", ".md"):
        report = lint_bytes(data, f"crasher{suffix}", Config(), select=("WR",))
        assert report.error is None, report.error
        size = len(report.source.text)
        assert all(0 <= d.start <= d.end <= size for d in report.diagnostics)


def test_a_heading_repeated_after_99_names_the_hundredth():
    report = lint_bytes("九十九、甲。九十九、乙".encode(), "r.txt", Config(), select=("WR101",))
    assert [d.message for d in report.diagnostics] == ["标题序号重复：“九十九、”与上一个同级标题相同，应为“一百、”"]


def test_a_long_run_of_misnumbered_headings_keeps_its_fixes_linear():
    report = lint_bytes("1.标题\n".encode() * 400, "r.txt", Config(), select=("WR101",))
    fixes = [d.fix for d in report.diagnostics if d.fix]
    assert len(report.diagnostics) == 399                       # each repeat is reported
    assert len(fixes[0].edits) == 399                           # the first fix renumbers the whole rest
    assert sum(len(f.edits) for f in fixes) <= 20_000 + 400     # not 399 × 400 / 2


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_fenced_code_block_is_masked_with_every_line_end(newline):
    text = newline.join(["```", "三、代码里的序号", "```", "一、正文标题", ""])
    report = lint_bytes(text.encode(), "r.md", Config(), select=("WR1",))
    assert report.diagnostics == []
    doc = build_document(text, "r.md", "markdown")
    assert [h.marker.text for h in doc.headings] == ["一、"]


@pytest.mark.parametrize("line, run_in", [("一、标题", False), ("## 一、标题", False), ("**一、标题**", False),
                                          ("\u3000\u3000一、标题", False), ("正文。一、标题", True)])
def test_run_in_is_judged_by_the_text_before_the_marker(line, run_in):
    text = "前言。\n" + line + "\n"
    assert [h.run_in for h in build_document(text, "r.md", "markdown").headings] == [run_in]
