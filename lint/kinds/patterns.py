"""Pattern kinds: report matches of regexes or word lists (pattern) and offer replacements (substitution).

Built-in packs are trusted and compile with Python `re`; user packs compile with google-re2,
whose matching time is linear in the text, so a pattern such as `(a+)+$` cannot hang the run.
Patterns run on one paragraph (or one heading title) at a time: `^` and `$` are its ends and no
match crosses a line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Iterator, Literal, Optional, Union


from ..findings import Edit, Finding, Fix
from ..model import Document
from ..text import SpanSet

_FORBID = {"extra": "forbid"}  # pydantic config, read only when options are validated
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]")
_TEMPLATE_REF = re.compile(r"\\(?:(\d+)|g<(\w+)>)")
# An unnumbered Markdown ATX heading: "## 存在的问题". The line may end in \n, \r\n or \r (re's
# `^` and `$` know only \n).
ATX_RE = re.compile(r"(?:^|(?<=\r))[ \t]{0,3}#{1,6}[ \t]+(?P<t>[^\r\n]*?)[ \t#]*(?=[\r\n]|\Z)", re.M)


class PatternError(ValueError):
    """A bad pattern; `loc` is its place among the options, so the error can name its line."""

    def __init__(self, message: str, loc: tuple = ()):
        super().__init__(message)
        self.loc = loc


def compile_regex(pattern: str, trusted: bool, ignore_case: bool = False, loc: tuple = ()):
    """Python `re` for built-in packs; google-re2 (linear time, no lookaround) for user packs."""
    if trusted:
        try:
            return re.compile(pattern, re.IGNORECASE if ignore_case else 0)
        except re.error as exc:
            raise PatternError(f"无效的正则表达式 {pattern!r}：{exc}", loc) from None
    import re2

    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        detail = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else exc
        raise PatternError(f"无效的正则表达式 {pattern!r}：{detail}（用户规则包使用 RE2 引擎，"
                           "不支持环视 (?=…) (?<=…) 和反向引用 \\1）", loc) from None


def words_regex(words: Iterable[str]) -> str:
    """One alternation of literal words, longest first so that a longer word wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def title_spans(doc: Document) -> list[tuple[int, int]]:
    """Heading titles: numbered headings (line-start and run-in) and Markdown ATX headings."""
    spans = [(h.title_start, h.title_end) for h in doc.headings if h.title_end > h.title_start]
    if doc.kind == "markdown":
        mask = SpanSet((s.start, s.end) for s in doc.masked)
        numbered = {h.line for h in doc.headings if not h.run_in}
        for m in ATX_RE.finditer(doc.text):
            start, end = m.span("t")
            if end > start and start not in mask and doc.index.line_of(start) not in numbered:
                spans.append((start, end))
    return sorted(spans)


def _regions(doc: Document, scope: str) -> list[tuple[int, int]]:
    """Where a pattern looks: heading titles, or whole paragraphs (body filtering comes later)."""
    if scope == "titles":
        return title_spans(doc)
    return [(b.start, b.end) for b in doc.blocks]


@dataclass(frozen=True)
class PatternOptions:
    """Report every match of `patterns` (regexes) or `words` (literal strings)."""

    __pydantic_config__ = _FORBID
    _derived = ("compiled", "exception_re", "group_index")

    patterns: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()      # regexes (a plain word matches itself); overlapping matches are dropped
    scope: Literal["titles", "body", "all"] = "all"
    group: Optional[Union[int, str]] = None   # report only this capture group of each pattern
    ignore_case: bool = False
    word_boundaries: bool = True          # a word with a Latin letter or digit at an end must not touch another
    include_markers: bool = False         # also match on heading markers (一、 （二）)
    compiled: tuple = field(default=(), init=False, repr=False, compare=False)
    exception_re: Any = field(default=None, init=False, repr=False, compare=False)
    group_index: tuple = field(default=(), init=False, repr=False, compare=False)

    def prepare(self, trusted: bool) -> None:
        """Compile patterns, words and exceptions with the engine the pack's trust allows."""
        if not self.patterns and not self.words:
            raise PatternError("pattern 规则至少需要 patterns 或 words 之一")
        compiled = [(compile_regex(p, trusted, self.ignore_case, ("patterns", i)), False)
                    for i, p in enumerate(self.patterns)]
        if self.words:
            compiled.append((compile_regex(words_regex(self.words), trusted, self.ignore_case,
                                           ("words",)), self.word_boundaries))
        groups = tuple(0 if is_words else _group_index(rx, self.group) for rx, is_words in compiled)
        object.__setattr__(self, "compiled", tuple(compiled))
        object.__setattr__(self, "group_index", groups)
        object.__setattr__(self, "exception_re", _exceptions_regex(self.exceptions, trusted, self.ignore_case))


def _group_index(rx, group: int | str | None) -> int:
    if group is None:
        return 0
    if isinstance(group, str):
        if group not in rx.groupindex:
            raise PatternError(f"正则表达式 {rx.pattern!r} 中没有名为 {group!r} 的分组", ("group",))
        return rx.groupindex[group]
    if not 0 <= group <= rx.groups:
        raise PatternError(f"正则表达式 {rx.pattern!r} 只有 {rx.groups} 个分组，没有第 {group} 组", ("group",))
    return group


def _exceptions_regex(exceptions: tuple[str, ...], trusted: bool, ignore_case: bool):
    for i, e in enumerate(exceptions):
        compile_regex(e, trusted, ignore_case, ("exceptions", i))  # names the bad one
    return compile_regex("|".join(f"(?:{e})" for e in exceptions), trusted, ignore_case) if exceptions else None


