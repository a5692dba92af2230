"""Faults across the boundary: an exception an operation declares, written as a short code and its constructor values.

An operation refuses with the domain's own exceptions (``IntakeNotPossible`` carrying its decision, ``NotPermitted``
its permission); the face catches the same class and words it.  To cross a process boundary the exception is
written as its code (the class's name: ``{"fault": "IntakeNotPossible", "values": {...}}``) and the values its
constructor takes, read from the attributes of the same names (each such class keeps what it was given), and built
again on the other side from the values read as strictly as a request (:func:`counter.service.codec.decode`).

The codes form a closed table (:func:`fault_table`) built on each side from what the operations declare: the classes
each names, :data:`COMMON`, and the subclasses their own modules define (``ClerkUnnamed`` beside
``IntakeNotPossible``).  A code the table does not hold is refused (:class:`UnknownFault`: a server of another
release answering what this desk does not know), never looked up as a module to import: a class named on the wire is
never what decides which code runs.  Only declared classes cross: anything else is a fault of the program, not of the
clerk's request.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import typing
from typing import Any

from counter.service.codec import Json, Malformed, NotSerialisable, decode, encode

#: what any operation may raise: a refusal of the account, a case not there, a write's key given to another write,
#: and the database's own faults
COMMON = (
    "counter.access.not_permitted:NotPermitted",
    "counter.access.key_reused:KeyReused",
    "counter.case.not_found:CaseNotFound",
    "counter.host.database.database_faults:StoreFault",
    "counter.host.database.database_faults:SchemaTooNew",
    "counter.host.database.database_faults:DatabaseMissing",
    "counter.host.database.database_faults:DatabaseReadOnly",
    "counter.host.database.database_faults:DatabaseDamaged",
)


class UnknownFault(Exception):
    """A fault whose code this side's table does not hold: the other side declares a fault this one does not know
    (a server of a newer release).  Refused, never guessed at; ``code`` as it came, for the log."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def fault_code(cls: type[BaseException]) -> str:
    """The short code ``cls`` crosses as: its name, unique in the table (:func:`fault_table` checks it)."""
    return cls.__name__


@functools.cache
def fault_class(declared_as: str | type[Exception]) -> type[Exception]:
    """The class an operation's declaration names (``module:Class``, or the class itself)."""
    if isinstance(declared_as, type):
        return declared_as
    module, _, qualname = declared_as.partition(":")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    if not (isinstance(found, type) and issubclass(found, Exception)):
        raise NotSerialisable(f"{declared_as} is not an exception class")
    return found


@functools.cache
def fault_table() -> dict[str, type[Exception]]:
    """Every fault that may cross, by its code: the classes the operations and :data:`COMMON` declare, with the
    subclasses their own modules define (loaded with them, so the same on every side); two classes of one code are
    a fault of the program, found by the test that walks the table."""
    from counter.service.catalogue import operations  # every area's declarations: imported when a fault first crosses

    declared_classes = {fault_class(entry) for op in operations().values() for entry in op.faults}
    declared_classes |= {fault_class(entry) for entry in COMMON}
    table: dict[str, type[Exception]] = {}
    for cls in sorted(declared_classes | _own_subclasses(declared_classes), key=fault_code):
        other = table.setdefault(fault_code(cls), cls)
        if other is not cls:
            raise NotSerialisable(
                f"{other.__module__}.{other.__qualname__} and {cls.__module__}.{cls.__qualname__} cross under one code"
            )
    return table


def _own_subclasses(classes: set[type[Exception]]) -> set[type[Exception]]:
    found: set[type[Exception]] = set()
    for cls in classes:
        below = list(cls.__subclasses__())
        while below:
            sub = below.pop()
            if sub.__module__ == cls.__module__:
                found.add(sub)
                below.extend(sub.__subclasses__())
    return found


def _init(cls: type) -> Any:
    return next(c.__dict__["__init__"] for c in cls.__mro__ if "__init__" in c.__dict__)


def _required(cls: type) -> frozenset[str]:
    """The constructor's parameters without a default: a fault's values that must be there."""
    if _init(cls) is Exception.__init__:
        return frozenset()
    parameters = list(inspect.signature(_init(cls)).parameters.values())[1:]
    return frozenset(p.name for p in parameters if p.default is p.empty)


def _parameters(cls: type) -> tuple[tuple[str, Any], ...]:
    """The constructor's parameters and their types: what a fault carries."""
    init = _init(cls)
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
    """``err`` as data: its code and the values its constructor took.  An exception of a class the table does not
    hold (a subclass of a declared class, from another module) crosses as the nearest class the table holds."""
    table = fault_table()
    cls = next((c for c in type(err).__mro__ if table.get(fault_code(c)) is c), None)
    if cls is None:
        raise NotSerialisable(f"{type(err).__qualname__} is no declared fault")
    values = {}
    for name, hint in _parameters(cls):
        if not hasattr(err, name):
            raise NotSerialisable(f"{cls.__qualname__} does not keep {name!r}, which its constructor takes")
        values[name] = encode(getattr(err, name), hint)
    return {"fault": fault_code(cls), "values": values}


def decode_fault(data: Json) -> Exception:
    """The exception :func:`encode_fault` wrote; :class:`UnknownFault` for a code not in the table,
    :class:`~counter.service.codec.Malformed` for data not of its shape (read as strictly as a request: a value the
    constructor requires must be there, no value it does not take may be)."""
    if type(data) is not dict or data.keys() != {"fault", "values"}:
        raise Malformed("Expected an object of `fault` and `values`")
    code, given = data["fault"], data["values"]
    cls = fault_table().get(code) if type(code) is str else None
    if cls is None:
        raise UnknownFault(str(code))
    if type(given) is not dict:
        raise Malformed(f"Expected `object`, got `{type(given).__name__}`", ".values")
    parameters = _parameters(cls)
    unknown = given.keys() - {name for name, _ in parameters}
    if unknown:
        raise Malformed(f"Object has unknown field `{min(unknown)}`", f".values.{min(unknown)}")
    values = {}
    for name, hint in parameters:
        if name not in given:
            if name in _required(cls):
                raise Malformed(f"Object missing required field `{name}`", f".values.{name}")
            continue
        try:
            values[name] = decode(given[name], hint)
        except Malformed as err:
            err.at.insert(0, f".values.{name}")
            raise
    try:
        return cls(**values)
    except (ValueError, TypeError) as err:  # the class's own check refused the values
        raise Malformed(f"Not a {cls.__qualname__}: {err}", ".values") from err


def declared(err: Exception, faults: tuple[str, ...]) -> bool:
    """Whether ``err`` is of a class the operation declares (or a subclass of one), or a common fault."""
    return any(isinstance(err, fault_class(name)) for name in (*faults, *COMMON))
