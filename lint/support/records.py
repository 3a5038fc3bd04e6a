"""Records: immutable value classes declared the way typing.NamedTuple declares them, without typing.

Options, rules, configs, findings and diagnostics are records rather than dataclasses: a
dataclass costs a run a millisecond of code generation to define (a run defines some forty
classes) and a frozen one pays an object.__setattr__ per field to build, where a tuple is built
in C. typing.NamedTuple would import typing (lint/support/hints.py) and costs about 100 µs more a
class, as it turns every (string) annotation into a ForwardRef. The class @record makes is built
as collections.namedtuple builds one (a tuple subclass, a __new__ taking the fields by position
or name, a getter per field), so instances are built and read exactly as fast, and pickle alike;
its helpers (_make, _replace, _asdict, repr) are shared through a base class instead of made per
class, and its __new__ is not compiled from source: namedtuple's eval is half of the 110 µs it
takes per class, and a run defines some sixty. `maker` builds them from one tuple in C, for the
loops that make thousands, and `by_name` by keyword as fast.
"""
from __future__ import annotations

from functools import partial
from types import FunctionType

try:
    from _collections import _tuplegetter   # what namedtuple's fields are: a getter in C
except ImportError:  # pragma: no cover - other Pythons
    from operator import itemgetter

    def _tuplegetter(index: int, doc: str):
        return property(itemgetter(index), doc=doc)

from .hints import Any, Callable

# What a class statement puts in a class's namespace that the named tuple class has of its own.
_NOT_COPIED = frozenset({"__module__", "__qualname__", "__doc__", "__annotations__", "__dict__", "__weakref__"})


def record(cls: type) -> type:
    """The named tuple class that `cls` declares: its annotated names are the fields, in order,
    and their values the defaults; its methods, properties, docstring and other class attributes
    (such as __pydantic_config__) are kept, as are the annotations (lint/packs/specs.py reads them)."""
    namespace = cls.__dict__
    annotations = namespace.get("__annotations__", {})
    fields = tuple(annotations)
    defaults = [namespace[name] for name in fields if name in namespace]
    _check_default_order(cls.__name__, fields, namespace)
    made = _named_tuple(cls.__name__, fields, tuple(defaults), cls.__module__)
    made.__qualname__ = cls.__qualname__
    made.__annotations__ = dict(annotations)
    if cls.__doc__ is not None:
        made.__doc__ = cls.__doc__
    for name, value in namespace.items():
        if name not in _NOT_COPIED and name not in annotations:
            setattr(made, name, value)
    return made


class _Record(tuple):
    """What every record class shares: namedtuple's helpers, reading the class's _fields."""

    __slots__ = ()

    @classmethod
    def _make(cls, iterable):
        made = tuple.__new__(cls, iterable)
        if len(made) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(made)}")
        return made

    def _replace(self, **changes):
        made = self._make(map(changes.pop, self._fields, self))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return made

    def _asdict(self) -> dict:
        return dict(zip(self._fields, self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={v!r}' for n, v in zip(self._fields, self))})"

    def __getnewargs__(self) -> tuple:
        return tuple(self)


def _named_tuple(name: str, fields: tuple[str, ...], defaults: tuple, module: str) -> type:
    new = FunctionType(_new_code(len(fields), fields), {"_tuple_new": tuple.__new__, "__builtins__": {}},
                       "__new__", defaults or None)
    new.__qualname__ = f"{name}.__new__"
    namespace = {"__slots__": (), "__module__": module, "__doc__": f"{name}({', '.join(fields)})",
                 "_fields": fields, "_field_defaults": dict(zip(fields[len(fields) - len(defaults):], defaults)),
                 "__new__": new, "__match_args__": fields}
    for index, field in enumerate(fields):
        namespace[field] = _tuplegetter(index, f"Alias for field number {index}")
    return type(name, (_Record,), namespace)


_NEW_CODE: dict[int, Any] = {}


def _new_code(arity: int, fields: tuple[str, ...]):
    """The code of `lambda _cls, <fields>: _tuple_new(_cls, (<fields>,))`: compiled once per number
    of fields, its parameters then renamed."""
    code = _NEW_CODE.get(arity)
    if code is None:
        names = ", ".join(f"_{i}" for i in range(arity))
        code = _NEW_CODE[arity] = eval(f"lambda _cls, {names}: _tuple_new(_cls, ({names}{',' if arity else ''}))").__code__
    return code.replace(co_varnames=("_cls", *fields) + code.co_varnames[arity + 1:])


def maker(cls: type) -> Callable[[tuple], Any]:
    """A constructor of the named tuple class `cls` from one tuple holding every field, in order.

    For the loops that build one per finding or per sentence: calling a named tuple class runs its
    generated Python __new__, which takes as long again as the rest of making it; tuple.__new__
    does the same in C. Defaults are not filled in: every field must be given.
    """
    return partial(tuple.__new__, cls)


def by_name(cls: type) -> Callable[..., Any]:
    """A constructor of the named tuple class `cls` taking fields by name, defaults filled in:
    `make_edit(start=3, end=5, new_text="")`. It calls the class's own __new__ without the call
    through the class, which costs as much again; as fast as `maker` for the kinds' findings.
    """
    return partial(cls.__new__, cls)


def _check_default_order(name: str, fields: tuple, namespace) -> None:
    # namedtuple gives its defaults to the last fields: one before a field without a default
    # would silently land on the wrong field.
    seen_default = None
    for field in fields:
        if field in namespace:
            seen_default = field
        elif seen_default is not None:
            raise TypeError(f"{name}: field {field} without a default follows {seen_default}, which has one")
