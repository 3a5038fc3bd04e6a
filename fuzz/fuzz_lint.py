"""Coverage-guided fuzz target (atheris): bytes → decode → document → every rule, with invariants.

Run by hand through fuzz/run.sh; a crash or a broken invariant raises, and libFuzzer keeps the
input as a crash artifact. Found crashers go to tests/fixtures/crashers/ as regression inputs.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["lint"]):
    import importlib

    from lint.document import builder as outline  # noqa: F401  (instrumented before first use)
    from lint.api import lint_bytes
    from lint.config.loader import Config, all_rules
    from lint.support.errors import ReportlintError
    from lint.packs.loader import builtin_pack_paths
    from lint.kinds import KINDS

    # Kinds are imported lazily; import every one that exists now so that it is instrumented.
    for _module in {m for m, _, _ in KINDS.values()}:
        try:
            importlib.import_module(f"lint.kinds.{_module}")
        except ImportError:
            pass
    try:
        from lint.output.fixes import fix_text
    except ImportError:
        fix_text = None



def _loadable_packs() -> tuple[str, ...]:
    """Built-in packs that load now (others may be mid-edit); the fuzz run uses these."""
    good = []
    for name in builtin_pack_paths():
        try:
            all_rules(Config(packs=(name,)))
        except ReportlintError as exc:
            print(f"fuzz: skipping pack {name}: {exc}", file=sys.stderr)
        else:
            good.append(name)
    return tuple(good)


CONFIG = Config(packs=_loadable_packs())
SUFFIXES = (".txt", ".md")


def check_one(data: bytes) -> None:
    """Lint `data` with every rule (default-off ones too) and check the report's invariants."""
    path = "fuzz" + SUFFIXES[data[0] % 2] if data else "fuzz.txt"
    report = lint_bytes(data[1:], path, CONFIG, select=("WR",))
    if report.error is not None:
        assert isinstance(report.error, str) and report.error, report.error
        return
    size = len(report.index.text)
    for d in report.diagnostics:
        assert 0 <= d.start <= d.end <= size, (d.code, d.start, d.end, size)
        report.range(d.start, d.end)
        if d.fix is not None:
            for edit in d.fix.edits:
                assert 0 <= edit.start <= edit.end <= size, (d.code, edit)
        for rel in d.related:
            assert 0 <= rel.start <= rel.end <= size, (d.code, rel)
    if fix_text is not None and report.diagnostics:
        once = fix_text(report.index.text, report.diagnostics)
        assert isinstance(once, str)


def main() -> None:
    print(f"fuzz: packs {', '.join(CONFIG.packs)}", file=sys.stderr)
    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
