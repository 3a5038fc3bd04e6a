"""Word's automatic numbering: the numbers it draws before numbered paragraphs ("一、", "（一）", "1.").

A reader of a Word report sees them although they are not in the paragraph's text; they are
rebuilt here from the numbering part (and the styles that bind numbering to paragraphs) so that
the structure rules see what the reader sees.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...support.numerals import cn_numeral
from ...support.records import record
from .styles import Styles
from .xml import W as _W, is_on, to_int, val

_PLACEHOLDER = re.compile(r"%([1-9])")
_LEVELS = 9   # w:ilvl 0–8
_CN_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_SERIES = {
    "ideographTraditional": "甲乙丙丁戊己庚辛壬癸",
    "ideographZodiac": "子丑寅卯辰巳午未申酉戌亥",
    "decimalEnclosedCircle": "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳",
    "decimalEnclosedCircleChinese": "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳",
    "decimalEnclosedParen": "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇",
    "decimalEnclosedFullstop": "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛",
}
_COUNTING = {"chineseCountingThousand", "taiwaneseCountingThousand", "japaneseCounting"}
_REPEATING = {"upperRoman", "lowerRoman", "upperLetter", "lowerLetter"}
_DIGITAL = {"ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"}


@record
class Number:
    """The number Word draws before a paragraph, and the list (numId) and level (0-based) it is from."""

    text: str
    num_id: str
    ilvl: int


@dataclass(frozen=True)
class Level:
    """One level of an abstract numbering definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None     # w:lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False            # w:isLgl: show every level in decimal
    suffix: str = "tab"
    style: str | None = None       # w:pStyle: the paragraph style linked to this level

    @classmethod
    def parse(cls, lvl) -> Level:
        return cls(start=to_int(val(lvl, "start"), 1), fmt=val(lvl, "numFmt", "decimal"),
                   text=val(lvl, "lvlText", ""), restart=to_int(val(lvl, "lvlRestart")),
                   legal=is_on(lvl.find(_W + "isLgl")), suffix=val(lvl, "suff", "tab"), style=val(lvl, "pStyle"))


@dataclass
class Numbering:
    """The numbering part: instances (w:num) → abstract definitions, and the running counters."""

    styles: Styles = field(default_factory=Styles)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId → (abstract, overrides)
    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    pending: dict[tuple[str, int], int] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, numbering, styles: Styles) -> Numbering:
        """The numbering part's root element (None when the document has none) and the styles."""
        out = cls(styles)
        if numbering is None:
            return out
        links: dict[str, str] = {}
        for abstract in numbering.iterfind(_W + "abstractNum"):
            key = abstract.get(_W + "abstractNumId")
            levels = ((to_int(lvl.get(_W + "ilvl"), 0), lvl) for lvl in abstract.iterfind(_W + "lvl"))
            out.abstracts[key] = {i: Level.parse(lvl) for i, lvl in levels if 0 <= i < _LEVELS}
            if not out.abstracts[key] and val(abstract, "numStyleLink"):
                links[key] = val(abstract, "numStyleLink")
        for num in numbering.iterfind(_W + "num"):
            overrides = {to_int(o.get(_W + "ilvl"), 0): to_int(val(o, "startOverride"))
                         for o in num.iterfind(_W + "lvlOverride") if o.find(_W + "startOverride") is not None}
            out.nums[num.get(_W + "numId")] = (val(num, "abstractNumId"), overrides)
        # A list-style reference (w:numStyleLink) borrows the levels of the style's own list.
        for key, style in links.items():
            target = out.nums.get(styles.of(style).num_id or "", ("", {}))[0]
            if target in out.abstracts and target not in links:
                out.nums = {n: (target if a == key else a, o) for n, (a, o) in out.nums.items()}
        return out

    def number(self, num_pr, style: str | None) -> Number | None:
        """What Word numbers a paragraph with (its w:numPr or None, its style id), advancing the counters."""
        num_id, ilvl = self._numbering_of(num_pr, style)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.abstracts.get(abstract)
        if not levels or ilvl not in levels:
            return None
        counters = self.counters.setdefault(abstract, [None] * _LEVELS)
        if num_id not in self.started:
            # Word shares counters between instances of one abstract list; an instance with a
            # start override ("restart numbering") restarts that level when first used.
            self.started.add(num_id)
            for level, start in overrides.items():
                if 0 <= level < _LEVELS and start is not None:
                    counters[level] = None
                    self.pending[(abstract, level)] = start
        level = levels[ilvl]
        current = counters[ilvl]
        counters[ilvl] = self.pending.pop((abstract, ilvl), level.start) if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        return Number(_render(level, levels, counters), num_id, ilvl)

    def _numbering_of(self, num_pr, style: str | None) -> tuple[str | None, int]:
        """numId and level of a paragraph: its own w:numPr, else its style's (and the level linked to it)."""
        num_id = val(num_pr, "numId")
        ilvl = to_int(val(num_pr, "ilvl"))
        if num_id is None:
            facts = self.styles.of(style)
            num_id = facts.num_id
            ilvl = ilvl if ilvl is not None else facts.ilvl
        if ilvl is None and num_id in self.nums:
            levels = self.abstracts.get(self.nums[num_id][0]) or {}
            ilvl = next((i for i, lv in levels.items() if lv.style == style and style), 0)
        return num_id, ilvl or 0


def _render(level: Level, levels: dict[int, Level], counters: list[int | None]) -> str:
    """Fill the level text ("%1、", "（%2）", "%1.%2") with the counters in their formats."""
    if level.fmt in ("bullet", "none") or not level.text:
        return ""

    def value(match: re.Match) -> str:
        i = int(match.group(1)) - 1
        lv = levels.get(i, Level())
        n = counters[i] if counters[i] is not None else lv.start
        return format_number(n, "decimal" if level.legal and lv.fmt != "decimalZero" else lv.fmt)

    label = _PLACEHOLDER.sub(value, level.text)
    if label and level.suffix != "nothing" and label[-1].isalnum():
        label += " "   # "1 标题": without punctuation the tab or space is what separates them
    return label


def format_number(n: int, fmt: str) -> str:
    """One counter in an OOXML number format (ECMA-376 §17.18.59); decimal when out of range."""
    if n < 1 or (n >= 4000 and fmt in _REPEATING):   # a forged start value must not build huge strings
        return str(n)
    if fmt in _SERIES:
        series = _SERIES[fmt]
        return series[n - 1] if n <= len(series) else str(n)
    if fmt in _COUNTING:
        return cn_numeral(n) if n < 100 else _grouped(n, _CN_DIGITS, "十百千")
    if fmt in ("chineseCounting", "taiwaneseCounting"):
        return cn_numeral(n) if n < 100 else "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return _grouped(n, _LEGAL_DIGITS, "拾佰仟")
    if fmt in _DIGITAL:
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULLWIDTH)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(n)


def _grouped(n: int, digits: str, units: str) -> str:
    """Chinese counting with 十/百/千 (or 拾/佰/仟) below 10000: 一百零五, 壹佰贰拾; digits beyond."""
    if n >= 10000:
        return "".join(digits[int(d)] for d in str(n))
    out, zero = "", False
    for power, d in zip((1000, 100, 10, 1), (n // 1000, n // 100 % 10, n // 10 % 10, n % 10)):
        if d == 0:
            zero = bool(out)
            continue
        out += ("零" if zero else "") + digits[d] + {1000: units[2], 100: units[1], 10: units[0], 1: ""}[power]
        zero = False
    return out


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out
