"""The rule kinds: Python checks that YAML rule packs configure. Registered here by hand.

Each entry maps a kind name to (module, check function, options class). A check is
`check(doc: Document, options) -> Iterable[Finding]`, or `check(doc, options, prepared)` when its
options prepare state (see options.py, which says how a kind declares its options); it reports
offsets, never lines (findings.py). Modules are imported only when a rule of that kind runs.
template.py is a kind to copy; docs/adding-a-rule.md says how.
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
    "lone-subheading": ("heading_forms", "check_lone_subheading", "NoOptions"),
    "heading-punctuation": ("heading_forms", "check_heading_punctuation", "NoOptions"),
    "empty-item": ("heading_forms", "check_empty_item", "NoOptions"),
    "ordinal-punctuation": ("ordinal_forms", "check_ordinal_punctuation", "NoOptions"),
    "enumeration-mix": ("ordinal_forms", "check_enumeration_mix", "NoOptions"),
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
    # residue of drafting tools, and doubled marks
    "markdown-residue": ("residue", "check_markdown", "MarkdownOptions"),
    "framing": ("residue", "check_framing", "FramingOptions"),
    "editing-residue": ("residue", "check_editing", "EditingOptions"),
    "doubled-punctuation": ("marks", "check_doubled", "DoubledOptions"),
    # numbers, dates and term lists (per-document kinds report once per document)
    "thousands-separator": ("numbers", "check_thousands", "ThousandsOptions"),
    "digit-width-mix": ("numbers", "check_digit_width", "DigitWidthOptions"),
    "date-format-mix": ("dates", "check_date_forms", "DateFormOptions"),
    "terms": ("terms", "check_terms", "TermsOptions"),
}


def load_kind(name: str):
    """(check function, Options class) of kind `name`; KeyError when unknown."""
    module_name, check_name, options_name = KINDS[name]
    # __import__ returns the submodule when given a fromlist; importlib would cost a one-file run
    # its own import.
    module = __import__(f"{__name__}.{module_name}", fromlist=(check_name,))
    return getattr(module, check_name), getattr(module, options_name)


_CHECKS: dict = {}   # kind → its check function, found once (an import call per rule per file adds up)


def run_kind(kind: str, doc, options, prepared=None):
    """The findings of a rule of kind `kind` on `doc`: its check with the rule's options, and with
    what their prepare() returned (Rule.prepared) when they have one."""
    check = _CHECKS.get(kind)
    if check is None:
        check = _CHECKS[kind] = load_kind(kind)[0]
    return check(doc, options) if prepared is None else check(doc, options, prepared)
