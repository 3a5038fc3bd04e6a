"""Pattern kinds: report matches of regexes or word lists (pattern) and offer replacements (substitution).

Built-in packs are trusted and compile with Python `re`; user packs compile with google-re2,
whose matching time is linear in the text, so a pattern such as `(a+)+$` cannot hang the run.
Patterns run on one paragraph (or one heading title) at a time: `^` and `$` are its ends and no
match crosses a line. That is what they find; how is up to prefilter.py's reading of each built-in
pattern: tried only where a match can start, or over the paragraphs holding a character every
match needs, or over many paragraphs in one call when it cannot see a line break.
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter


from ..document.model import Document
from ..document.text import SpanSet, match_at, merge_spans
from ..support.hints import Any, Iterable, Iterator, Literal, Optional, Union
from ..support.records import record
from .findings import Finding, make_edit, make_finding, make_fix
from .options import kind_options
from . import prefilter
from .offsets import offsets_of
from .prefilter import Shape, analyse
_ASCII_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_TEMPLATE_REF = re.compile(r"\\(?:(\d+)|g<(\w+)>)")
_START, _END = itemgetter(0), itemgetter(1)


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
    """Heading titles: numbered headings (line-start and run-in), Markdown and Word headings."""
    return _disjoint(sorted((h.title_start, h.title_end) for h in doc.headings if h.title_end > h.title_start))


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            continue      # a run-in child's title inside its parent's: one region is enough
        out.append((s, e))
    return out


@record
class Scan:
    """One compiled pattern and how it may be run (see prefilter.analyse)."""

    rx: Any
    group: int               # the capture group reported (0: the whole match)
    bounded: bool            # a word list: Latin words must not touch other Latin letters
    shape: Shape = Shape()   # how to search many paragraphs at once (nothing known: one by one)


def _scan(rx, group: int, bounded: bool, trusted: bool) -> Scan:
    # RE2 syntax is not Python's: no analysis, every paragraph on its own.
    return Scan(rx, group, bounded, analyse(rx) if trusted else Shape())


@record
class Scans:
    """What PatternOptions.prepare compiles: the patterns (and words) and the exceptions."""

    patterns: tuple[Scan, ...]
    exceptions: Optional[Scan] = None


@kind_options
class PatternOptions:
    """Report every match of `patterns` (regexes) or `words` (literal strings)."""

    patterns: tuple[str, ...] = ()        # regexes, run on one paragraph or title at a time (^ $: its ends)
    words: tuple[str, ...] = ()           # literal strings; where two overlap, the longer
    exceptions: tuple[str, ...] = ()      # regexes (a plain word matches itself); overlapping matches are dropped
    scope: Literal["titles", "body", "all"] = "all"   # heading titles, the rest, or both
    group: Optional[Union[int, str]] = None   # report only this capture group of each pattern (number or name)
    ignore_case: bool = False
    word_boundaries: bool = True          # a word with a Latin letter or digit at an end must not touch another
    include_markers: bool = False         # also match on heading markers (一、 （二）)

    def prepare(self, trusted: bool) -> Scans:
        """Compile patterns, words and exceptions with the engine the pack's trust allows."""
        if not self.patterns and not self.words:
            raise PatternError("pattern 规则至少需要 patterns 或 words 之一")
        scans = [_scan(rx, _group_index(rx, self.group), False, trusted)
                 for rx in (compile_regex(p, trusted, self.ignore_case, ("patterns", i))
                            for i, p in enumerate(self.patterns))]
        if self.words:
            rx = compile_regex(words_regex(self.words), trusted, self.ignore_case, ("words",))
            scans.append(_scan(rx, 0, self.word_boundaries, trusted))
        exceptions = _exceptions_regex(self.exceptions, trusted, self.ignore_case)
        return Scans(tuple(scans), exceptions and _scan(exceptions, 0, False, trusted))


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


def find_matches(doc: Document, options: PatternOptions, scans: Scans) -> Iterator[tuple[int, int, Any]]:
    """Accepted matches as (start, end, match object): one per token, none in masked text or exceptions.

    The first of overlapping matches wins (the longer one at the same start). Each paragraph or
    title is a region of its own; a match object may be relative to its region's text.
    """
    skip = SpanSet([(s.start, s.end) for s in doc.masked]) if options.include_markers else doc.not_prose
    titles = SpanSet(title_spans(doc)) if options.scope == "body" else None
    if options.scope == "titles":   # few, short regions, each with its own edges (not whole lines)
        batches = [(SpanSet([span]), False) for span in title_spans(doc)]
    else:
        batches = [(doc.block_spans, True)]
    for regions, lines in batches:
        found = _search(doc, regions, scans.patterns, lines)
        if found:
            excepted = _exception_spans(doc, regions, scans.exceptions, lines, found)
            yield from _accept(found, skip, titles, excepted)


