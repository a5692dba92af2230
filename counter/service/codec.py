"""Requests, responses and faults to JSON and back, by their type hints: what crosses the service's boundary.

The types are the domain's frozen dataclasses (a ``CaseView``, a ``Decision``), typed with the standard hints;
re-declaring each as a library's struct would write every type twice.  Writing is a walk of those hints — dataclasses,
enums, dates and times, ``Decimal``, ``Fraction``, ``Path``, ``bytes``, tuples, lists, sets (in one order), mappings,
``Literal`` (of strings, integers, booleans, None), optional and union types — that refuses anything else by name, so a
type that cannot cross is found by the test that walks every operation (``tests/service/test_codec.py``), not by a
hall's desk.  A mapping keyed by strings holds values msgspec reads whole (no dataclass, no union of several types): no
operation carries another, so the codec keeps no walk for one.  A union of several types carries the name of the arm it
holds (``{"arm": "date", "value": "2026-11-27"}``), since JSON alone cannot tell a ``date`` from a ``str``; a mapping
whose keys are not strings is a list of ``[key, value]`` pairs; every other value is written as plainly as JSON allows.

Reading is strict, because the server reads what a desk sends and treats a desk as a possible forger, and a desk
reads what a server of another version may send: a value of the wrong JSON type, ``null`` for a value that may not
be None, a missing required field, an unknown field, a union arm not named, all are refused as :class:`Malformed`
naming the field's path (``$.items[2].id_no``); nothing is coerced (``null`` never becomes ``'None'``, ``"false"``
never ``True``, ``1.9`` never ``1``, ``"abc"`` never a tuple of letters).  A field is required when its dataclass
gives it no default; a defaulted field may be missing and takes its default, so that an answer kept in a write's
receipt, or sent by a desk one release older, still reads after a field with a default is added.

The values are read by msgspec (0.22) in strict mode, which reads the standard hints and dataclasses as they are and
refuses each coercion above with the value's path: of the 311 dataclasses the 184 operations' requests and answers
reach, it takes 306 as they are (``msgspec.inspect.type_info``; the 5 others hold a union of two string-like types,
such as two enums, which it cannot tell apart without the arm's name).  It does not refuse an unknown field of a
dataclass (it drops it), and it takes a JSON number for a ``Decimal``; so the dataclasses, the named union arms, the
pair-list mappings and ``Decimal`` are walked here, each value below them handed to msgspec (``Path`` and
``Fraction`` through its decoding hook, as strictly).  Reading 2,894 generated requests and answers of every
operation takes 25 µs a value against the old coercing walk's 17 µs: nothing beside an operation's database work.
cattrs was not chosen: its default hooks call the type (``int(1.9)``), the very coercion refused here, unless a
strict hook is written for each type; pydantic's strict mode would serve, but as a large compiled dependency with a
model of dataclasses of its own, where msgspec was already a small locked dependency of the project.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import functools
import itertools
import json
import re
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from pathlib import Path, PurePath
from typing import Any, Literal, Union

import msgspec

Json = Any  # what json.dumps takes and json.loads gives


class NotSerialisable(TypeError):
    """A type the codec does not carry; names the type and where it was met."""


class Malformed(ValueError):
    """Data that is not a value of the type it was read as: ``path`` names where (``$`` the whole, ``$.id_no`` a
    field, ``$.rows[0]`` an item), ``problem`` what was wrong.  Its message is for the log, never the clerk."""

    def __init__(self, problem: str, at: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.at = [at] if at else []  # the path's steps, the innermost last: each level puts its own in front

    @property
    def path(self) -> str:
        return "$" + "".join(self.at)

    def __str__(self) -> str:
        return f"{self.problem} - at {self.path}"


def encode(value: Any, hint: Any) -> Json:
    """``value``, of type ``hint``, as JSON-ready data."""
    return _encoder(hint)(value)


def loads(text: str | bytes) -> Json:
    """The JSON ``text`` as data; an object that names a key twice is refused as :class:`Malformed` (a reader in
    between may have taken the other value), at ``$`` since the parse does not know where the object sits; a string
    that is no text (:func:`_unencodable`) at its path; ``NaN`` and ``Infinity``, which are not JSON, and text that
    is not JSON, as ``ValueError``."""
    data = json.loads(text, object_pairs_hook=_once_each, parse_constant=_no_constant)
    _unencodable(data)
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


#: a UTF-16 surrogate alone: JSON's ``\ud800`` escape reads as one, and no UTF-8 (nor PostgreSQL's text) holds it
_SURROGATE = re.compile("[\ud800-\udfff]")


def _unencodable(data: Json, at: str = "") -> None:
    """:class:`Malformed` for the first string of ``data`` (a key too) holding a lone surrogate, at its path.

    Read as is, such a string reached the database in the operations that store text, and came back as its fault
    (a 500), some before the operation's permission was asked; no value of any request is one, so the wire's
    strings are text, refused here before anything reads them."""
    if isinstance(data, str):
        if _SURROGATE.search(data):
            raise Malformed("A string holds a lone surrogate: it is not text", at)
    elif isinstance(data, dict):
        for key, value in data.items():
            if _SURROGATE.search(key):
                raise Malformed("A key holds a lone surrogate: it is not text", at)
            _unencodable(value, f"{at}.{key}")
    elif isinstance(data, list):
        for n, value in enumerate(data):
            _unencodable(value, f"{at}[{n}]")


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) < len(pairs):
        twice = next(k for i, (k, _) in enumerate(pairs) if any(k == other for other, _ in pairs[:i]))
        raise Malformed(f"An object has field `{twice}` twice")
    return found


def decode(data: Json, hint: Any) -> Any:
    """The value of type ``hint`` that :func:`encode` wrote as ``data``; :class:`Malformed` for anything else."""
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
    if origin is Literal and _msgspec_reads(hint):  # what msgspec reads back: strings, integers, booleans, None
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
            if not _native(hint):  # read back by msgspec whole, so only values it reads whole
                raise NotSerialisable(f"{hint!r} is not carried: a mapping by strings holds no {_name(args[1])}")
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
    if issubclass(cls, PurePath):
        return str
    if cls is bytes:
        return lambda v: base64.b64encode(v).decode("ascii")
    if dataclasses.is_dataclass(cls):
        return _dataclass_encoder(cls)
    raise NotSerialisable(f"{_name(cls)} is not carried")


def _dataclass_encoder(cls: type) -> typing.Callable[[Any], Json]:
    made: list[list[tuple[str, typing.Callable[[Any], Json]]]] = []

    def encode_fields(v: Any) -> Json:
        if not made:  # made on first use (a dataclass may name itself among its fields), whole before it is kept:
            made.append([(name, _encoder(hint)) for name, hint in hints_of(cls).items()])  # threads share it
        return {name: enc(getattr(v, name)) for name, enc in made[0]}

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

Decoder = typing.Callable[[Json], Any]

#: the leaf classes msgspec reads itself (enums too); ``Path`` and ``Fraction`` it hands to :func:`_hook`.  Not
#: ``Decimal``: msgspec takes a JSON number for one even when strict, where the codec writes a string
_LEAVES = (bool, int, float, str, bytes, dt.datetime, dt.date, dt.time, type(None))
#: a fraction as ``str(Fraction)`` writes it
_FRACTION = re.compile(r"-?[0-9]+(/[0-9]+)?")
#: a finite decimal as ``str(Decimal)`` writes it: no NaN, no infinity, no spaces or underscores, which msgspec takes
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?(E[+-][0-9]+)?")
#: where msgspec says its value was: `` - at `$[0]` `` or `` - at `key` in `$` ``
_AT = re.compile(r" - at (`key` in )?`\$([^`]*)`$")


@functools.cache
def _decoder(hint: Any) -> Decoder:  # noqa: PLR0911 - one case per kind of hint
    if _native(hint):
        return _msgspec_decoder(hint)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if _is_union(origin):
        return _union_decoder(args)
    if origin is tuple and args and args[-1] is not Ellipsis:
        return _fixed_tuple_decoder(tuple(_decoder(a) for a in args))
    if origin in (tuple, list, set, frozenset, Sequence):
        item = _decoder(args[0])
        build: typing.Callable[[list[Any]], Any] = list if origin is Sequence else origin
        return lambda d: build(_items(d, itertools.repeat(item)))
    if origin in (dict, Mapping) and args[0] is not str:
        return _pair_mapping_decoder(_decoder(args[0]), _decoder(args[1]))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _dataclass_decoder(hint)
    if hint is Decimal:
        return _decimal
    raise NotSerialisable(f"{hint!r} is not carried")


@functools.cache
def _native(hint: Any) -> bool:  # noqa: PLR0911 - one case per kind of hint
    """Whether msgspec reads ``hint`` whole, as this codec writes it: no dataclass (whose unknown fields it would
    drop), no union of several arms (written with the arm's name), no mapping keyed by other than strings (pairs)."""
    if hint is Any:
        raise NotSerialisable("Any crosses no boundary: name the type")
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if _is_union(origin):
        arms = [a for a in args if a is not type(None)]
        return len(arms) == 1 and _native(arms[0]) and _msgspec_reads(hint)
    if origin is Literal:
        return _msgspec_reads(hint)
    if origin in (tuple, list, set, frozenset, Sequence):
        return all(_native(a) for a in args if a is not Ellipsis) and bool(args)
    if origin in (dict, Mapping):
        return args[0] is str and _native(args[1])
    if origin is typing.Sequence or origin is typing.Mapping:
        raise NotSerialisable(f"{hint!r} is not carried: use collections.abc")
    if origin is not None:
        raise NotSerialisable(f"{hint!r} is not carried")
    if hint is None:
        return True
    if not isinstance(hint, type):
        raise NotSerialisable(f"{hint!r} is not carried")
    if hint in _LEAVES or issubclass(hint, (Enum, PurePath)) or hint is Fraction:
        return _msgspec_reads(hint)
    if dataclasses.is_dataclass(hint) or hint is Decimal:
        return False
    raise NotSerialisable(f"{_name(hint)} is not carried")


def _msgspec_reads(hint: Any) -> bool:
    try:
        msgspec.inspect.type_info(hint)
    except TypeError:
        return False
    return True


def _msgspec_decoder(hint: Any) -> Decoder:
    convert = msgspec.convert

    def decode_value(d: Json) -> Any:
        try:
            return convert(d, hint, strict=True, dec_hook=_hook)
        except msgspec.ValidationError as err:
            raise _from_msgspec(str(err)) from None

    return decode_value


def _from_msgspec(message: str) -> Malformed:
    found = _AT.search(message)
    if found is None:
        return Malformed(message)
    problem = message[: found.start()]
    return Malformed(f"{problem} (a key)" if found.group(1) else problem, found.group(2))


def _hook(cls: type, value: Any) -> Any:
    """``Path`` and ``Fraction`` for msgspec, as strictly as it reads its own: the string :func:`encode` writes, or
    a refusal."""
    if issubclass(cls, PurePath):
        if type(value) is not str or not value:
            raise ValueError(f"Expected a path (a non-empty `str`), got `{_kind(value)}`")
        return Path(value) if cls is PurePath else cls(value)
    if cls is Fraction:
        if type(value) is not str or not _FRACTION.fullmatch(value):
            raise ValueError(f"Expected a fraction (`str` as 1/3), got `{_kind(value)}`")
        return Fraction(value)
    raise NotImplementedError  # msgspec names the type it was not given


def _kind(value: Json) -> str:
    """The JSON type of ``value``, as msgspec names it in its refusals."""
    names = {type(None): "null", bool: "bool", int: "int", float: "float", str: "str", list: "array", dict: "object"}
    return names.get(type(value), type(value).__name__)


def _expect(d: Json, kind: type) -> None:
    if type(d) is not kind:
        raise Malformed(f"Expected `{_kind(kind())}`, got `{_kind(d)}`")


def _items(d: Json, items: Iterable[Decoder]) -> list[Any]:
    """Each element of the array ``d`` by its decoder of ``items`` (one repeated, or one per place); a malformed one
    named by its place."""
    _expect(d, list)
    found = []
    for i, (item, x) in enumerate(zip(items, d, strict=False)):
        try:
            found.append(item(x))
        except Malformed as err:
            err.at.insert(0, f"[{i}]")
            raise
    return found


def _fixed_tuple_decoder(items: tuple[Decoder, ...]) -> Decoder:
    def decode_tuple(d: Json) -> Any:
        _expect(d, list)
        if len(d) != len(items):
            raise Malformed(f"Expected `array` of length {len(items)}, got {len(d)}")
        return tuple(_items(d, items))

    return decode_tuple


def _pair_mapping_decoder(key: Decoder, val: Decoder) -> Decoder:
    pair = _fixed_tuple_decoder((key, val))

    def decode_pairs(d: Json) -> Any:
        found = {}
        for k, x in _items(d, itertools.repeat(pair)):
            if k in found:
                raise Malformed(f"Key {k!r} given twice")
            found[k] = x
        return found

    return decode_pairs


def _decimal(d: Json) -> Decimal:
    """A finite decimal, as :func:`encode` writes one: a fee of ``sNaN`` would raise at the first comparison the desk
    makes with it, and the catalog's reader refuses a fee that is not a finite number."""
    _expect(d, str)  # never a JSON number, which may have lost digits on its way
    if not _DECIMAL.fullmatch(d):
        raise Malformed(f"Expected a finite decimal (`str` as 12.50), got {d!r}")
    return Decimal(d)


def _dataclass_decoder(cls: type) -> Decoder:
    made: list[tuple[list[tuple[str, Decoder, bool]], frozenset[str]]] = []  # (name, decoder, required), names

    def decode_fields(d: Json) -> Any:
        if not made:  # made on first use, as the encoder's
            needed = {f.name for f in dataclasses.fields(cls) if _required(f)}
            plan = [(name, _decoder(hint), name in needed) for name, hint in hints_of(cls).items()]
            made.append((plan, frozenset(name for name, _, _ in plan)))
        fields, names = made[0]
        _expect(d, dict)
        unknown = d.keys() - names
        if unknown:
            raise Malformed(f"Object has unknown field `{min(unknown)}`", f".{min(unknown)}")
        values = {}
        for name, decode_field, required in fields:
            if name in d:
                try:
                    values[name] = decode_field(d[name])
                except Malformed as err:
                    err.at.insert(0, f".{name}")
                    raise
            elif required:
                raise Malformed(f"Object missing required field `{name}`", f".{name}")
        try:
            return cls(**values)
        except (ValueError, TypeError) as err:  # the type's own check (its __post_init__) refused the values
            raise Malformed(f"Not a {cls.__qualname__}: {err}") from err

    return decode_fields


def _required(field: dataclasses.Field[Any]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _union_decoder(args: tuple[Any, ...]) -> Decoder:
    arms = [a for a in args if a is not type(None)]
    optional = len(arms) < len(args)
    if len(arms) == 1:
        inner = _decoder(arms[0])
        return lambda d: None if d is None and optional else inner(d)
    by_name = {_arm_name(a): a for a in arms}

    def decode_arm(d: Json) -> Any:
        if d is None and optional:
            return None
        _expect(d, dict)
        if d.keys() != {"arm", "value"}:
            raise Malformed(f"Expected an object of `arm` and `value` (one of {sorted(by_name)}), got {sorted(d)}")
        arm = by_name.get(d["arm"]) if type(d["arm"]) is str else None
        if arm is None:
            raise Malformed(f"Expected an arm of {sorted(by_name)}, got {d['arm']!r}", ".arm")
        try:
            return _decoder(arm)(d["value"])
        except Malformed as err:
            err.at.insert(0, ".value")
            raise

    return decode_arm
