"""Requests, responses and faults to JSON and back, by their type hints: what crosses the service's boundary.

Chosen over a serialisation library's own structs: the requests and responses are the domain's frozen dataclasses
already (a ``CaseView``, a ``Decision``), typed with the standard hints, and re-declaring each as a library struct
would write every type twice.  The walk below covers what those hints use — dataclasses, enums, dates and times,
``Decimal``, ``Fraction``, ``Path``, ``bytes``, tuples, lists, sets (in one order), mappings, ``Literal``, optional
and union types — and refuses anything else by name, so a type that cannot cross is found by the test that walks
every operation (``tests/service/test_codec.py``), not by a hall's desk.

A union of several types carries the name of the arm it holds, since JSON alone cannot tell a ``date`` from a
``str``; every other value is written as plainly as JSON allows.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from collections.abc import Mapping, Sequence
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from pathlib import Path, PurePath
from typing import Any, Literal, Union

Json = Any  # what json.dumps takes and json.loads gives


class NotSerialisable(TypeError):
    """A type the codec does not carry; names the type and where it was met."""


def encode(value: Any, hint: Any) -> Json:
    """``value``, of type ``hint``, as JSON-ready data."""
    return _encoder(hint)(value)


def decode(data: Json, hint: Any) -> Any:
    """The value of type ``hint`` that :func:`encode` wrote as ``data``."""
    return _decoder(hint)(data)


def _name(hint: Any) -> str:
    return getattr(hint, "__qualname__", None) or repr(hint)


@functools.cache
def hints_of(cls: type) -> dict[str, Any]:
    """The resolved type hints of a dataclass's fields that its constructor takes."""
    try:
        resolved = typing.get_type_hints(cls)
    except NameError as err:
        raise NotSerialisable(f"{_name(cls)}: a field's type is not importable at run time ({err})") from err
    return {f.name: resolved[f.name] for f in dataclasses.fields(cls) if f.init}


def _is_union(origin: Any) -> bool:
    return origin is Union or origin is types.UnionType


# --- encoding -------------------------------------------------------------------------------------------------


@functools.cache
def _encoder(hint: Any) -> typing.Callable[[Any], Json]:  # noqa: PLR0911 - one case per kind of hint
    if hint is Any:
        raise NotSerialisable("Any crosses no boundary: name the type")
    if hint is None or hint is type(None):
        return lambda v: None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if _is_union(origin):
        return _union_encoder(args)
    if origin is Literal:
        return lambda v: v
    if origin in (tuple, list, set, frozenset) or origin in (Sequence, typing.Sequence):
        if origin is tuple and args and args[-1] is not Ellipsis:
            items = [_encoder(a) for a in args]
            return lambda v: [e(x) for e, x in zip(items, v, strict=True)]
        item = _encoder(args[0] if args else Any)
        if origin in (set, frozenset):  # in one order whatever the set's: the same set is the same text
            return lambda v: sorted((item(x) for x in v), key=_order)
        return lambda v: [item(x) for x in v]
    if origin in (dict, Mapping) or origin is typing.Mapping:
        key, val = _encoder(args[0]), _encoder(args[1])
        if args[0] is str:
            return lambda v: {k: val(x) for k, x in v.items()}
        return lambda v: [[key(k), val(x)] for k, x in v.items()]
    if origin is not None:
        raise NotSerialisable(f"{hint!r} is not carried")
    if isinstance(hint, type):
        return _class_encoder(hint)
    raise NotSerialisable(f"{hint!r} is not carried")


def _class_encoder(cls: type) -> typing.Callable[[Any], Json]:  # noqa: PLR0911 - one case per kind of class
    if issubclass(cls, Enum):
        return lambda v: v.value
    if cls is bool or cls is int or cls is str:
        return lambda v: v
    if cls is float:
        return float
    if cls is Decimal or cls is Fraction:
        return str
    if cls is dt.datetime or cls is dt.date or cls is dt.time:
        return lambda v: v.isoformat()
    if cls is dt.timedelta:
        return lambda v: v.total_seconds()
    if issubclass(cls, PurePath):
        return str
    if cls is bytes:
        return lambda v: base64.b64encode(v).decode("ascii")
    if dataclasses.is_dataclass(cls):
        return _dataclass_encoder(cls)
    raise NotSerialisable(f"{_name(cls)} is not carried")


def _dataclass_encoder(cls: type) -> typing.Callable[[Any], Json]:
    fields: list[tuple[str, typing.Callable[[Any], Json]]] = []

    def encode_fields(v: Any) -> Json:
        if not fields:  # filled on first use: a dataclass may name itself among its fields
            fields.extend((name, _encoder(hint)) for name, hint in hints_of(cls).items())
        return {name: enc(getattr(v, name)) for name, enc in fields}

    return encode_fields