def _search(doc: Document, regions: SpanSet, scans, lines: bool) -> list:
    """Candidate matches of `scans` as (start, end, scan number, match), scan by scan, each in order.

    Regions that are whole lines (paragraphs) are searched as each Shape allows: from each
    possible start, in each run of lines holding a needle, or one paragraph at a time.
    """
    found: list = []
    for k, scan in enumerate(scans):
        shape = scan.shape if prefilter.ENABLED else _PLAIN
        if not lines:
            _search_each(doc.text, regions, scan, k, range(len(regions.starts)), found)
        elif shape.first is not None:
            _keep(doc.text, regions, scan, k, match_at(scan.rx, doc.text, offsets_of(doc, shape.first)), found)
        else:
            _search_lines(doc, regions, scan, shape, k, found)
    return found


_PLAIN = Shape()    # nothing known: every paragraph searched on its own


def _search_lines(doc: Document, regions: SpanSet, scan: Scan, shape: Shape, k: int, found: list,
                  within: list[int] | None = None) -> None:
    """Search the lines holding the needle (all without one; of those, only the lines `within` when
    given): in runs when the pattern is line-bound."""
    text = doc.text
    lines = None if shape.needle is None else _lines_with(doc, shape.needle, shape.also)
    if within is not None:
        lines = within if lines is None else sorted(set(lines).intersection(within))
    if not shape.line_bound:
        _search_each(text, regions, scan, k, range(len(regions.starts)) if lines is None else lines, found)
        return
    for a, b in ([(0, len(text))] if lines is None else _runs(lines, regions)):
        _keep(text, regions, scan, k, scan.rx.finditer(text, a, b), found)


def _keep(text: str, regions: SpanSet, scan: Scan, k: int, matches, found: list) -> None:
    """Keep the matches found in the whole text that lie in a region: not on a blank or masked line."""
    starts, ends, group, holding = regions.starts, regions.ends, scan.group, regions.holding
    for m in matches:
        s, e = m.span(group)
        if e > s >= 0:
            i = holding(s, e)
            if i >= 0 and (not scan.bounded or _bounded(text, s, e, starts[i], ends[i])):
                found.append((s, e, k, m))


def _search_each(text: str, regions: SpanSet, scan: Scan, k: int, indices, found: list) -> None:
    """Search the regions at `indices` one by one, each sliced out so `^`, `$` and lookarounds end there."""
    starts, ends = regions.starts, regions.ends
    for i in indices:
        start, end = starts[i], ends[i]
        for m in scan.rx.finditer(text[start:end]):
            s, e = m.span(scan.group)
            if e > s >= 0 and (not scan.bounded or _bounded(text, start + s, start + e, start, end)):
                found.append((start + s, start + e, k, m))


def _lines_with(doc: Document, needle: str, also: tuple[str, ...] = ()) -> list[int]:
    """Indexes of the blocks (whole lines) holding a needle character, and one of each set in `also`."""
    lines = doc.block_indexes_at(offsets_of(doc, needle))
    for chars in also:
        if not lines:
            break
        holding = set(doc.block_indexes_at(offsets_of(doc, chars)))
        lines = [i for i in lines if i in holding]
    return lines


def _runs(lines: list[int], regions: SpanSet) -> list[tuple[int, int]]:
    """(start, end) of each run of consecutive regions among `lines`: one search call per run."""
    runs: list[list[int]] = []
    previous = -2
    for i in lines:
        if i == previous + 1:
            runs[-1][1] = regions.ends[i]
        else:
            runs.append([regions.starts[i], regions.ends[i]])
        previous = i
    return runs


def _exception_spans(doc: Document, regions: SpanSet, scan: Scan | None, lines: bool,
                     found: list) -> SpanSet | None:
    """Where the exceptions match, each region searched like the patterns (so within its own text);
    of the lines, only those holding a candidate, as only an exception there can drop one."""
    if scan is None:
        return None
    if lines:
        excepted: list = []
        held = sorted({regions.holding(s, e) for s, e, _, _ in found})
        _search_lines(doc, regions, scan, scan.shape if prefilter.ENABLED else _PLAIN, 0, excepted, held)
    else:
        excepted = _search(doc, regions, (scan,), lines)
    spans = [(s, e) for s, e, *_ in excepted]
    return SpanSet(merge_spans(spans)) if spans else None


def _accept(found: list, skip: SpanSet, titles: SpanSet | None,
            excepted: SpanSet | None) -> Iterator[tuple[int, int, Any]]:
    """The candidates in order, dropping overlaps, masked and marker text, exceptions and (for body) titles."""
    # By start, then the longer first, then by scan: two stable sorts (C keys) of a list already in scan order.
    found.sort(key=_END, reverse=True)
    found.sort(key=_START)
    last_end = -1
    for s, e, _, m in found:
        if s < last_end or skip.overlaps(s, e):
            continue
        if titles is not None and titles.overlaps(s, e):
            continue
        if excepted is not None and excepted.overlaps(s, e):
            continue
        last_end = e
        yield s, e, m


