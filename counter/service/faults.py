"""Faults across the boundary: an exception an operation declares, written as its class and constructor values.

An operation refuses with the domain's own exceptions (``IntakeNotPossible`` carrying its decision, ``NotPermitted``
its permission); the face catches the same class and words it.  To cross a process boundary the exception is
written as the class's dotted name and the values its constructor takes, read from the attributes of the same names
(each such class keeps what it was given), and built again on the other side.  Only declared classes cross: those
the operation names and :data:`COMMON`; anything else is a fault of the program, not of the clerk's request.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import typing
from typing import Any

from counter.service.codec import Json, NotSerialisable, decode, encode

#: what any operation may raise: a refusal of the account, a case not there, and the database's own faults
COMMON = (
    "counter.access.not_permitted:NotPermitted",
    "counter.case.not_found:CaseNotFound",
    "counter.host.database_faults:StoreFault",
    "counter.host.database_faults:SchemaTooNew",
    "counter.host.database_faults:DatabaseMissing",
    "counter.host.database_faults:DatabaseReadOnly",
    "counter.host.database_faults:DatabaseDamaged",
)


def fault_name(cls: type[BaseException]) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


@functools.cache
def fault_class(name: str) -> type[Exception]:
    module, _, qualname = name.partition(":")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    if not (isinstance(found, type) and issubclass(found, Exception)):
        raise NotSerialisable(f"{name} is not an exception class")
    return found


def _parameters(cls: type) -> tuple[tuple[str, Any], ...]:
    """The constructor's parameters and their types: what a fault carries."""
    init = next(c.__dict__["__init__"] for c in cls.__mro__ if "__init__" in c.__dict__)
    if init is Exception.__init__:
        return ()
    try:
        hints = typing.get_type_hints(init)
    except NameError as err:
        raise NotSerialisable(f"{cls.__qualname__}: a parameter's type is not importable at run time ({err})") from err
    found = []
    for param in list(inspect.signature(init).parameters.values())[1:]:
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            raise NotSerialisable(f"{cls.__qualname__} takes *args or **kwargs: its values cannot be named")
        if param.name not in hints:
            raise NotSerialisable(f"{cls.__qualname__}.{param.name} has no type")
        found.append((param.name, hints[param.name]))
    return tuple(found)


def encode_fault(err: Exception) -> Json:
    """``err`` as data: its class's name and the values its constructor took."""
    cls = type(err)
    values = {}
    for name, hint in _parameters(cls):
        if not hasattr(err, name):
            raise NotSerialisable(f"{cls.__qualname__} does not keep {name!r}, which its constructor takes")
        values[name] = encode(getattr(err, name), hint)
    return {"fault": fault_name(cls), "values": values}


def decode_fault(data: Json) -> Exception:
    """The exception :func:`encode_fault` wrote."""
    cls = fault_class(data["fault"])
    values = {name: decode(data["values"][name], hint) for name, hint in _parameters(cls) if name in data["values"]}
    return cls(**values)


def declared(err: Exception, faults: tuple[str, ...]) -> bool:
    """Whether ``err`` is of a class the operation declares (or a subclass of one), or a common fault."""
    return any(isinstance(err, fault_class(name)) for name in (*faults, *COMMON))
