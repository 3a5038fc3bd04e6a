"""Records: immutable value classes declared the way typing.NamedTuple declares them, without typing.

Options, rules, configs, findings and diagnostics are records rather than dataclasses: a
dataclass costs a run a millisecond of code generation to define (a run defines some forty
classes) and a frozen one pays an object.__setattr__ per field to build, where a tuple is built
in C. typing.NamedTuple would import typing (lint/support/hints.py) and costs about 100 µs more a
class, as it turns every (string) annotation into a ForwardRef. The class @record makes is the
one collections.namedtuple makes, so instances are built and read exactly as fast, and pickle
alike; `maker` builds them from one tuple in C, for the loops that make thousands, and `by_name`
by keyword as fast.
"""
from __future__ import annotations

from collections import namedtuple
from functools import partial

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
    made = namedtuple(cls.__name__, fields, defaults=defaults, module=cls.__module__)
    made.__qualname__ = cls.__qualname__
    made.__annotations__ = dict(annotations)
    if cls.__doc__ is not None:
        made.__doc__ = cls.__doc__
    for name, value in namespace.items():
        if name not in _NOT_COPIED and name not in annotations:
            setattr(made, name, value)
    return made


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
