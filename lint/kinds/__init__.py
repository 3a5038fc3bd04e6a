"""The rule kinds: Python checks that YAML rule packs configure. Registered here by hand.

Each entry maps a kind name to (module, check function, Options class). A check is
`check(doc: Document, options) -> Iterable[Finding]`; it reports offsets, never lines.
Modules are imported only when a rule of that kind runs.

Options are named tuples: a one-file run imports every kind, and a dataclass costs a millisecond
of code generation to define where a named tuple costs a tenth of that. Options that derive state
from the settings (compiled regexes, in `prepare`) subclass a named tuple of the settings, so the
derived attributes live in the instance's __dict__: pickled with it, outside its fields, repr and
equality. Pydantic validates options as the frozen dataclasses they mirror (see lint/_specs.py).
"""
from __future__ import annotations

KINDS: dict[str, tuple[str, str, str]] = {
    "heading-sequence": ("headings", "check_sequence", "SequenceOptions"),
    "heading-start": ("headings", "check_start", "StartOptions"),
    "heading-level-mix": ("headings", "check_level_mix", "NoOptions"),
    "heading-level-skip": ("headings", "check_level_skip", "NoOptions"),
    "heading-marker-style": ("headings", "check_marker_style", "NoOptions"),
    "heading-marker-consistency": ("headings", "check_marker_consistency", "ConsistencyOptions"),
    "enumeration-sequence": ("enumerations", "check_sequence", "NoOptions"),
    # content kinds (patterns, sections, pairs)
    "pattern": ("patterns", "check_pattern", "PatternOptions"),
    "substitution": ("patterns", "check_substitution", "SubstitutionOptions"),
    "required-sections": ("sections", "check_required", "SectionsOptions"),
    "section-order": ("sections", "check_order", "SectionsOptions"),
    "empty-section": ("sections", "check_empty", "EmptyOptions"),
    "pairs": ("pairs", "check_pairs", "PairsOptions"),
    # duplicates and figures
    "duplicate-block": ("duplicates.checks", "check_duplicate_blocks", "DuplicateOptions"),
    "near-duplicate": ("duplicates.checks", "check_near_duplicates", "NearDuplicateOptions"),
    "repeated-phrase": ("repetition", "check_repeated_phrases", "RepeatOptions"),
    "rate-mismatch": ("figures", "check_rates", "RateOptions"),
    "sum-mismatch": ("figures", "check_sums", "SumOptions"),
}


def load_kind(name: str):
    """(check function, Options class) of kind `name`; KeyError when unknown."""
    module_name, check_name, options_name = KINDS[name]
    # __import__ returns the submodule when given a fromlist; importlib would cost a one-file run
    # its own import.
    module = __import__(f"{__name__}.{module_name}", fromlist=(check_name,))
    return getattr(module, check_name), getattr(module, options_name)
