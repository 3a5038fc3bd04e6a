"""The names annotations use, imported from here: a run never imports `typing` for them.

`typing` costs a one-file run 3 ms to import. Every module has `from __future__ import
annotations`, so a run never evaluates an annotation and these names are placeholders (None);
type checkers take TYPE_CHECKING as true and read typing's own. lint/packs/specs.py, which
evaluates the kinds' option annotations for pydantic, supplies typing's names for these.
"""
from __future__ import annotations

__all__ = ["TYPE_CHECKING", "Any", "Callable", "Iterable", "Iterator", "Literal", "Mapping", "Optional",
           "Sequence", "Union"]

TYPE_CHECKING = False   # typing.TYPE_CHECKING, which type checkers take as true
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Iterator, Literal, Mapping, Optional, Sequence, Union
else:
    Any = Callable = Iterable = Iterator = Literal = Mapping = Optional = Sequence = Union = None