def _bounded(text: str, s: int, e: int, start: int, end: int) -> bool:
    """A Latin word must not run on into other Latin letters or digits (IPO, not IPOs) in its region."""
    if text[s] in _ASCII_WORD and s > start and text[s - 1] in _ASCII_WORD:
        return False
    return not (text[e - 1] in _ASCII_WORD and e < end and text[e] in _ASCII_WORD)


def quote(text: str, limit: int = 40) -> str:
    """A match as a message quotes it: long ones shortened."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def check_pattern(doc: Document, options: PatternOptions, scans: Scans) -> Iterator[Finding]:
    """Every match of the patterns or words: outside the exceptions, and outside heading markers
    unless asked. The message may quote it as {match}."""
    for s, e, _ in find_matches(doc, options, scans):
        yield make_finding(start=s, end=e, args={"match": quote(doc.text[s:e])})


@record
class Matcher:
    """What SubstitutionOptions.prepare makes: the pattern as the options of a pattern rule, compiled."""

    options: PatternOptions
    scans: Scans


@kind_options
class SubstitutionOptions:
    """Report matches of `pattern` and offer `replacement`: a template (\\1, \\g<name>), or a map from
    matched text to new text; a match that is not a key has each key inside it replaced."""

    pattern: str                          # a regex, as a pattern rule's
    replacement: Union[str, dict[str, str]]   # a template (\\1, \\g<name>), or matched text → new text
    safe: bool = True                     # a safe fix is applied by --fix; an unsafe one needs --unsafe-fixes
    exceptions: tuple[str, ...] = ()      # as a pattern rule's
    scope: Literal["titles", "body", "all"] = "all"
    group: Optional[Union[int, str]] = None   # replace (and report) only this capture group
    ignore_case: bool = False
    include_markers: bool = False

    def prepare(self, trusted: bool) -> Matcher:
        """Compile the pattern and check the template's group references."""
        matcher = PatternOptions(patterns=(self.pattern,), exceptions=self.exceptions, scope=self.scope,
                                 group=self.group, ignore_case=self.ignore_case,
                                 include_markers=self.include_markers)
        try:
            scans = matcher.prepare(trusted)
        except PatternError as exc:
            raise PatternError(str(exc), ("pattern",) if exc.loc[:1] == ("patterns",) else exc.loc) from None
        if isinstance(self.replacement, str):
            rx = scans.patterns[0].rx
            for ref in _TEMPLATE_REF.finditer(self.replacement):
                number, name = ref.groups()
                if (name and name not in rx.groupindex) or (number and int(number) > rx.groups):
                    raise PatternError(f"替换模板引用了不存在的分组 {ref.group()}", ("replacement",))
        return Matcher(matcher, scans)


def expand(template: str, m: Any) -> str:
    """`\\1` and `\\g<name>` in a replacement template, for either regex engine."""
    def ref(r: re.Match) -> str:
        number, name = r.groups()
        return m.group(int(number) if number else name) or ""

    return _TEMPLATE_REF.sub(ref, template)


def check_substitution(doc: Document, options: SubstitutionOptions, matcher: Matcher) -> Iterator[Finding]:
    """Every match, with a fix replacing it (or its group) by the replacement.

    What a finding derives from its text alone (the new text, the message's args, where its
    edits fall) is worked out once per distinct (old, new): "," is replaced tens of thousands of
    times, and findings of the same text share one args dict.
    """
    text, safe = doc.text, options.safe
    table = options.replacement if isinstance(options.replacement, dict) else None
    replaced: dict[tuple[str, str], tuple[dict, tuple | None]] = {}
    for s, e, m in find_matches(doc, matcher.options, matcher.scans):
        old = text[s:e]
        if table is None:
            new = expand(options.replacement, m)
        else:
            new = table.get(old)
            if new is None:
                new = _translate(old, table)
        if new == old:
            continue
        known = replaced.get((old, new))
        if known is None:
            known = replaced[old, new] = ({"match": quote(old), "replacement": quote(new)}, _changed(old, new))
        args, changed = known
        if changed is None:
            edits = (make_edit(start=s, end=e, new_text=new),)
        else:
            edits = tuple(make_edit(start=s + i, end=s + i + 1, new_text=b) for i, b in changed)
        yield make_finding(start=s, end=e, args=args, fix=make_fix(edits=edits, safe=safe))


def _changed(old: str, new: str) -> tuple[tuple[int, str], ...] | None:
    """The smallest edits as (offset in `old`, new character): one per changed character when
    lengths agree (（中职） touches only brackets); None for one edit of the whole."""
    if len(old) != len(new) or len(old) == 1:
        return None
    return tuple((i, b) for i, (a, b) in enumerate(zip(old, new)) if a != b)


@lru_cache(maxsize=32)
def _keys_regex(keys: tuple[str, ...]) -> re.Pattern:
    return re.compile(words_regex(keys))


def _translate(old: str, table: dict[str, str]) -> str:
    """Replace every key of `table` found inside `old`, longest key first."""
    return _keys_regex(tuple(table)).sub(lambda k: table[k.group()], old)
