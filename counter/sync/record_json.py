"""Sync records as plain JSON data: written by :func:`to_dict`, read back and checked by :func:`parse_records`.

:func:`parse_records` reads a package body into records and lists every
*structure* problem at once (a field missing, of the wrong type, too long for
its column); a body with any such problem is refused whole.  Whether a
well-formed record can be applied here (its guide version is known, say) is
the importer's question, answered per record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from counter.sync.project_record import ProjectRecord
from counter.sync.records import (
    ALLOWED,
    PART_FORMATS,
    RECORD_TYPES,
    CaseRecord,
    GuideRecord,
    ProgressRecord,
    Record,
)
from counter.util.case_uid import CASE_UID

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
_UID = CASE_UID  # what a desk makes and what ``counter case take`` accepts (counter.util.case_uid)
_HASH = re.compile(r"^[0-9a-f]{64}$")
_PROJECT_UID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")  # str(uuid4())


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """One structure problem: the record's place in the body, the field (a path), and a code."""

    index: int
    field: str
    # not_an_object, unknown_type, wrong_kind, missing, wrong_type, too_long, too_many, bad_text, bad_value, duplicate
    code: str


#: field names as written in the package, where the Python name cannot be the JSON one
_JSON_NAME = {"key_": "key"}


class _Bad(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class _Text:
    """Text that fits its column (``limit`` characters; None: no limit) and that UTF-8 and a database can keep."""

    limit: int | None

    def __call__(self, value: Any) -> str:
        if type(value) is not str:
            raise _Bad("wrong_type")
        if self.limit is not None and len(value) > self.limit:
            raise _Bad("too_long")
        if "\x00" in value or not (value.isascii() or _SURROGATE.search(value) is None):
            raise _Bad("bad_text")
        return value


_SURROGATE = re.compile("[\ud800-\udfff]")  # half a pair: no UTF-8 (and no database) can keep it


def _int(value: Any) -> int:
    if type(value) is not int:
        raise _Bad("wrong_type")
    if not INT_MIN <= value <= INT_MAX:
        raise _Bad("bad_value")
    return value


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise _Bad("wrong_type")
    return value


def _date(value: Any) -> dt.date:
    if type(value) is not str:
        raise _Bad("wrong_type")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Bad("bad_value") from None


def _datetime(value: Any) -> dt.datetime:
    if type(value) is not str:
        raise _Bad("wrong_type")
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _Bad("bad_value") from None
    if parsed.tzinfo is dt.UTC:  # what a package holds: converting it again costs more than parsing it
        return parsed
    if parsed.tzinfo is None:
        raise _Bad("bad_value")
    try:
        return parsed.astimezone(dt.UTC)
    except OverflowError:  # 0001-01-01T00:00:00+01:00 is before the year 1 in UTC: the record is malformed
        raise _Bad("bad_value") from None


@dataclass(frozen=True, slots=True)
class _Optional:
    """A scalar that may also be null."""

    inner: Callable[[Any], Any]

    def __call__(self, value: Any) -> Any:
        return None if value is None else self.inner(value)


_SCALARS: dict[Any, Callable[[Any], Any]] = {int: _int, bool: _bool, dt.date: _date, dt.datetime: _datetime}


@functools.cache
def _plan(cls: Any) -> tuple[tuple[str, str, Any, bool], ...]:
    """Per field: Python name, JSON name, converter (scalar) or builder (part), and whether it is a part."""
    hints = typing.get_type_hints(cls)
    part = PART_FORMATS.get(cls)
    limits: dict[str, int] = part.limits if part else getattr(cls, "LIMITS", {})
    keys = part.keys if part else _JSON_NAME
    counts: dict[str, int] = getattr(cls, "COUNTS", {})
    plan: list[tuple[str, str, Any, bool]] = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        json_name = keys.get(f.name, f.name)
        args = typing.get_args(hint)
        optional = type(None) in args
        base = next((a for a in args if a is not type(None)), hint) if optional else hint
        if typing.get_origin(base) is tuple:
            plan.append((f.name, json_name, _Part(typing.get_args(base)[0], False, True, counts.get(f.name)), True))
        elif dataclasses.is_dataclass(base):
            plan.append((f.name, json_name, _Part(typing.cast(type, base), optional, False, None), True))
        else:
            scalar = _Text(limits.get(f.name)) if base is str else _SCALARS[base]
            plan.append((f.name, json_name, _Optional(scalar) if optional else scalar, False))
    return tuple(plan)


@functools.cache
def _defaults(cls: Any) -> dict[str, Any]:
    """The fields of ``cls`` a record may leave out, by JSON name, with the value each then takes.

    A field with a default was added to its record in a later package format (a case's ``subject``, format 6): a
    record of an older format, or one an older program put on the review list, has no such key and reads as it
    meant, with the default.  Every other field is required.
    """
    part = PART_FORMATS.get(cls)
    keys = part.keys if part else _JSON_NAME
    return {
        keys.get(f.name, f.name): f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING
    }


@dataclass(frozen=True, slots=True)
class _Part:
    """How a field holding another record part (or a list of them, at most ``most``) is built."""

    sub: type
    optional: bool
    many: bool
    most: int | None

    def __call__(self, value: Any, path: str, index: int, problems: list[RecordProblem]) -> Any:
        if self.many:
            if type(value) is not list:
                problems.append(RecordProblem(index, path, "wrong_type"))
                return ()
            if self.most is not None and len(value) > self.most:
                problems.append(RecordProblem(index, path, "too_many"))
                return ()
            return tuple(_build(self.sub, item, f"{path}[{n}]", index, problems) for n, item in enumerate(value))
        if value is None and self.optional:
            return None
        return _build(self.sub, value, path, index, problems)


@functools.cache
def _fast(cls: Any, storable: bool = False) -> Callable[[Any], Any]:
    """A builder for well-formed dicts that raises at the first problem (then :func:`_build` lists them all).

    Nearly every record of a real package is well formed, and a package may hold
    ten thousand cases with a hundred thousand parts: this is the hot path.  It
    is one generated function per class, as :func:`collections.namedtuple`
    generates its methods: no loop, no intermediate dict, the commonest checks
    inline, and each field stored straight into its slot (the frozen class's
    ``__init__`` would store them one ``object.__setattr__`` call at a time).
    The object is made as its class's :func:`_unfrozen` twin, whose slots take a plain assignment (a call of the
    slot's setter per field cost as much again: a package's hundred thousand checklist lines have ten fields each),
    and is the frozen class's once every field is in; a record never leaves here half made, or as the twin.
    ``storable``: the texts are known to hold no NUL and no half of a surrogate pair (see :func:`parse_records`),
    so each is checked for its type and length only.
    """
    twin = _unfrozen(cls)
    defaults = _defaults(cls)
    names: dict[str, Any] = {
        "cls": cls, "twin": twin or cls, "new": object.__new__, "dict_type": dict, "str_type": str,
        "int_type": int, "bool_type": bool, "Bad": _Bad, "bad": _bad, "S": _SURROGATE,
    }  # fmt: skip
    lines = []
    for n, (name, json_name, convert, is_part) in enumerate(_plan(cls)):
        v = f"v{n}"
        names[f"s{n}"] = getattr(cls, name).__set__  # the slot itself, below the frozen class's __setattr__
        inner = convert.inner if isinstance(convert, _Optional) else convert
        value = f"raw[{json_name!r}]"
        if json_name in defaults:
            names[f"default{n}"] = defaults[json_name]
            value = f"raw.get({json_name!r}, default{n})"
        if isinstance(inner, _Text):  # the commonest field, checked inline (a call each costs as much as the check)
            fits = "" if inner.limit is None else f" and len({v}) <= {inner.limit}"
            storable_text = "" if storable else f" and '\\x00' not in {v} and ({v}.isascii() or S.search({v}) is None)"
            check = f"{v} if type({v}) is str_type{fits}{storable_text} else bad()"
        elif inner is _int:
            check = f"{v} if type({v}) is int_type and {INT_MIN} <= {v} <= {INT_MAX} else bad()"
        elif inner is _bool:
            check = f"{v} if type({v}) is bool_type else bad()"
        else:
            names[f"c{n}"] = (
                _fast_part(convert.sub, convert.optional, convert.many, convert.most, storable) if is_part else inner
            )
            check = f"c{n}({v})"
        if inner is not convert:
            check = f"None if {v} is None else ({check})"
        store = f"o.{name} = {check}" if twin is not None else f"s{n}(o, {check})"
        lines.append(f"    {v} = {value}\n    {store}\n")
    become = "    o.__class__ = cls\n" if twin is not None else ""  # every field in: the twin becomes the record
    source = (
        "def build(raw):\n"
        "    if type(raw) is not dict_type:\n"
        "        raise Bad('not_an_object')\n"
        "    o = new(twin)\n"
        f"{''.join(lines)}"
        f"{become}"
        "    return o\n"
    )
    exec(source, names)  # the source is made here from field names, never from input
    build: Callable[[Any], Any] = names["build"]
    return build


def _bad() -> Any:
    raise _Bad("bad_value")


def _unfrozen(cls: Any) -> type | None:
    """A class with the same slots as the frozen ``cls`` and nothing else, whose objects may become ``cls``'s.

    None where Python does not let an object change between the two (a class with more than its fields' slots, say):
    :func:`_fast` then stores each field through its slot's setter.
    """
    slots = getattr(cls, "__slots__", None)
    if cls.__bases__ != (object,) or not isinstance(slots, tuple):
        return None
    twin = type(f"_Unfrozen{cls.__name__}", (), {"__slots__": slots, "__module__": __name__})
    probe: Any = object.__new__(twin)
    try:
        probe.__class__ = cls
    except TypeError:
        return None
    return twin


def _fast_part(cls: type, optional: bool, many: bool, most: int | None, storable: bool) -> Callable[[Any], Any]:
    def one(value: Any) -> Any:
        return None if value is None and optional else _fast(cls, storable)(value)

    def several(value: Any) -> Any:
        if type(value) is not list:
            raise _Bad("wrong_type")
        if most is not None and len(value) > most:
            raise _Bad("too_many")
        build = _fast(cls, storable)
        return tuple([build(item) for item in value])

    return several if many else one


def _build(cls: type, raw: Any, path: str, index: int, problems: list[RecordProblem]) -> Any:
    """An instance of ``cls`` from its dict; every problem appended, None if there were any in it."""
    if type(raw) is not dict:
        problems.append(RecordProblem(index, path, "not_an_object"))
        return None
    before = len(problems)
    values: dict[str, Any] = {}
    prefix = f"{path}." if path else ""
    defaults = _defaults(cls)
    for name, json_name, convert, is_part in _plan(cls):
        if json_name not in raw and json_name in defaults:
            values[name] = defaults[json_name]
            continue
        if json_name not in raw:
            problems.append(RecordProblem(index, prefix + json_name, "missing"))
            continue
        if is_part:
            values[name] = convert(raw[json_name], prefix + json_name, index, problems)
            continue
        try:
            values[name] = convert(raw[json_name])
        except _Bad as bad:
            problems.append(RecordProblem(index, prefix + json_name, bad.code))
    if len(problems) > before:
        return None
    return cls(**values)


@functools.cache
def _dumper(cls: Any) -> Callable[[Any], dict[str, Any]]:
    """A function writing an instance of ``cls`` as plain JSON data: one dict literal, generated per class.

    An export writes every part of every pending case (a township's ten thousand cases have a hundred thousand
    checklist lines): asking each value what it is, as a generic walk does, was most of the township's export.  The
    plan says what each field holds, so the generated code converts only dates and times and descends only into parts.
    """
    names: dict[str, Any] = {"UTC": dt.UTC}
    hints = typing.get_type_hints(cls)
    items = []
    for n, (name, json_name, convert, is_part) in enumerate(_plan(cls)):
        v = f"o.{name}"
        if is_part:
            names[f"d{n}"] = _dumper(convert.sub)
            if convert.many:
                value = f"[d{n}(x) for x in {v}]"
            else:
                value = f"None if {v} is None else d{n}({v})" if convert.optional else f"d{n}({v})"
        else:
            hint = hints[name]
            args = typing.get_args(hint)
            base = next((a for a in args if a is not type(None)), hint) if args else hint
            optional = type(None) in args
            if base is dt.datetime:
                # what the records hold is UTC already (counter.db.sync.tables.utc): converting it again costs more
                value = f"({v} if {v}.tzinfo is UTC else {v}.astimezone(UTC)).isoformat()"
            elif base is dt.date:
                value = f"{v}.isoformat()"
            else:
                value = v
            if optional and value != v:
                value = f"None if {v} is None else {value}"
        items.append(f"{json_name!r}: {value}")
    type_name = getattr(cls, "TYPE", None)
    if type_name is not None:
        items.insert(0, f"'type': {type_name!r}")
    source = f"def dump(o):\n    return {{{', '.join(items)}}}\n"
    exec(source, names)  # the source is made here from field names, never from input
    dump: Callable[[Any], dict[str, Any]] = names["dump"]
    return dump


def to_dict(record: Record) -> dict[str, Any]:
    """The record as plain JSON data, with its ``type``."""
    kind: Any = type(record)
    return _dumper(kind)(record)


def parse_records(
    body: Iterable[Any], kind: str | None = None, storable: bool = False
) -> tuple[list[Record], list[RecordProblem]]:
    """Every record of a package body, and every structure problem found (the body is refused if any).

    ``kind`` (cases / updates) limits the record types to those that package may
    hold.  Beyond types and lengths: a case's uid is 32 hex digits, a hash 64,
    and no record appears twice.  ``storable`` says the body was read from a
    package's JSON, whose reading (:func:`counter.sync.package.unpack_package`)
    refuses a NUL or half a surrogate pair anywhere in it: its texts are not
    looked at for them again, one by one (a package's hundred thousand names).
    """
    records: list[Record] = []
    problems: list[RecordProblem] = []
    allowed = ALLOWED.get(kind) if kind is not None else None
    seen: set[tuple[str, str]] = set()
    for index, raw in enumerate(body):
        if type(raw) is not dict:
            problems.append(RecordProblem(index, "", "not_an_object"))
            continue
        type_name = raw.get("type")
        cls = RECORD_TYPES.get(type_name) if type(type_name) is str else None
        if cls is None:
            problems.append(RecordProblem(index, "type", "unknown_type"))
            continue
        if allowed is not None and cls.TYPE not in allowed:
            problems.append(RecordProblem(index, "type", "wrong_kind"))
            continue
        before = len(problems)
        kind_of: Any = cls
        try:
            record = _fast(kind_of, storable)(raw)
        except (_Bad, KeyError):
            record = _build(cls, raw, "", index, problems)
        if record is None:
            continue
        _identity_problems(record, index, problems)
        identity = (record.TYPE, record.key)
        if identity in seen:
            problems.append(RecordProblem(index, "", "duplicate"))
        seen.add(identity)
        if len(problems) == before:
            records.append(record)
    return records, problems


def _identity_problems(record: Record, index: int, problems: list[RecordProblem]) -> None:
    if isinstance(record, CaseRecord | ProgressRecord) and not _UID.fullmatch(record.uid):
        problems.append(RecordProblem(index, "uid", "bad_value"))
    if isinstance(record, CaseRecord):
        if record.previous_uid and not _UID.fullmatch(record.previous_uid):
            problems.append(RecordProblem(index, "previous_uid", "bad_value"))
        if not _HASH.match(record.guide.content_hash):
            problems.append(RecordProblem(index, "guide.content_hash", "bad_value"))
    if isinstance(record, GuideRecord) and not _HASH.match(record.content_hash):
        problems.append(RecordProblem(index, "content_hash", "bad_value"))
    if isinstance(record, ProjectRecord):
        _project_problems(record, index, problems)


def _project_problems(record: ProjectRecord, index: int, problems: list[RecordProblem]) -> None:
    """A project's uid as the registering desk makes it, and its plan's steps and papers each once.

    The plan is written whole on the receiving side and a project has one paper of each kind: a record naming one
    twice is not one a desk wrote (the receiver's unique keys would refuse it mid-import).
    """
    if not _PROJECT_UID.match(record.uid):
        problems.append(RecordProblem(index, "uid", "bad_value"))
    if len({s.no for s in record.steps}) != len(record.steps):
        problems.append(RecordProblem(index, "steps", "duplicate"))
    if len({p.kind for p in record.papers}) != len(record.papers):
        problems.append(RecordProblem(index, "papers", "duplicate"))


def record_from_dict(raw: Any) -> Record | None:
    """One record from its dict (a review list's payload), or None if it does not read."""
    records, problems = parse_records([raw])
    return None if problems or not records else records[0]
