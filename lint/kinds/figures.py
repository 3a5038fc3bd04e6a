"""Figure kinds (WR601–WR602): a stated rate or total that its own stated figures contradict.

Both read counted quantities ("732处", "1.26万人", "1,260份") inside one sentence and stay silent
whenever the pattern is not unambiguous: precision first.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..document.model import Document
from ..support.hints import Iterator
from ..support.records import record
from .findings import Finding, make_finding
from .offsets import offsets_of
from .options import kind_options

# A counted quantity: digits (thousands separators, decimals), an optional 万/亿, a unit.
# Not an ordinal (第3批), not part of a range or code (1-5月, A12), not 个 of a duration.
_UNITS = ("平方米|千瓦时|千瓦|公里|人次|家次|户次|件次|批次|元|个(?!月|工作日|百分点|季度|小时|星期)|家|人|名|户|项|件|起"
          "|处|所|座|条|台|套|辆|份|张|篇|场|次|期|批|宗|例|只|头|吨|亩|米|对|支|块|本|册|卷|轮|间|床|位")
# The first digit comes first and the lookbehinds check the character before it from there: a
# pattern that opens with a character class lets sre skip to the next digit in C, where one that
# opens with a lookbehind is tried at every offset (four times slower over a report).
_FIGURE = re.compile(rf"(\d(?<![\d.\-－~～—第A-Za-z]\d)(?<!\d,\d)(?:\d{{0,2}}(?:,\d{{3}})+(?:\.\d+)?|\d*(?:\.\d+)?))"
                     rf"([万亿]?)({_UNITS})")
_MULT_RE = re.compile(r"[\d.,]+([万亿]?)")
_SCALE = {"": 0, "万": 4, "亿": 8}                   # the power of ten of each multiplier
_CLAUSE_STOP = re.compile(r"[。！？!?；;]")          # rates: figures of one clause
_PASSAGE_STOP = re.compile(r"[。！？!?]")             # sums: parts may run across ；
_RATE = re.compile(r"([\u4e00-\u9fff]{1,8})率(?:为|达到|达|是|均为|保持)?\s*(\d+(?:\.\d+)?)\s*[%％]"
                   r"|占比(?:为|达到|达)?\s*(\d+(?:\.\d+)?)\s*[%％]")
_QIZHONG = re.compile(r"其中")
_LABEL_SEP = re.compile(r"[，,、；;：:。]")          # a figure's label runs back to the last of these
_SEP = re.compile(r"[，,、；;：:]")
_SEP_KEEP = re.compile(r"([，,、；;：:])")
_DIGIT = re.compile(r"\d")
_LABEL = re.compile(r"^[\u4e00-\u9fffA-Za-z“”（）()]+$")
_LEFT_WORDS = ("保留", "剩余", "剩下", "余下", "尚余", "现有")
_LEFT_AFTER = re.compile(r"(?:压减|下降|减少|降低|精简|削减|缩减|压缩|核减|减|降)(?:后|到|至)")
_BRACKETS = re.compile(r"（[^（）]*）|\([^()]*\)")
_MAX_SKIPPED = 8      # characters of figure-less text a breakdown may hold between two parts


@kind_options
class RateOptions:
    """Rates by their stem (整改率: 整改): those that are no share of a whole, and reduction rates.

    A reduction rate (压减率, 下降率) is the share removed: part/whole when the part is what was
    removed, (whole - part)/whole when it is what is left (压减后保留90项).
    """

    exclude_stems: tuple[str, ...] = ("增长", "增速", "增幅", "降幅", "上升", "提高", "同比", "环比")   # not checked
    reduction_stems: tuple[str, ...] = ("压减", "下降", "减少", "降低", "精简", "削减", "缩减", "压缩", "核减")   # a share removed


@kind_options
class SumOptions:
    """Labels of a remainder part (其他): a list holding one is exhaustive, so parts short of the
    total are reported too."""

    remainder_labels: tuple[str, ...] = ("其他", "其它", "其余", "另有", "剩余")


@record
class Figure:
    """A counted quantity: value, the half-width of its rounding, base unit, label and span.

    Value and slack are exact: counts of 10**-places (places may be negative: 12万 is 120 counts
    of 10**3). Integers rather than Decimal, whose module costs a one-file run 1–3 ms to import.
    A named tuple: immutable, and cheap to make (see model.py)."""

    value: int
    slack: int
    places: int
    unit: str
    start: int
    end: int
    label_start: int


def read_figures(text: str, start: int, end: int) -> list[Figure]:
    """Counted quantities in text[start:end]; each label runs back to the previous separator."""
    out: list[Figure] = []
    seps: list[int] | None = None
    for m in _FIGURE.finditer(text, start, end):
        digits, mult, unit = m.groups()
        value, slack, places = _value(digits, mult)
        if seps is None:
            seps = [s.start() for s in _LABEL_SEP.finditer(text, start, end)]
        i = bisect_left(seps, m.start())
        label_start = max(seps[i - 1] + 1 if i else start, out[-1].end if out else start)
        out.append(Figure(value, slack, places, unit, m.start(), m.end(), label_start))
    return out


def _value(digits: str, mult: str) -> tuple[int, int, int]:
    """The number and half its last digit's place (0 for an exact integer without 万/亿), as counts
    of 10**-places, and places: one place below the last digit written, so that the half is 5."""
    written = digits.replace(",", "")
    decimals = _decimals(written)
    slack = 5 if decimals or mult else 0
    return int(written.replace(".", "")) * 10, slack, decimals + 1 - _SCALE[mult]


def _decimals(written: str) -> int:
    """How many digits a number written in plain digits has after its point."""
    return len(written) - 1 - written.find(".") if "." in written else 0


def _at(count: int, places: int, target: int) -> int:
    """`count` counts of 10**-places as counts of 10**-target (target >= places)."""
    return count * 10 ** (target - places)


def check_rates(doc: Document, options: RateOptions) -> Iterator[Finding]:
    """WR601: 排查N处，已整改M处，整改率R% where R is not M/N (allowing for rounding)."""
    text = doc.text
    for start, end in _runs_with(doc, offsets_of(doc, "%％"), _CLAUSE_STOP):   # every rate _RATE reads ends in one
        if text.find("率", start, end) < 0 and text.find("占比", start, end) < 0:
            continue   # no rate (_RATE needs one of these): the clause's figures are not read
        figures = read_figures(text, start, end)
        if len(figures) < 2:
            continue
        for m in _RATE.finditer(text, start, end):
            finding = _rate_finding(text, m, figures, options)
            if finding:
                yield finding


def _runs_with(doc: Document, offsets: list[int], stop: re.Pattern) -> Iterator[tuple[int, int]]:
    """The runs of a block between `stop` characters (clauses, passages) that hold any of the
    sorted `offsets`, each once, in order.

    A run is found from the offset outwards (the stops before and after it), so the runs
    without one are never visited.
    """
    text = doc.text
    for block in doc.blocks_at(offsets):
        stops = [m.start() for m in stop.finditer(text, block.start, block.end)]
        end = block.start
        for q in offsets[bisect_left(offsets, block.start):bisect_left(offsets, block.end)]:
            if q < end:
                continue   # in the run just read
            i = bisect_left(stops, q)
            start = stops[i - 1] + 1 if i else block.start
            end = stops[i] if i < len(stops) else block.end
            yield start, end


def _rate_finding(text: str, m: re.Match, figures: list[Figure], options: RateOptions) -> Finding | None:
    stem, stated = (m.group(1), m.group(2)) if m.group(1) else ("", m.group(3))
    before = [f for f in figures if f.end <= m.start()]
    if len(before) < 2:
        return None
    part = before[-1]
    between = text[part.end:m.start()]
    if _DIGIT.search(between) or len(_SEP.findall(between)) > 1:
        return None
    label = text[part.label_start:part.start]
    if stem:
        keys = {stem[-2:]} | ({stem[:2]} if len(stem) <= 4 else set())
        if any(s in stem for s in options.exclude_stems) or not any(k in label for k in keys):
            return None
    # A share never exceeds its whole: figures smaller than the part are items of a 其中 list.
    whole = next((f for f in reversed(before[:-1]) if f.unit == part.unit and _at_least(f, part)), None)
    if whole is None or whole.value <= 0:
        return None
    if not stem and not _QIZHONG.search(text, whole.end, part.start):
        return None
    # A reduction rate is the share removed: of a part that is what is left (压减后保留90项,
    # 下降到90起), the rest of the whole.
    left = (bool(stem) and any(r in stem for r in options.reduction_stems)
            and (any(w in label for w in _LEFT_WORDS) or _LEFT_AFTER.search(label) is not None))
    share = _rest(whole, part) if left else part
    if _rate_fits(stated, share, whole):
        return None
    return make_finding(start=m.start(), end=m.end(), variant="removed" if left else "share",
                        args={"rate": m.group(0), "part": text[part.start:part.end],
                              "whole": text[whole.start:whole.end], "actual": _percent(share, whole) + "%"})


def _rest(whole: Figure, part: Figure) -> Figure:
    """What is left of `whole` once `part` is taken away, as a figure (for a reduction rate)."""
    places = max(whole.places, part.places)
    value = _at(whole.value, whole.places, places) - _at(part.value, part.places, places)
    slack = _at(whole.slack, whole.places, places) + _at(part.slack, part.places, places)
    return part._replace(value=value, slack=slack, places=places)


def _at_least(a: Figure, b: Figure) -> bool:
    places = max(a.places, b.places)
    return _at(a.value, a.places, places) >= _at(b.value, b.places, places)


def _rate_fits(stated: str, part: Figure, whole: Figure) -> bool:
    """True when `stated`% (plain digits) can be part/whole after rounding or truncating to its own precision."""
    decimals = _decimals(stated)
    places = max(decimals, part.places, whole.places)   # every quantity below counts 10**-places
    rate, unit = _at(int(stated.replace(".", "")), decimals, places), _at(1, decimals, places)
    part_value, part_slack = _at(part.value, part.places, places), _at(part.slack, part.places, places)
    whole_value, whole_slack = _at(whole.value, whole.places, places), _at(whole.slack, whole.places, places)
    low_den, high_den = whole_value + whole_slack, whole_value - whole_slack
    if high_den <= 0:
        return True
    # low - unit < rate < high + unit, where low = (part - slack) * 100 / low_den and high likewise,
    # multiplied out by the (positive) denominators: exact, with no division.
    hundred = 100 * 10 ** places
    return ((part_value - part_slack) * hundred < (rate + unit) * low_den
            and (rate - unit) * high_den < (part_value + part_slack) * hundred)


def _percent(part: Figure, whole: Figure) -> str:
    """part / whole in percent to one decimal, rounded half to even (as Decimal formats it)."""
    places = max(part.places, whole.places)
    divisor = _at(whole.value, whole.places, places)
    tenths, rest = divmod(_at(part.value, part.places, places) * 1000, divisor)
    if 2 * rest > divisor or (2 * rest == divisor and tenths % 2):
        tenths += 1
    return f"{tenths // 10}.{tenths % 10}"


def check_sums(doc: Document, options: SumOptions) -> Iterator[Finding]:
    """WR602: 共N个，其中A a个、B b个… where the parts exceed N (or, with a remainder part, miss N)."""
    text = doc.text
    for start, end in _runs_with(doc, offsets_of(doc, "其"), _PASSAGE_STOP):   # the passages that can hold 其中
        marks = [q.start() for q in _QIZHONG.finditer(text, start, end)]
        for i, q in enumerate(marks):
            stop = marks[i + 1] if i + 1 < len(marks) else end
            finding = _sum_finding(text, start, q, stop, options)
            if finding:
                yield finding


def _sum_finding(text: str, start: int, q: int, stop: int, options: SumOptions) -> Finding | None:
    """Compare each column of the parts with the total written before 其中.

    A part is one quantity (101个) or two side by side (18支1260人): then each column is summed
    on its own, and a column that adds up exactly proves the list complete, so a shortfall in the
    other column is an error too (as is any shortfall when a remainder part such as 其他 is listed).
    """
    parts = _parts(text, q + 2, stop, options.remainder_labels)
    if len(parts) < 2:
        return None
    units = tuple(f.unit for f in parts[0][1])
    if any(tuple(f.unit for f in figs) != units for _, figs in parts):
        return None
    clause_start = max(start, max(text.rfind(c, start, q) for c in "；;"))
    wholes = _wholes(read_figures(text, clause_start, q), units, text)
    if wholes is None:
        return None
    columns = [_column(parts, k, whole) for k, whole in enumerate(wholes)]
    remainder = any(label.startswith(options.remainder_labels) for label, _ in parts)
    for k, (gap, total, places) in enumerate(columns):
        complete = remainder or any(c[0] == 0 for j, c in enumerate(columns) if j != k)
        if gap > 0 or (gap < 0 and complete):
            whole = wholes[k]
            listed = "＋".join(text[figs[k].start:figs[k].end] for _, figs in parts)
            written = _MULT_RE.match(text, whole.start, whole.end).group(1)
            return make_finding(start=whole.start, end=whole.end, variant="over" if gap > 0 else "under",
                                args={"total": text[whole.start:whole.end], "parts": listed, "unit": whole.unit,
                                      "sum": _plain(total, places + _SCALE[written]) + written + whole.unit})
    return None


def _wholes(figures: list[Figure], units: tuple[str, ...], text: str) -> list[Figure] | None:
    """The total(s) before 其中: the last figure of the unit, or the last adjacent pair of the units."""
    if len(units) == 1:
        whole = next((f for f in reversed(figures) if f.unit == units[0]), None)
        return [whole] if whole else None
    for a, b in zip(reversed(figures[:-1]), reversed(figures[1:])):
        if (a.unit, b.unit) == units and a.end == b.start:
            return [a, b]
    return None


def _column(parts, k: int, whole: Figure) -> tuple[int, int, int]:
    """(1 parts exceed the total, -1 they fall short, 0 they match within rounding; their sum, in
    counts of 10**-places; places)."""
    figures = [figs[k] for _, figs in parts]
    places = max(f.places for f in (whole, *figures))
    total = sum(_at(f.value, f.places, places) for f in figures)
    slack = sum(_at(f.slack, f.places, places) for f in (whole, *figures))
    value = _at(whole.value, whole.places, places)
    if total - slack > value:
        return 1, total, places
    if total + slack < value:
        return -1, total, places
    return 0, total, places


def _parts(text: str, start: int, stop: int, remainder: tuple[str, ...]) -> list[tuple[str, tuple[Figure, ...]]]:
    """The parts listed after 其中, read up to the first segment that is not "label number unit".

    Parts are joined by one separator (the one before the second part) and their names end
    alike (a remainder such as 其他组织 excepted); text without digits between them
    (、总投资XX亿元；) is skipped. Stopping early only shortens the list.
    """
    region = _BRACKETS.sub(lambda m: " " * len(m.group()), text[start:stop])
    pieces = _SEP_KEEP.split(region)
    parts: list[tuple[str, tuple[Figure, ...]]] = []
    joiner, pending, offset = "", "", start
    for i in range(0, len(pieces), 2):
        segment, seg_start = pieces[i], offset
        offset += len(segment) + (len(pieces[i + 1]) if i + 1 < len(pieces) else 0)
        if not _DIGIT.search(segment):
            pending += segment
            # A clause without figures ends the breakdown: what follows it is another statement
            # (……其中高速铁路8951公里，京沪、京广等高铁相继投入运营；新增公路60.9万公里……).
            if len(pending) > _MAX_SKIPPED or (len(parts) > 1 and pieces[i + 1:i + 2] in (["；"], [";"])
                                              and joiner not in ("；", ";")):
                break
            continue
        part = _part(text, seg_start, seg_start + len(segment), pending)
        pending, before = "", pieces[i - 1] if i else ""
        # Names must end alike (…项目, …项目), unless each part is a pair of quantities (18支1260人):
        # that shape alone says the list is one breakdown.
        if part is None or (parts and part[0][-1] != parts[0][0][-1] and not part[0].startswith(remainder)
                            and len(part[1]) == 1):
            break
        if len(parts) == 1:
            joiner = before
        elif parts and before != joiner:
            break
        parts.append(part)
    return parts


def _part(text: str, start: int, end: int, pending: str) -> tuple[str, tuple[Figure, ...]] | None:
    """("label", figures) when text[start:end] is exactly a label then one counted quantity, or
    two written side by side (18支1260人)."""
    figures = read_figures(text, start, end)
    if not 1 <= len(figures) <= 2 or text[figures[-1].end:end].strip():
        return None
    if len(figures) == 2 and figures[0].end != figures[1].start:
        return None
    label = (pending + text[start:figures[0].start]).strip()
    return (label, tuple(figures)) if _LABEL.match(label) else None


def _plain(count: int, places: int) -> str:
    """`count` counts of 10**-places as a sum is written: no exponent, no trailing zeros."""
    if places <= 0:
        return str(count * 10 ** -places)
    units, fraction = divmod(count, 10 ** places)
    decimals = str(fraction).rjust(places, "0").rstrip("0")
    return f"{units}.{decimals}" if decimals else str(units)
