"""Terms kind (WR801 and an office's own lists): wordings to write another way, with a fix.

A list names each wording (`term`), what to write instead (`use`) and, where a longer word holding
the wording is fine, that word as an exception (贫困户 → 脱贫户, but not in 原建档立卡贫困户).
Wordings and exceptions are searched as one alternation, longest first, the way the pattern kind
searches its `words`: at each place the longest wins, so an exception hit swallows the wording
inside it and is then dropped. No lookaround is needed, so a user pack compiles with RE2 as well.
A wording that begins or ends with a Latin letter or digit must not run into another (APP is not
found in WebAPP).
"""
from __future__ import annotations

from ..document.model import Document
from ..support.hints import Iterator, Literal
from ..support.records import record
from .findings import Finding, make_edit, make_finding, make_fix
from .options import kind_options
from .patterns import PatternError, PatternOptions, Scans, find_matches, quote


@kind_options
class Term:
    """One wording of the list: what to write instead, the longer words holding it that are fine,
    why (quoted in the message as {note}), and whether --fix may apply the replacement."""

    term: str
    use: str
    exceptions: tuple[str, ...] = ()
    note: str = ""
    safe: bool = True


@record
class TermList:
    """What TermsOptions.prepare compiles: every wording and exception as one word list, and the
    table from a matched text (folded) to the index of its term (-1 for an exception)."""

    words: PatternOptions
    scans: Scans
    table: dict


@kind_options
class TermsOptions:
    """A list of wordings and what to write instead; exceptions are literal longer words."""

    terms: tuple[Term, ...]
    scope: Literal["titles", "body", "all"] = "all"
    ignore_case: bool = False             # Latin letters in either case (app, APP, App)
    word_boundaries: bool = True          # a wording with a Latin letter or digit at an end must not touch another

    def prepare(self, trusted: bool) -> TermList:
        """Check the list and compile it with the engine the pack's trust allows."""
        fold = str.casefold if self.ignore_case else str
        table: dict[str, int] = {}
        for i, t in enumerate(self.terms):
            _check_term(t, i, fold(t.term) in table)
            table[fold(t.term)] = i
        for i, t in enumerate(self.terms):
            for j, word in enumerate(t.exceptions):
                if table.get(fold(word), -1) >= 0:
                    raise PatternError(f"例外“{word}”同时是要替换的写法", ("terms", i, "exceptions", j))
                table[fold(word)] = -1
        words = PatternOptions(words=tuple(w for t in self.terms for w in (t.term, *t.exceptions)),
                               scope=self.scope, ignore_case=self.ignore_case,
                               word_boundaries=self.word_boundaries)
        return TermList(words, words.prepare(trusted), table)


def _check_term(t: Term, i: int, repeated: bool) -> None:
    if not t.term:
        raise PatternError("term 不能为空", ("terms", i, "term"))
    if repeated:
        raise PatternError(f"“{t.term}”在列表中出现了两次", ("terms", i, "term"))
    if t.use == t.term:
        raise PatternError(f"“{t.term}”的 use 与 term 相同", ("terms", i, "use"))
    for j, word in enumerate(t.exceptions):
        if t.term not in word or word == t.term:
            raise PatternError(f"例外“{word}”应是包含“{t.term}”的更长的词", ("terms", i, "exceptions", j))


def check_terms(doc: Document, options: TermsOptions, terms_list: TermList) -> Iterator[Finding]:
    """Every wording of the list outside its exceptions, with a fix writing what the list says;
    the message may quote {match}, {replacement} and {note}."""
    text, table, terms = doc.text, terms_list.table, options.terms
    fold = str.casefold if options.ignore_case else str
    made: dict[int, tuple] = {}
    for s, e, _ in find_matches(doc, terms_list.words, terms_list.scans):
        i = table.get(fold(text[s:e]), -1)
        if i < 0:
            continue
        known = made.get(i)
        if known is None:
            t = terms[i]
            known = made[i] = ({"match": quote(t.term), "replacement": quote(t.use),
                                "note": f"（{t.note}）" if t.note else ""}, t.use, t.safe)
        args, use, safe = known
        if options.ignore_case and text[s:e] != terms[i].term:
            args = dict(args, match=quote(text[s:e]))
        fix = make_fix(edits=(make_edit(start=s, end=e, new_text=use),), safe=safe)
        yield make_finding(start=s, end=e, args=args, fix=fix)
