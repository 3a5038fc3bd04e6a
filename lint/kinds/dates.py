"""Date kind (WR704): one report writing its dates in two or more forms.

GB/T 15835-2011 writes a date 2008年8月8日, or in the extended form 2008-08-08 (GB/T 7408); a
report keeps to one. What is counted is the prose a reader reads as the report (doc.compared:
Chinese prose, not tables, sign-offs, an English half, contact lines), without a subtitle
line (——2017年3月5日在……会议上), URLs, code or file names. A sign-off in another form
(2007-06-15 under a body of 年月日) is left alone: the extended form is the norm's own. One finding
per document, at the first date of a form other than the document's most used one.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..document.model import Document
from ..support.hints import Iterator
from .findings import Finding, make_edit, make_finding, make_fix, make_related
from .options import kind_options

# 2024年7月5日, 7月5日, 7月5号 (digits of either width); 2024.7.5, 2024-07-05, 2024/7/5 (a year of
# 19xx or 20xx, a month and a day that can be one). The pattern opens with a digit, so sre skips
# from digit to digit in C; the lookbehinds check from there what stands before it.
_D = "[0-9０-９]"
_DATE = re.compile(
    rf"{_D}(?:(?<!{_D}{_D})(?:{_D}{{3}}年{_D}{{1,2}}|{_D}?)月{_D}{{1,2}}(?P<day>[日号])"
    r"|(?<![0-9A-Za-z_./\\][12])(?<![A-Za-z] [12])(?:(?<=1)9|(?<=2)0)[0-9]{2}"
    r"(?P<sep>[./\-])(?:0?[1-9]|1[0-2])(?P=sep)(?:0?[1-9]|[12][0-9]|3[01]))"
    r"(?![0-9０-９A-Za-z_/]|\.[0-9A-Za-z]|版)")
# Which forms a text can hold at all, each found from a literal first character (sre skips to it
# in C, many times faster than trying the date pattern at every digit): most reports hold one form.
_GATES = {"cn": re.compile(rf"月(?={_D}{{1,2}}日)"), "hao": re.compile(rf"月(?={_D}{{1,2}}号)"),
          "dot": re.compile(r"\.(?=[0-9]{1,2}\.[0-9])"), "dash": re.compile(r"-(?=[0-9]{1,2}-[0-9])"),
          "slash": re.compile(r"/(?=[0-9]{1,2}/[0-9])")}
_YMD = re.compile(r"(\d{4})[./\-](\d{1,2})[./\-](\d{1,2})")
_FORM_BY_MARK = {"日": "cn", "号": "hao", ".": "dot", "-": "dash", "/": "slash"}
_NAMES = {"cn": ("“X年X月X日”", "the 年月日 form"), "hao": ("“X月X号”", "the colloquial X月X号"),
          "dot": ("“2024.7.5”", "the dotted form"), "dash": ("“2024-07-05”", "the hyphenated form"),
          "slash": ("“2024/7/5”", "the slashed form")}
_NOT_A_DAY = "楼线院室房门车库位令文字"    # 5号楼, 3号线: a number, not a day
_SUBTITLE = "—―"                           # ——2017年3月5日在……会议上 (not "-": a Markdown item)


@kind_options
class DateFormOptions:
    """Date forms (WR704): the words the related place is labelled with."""

    related_message: str = "全文多用的写法"


def dates_by_form(doc: Document) -> dict[str, list[tuple[int, int]]]:
    """The dates of the report's prose by form ("cn", "hao", "dot", "dash", "slash"), each a list
    of (start, end) in order. Nothing when the whole text holds fewer than two forms."""
    text = doc.text
    if sum(1 for gate in _GATES.values() if gate.search(text)) < 2:
        return {}
    found = [(m.start(), m.end(), _FORM_BY_MARK[m.group("day") or m.group("sep")]) for m in _DATE.finditer(text)]
    if len({form for _, _, form in found}) < 2:
        return {}
    prose = _prose(doc)
    skip = doc.not_prose
    out: dict[str, list[tuple[int, int]]] = {}
    for s, e, form in found:
        if not prose(s, e) or skip.overlaps(s, e) or _not_a_date(text, s, e, form):
            continue
        out.setdefault(form, []).append((s, e))
    return out


def _prose(doc: Document):
    """A test: does (start, end) lie in a compared block that is not a subtitle line."""
    blocks, text = doc.compared, doc.text
    starts = [b.start for b in blocks]

    def inside(s: int, e: int) -> bool:
        i = bisect_right(starts, s) - 1
        if i < 0 or e > blocks[i].end:
            return False
        return text[blocks[i].start:blocks[i].end].lstrip(" \t\u3000")[:1] not in _SUBTITLE
    return inside


def _not_a_date(text: str, s: int, e: int, form: str) -> bool:
    """A number the pattern cannot tell from a date: 5号楼, a version (版本2020.3.1), a document
    number (2021-05-10-001, A-2021-05-10). A dotted or slashed date after a dash is the end of a
    range (2021.5.10-2021.5.14) and counts."""
    after = text[e:e + 1]
    if form == "hao":
        return after != "" and after in _NOT_A_DAY
    if form == "dash" and (after in ("-", "－") or text[s - 1:s] in ("-", "－")):
        return True
    return form != "cn" and "版" in text[max(0, s - 4):s]


def check_date_forms(doc: Document, options: DateFormOptions) -> Iterator[Finding]:
    """WR704: at the first date of a form other than the most used one (年月日 on a tie), related
    to the first date of that form; when that form is 年月日, an unsafe fix writes every other
    date so."""
    by_form = dates_by_form(doc)
    if len(by_form) < 2:
        return
    majority = max(by_form, key=lambda f: (len(by_form[f]), f == "cn"))
    others = sorted(span for form, spans in by_form.items() if form != majority for span in spans)
    s, e = others[0]
    text = doc.text
    example = by_form[majority][0]
    args = {"found": text[s:e], "example": text[example[0]:example[1]], "majority": _NAMES[majority][0],
            "majority_en": _NAMES[majority][1], "count": len(others)}
    fix = None
    if majority == "cn":
        fix = make_fix(edits=tuple(make_edit(start=a, end=b, new_text=_as_cn(text[a:b])) for a, b in others),
                       safe=False)
    hao = majority == "cn" and (s, e) in by_form.get("hao", ())
    variant = "hao" if hao else "mix"
    related = (make_related(start=example[0], end=example[1], message=options.related_message),)
    yield make_finding(start=s, end=e, args=args, variant=variant, fix=fix, related=related)


def _as_cn(date: str) -> str:
    """A date in the 年月日 form: 2024.07.05 → 2024年7月5日, 7月5号 → 7月5日."""
    m = _YMD.fullmatch(date)
    if m is None:
        return date[:-1] + "日"
    year, month, day = m.groups()
    return f"{year}年{int(month)}月{int(day)}日"
