"""The reference docs, made from the packs and the kinds' option classes: the README's rule table,
docs/user-packs.md's kind reference, and the options `reportlint explain` lists.

    python -m lint.cli.reference            # rewrite the generated parts of README.md and docs/user-packs.md
    python -m lint.cli.reference --check    # exit 1 and name the files whose generated part is stale

A generated part lies between `<!-- NAME:start -->` and `<!-- NAME:end -->`; the rest of each file
is written by hand. tests/test_reference.py fails while a generated part is stale.
"""
from __future__ import annotations

import ast
import inspect
import io
import json
import os
import re
import sys
import tokenize
import typing

from ..support.records import record
from ..support.resources import PACKAGE

ROOT = os.path.dirname(PACKAGE)     # a checkout: README.md and docs/ beside lint/


@record
class OptionField:
    """One option of a kind, as the docs show it."""

    name: str
    type: str           # in the words of a pack's YAML: "list of text", "true or false" …
    default: str        # as YAML writes it; "" when the option must be given
    comment: str        # the comment on its line in the options class


def option_fields(options_cls: type) -> list[OptionField]:
    """The options of a kind's options class (a record), with their types, defaults and comments."""
    hints = _hints(options_cls)
    comments = _field_comments(options_cls)
    defaults = options_cls._field_defaults
    return [OptionField(name, _type_words(hints[name]), yaml_value(defaults[name]) if name in defaults else "",
                        comments.get(name, "")) for name in options_cls._fields]


def nested_records(options_cls: type) -> list[type]:
    """The records among the option types of `options_cls` (a section in SectionsOptions)."""
    found: list[type] = []

    def visit(tp) -> None:
        if _is_record(tp):
            if tp not in found:
                found.append(tp)
        for arg in typing.get_args(tp):
            visit(arg)

    for tp in _hints(options_cls).values():
        visit(tp)
    return found


