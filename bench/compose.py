"""The report model of the benchmark corpus: a section tree composed to a byte budget
from the pool of shared texts, and the mistakes real drafts have, sprinkled into it."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sources import KINDS, Pool

KIB = 1024

PROBLEM_TITLES = ("存在的问题", "存在的主要问题", "存在的困难和问题", "工作中存在的问题",
                  "存在的不足")
PLAN_TITLES = ("下一步工作计划", "下一步工作打算", "下一步工作思路", "{next}年工作计划")
REPORT_KINDS = ("工作总结", "上半年工作总结", "工作情况汇报", "工作总结和下一步工作计划")
PLACES = ("东川县", "临江市", "青山区", "北湖区", "安平县", "南屏县", "西林区", "河阳市")
DEPARTMENTS = ("发展和改革局", "财政局", "审计局", "应急管理局", "医疗保障局", "教育局",
               "商务局", "农业农村局", "供销合作社", "统计局")
PLACEHOLDERS = ("xx", "XX", "xxx", "××", "X.X", "xx.x")
SWAPS = (("进一步", "持续"), ("重要", "关键"), ("全面", "全力"), ("不断", "持续"),
         ("加强", "强化"), ("推进", "推动"), ("提升", "提高"), ("完善", "健全"))
REPEATABLE = ("落实", "推进", "加强", "进一步", "开展", "完善", "强化", "提升")
LEFTOVERS = ("[待补充]", "（此处补充具体数据）", "【请填写完成情况】", "TODO：核实数据。")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
CN_DIGITS = "零一二三四五六七八九"


@dataclass
class Section:
    """A numbered heading with its own paragraphs and its sub-sections."""

    level: int
    number: int
    title: str
    paras: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        """This section and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Style:
    """Per-report choices of marker forms."""

    fullwidth: bool = True  # （一） rather than (一)
    item_dot: bool = True  # 1. rather than （1）
    items_inline: bool = True  # 1.标题。正文…… on one line


@dataclass
class Report:
    """A whole report: title line, opening paragraph, sections, signature lines."""

    title: str
    intro: str
    sections: list[Section]
    signoff: list[str]
    style: Style

    def walk(self) -> Iterator[Section]:
        """Every section in document order."""
        for section in self.sections:
            yield from section.walk()


class Drawer:
    """Draws items in random order without replacement; when they run out, asks the
    fallback, or reshuffles and starts over if there is none."""

    def __init__(self, items: list[str], rng: random.Random,
                 fallback: Callable[[], str] | None = None) -> None:
        self._items = list(items)
        self._rng = rng
        self._fallback = fallback
        self._next = 0
        rng.shuffle(self._items)

    def draw(self) -> str:
        """The next item."""
        if self._next >= len(self._items):
            if self._fallback is not None:
                return self._fallback()
            self._rng.shuffle(self._items)
            self._next = 0
        self._next += 1
        return self._items[self._next - 1]


def cn_number(n: int) -> str:
    """1..99 as Chinese numerals: 一, 十, 十一, 二十三."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


class Composer:
    """Builds one report's section tree to a byte budget from the pool."""

    def __init__(self, pool: Pool, rng: random.Random, encoding: str) -> None:
        self.pool = pool
        self.rng = rng
        self.codec = "gb18030" if encoding == "gb18030" else "utf-8"
        self.sentences = {k: Drawer(pool.sentences[k], rng, self.synth_sentence) for k in KINDS}
        self.tops = Drawer(pool.tops["work"], rng)
        self.subs = {k: Drawer(pool.subs[k] or pool.subs["work"], rng) for k in KINDS}

    def cost(self, text: str) -> int:
        """Bytes the text takes in the file's encoding."""
        return len(text.encode(self.codec))

    def synth_sentence(self) -> str:
        """A new sentence made of two to four clauses from different sentences."""
        clauses = self.rng.sample(self.pool.clauses, self.rng.randint(2, 4))
        return "，".join(clauses) + "。"

    def paragraph(self, kind: str) -> str:
        """Two to five sentences; one paragraph in five as 一是……；二是……。"""
        sentences = [self.sentences[kind].draw() for _ in range(self.rng.randint(2, 5))]
        if self.rng.random() >= 0.2:
            return "".join(sentences)
        parts = [f"{cn_number(i)}是{s[:-1]}" for i, s in enumerate(sentences, 1)]
        return "；".join(parts) + "。"

    def fill(self, budget: float, kind: str) -> list[str]:
        """Paragraphs until the budget is about spent (at least one)."""
        paras: list[str] = []
        used = 0
        while True:
            para = self.paragraph(kind)
            size = self.cost(para)
            if paras and used + size / 2 > budget:
                return paras
            paras.append(para)
            used += size

    def child_count(self, level: int, budget: float) -> int:
        """How many sub-headings a section of this level and budget gets (0: none)."""
        if level == 1 and budget >= 1.2 * KIB:
            return max(2, min(20, round(budget / (1.5 * KIB)) + self.rng.randint(-1, 1)))
        if level == 2 and budget > 4 * KIB:
            return max(2, round(budget / (1.5 * KIB)))
        if level == 2 and budget > 1.2 * KIB and self.rng.random() < 0.2:
            return self.rng.randint(2, 3)
        return 0

    def heading(self, level: int, kind: str, year: int) -> str:
        """A title for a heading of this level in a section of this kind."""
        if level > 1:
            return self.subs[kind].draw()
        if kind == "problem":
            return self.rng.choice(PROBLEM_TITLES)
        if kind == "plan":
            return self.rng.choice(PLAN_TITLES).format(next=year + 1)
        return self.tops.draw()

    def section(self, level: int, number: int, kind: str, budget: float, year: int) -> Section:
        """A section and its subtree, sized to ``budget`` bytes."""
        section = Section(level, number, self.heading(level, kind, year))
        budget -= self.cost(section.title)
        count = self.child_count(level, budget) if level < 3 else 0
        if not count:
            section.paras = self.fill(budget, kind)
            return section
        if self.rng.random() < 0.25:
            section.paras = self.fill(budget * 0.1, kind)
            budget -= sum(map(self.cost, section.paras))
        section.children = [self.section(level + 1, i, kind, budget / count, year)
                            for i in range(1, count + 1)]
        return section

    def top_kinds(self, budget: float) -> list[str]:
        """The kinds of the top-level sections: work parts, then problems and next steps
        (each left out of one report in 25, as real drafts do)."""
        works = max(2, min(8, round(budget / (6 * KIB)) + self.rng.randint(-1, 1)))
        kinds = ["work"] * works
        kinds += [k for k in ("problem", "plan") if self.rng.random() >= 0.04]
        return kinds

    def report(self, budget: float) -> Report:
        """A whole report of about ``budget`` bytes."""
        rng = self.rng
        year = rng.randint(2019, 2024)
        org = rng.choice(self.pool.orgs) if rng.random() < 0.3 else \
            rng.choice(PLACES) + rng.choice(DEPARTMENTS)
        title = f"{org}{year}年{rng.choice(REPORT_KINDS)}"
        intro = re.sub(r"\d{4}年", f"{year}年", rng.choice(self.pool.intros), count=1)
        signoff = [org, f"{year + 1}年{rng.randint(1, 2)}月{rng.randint(1, 28)}日"]
        budget -= self.cost(title + intro + "".join(signoff))
        kinds = self.top_kinds(budget)
        shares = {"work": 1.0, "problem": 0.5, "plan": 0.6}
        unit = budget / sum(shares[k] for k in kinds)
        sections = [self.section(1, i, k, unit * shares[k], year)
                    for i, k in enumerate(kinds, 1)]
        style = Style(rng.random() < 0.8, rng.random() < 0.85, rng.random() < 0.7)
        return Report(title, intro, sections, signoff, style)

