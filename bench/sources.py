"""Read the shared seed text and sample reports into pools of reusable material.

The benchmark corpus is made only of what ``../shared/seed`` and ``../shared/examples``
contain: heading titles, sentences and clauses, sorted by the kind of section they came
from (ordinary work, problems, next steps), plus the reports' titles and opening lines.
Everything here is deterministic: files are read in sorted order and de-duplicated in
insertion order, so the pools do not depend on the hash seed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
KINDS = ("work", "problem", "plan")

_CN = "一二三四五六七八九十"
_TOP = rf"[{_CN}]{{1,3}}[、.．](?![{_CN}][、季月])"
_SUB = rf"[（(][{_CN}]{{1,3}}[)）]、?"
_ITEM = r"(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）])"
_AFTER = r"(?:^|(?<=[。；;：:！？\s]))"
# A bracketed （一） is a heading anywhere but in 第(一)项, as run-in text puts it straight
# after a title: 一、就业形势总体稳定（一）主要指标顺利完成。
HEADING = re.compile(
    rf"{_AFTER}(?P<top>{_TOP})|(?<!第)(?P<sub>{_SUB})|{_AFTER}(?P<item>{_ITEM})", re.M
)
TITLE = re.compile(r"([^。；;，,：:\s（(]{2,30})(?:[。；;]|(?=[\s（(])|$)")
# A half-width '?' inside Chinese text is a lost character (幸?感), not a sentence end.
SENTENCE = re.compile(r"[^。！？；;!\n]+[。！？；;!]")
ORDINAL = re.compile(
    rf"^(?:[{_CN}]+是|第[{_CN}]+[，,、]|其[{_CN}][，,、]|[{_CN}]+[、.](?![{_CN}][、季月]))"
)
RUN_IN = re.compile(rf"[{_CN}]是")
CLAUSE = re.compile(r"[^，,。！？；;!]+")
MARKDOWN_PREFIX = re.compile(r"^#+\s*", re.M)
REPORT_TITLE = re.compile(r"^#?\s*(.+?)(\d{4})年")


@dataclass
class Pool:
    """Material to recombine: titles and sentences per section kind, clauses, orgs, intros."""

    tops: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    subs: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    sentences: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    clauses: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    intros: list[str] = field(default_factory=list)

    def dedupe(self) -> None:
        """Drop repeated entries, keeping the first occurrence's order."""
        for table in (self.tops, self.subs, self.sentences):
            for kind in KINDS:
                table[kind] = list(dict.fromkeys(table[kind]))
        self.clauses = list(dict.fromkeys(self.clauses))
        self.orgs = list(dict.fromkeys(self.orgs))
        self.intros = list(dict.fromkeys(self.intros))


def decode(data: bytes) -> str:
    """Decode a source file: BOM'd UTF-8, then strict UTF-8, then GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def source_files(shared: Path = SHARED) -> list[Path]:
    """The seed passages and the sample reports, in a fixed order."""
    seeds = sorted((shared / "seed").glob("*.txt"))
    examples = sorted(
        p for p in (shared / "examples").iterdir() if p.suffix in (".txt", ".md")
    )
    if not seeds and not examples:
        raise FileNotFoundError(f"no seed or example texts under {shared}")
    return seeds + examples


def section_kind(title: str) -> str:
    """Classify a top-level heading as problems, next steps, or ordinary work."""
    if any(word in title for word in ("问题", "不足", "困难")):
        return "problem"
    if any(word in title for word in ("下一步", "计划", "打算", "思路", "建议")):
        return "plan"
    return "work"


def clean_sentence(sentence: str) -> str | None:
    """Strip run-in ordinals (一是, 第一，) and return the sentence, or None if unusable."""
    text = ORDINAL.sub("", sentence.strip()).lstrip("，,、 ")
    if len(text) < 8 or "\ufffd" in text:
        return None
    if text[-1] in "；;":
        text = text[:-1] + "。"
    return text


def add_body(pool: Pool, kind: str, body: str) -> None:
    """Split body text into sentences and clauses and file them under ``kind``."""
    for raw in SENTENCE.findall(body):
        sentence = clean_sentence(raw)
        if sentence is None:
            continue
        pool.sentences[kind].append(sentence)
        pool.clauses.extend(c for c in CLAUSE.findall(sentence) if len(c) >= 6)


def add_text(pool: Pool, text: str) -> None:
    """Walk one source text heading by heading, filling the pool."""
    text = MARKDOWN_PREFIX.sub("", text.replace("\r\n", "\n")).replace("**", "")
    kind, pos = "work", 0
    for match in HEADING.finditer(text):
        add_body(pool, kind, text[pos:match.start()])
        pos = match.end()
        title = TITLE.match(text, pos)
        if title is None:
            continue
        name = RUN_IN.split(title.group(1))[0]
        if match.group("top"):
            kind = section_kind(name)
            pool.tops[kind].append(name)
        else:
            pool.subs[kind].append(name)
        pos = title.end()
    add_body(pool, kind, text[pos:])


def add_report_frame(pool: Pool, text: str) -> None:
    """Take the organisation from a sample report's title and its opening paragraph."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    match = REPORT_TITLE.match(lines[0]) if lines else None
    if match:
        pool.orgs.append(match.group(1).strip())
    for line in lines[1:3]:
        if not HEADING.match(line) and len(line) >= 30 and line.endswith("。"):
            pool.intros.append(line)
            break


def load_pool(shared: Path = SHARED) -> Pool:
    """Read every source text and return the de-duplicated pool."""
    pool = Pool()
    for path in source_files(shared):
        text = decode(path.read_bytes())
        add_text(pool, text)
        if path.parent.name == "examples":
            add_report_frame(pool, text)
    pool.dedupe()
    return pool
