"""Word .docx → SourceText: one line per paragraph (table cells included), automatic numbers written out.

A reader of a Word report sees the numbers Word draws for automatically numbered headings
("一、", "（一）", "1.") although they are not in the paragraph's text; they are rebuilt here
from the numbering part so that the structure rules see what the reader sees.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from ..support.errors import InputError
from ..support.numerals import cn_numeral
from .source import SourceText

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Paragraphs in document order, tables and content controls included; text boxes are anchored
# shapes (and stored twice, as mc:Choice and mc:Fallback), so they are left out.
_PARAGRAPHS = ".//w:p[not(ancestor::w:txbxContent)]"
# Visible runs: not deleted or moved-away text of tracked changes, not text-box content.
_RUNS = (".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom)"
         " and not(ancestor::w:txbxContent)]")
# A soft line break stays inside its paragraph: one paragraph is one line.
_SOFT_BREAKS = re.compile(r"[\r\n\v\f]+")
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


def read_docx(data: bytes, path: str = "<docx>") -> SourceText:
    """Paragraph texts (with their automatic numbers) as lines; kind and encoding "docx"."""
    document = _open(data, path)
    numbering = Numbering.from_part(document.part)
    lines = []
    for p in document.element.body.xpath(_PARAGRAPHS):
        text = "".join(r.text for r in p.xpath(_RUNS))
        lines.append(numbering.label(p) + _SOFT_BREAKS.sub(" ", text))
    return SourceText("\n".join(lines), encoding="docx", newline="\n", kind="docx")


def _open(data: bytes, path: str):
    try:
        import docx
    except ImportError:
        raise InputError("读取 .docx 需要 python-docx：pip install 'reportlint[docx]'", path) from None
    try:
        document = docx.Document(io.BytesIO(data))
        document.element.body  # noqa: B018 - a package without a body is as broken as a bad zip
    # A damaged package fails in many ways (BadZipFile, KeyError for a missing part, lxml syntax
    # errors, ValueError for a wrong content type, zlib/EOF errors): all mean "cannot read".
    except Exception as exc:  # noqa: BLE001
        raise InputError(f"不是可读的 .docx 文件（{type(exc).__name__}: {exc}）", path) from None
    return document


def _val(element, tag: str, default: str | None = None) -> str | None:
    """The w:val attribute of child `tag` of `element`, or `default`."""
    if element is None:
        return default
    child = element.find(_W + tag)
    return default if child is None else child.get(_W + "val", default)


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


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
        return cls(start=_int(_val(lvl, "start"), 1), fmt=_val(lvl, "numFmt", "decimal"),
                   text=_val(lvl, "lvlText", ""), restart=_int(_val(lvl, "lvlRestart")),
                   legal=lvl.find(_W + "isLgl") is not None and _val(lvl, "isLgl", "1") not in ("0", "false"),
                   suffix=_val(lvl, "suff", "tab"), style=_val(lvl, "pStyle"))


@dataclass
class Numbering:
    """The numbering part: instances (w:num) → abstract definitions, and the running counters."""

    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId → (abstract, overrides)
    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    styles: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    pending: dict[tuple[str, int], int] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_part(cls, part) -> Numbering:
        """Read the numbering and styles parts related to the main document part."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        out = cls()
        styles = _related(part, RT.STYLES)
        if styles is not None:
            out.styles = _style_numbering(styles)
        numbering = _related(part, RT.NUMBERING)
        if numbering is None:
            return out
        links: dict[str, str] = {}
        for abstract in numbering.findall(_W + "abstractNum"):
            key = abstract.get(_W + "abstractNumId")
            levels = ((_int(lvl.get(_W + "ilvl"), 0), lvl) for lvl in abstract.findall(_W + "lvl"))
            out.abstracts[key] = {i: Level.parse(lvl) for i, lvl in levels if 0 <= i < _LEVELS}
            if not out.abstracts[key] and _val(abstract, "numStyleLink"):
                links[key] = _val(abstract, "numStyleLink")
        for num in numbering.findall(_W + "num"):
            overrides = {_int(o.get(_W + "ilvl"), 0): _int(_val(o, "startOverride"))
                         for o in num.findall(_W + "lvlOverride") if o.find(_W + "startOverride") is not None}
            out.nums[num.get(_W + "numId")] = (_val(num, "abstractNumId"), overrides)
        # A list-style reference (w:numStyleLink) borrows the levels of the style's own list.
        for key, style in links.items():
            target = out.nums.get(out.styles.get(style, (None, None))[0] or "", ("", {}))[0]
            if target in out.abstracts and target not in links:
                out.nums = {n: (target if a == key else a, o) for n, (a, o) in out.nums.items()}
        return out

    def label(self, p) -> str:
        """The number Word draws before paragraph `p` (advancing the counters), or ""."""
        num_id, ilvl = self._numbering_of(p)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.abstracts.get(abstract)
        if not levels or ilvl not in levels:
            return ""
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
        return _render(level, levels, counters)

    def _numbering_of(self, p) -> tuple[str | None, int]:
        """numId and level of a paragraph: its own w:numPr, else its style's (and the level linked to it)."""
        ppr = p.find(_W + "pPr")
        num_pr = ppr.find(_W + "numPr") if ppr is not None else None
        style = _val(ppr, "pStyle") or self.styles.get("", (None, None))[0]
        num_id = _val(num_pr, "numId")
        ilvl = _int(_val(num_pr, "ilvl"))
        if num_id is None and style in self.styles:
            num_id, style_lvl = self.styles[style]
            ilvl = ilvl if ilvl is not None else style_lvl
        if ilvl is None and num_id in self.nums:
            levels = self.abstracts.get(self.nums[num_id][0]) or {}
            ilvl = next((i for i, lv in levels.items() if lv.style == style and style), 0)
        return num_id, ilvl or 0


def _related(part, reltype):
    """The root element of a related part, or None when the document has none."""
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


def _style_numbering(styles) -> dict[str, tuple[str | None, int | None]]:
    """styleId → (numId, ilvl) through the basedOn chain; key "" is the default paragraph style's id."""
    own: dict[str, tuple[str | None, int | None, str | None]] = {}
    default = None
    for style in styles.findall(_W + "style"):
        sid = style.get(_W + "styleId")
        if style.get(_W + "type") == "paragraph" and style.get(_W + "default") in ("1", "true"):
            default = sid
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        own[sid] = (_val(num_pr, "numId"), _int(_val(num_pr, "ilvl")), _val(style, "basedOn"))
    out: dict[str, tuple[str | None, int | None]] = {"": (default, None)}
    for sid in own:
        current, seen = sid, set()
        while current in own and current not in seen:
            seen.add(current)
            num_id, ilvl, based_on = own[current]
            if num_id is not None:
                out[sid] = (num_id, ilvl)
                break
            current = based_on
    return out


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