def find_matches(doc: Document, options: PatternOptions) -> Iterator[tuple[int, int, Any]]:
    """Accepted matches as (start, end, match object): one per token, none in masked text or exceptions."""
    skip = SpanSet([(s.start, s.end) for s in doc.masked]
                   + ([] if options.include_markers else doc.marker_spans))
    titles = SpanSet(title_spans(doc)) if options.scope == "body" else None
    text = doc.text
    for start, end in _regions(doc, options.scope):
        chunk = text[start:end]
        found = []
        for (rx, bounded), group in zip(options.compiled, options.group_index):
            for m in rx.finditer(chunk):
                s, e = m.span(group)
                if s < 0 or e <= s or (bounded and not _bounded(chunk, s, e)):
                    continue
                found.append((start + s, start + e, m))
        if not found:
            continue
        excepted = _exception_spans(chunk, start, options.exception_re)
        last_end = -1
        for s, e, m in sorted(found, key=lambda f: (f[0], -f[1])):
            if s < last_end or skip.overlaps(s, e) or (excepted and excepted.overlaps(s, e)):
                continue
            if titles is not None and titles.overlaps(s, e):
                continue
            last_end = e
            yield s, e, m


def _bounded(chunk: str, s: int, e: int) -> bool:
    """A Latin word must not run on into other Latin letters or digits (IPO, not IPOs)."""
    if _ASCII_WORD.match(chunk[s]) and s > 0 and _ASCII_WORD.match(chunk[s - 1]):
        return False
    return not (_ASCII_WORD.match(chunk[e - 1]) and e < len(chunk) and _ASCII_WORD.match(chunk[e]))


def _exception_spans(chunk: str, offset: int, rx) -> SpanSet | None:
    if rx is None:
        return None
    spans = [(offset + m.start(), offset + m.end()) for m in rx.finditer(chunk) if m.end() > m.start()]
    return SpanSet(_merge(spans)) if spans else None


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined, so that SpanSet's bisect sees disjoint intervals."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def quote(text: str, limit: int = 40) -> str:
    """A match as a message quotes it: long ones shortened."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def check_pattern(doc: Document, options: PatternOptions) -> Iterator[Finding]:
    """Every accepted match; the message may quote it as {match}."""
    for s, e, _ in find_matches(doc, options):
        yield Finding(s, e, {"match": quote(doc.text[s:e])})


@dataclass(frozen=True)
class SubstitutionOptions:
    """Report matches of `pattern` and offer `replacement`: a template (\\1, \\g<name>), or a map from
    matched text to new text; a match that is not a key has each key inside it replaced."""

    __pydantic_config__ = _FORBID
    _derived = ("matcher",)

    pattern: str
    replacement: Union[str, dict[str, str]]
    safe: bool = True                     # a safe fix is applied by --fix; an unsafe one needs --unsafe-fixes
    exceptions: tuple[str, ...] = ()
    scope: Literal["titles", "body", "all"] = "all"
    group: Optional[Union[int, str]] = None   # replace (and report) only this capture group
    ignore_case: bool = False
    include_markers: bool = False
    matcher: Any = field(default=None, init=False, repr=False, compare=False)

    def prepare(self, trusted: bool) -> None:
        """Compile the pattern and check the template's group references."""
        matcher = PatternOptions(patterns=(self.pattern,), exceptions=self.exceptions, scope=self.scope,
                                 group=self.group, ignore_case=self.ignore_case,
                                 include_markers=self.include_markers)
        try:
            matcher.prepare(trusted)
        except PatternError as exc:
            raise PatternError(str(exc), ("pattern",) if exc.loc[:1] == ("patterns",) else exc.loc) from None
        if isinstance(self.replacement, str):
            rx = matcher.compiled[0][0]
            for ref in _TEMPLATE_REF.finditer(self.replacement):
                number, name = ref.groups()
                if (name and name not in rx.groupindex) or (number and int(number) > rx.groups):
                    raise PatternError(f"替换模板引用了不存在的分组 {ref.group()}", ("replacement",))
        object.__setattr__(self, "matcher", matcher)


def expand(template: str, m: Any) -> str:
    """`\\1` and `\\g<name>` in a replacement template, for either regex engine."""
    def ref(r: re.Match) -> str:
        number, name = r.groups()
        return m.group(int(number) if number else name) or ""

    return _TEMPLATE_REF.sub(ref, template)


def check_substitution(doc: Document, options: SubstitutionOptions) -> Iterator[Finding]:
    """Every match, with a fix replacing it (or its group) by the replacement."""
    for s, e, m in find_matches(doc, options.matcher):
        old = doc.text[s:e]
        if isinstance(options.replacement, dict):
            new = options.replacement.get(old)
            if new is None:
                new = _translate(old, options.replacement)
        else:
            new = expand(options.replacement, m)
        if new == old:
            continue
        yield Finding(s, e, {"match": quote(old), "replacement": quote(new)},
                      fix=Fix(_edits(s, old, new), options.safe))


@lru_cache(maxsize=32)
def _keys_regex(keys: tuple[str, ...]) -> re.Pattern:
    return re.compile(words_regex(keys))


def _translate(old: str, table: dict[str, str]) -> str:
    """Replace every key of `table` found inside `old`, longest key first."""
    return _keys_regex(tuple(table)).sub(lambda k: table[k.group()], old)


def _edits(start: int, old: str, new: str) -> tuple[Edit, ...]:
    """Smallest edits: one per changed character when lengths agree (（中职） touches only brackets)."""
    if len(old) != len(new) or len(old) == 1:
        return (Edit(start, start + len(old), new),)
    return tuple(Edit(start + i, start + i + 1, b) for i, (a, b) in enumerate(zip(old, new)) if a != b)