def _order(encoded: Json) -> str:
    return json.dumps(encoded, sort_keys=True, ensure_ascii=False)


def _union_encoder(args: tuple[Any, ...]) -> typing.Callable[[Any], Json]:
    arms = [a for a in args if a is not type(None)]
    optional = len(arms) < len(args)
    if len(arms) == 1:
        inner = _encoder(arms[0])
        return lambda v: None if v is None else inner(v)

    def encode_arm(v: Any) -> Json:
        if v is None and optional:
            return None
        for arm in arms:
            if _holds(arm, v):
                return {"arm": _arm_name(arm), "value": _encoder(arm)(v)}
        raise NotSerialisable(f"{type(v).__qualname__} is none of {[_arm_name(a) for a in arms]}")

    return encode_arm


def _arm_name(hint: Any) -> str:
    origin = typing.get_origin(hint)
    return _name(origin if origin is not None else hint)


def _holds(hint: Any, value: Any) -> bool:
    origin = typing.get_origin(hint) or hint
    if origin is Literal:
        return value in typing.get_args(hint)
    if origin is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if origin is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is dt.date:
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    return isinstance(value, origin)


# --- decoding -------------------------------------------------------------------------------------------------


@functools.cache
def _decoder(hint: Any) -> typing.Callable[[Json], Any]:  # noqa: PLR0911 - one case per kind of hint
    if hint is Any:
        raise NotSerialisable("Any crosses no boundary: name the type")
    if hint is None or hint is type(None):
        return lambda d: None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if _is_union(origin):
        return _union_decoder(args)
    if origin is Literal:
        return lambda d: d
    if origin is tuple:
        if args and args[-1] is not Ellipsis:
            items = [_decoder(a) for a in args]
            return lambda d: tuple(e(x) for e, x in zip(items, d, strict=True))
        item = _decoder(args[0] if args else Any)
        return lambda d: tuple(item(x) for x in d)
    if origin in (list, Sequence) or origin is typing.Sequence:
        item = _decoder(args[0] if args else Any)
        return lambda d: [item(x) for x in d]
    if origin in (set, frozenset):
        item = _decoder(args[0] if args else Any)
        return lambda d: origin(item(x) for x in d)
    if origin in (dict, Mapping) or origin is typing.Mapping:
        key, val = _decoder(args[0]), _decoder(args[1])
        if args[0] is str:
            return lambda d: {k: val(x) for k, x in d.items()}
        return lambda d: {key(k): val(x) for k, x in d}
    if origin is not None:
        raise NotSerialisable(f"{hint!r} is not carried")
    if isinstance(hint, type):
        return _class_decoder(hint)
    raise NotSerialisable(f"{hint!r} is not carried")


def _class_decoder(cls: type) -> typing.Callable[[Json], Any]:  # noqa: PLR0911 - one case per kind of class
    if issubclass(cls, Enum) or cls in (bool, int, str):
        return cls
    if cls is float:
        return float
    if cls is Decimal:
        return Decimal
    if cls is Fraction:
        return Fraction
    if cls is dt.datetime:
        return dt.datetime.fromisoformat
    if cls is dt.date:
        return dt.date.fromisoformat
    if cls is dt.time:
        return dt.time.fromisoformat
    if cls is dt.timedelta:
        return lambda d: dt.timedelta(seconds=d)
    if issubclass(cls, PurePath):
        return Path if cls is PurePath else cls
    if cls is bytes:
        return lambda d: base64.b64decode(d.encode("ascii"))
    if dataclasses.is_dataclass(cls):
        return _dataclass_decoder(cls)
    raise NotSerialisable(f"{_name(cls)} is not carried")


def _dataclass_decoder(cls: type) -> typing.Callable[[Json], Any]:
    fields: list[tuple[str, typing.Callable[[Json], Any]]] = []

    def decode_fields(d: Json) -> Any:
        if not fields:
            fields.extend((name, _decoder(hint)) for name, hint in hints_of(cls).items())
        return cls(**{name: dec(d[name]) for name, dec in fields if name in d})

    return decode_fields


def _union_decoder(args: tuple[Any, ...]) -> typing.Callable[[Json], Any]:
    arms = [a for a in args if a is not type(None)]
    if len(arms) == 1:
        inner = _decoder(arms[0])
        return lambda d: None if d is None else inner(d)
    by_name = {_arm_name(a): a for a in arms}

    def decode_arm(d: Json) -> Any:
        if d is None:
            return None
        return _decoder(by_name[d["arm"]])(d["value"])

    return decode_arm