def yaml_value(value) -> str:
    """A default as a pack would write it."""
    if _is_record(type(value)):
        return "{" + ", ".join(f"{k}: {yaml_value(v)}" for k, v in value._asdict().items()) + "}"
    if isinstance(value, tuple):
        return "[" + ", ".join(map(yaml_value, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{yaml_value(k)}: {yaml_value(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def _hints(cls: type) -> dict:
    from ..support import hints

    names = {name: getattr(typing, name) for name in hints.__all__}
    return typing.get_type_hints(cls, globalns=vars(sys.modules[cls.__module__]), localns=names)


def _is_record(tp) -> bool:
    return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")


_WORDS = {str: "text", int: "integer", float: "number", bool: "true or false", type(None): "null"}


def _type_words(tp) -> str:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp in _WORDS:
        return _WORDS[tp]
    if _is_record(tp):
        return tp.__name__
    if origin is typing.Literal:
        return " or ".join(f"`{a}`" if isinstance(a, str) else str(a) for a in args)
    if origin is typing.Union:
        return " or ".join(map(_type_words, args))
    if origin is tuple:
        return "list of " + _type_words(args[0])
    if origin is dict:
        return f"map of {_type_words(args[0])} to {_type_words(args[1])}"
    return getattr(tp, "__name__", str(tp))


def _field_comments(cls: type) -> dict[str, str]:
    """The comment on the line of each field in the class's source (`# …` after it)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):    # no source at hand: the docs go without the comments
        return {}
    comments = {tok.start[0]: tok.string.lstrip("#").strip()
                for tok in tokenize.generate_tokens(io.StringIO(source).readline) if tok.type == tokenize.COMMENT}
    body = ast.parse(source).body[0].body
    return {node.target.id: comments[node.lineno] for node in body
            if isinstance(node, ast.AnnAssign) and node.lineno in comments}


def option_lines(rule, lang: str) -> list[str]:
    """What `reportlint explain` says of a rule's kind and options: each option with the rule's
    value and its note, and the kinds of report the rule applies to."""
    from ..kinds import load_kind

    zh = lang == "zh"
    fields = option_fields(load_kind(rule.kind)[1])
    lines = [(f"选项（种类 {rule.kind}，见 docs/user-packs.md）：" if zh else
              f"Options (kind {rule.kind}; see docs/user-packs.md):") if fields else
             (f"种类 {rule.kind}，无选项" if zh else f"Kind {rule.kind}, no options")]
    for f in fields:
        value = yaml_value(getattr(rule.options, f.name))
        value = value if len(value) <= 60 else value[:59] + "…"
        lines.append(f"  {f.name}: {value}" + (f"    # {f.comment}" if f.comment else ""))
    if rule.documents:
        lines.append(("适用于：" if zh else "Applies to: ") + ", ".join(rule.documents))
    return lines


# --- the README's rule table -------------------------------------------------------------------


# The kinds of report that go up the hierarchy, and documents of unknown kind: "formal" in the table.
_FORMAL = {"summary", "briefing", "debrief", "plan", "monthly", "government", "unknown"}


def rule_table() -> str:
    """The table of the built-in rules, by code."""
    from ..packs.loader import by_code

    rows = ["| code | name | pack | default | reports | what it finds | norm | fix |",
            "|---|---|---|---|---|---|---|---|"]
    for rule in by_code(_builtin_rules()):
        reports = "formal" if set(rule.documents) == _FORMAL else ", ".join(rule.documents) or "all"
        default = rule.severity if rule.enabled else "off"
        rows.append(f"| {rule.code} | {rule.name} | {rule.pack} | {default} | {reports} | "
                    f"{_cell(rule.text('summary', 'en'))} | {_cell(rule.norm)} | {fix_offered(rule)} |")
    return "\n".join(rows)


def fix_offered(rule) -> str:
    """"safe" or "unsafe" when the rule's fail examples get a fix (the safer one first), else ""."""
    from .pack_examples import fired

    fixes = [d.fix for example in rule.examples.get("fail", ()) for d in fired(rule.pack, rule, example)
             if d.fix is not None]
    return "safe" if any(f.safe for f in fixes) else "unsafe" if fixes else ""


def _builtin_rules() -> list:
    from ..config.loader import all_rules

    return all_rules()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# --- docs/user-packs.md's kind reference -------------------------------------------------------


def kind_reference() -> str:
    """A section per kind: what it reports, its built-in rules and the fields their messages quote,
    and a table of its options (and of the records among them)."""
    from ..kinds import KINDS, load_kind

    rules = _builtin_rules()
    out = []
    for kind in sorted(KINDS):
        check, options_cls = load_kind(kind)
        of_kind = [r for r in rules if r.kind == kind]
        fields = sorted({f for r in of_kind for f in _message_fields(r)})
        facts = "Built-in rules: " + ", ".join(f"{r.code} ({r.name})" for r in of_kind)
        if fields:
            facts += "; their messages quote " + ", ".join(f"`{{{f}}}`" for f in fields)
        tables = [_options_table(cls, cls is not options_cls) for cls in [options_cls, *nested_records(options_cls)]]
        about = [_first_paragraph(check.__doc__)] + ([_first_paragraph(options_cls.__doc__)] if options_cls._fields else [])
        out += [f"### `{kind}`", " ".join(about), facts + ".", *tables]
    return "\n\n".join(out) + "\n"


def _options_table(cls: type, nested: bool) -> str:
    fields = option_fields(cls)
    if not fields:
        return "No options."
    head = f"Each `{cls.__name__}`: {_first_paragraph(cls.__doc__)}\n\n" if nested else ""
    rows = ["| option | type | default | |", "|---|---|---|---|"]
    rows += [f"| `{f.name}` | {_cell(f.type)} | {f'`{_cell(f.default)}`' if f.default else 'required'} | "
             f"{_cell(f.comment)} |" for f in fields]
    return head + "\n".join(rows)


def _message_fields(rule) -> set[str]:
    """The {fields} the rule's messages (every language and variant) quote."""
    import string

    texts = [t for value in rule.message.values() for t in (value.values() if isinstance(value, dict) else [value])]
    return {name for t in texts for _, name, _, _ in string.Formatter().parse(t) if name}


def _first_paragraph(text: str | None) -> str:
    return " ".join((text or "").strip().split("\n\n")[0].split())


# --- writing and checking the files ------------------------------------------------------------

PARTS = {   # file (relative to the checkout) → {part name: what makes it}
    "README.md": {"rules": rule_table},
    os.path.join("docs", "user-packs.md"): {"kinds": kind_reference},
}


def regenerated(text: str, name: str, content: str) -> str:
    """`text` with the part `name` (between its markers) replaced by `content`."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    pattern = re.compile(re.escape(start) + r"\n.*?" + re.escape(end), re.S)
    if not pattern.search(text):
        raise ValueError(f"no {start} … {end} in the file")
    return pattern.sub(lambda _: f"{start}\n{content.rstrip()}\n{end}", text, count=1)


def stale(root: str = ROOT, write: bool = False) -> list[str]:
    """The files under `root` whose generated parts differ from what the packs and kinds make
    (written afresh when `write`)."""
    out = []
    for relative, parts in PARTS.items():
        path = os.path.join(root, relative)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        new = text
        for name, make in parts.items():
            new = regenerated(new, name, make())
        if new != text:
            out.append(relative)
            if write:
                with open(path, "w", encoding="utf-8", newline="\n") as fh:
                    fh.write(new)
    return out


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    changed = stale(write=not check)
    for relative in changed:
        print(f"{relative}: {'stale: run python -m lint.cli.reference' if check else 'regenerated'}")
    return 1 if check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