# --- defects -------------------------------------------------------------------------


def perturb(text: str, rng: random.Random) -> str:
    """A near-duplicate of ``text``: one word swapped, a number changed, or a clause dropped."""
    swaps = [(a, b) for a, b in SWAPS if a in text] + [(b, a) for a, b in SWAPS if b in text]
    if swaps:
        old, new = rng.choice(swaps)
        return text.replace(old, new, 1)
    numbers = list(NUMBER.finditer(text))
    if numbers:
        m = rng.choice(numbers)
        return f"{text[:m.start()]}{int(float(m.group())) + rng.randint(1, 9)}{text[m.end():]}"
    head, sep, _ = text[:-1].rpartition("，")
    return head + "。" if sep and len(head) >= len(text) // 2 else "同时，" + text


def add_placeholder(text: str, rng: random.Random) -> str:
    """Replace a figure with xx / X.X (keeping its unit), or a place with XX镇 / 某某."""
    numbers = list(NUMBER.finditer(text))
    if numbers:
        m = rng.choice(numbers)
        return text[:m.start()] + rng.choice(PLACEHOLDERS) + text[m.end():]
    for place in ("全县", "全区", "全市"):
        if place in text:
            return text.replace(place, "XX镇", 1)
    return "由某某同志牵头，" + text


def repeat_word(text: str, rng: random.Random) -> str:
    """Type one common word twice in a row (落实落实)."""
    words = [w for w in REPEATABLE if w in text]
    if not words:
        return text
    word = rng.choice(words)
    return text.replace(word, word * 2, 1)


def paragraph_slots(report: Report) -> list[tuple[Section, int]]:
    """Every paragraph as (section, index), in document order."""
    return [(s, i) for s in report.walk() for i in range(len(s.paras))]


def copy_paragraph(report: Report, rng: random.Random, change: bool) -> None:
    """Insert a copy of one paragraph (changed slightly if ``change``) somewhere later."""
    slots = paragraph_slots(report)
    first = rng.randrange(len(slots))
    section, index = slots[first]
    text = section.paras[index]
    later_section, later_index = slots[rng.randrange(first, len(slots))]
    later_section.paras.insert(later_index + 1, perturb(text, rng) if change else text)


def edit_paragraphs(report: Report, rng: random.Random, count: int,
                    edit: Callable[[str, random.Random], str]) -> None:
    """Apply ``edit`` to ``count`` randomly chosen paragraphs."""
    slots = paragraph_slots(report)
    for _ in range(count):
        section, index = rng.choice(slots)
        section.paras[index] = edit(section.paras[index], rng)


def skip_number(report: Report, rng: random.Random) -> None:
    """Renumber the later siblings of one run so that a number is skipped."""
    parents = [s for s in report.walk() if len(s.children) >= 3]
    if parents:
        children = rng.choice(parents).children
        for child in children[rng.randrange(1, len(children)):]:
            child.number += 1


def add_defects(report: Report, rng: random.Random) -> None:
    """Sprinkle the mistakes real drafts have."""
    edit_paragraphs(report, rng, rng.randint(0, 4), add_placeholder)
    for change in (False, True):
        if rng.random() < 0.35:
            for _ in range(rng.randint(1, 2)):
                copy_paragraph(report, rng, change)
    if rng.random() < 0.35:
        edit_paragraphs(report, rng, rng.randint(1, 2), repeat_word)
    if rng.random() < 0.1:
        skip_number(report, rng)
    if rng.random() < 0.08:
        edit_paragraphs(report, rng, 1, lambda t, r: t + r.choice(LEFTOVERS))
