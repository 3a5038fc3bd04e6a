"""Text output: related places are named, and one numbering mistake is one finding (issue #18, item 2)."""
from __future__ import annotations

from conftest import run_cli

REPORT = ("一、主要工作\n全年组织开展安全生产大检查三次，排查整改各类隐患一百二十处。\n"
          "二、存在的问题\n基层专业人员不足，服务能力有待进一步加强。\n"
          "全年组织开展安全生产大检查三次，排查整改各类隐患一百二十处。\n"
          "三、下一步工作计划\n（一）加强队伍建设\n（二）完善制度体系\n（二）推进数字化改革\n（四）抓好工作落实\n")


def test_a_duplicate_says_where_the_first_copy_is(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    zh = run_cli("check", "a.txt", cwd=tmp_path)
    assert zh.returncode == 1
    assert zh.stdout.splitlines()[0] == ("a.txt:5:1: WR401 [error] 此段与前文完全重复：“全年组织开展安全生产大检…”"
                                         "（首次出现于第2行）  (duplicate-block)")
    en = run_cli("check", "--lang", "en", "a.txt", cwd=tmp_path)
    assert en.stdout.splitlines()[0].endswith("verbatim: “全年组织开展安全生产大检…” (see line 2)  (duplicate-block)")


def test_a_repeated_heading_number_then_the_skip_it_causes_is_one_finding(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    proc = run_cli("check", "--select", "WR101", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "a.txt:9:1: WR101 [error] 标题序号重复：“（二）”与上一个同级标题相同，应为“（三）”  (heading-sequence)",
        "检查 1 个文件：1 个错误，0 个警告，0 个提示"]
    # a skip that no repeat explains is still reported
    (tmp_path / "b.txt").write_text(REPORT.replace("（二）推进", "（三）推进").replace("（四）", "（五）"), encoding="utf-8")
    skip = run_cli("check", "--select", "WR101", "b.txt", cwd=tmp_path)
    assert skip.returncode == 1 and "b.txt:10:1: WR101 [error] 标题序号跳号：“（三）”之后应为“（四）”，此处为“（五）”" in skip.stdout
