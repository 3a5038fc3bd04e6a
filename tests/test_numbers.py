"""Numbers pack (WR701–WR704) and term lists (WR801, kind terms): one finding per document where a
habit repeats, fixes for every place, the traps, linear time, and term lists in either regex engine."""
from __future__ import annotations

import time

import pytest

from lint.api import lint_text
from lint.output.fixes import fix_text


def _lint(text: str, code: str, report_kind: str | None = None, path: str = "t.txt"):
    return lint_text(text, path, select=(code,), report_kind=report_kind).diagnostics


# --- WR701 ------------------------------------------------------------------------------------------

def test_a_habit_is_one_finding_with_related_places_and_a_fix_for_all():
    text = "".join(f"第{i}批完成投资{i % 97 + 1}，{i % 10}00万元。\n" for i in range(1, 201))
    [d] = _lint(text, "WR701")
    assert text[d.start:d.end] == "2，100" and "全文共200处" in d.message
    assert len(d.related) == 3 and d.fix.safe and len(d.fix.edits) == 200
    fixed = fix_text(text, [d])
    assert "，" not in fixed and "2,100万元" in fixed and "97,600万元" in fixed


def test_lists_codes_and_times_are_not_thousands():
    text = ("1，2，3月份累计增长，2019，2020年连续增产，5、6、7月份雨水偏多，第3，100号文件，"
            "两批分别为12，345人，13：00，200人参加，测评得分105，110，115分，见表2，360家企业。\n")
    assert _lint(text, "WR701") == []


def test_a_long_run_of_groups_is_linear():
    for n in (20_000, 200_000):
        text = "合计1" + "，000" * n + "元。\n" + "增加12，3" * n + "\n"
        started = time.process_time()
        [d] = _lint(text, "WR701")
        assert d.end - d.start == 1 + 4 * n
        assert time.process_time() - started < 3


# --- WR702 ------------------------------------------------------------------------------------------

def test_the_fix_goes_to_the_majority_and_is_safe_only_when_it_is_clear():
    clear = "１９９４年产值１２００万元，2024年产值5000万元，2025年6000万元，2026年7000万元。\n"
    [d] = _lint(clear, "WR702")
    assert d.fix.safe and fix_text(clear, [d]).startswith("1994年产值1200万元")
    even = "１９９４年产值１２００万元，2024年产值5000万元。\n"
    [d] = _lint(even, "WR702")
    assert not d.fix.safe and d.related and even[d.related[0].start:d.related[0].end] == "2024"


def test_one_width_throughout_is_not_a_mix():
    assert _lint("１９９４年产值１２００万元，增长６．４％。\n", "WR702") == []
    assert _lint("1994年产值1200万元，增长6.4%。\n", "WR702") == []


# --- WR704 ------------------------------------------------------------------------------------------

MIXED_DATES = "2024年3月5日召开部署会议，2024.4.10完成验收工作，2024年5月6日开展复查工作。\n"


def test_dates_in_two_forms_are_one_finding_with_the_majority_as_related():
    [d] = _lint(MIXED_DATES, "WR704", report_kind="summary")
    assert MIXED_DATES[d.start:d.end] == "2024.4.10"
    assert MIXED_DATES[d.related[0].start:d.related[0].end] == "2024年3月5日"
    assert not d.fix.safe and "2024年4月10日完成" in fix_text(MIXED_DATES, [d], unsafe=True)


def test_personal_notes_are_not_checked_for_date_forms():
    assert _lint(MIXED_DATES, "WR704", report_kind="weekly") == []


def test_a_sign_off_in_the_extended_form_is_no_mix():
    text = ("一、工作进展\n2007年3月27日管理员代表开发组赴北京参加了比赛答辩和颁奖仪式。\n\n"
            "                         CnPack 开发组\n                         2007-06-15\n")
    assert _lint(text, "WR704", report_kind="summary") == []


# --- WR801 and the terms kind -------------------------------------------------------------------------

def test_the_built_in_term_list_is_off_by_default():
    text = "截止目前，已开立帐户326个。\n"
    assert [d.code for d in lint_text(text, "t.txt").diagnostics if d.code == "WR801"] == []
    assert [text[d.start:d.end] for d in _lint(text, "WR801")] == ["截止目前", "帐户"]


def _terms(trusted: bool, **settings):
    from lint.kinds.terms import Term, TermsOptions

    terms = (Term("贫困户", "脱贫户", ("原建档立卡贫困户", "原贫困户")), Term("APP", "客户端"), Term("下步工作", "下一步工作"))
    options = TermsOptions(terms=terms, **settings)
    return options, options.prepare(trusted)


@pytest.mark.parametrize("trusted", [True, False])
def test_exceptions_and_latin_edges_in_either_engine(trusted: bool):
    from lint.document.builder import build_document
    from lint.kinds.terms import check_terms

    text = "下步工作：走访贫困户20户、原建档立卡贫困户5户、原贫困户3户，上线政务APP和WebAPP，app下载。\n"
    found = [text[f.start:f.end] for f in check_terms(build_document(text), *_terms(trusted))]
    assert found == ["下步工作", "贫困户", "APP"]
    found = [text[f.start:f.end] for f in check_terms(build_document(text), *_terms(trusted, ignore_case=True))]
    assert found == ["下步工作", "贫困户", "APP", "app"]


@pytest.mark.parametrize("term,use,exceptions,needle", [
    ("贫困户", "脱贫户", ("困难户",), "更长的词"),
    ("贫困户", "贫困户", (), "相同"),
    ("", "脱贫户", (), "不能为空"),
])
def test_a_bad_term_list_is_an_error(term, use, exceptions, needle):
    from lint.kinds.patterns import PatternError
    from lint.kinds.terms import Term, TermsOptions

    with pytest.raises(PatternError, match=needle):
        TermsOptions(terms=(Term(term, use, exceptions),)).prepare(False)
    with pytest.raises(PatternError, match="两次"):
        TermsOptions(terms=(Term("下步", "下一步"), Term("下步", "下一步"))).prepare(True)
