"""How a rule kind declares its options: one decorator, @kind_options.

    @kind_options
    class SumOptions:
        "Sum-mismatch options: labels that mark a list as exhaustive."     # the docstring: shown in the docs
        remainder_labels: tuple[str, ...] = ("其他", "其余")

        def prepare(self, trusted: bool) -> re.Pattern:      # only if the kind derives state
            return re.compile("|".join(self.remainder_labels))

The class becomes a record (an immutable named tuple, lint/support/records.py): its annotated names
are the options a pack writes, their values the defaults (a record, such as a section, may be an
option's type). Pydantic validates a pack's options against it, unknown keys refused
(lint/packs/specs.py); docs/user-packs.md shows the docstring, the options and their defaults.

What a kind derives from its options (compiled regexes, lookup tables) is not stored in them:
`prepare(trusted)` returns it, once per rule when its pack is loaded (`trusted`: a built-in pack,
whose regexes compile with Python's re; a user's compile with RE2), and the rule keeps it beside the
options (Rule.prepared). A ValueError it raises (lint/kinds/patterns.py's PatternError names the
option in `loc`) is reported at that option's line. The kind's check then receives it:
`check(doc, options, prepared)`; a kind without prepare has `check(doc, options)` (see run_kind).
"""
from __future__ import annotations

from ..support.records import record

_FORBID = {"extra": "forbid"}   # pydantic's config for the record, read only when options are validated


def kind_options(cls: type) -> type:
    """The options record that `cls` declares (see above)."""
    made = record(cls)
    made.__pydantic_config__ = _FORBID
    return made


@kind_options
class NoOptions:
    """This kind takes no options."""
