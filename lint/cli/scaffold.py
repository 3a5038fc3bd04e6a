"""A new rule's YAML entry and its fixture folders, in a checkout (a development command).

    python -m lint.cli.scaffold WR509 dot-ellipsis --pack typography --kind pattern \\
        --summary 省略号写成了句点 "An ellipsis written as dots" --message … --explain … \\
        --options "{patterns: ['\\.{3,}']}" --fail "统计...等部门。" --pass "统计等部门。"

appends the rule to rules/<pack>.yaml (or to the pack file named), after checking that the pack
still loads with it (the kind exists, the code and name are new, the options fit the kind), and
makes tests/fixtures/<CODE>-<name>/fail/ and ok/ holding the two examples as input.txt. Then
`python -m pytest tests/test_fixtures.py --regen -k CODE` writes their expected.json (review it);
docs/adding-a-rule.md goes through it all.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys

from ..support.errors import ConfigError


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        pack_path, fixtures = scaffold(args)
    except ConfigError as exc:
        print(f"scaffold: {exc}", file=sys.stderr)
        return 2
    print(f"{args.code} {args.name}: added to {os.path.relpath(pack_path)}")
    for folder in fixtures:
        print(f"  {os.path.relpath(folder)}/input.txt")
    print(f"Next: python -m pytest tests/test_fixtures.py --regen -k {args.code}   (review each expected.json)")
    return 0


def scaffold(args: argparse.Namespace) -> tuple[str, list[str]]:
    """Append the rule to its pack and make its fixture folders: (the pack's path, the folders)."""
    from ..packs.loader import builtin_pack_paths, parse_pack
    from ..support.resources import PACKAGE

    builtin = args.pack in builtin_pack_paths()
    path = builtin_pack_paths()[args.pack] if builtin else args.pack
    if not os.path.isfile(path):
        raise ConfigError(f"no pack {args.pack!r} (built-in: {', '.join(builtin_pack_paths())})")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    text = re.sub(r"^rules:[ \t]*\[\][ \t]*$", "rules:", text, flags=re.M)    # a new pack's empty list
    text = text.rstrip("\n") + "\n\n" + rule_entry(args)
    parse_pack(text, path, trusted=builtin)        # the pack must still load: kind, code, name, options
    fixtures = os.path.join(os.path.dirname(PACKAGE), "tests", "fixtures")
    folders = []
    if builtin:
        if not os.path.isdir(fixtures):
            raise ConfigError("the fixtures live in a checkout's tests/fixtures: run this in one")
        folders = [_fixture(fixtures, args, "fail", args.fail), _fixture(fixtures, args, "ok", args.pass_)]
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return path, folders


def rule_entry(args: argparse.Namespace) -> str:
    """The rule as a pack's YAML lists it (JSON strings and flow collections, which YAML reads)."""
    import yaml

    def quoted(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    options = yaml.safe_load(args.options) if args.options else {}
    if not isinstance(options, dict):
        raise ConfigError(f"--options: a mapping such as {{words: [高度重视]}}, not {args.options!r}")
    lines = [f"  - code: {args.code}", f"    name: {args.name}", f"    kind: {args.kind}", f"    severity: {args.severity}"]
    for key in ("summary", "message", "explain"):
        texts = getattr(args, key)
        if len(texts) > 2:
            raise ConfigError(f"--{key}: the Chinese text, then the English one if any; {len(texts)} given")
        lines.append(f"    {key}: {quoted(dict(zip(('zh', 'en'), texts)))}")
    if args.documents:
        lines.append(f"    documents: {quoted(args.documents.split(','))}")
    if options:
        lines.append(f"    options: {quoted(options)}")
    lines += ["    examples:", f"      fail: [{quoted(args.fail)}]", f"      pass: [{quoted(args.pass_)}]"]
    return "\n".join(lines) + "\n"


def _fixture(fixtures: str, args: argparse.Namespace, case: str, example: str) -> str:
    folder = os.path.join(fixtures, f"{args.code}-{args.name}", case)
    if os.path.exists(folder):
        raise ConfigError(f"{folder} exists already")
    os.makedirs(folder)
    with open(os.path.join(folder, "input.txt"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(example.rstrip("\n") + "\n")
    return folder


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m lint.cli.scaffold", description=__doc__.split("\n\n")[0])
    p.add_argument("code", help="the rule's code, e.g. WR509")
    p.add_argument("name", help="its kebab-case name, e.g. dot-ellipsis")
    p.add_argument("--pack", required=True, help="a built-in pack (rules/NAME.yaml) or a pack file")
    p.add_argument("--kind", required=True, help="the rule kind (reportlint rules --format json lists them by rule)")
    p.add_argument("--severity", default="warning", choices=("error", "warning", "info"))
    texts = {"nargs": "+", "metavar": ("ZH", "EN")}
    p.add_argument("--summary", required=True, **texts, help="one line: what the rule finds (Chinese, English)")
    p.add_argument("--message", required=True, **texts,
                   help="the diagnostic's message, {fields} as the kind gives them (Chinese, English)")
    p.add_argument("--explain", required=True, **texts, help="why it matters, for reportlint explain (Chinese, English)")
    p.add_argument("--options", help="the kind's options as YAML, e.g. \"{words: [高度重视]}\"")
    p.add_argument("--documents", help="the kinds of report it applies to, comma-separated (default: all)")
    p.add_argument("--fail", required=True, metavar="TEXT", help="an example the rule must fire on (also the failing fixture)")
    p.add_argument("--pass", dest="pass_", required=True, metavar="TEXT", help="an example it must not fire on (the clean fixture)")
    return p


if __name__ == "__main__":
    raise SystemExit(main())
