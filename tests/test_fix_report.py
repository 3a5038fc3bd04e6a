"""--fix and --diff say what they did: the files written, the fixes by code, what is left (issue #18, item 1)."""
from __future__ import annotations

import io
import json
from pathlib import Path

from conftest import run_cli

# Three WR105 markers (1、 for 1.) and one WR501 half-width comma: four safe fixes.
DRAFT = ("一、总体情况\n1、加强队伍建设\n全年培训干部120人次,考核合格率100%。\n2、完善制度体系\n修订制度8项。\n"
         "3、推进数字化转型\n上线政务平台。\n二、存在的问题\n专业人员不足。\n三、下一步工作计划\n加强队伍建设。\n")
FIXED = DRAFT.replace("1、", "1.").replace("2、", "2.").replace("3、", "3.").replace(",", "，")


def _draft(tmp_path: Path, text: str = DRAFT) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_fix_ends_with_the_files_written_and_the_fixes_by_code(tmp_path):
    path = _draft(tmp_path)
    proc = run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_text(encoding="utf-8") == FIXED
    assert proc.stdout.splitlines() == ["已修复 a.txt：WR105×3，WR501×1",
                                        "已修复 4 处（WR105×3，WR501×1），写入 1 个文件",
                                        "检查 1 个文件，修复后未发现问题"]
    again = run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    assert again.returncode == 0 and again.stdout.splitlines() == ["没有可自动修复的问题", "检查 1 个文件，修复后未发现问题"]


def test_fix_says_what_is_left_and_which_unsafe_fixes_it_did_not_apply(tmp_path):
    _draft(tmp_path, DRAFT.replace("三、下一步", "四、下一步") + "完成xx项。\n")
    proc = run_cli("check", "--fix", "--lang", "en", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[-3:] == ["Fixed a.txt: WR105×3, WR501×1",
                          "Fixed 4 problem(s) (WR105×3, WR501×1), wrote 1 file(s); 1 more with --unsafe-fixes (WR101×1)",
                          "1 file(s) checked; left after fixing: 2 error(s), 0 warning(s), 0 info"]
    assert [line.split(": ")[1].split()[0] for line in lines[:-3]] == ["WR101", "WR301"]


def test_diff_writes_nothing_and_tells_standard_error_what_it_would_fix(tmp_path):
    path = _draft(tmp_path)
    proc = run_cli("check", "--diff", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0 and path.read_text(encoding="utf-8") == DRAFT
    assert proc.stdout.startswith("--- a/a.txt\n+++ b/a.txt\n") and "已修复" not in proc.stdout
    assert proc.stderr.splitlines() == ["--diff：可修复 4 处（WR105×3，WR501×1），涉及 1 个文件；未写入任何文件",
                                        "检查 1 个文件，应用以上修复后未发现问题"]


def test_fix_with_json_keeps_standard_output_json(tmp_path):
    _draft(tmp_path)
    proc = run_cli("check", "--fix", "--format", "json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["summary"] == {"files": 1, "error": 0, "warning": 0, "info": 0}
    assert "已修复 4 处（WR105×3，WR501×1），写入 1 个文件" in proc.stderr.splitlines()


def test_fix_on_a_docx_writes_a_copy_with_tracked_changes_and_says_so(tmp_path):
    import docx

    document = docx.Document()
    for line in DRAFT.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    (tmp_path / "报告.docx").write_bytes(buffer.getvalue())
    proc = run_cli("check", "--fix", "报告.docx", cwd=tmp_path)
    assert (tmp_path / "报告.docx").read_bytes() == buffer.getvalue()      # the original is never rewritten
    assert (tmp_path / "报告.reportlint.docx").exists()
    assert proc.returncode == 1   # the findings stay in the original
    assert "reportlint: 报告.docx: 原文件未改动；修复以修订写入副本 报告.reportlint.docx" in proc.stderr
    assert "在 Word 中接受或拒绝" in proc.stderr
    assert "写入 1 个文件" in proc.stdout.splitlines()[-2]
