"""Values of any type the service carries, generated from its type hints: what the codec walk feeds each operation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping, Sequence
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from pathlib import Path, PurePath
from typing import Any, Literal, Union

from hypothesis import strategies as st

from counter.service.codec import hints_of

TEXT = st.text(alphabet=st.sampled_from("ab张海军 -0"), max_size=6)


def strategy_for(  # noqa: PLR0911
    hint: Any, depth: int = 0, text: st.SearchStrategy[str] = TEXT
) -> st.SearchStrategy[Any]:
    """Values of ``hint``; nested containers are kept small, and deep nesting is cut at a few levels; ``text``: the
    strings drawn."""
    if hint is None or hint is type(None):
        return st.none()
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Union or origin is types.UnionType:
        return st.one_of([strategy_for(a, depth, text) for a in args])
    if origin is Literal:
        return st.sampled_from(args)
    size = 0 if depth > 3 else 2
    if origin is tuple:
        if args and args[-1] is not Ellipsis:
            return st.tuples(*(strategy_for(a, depth + 1, text) for a in args))
        return st.lists(strategy_for(args[0], depth + 1, text), max_size=size).map(tuple)
    if origin in (list, Sequence):
        return st.lists(strategy_for(args[0], depth + 1, text), max_size=size)
    if origin in (set, frozenset):
        return st.frozensets(strategy_for(args[0], depth + 1, text), max_size=size).map(origin)
    if origin in (dict, Mapping):
        return st.dictionaries(
            strategy_for(args[0], depth + 1, text), strategy_for(args[1], depth + 1, text), max_size=size
        )
    if isinstance(hint, type):
        return _class_strategy(hint, depth, text)
    raise TypeError(f"no values for {hint!r}")


def _special() -> dict[type, st.SearchStrategy[Any]]:
    """Types whose own checks refuse almost every value drawn at random: values of their rules instead."""
    from counter.calendar.workdays import DateSpan
    from counter.case.numbers import DeskIdentity
    from counter.case.promise_figures import FigureGroup
    from counter.case.queue_ticket import QueueTicket
    from counter.projects.report import Month
    from counter.service.intake import FiguresOfMonth

    days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1))
    return {
        DeskIdentity: st.builds(DeskIdentity, st.sampled_from(["XAM01", "HLR12", "AR"]), st.sampled_from(["1", "8"])),
        QueueTicket: st.builds(QueueTicket, st.sampled_from(["A012", "B7"]), st.none() | st.integers(0, 3600)),
        DateSpan: st.tuples(days, days).map(lambda ends: DateSpan(min(ends), max(ends))),
        Month: st.builds(Month, st.integers(2000, 2999), st.integers(1, 12)),
        FiguresOfMonth: st.builds(
            FiguresOfMonth, st.sampled_from(["2026-11", "2000-01"]), st.sampled_from(FigureGroup)
        ),
    }


def _class_strategy(cls: type, depth: int, text: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    special = _special()
    if cls in special:
        return special[cls]
    if issubclass(cls, Enum):
        return st.sampled_from(list(cls))
    simple: dict[type, st.SearchStrategy[Any]] = {
        bool: st.booleans(),
        int: st.integers(-10, 10**7),
        float: st.floats(allow_nan=False, allow_infinity=False, width=32),
        str: text,
        Decimal: st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-(10**6), max_value=10**6),
        dt.datetime: st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2040, 1, 1)),
        dt.date: st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1)),
        dt.time: st.times(),
        bytes: st.binary(max_size=6),
        Fraction: st.fractions(max_denominator=1000),
    }
    if cls in simple:
        return simple[cls]
    if issubclass(cls, PurePath):
        return st.sampled_from(["a", "a/b.pdf", "/tmp/x"]).map(Path)
    if dataclasses.is_dataclass(cls):
        fields = {name: strategy_for(hint, depth + 1, text) for name, hint in hints_of(cls).items()}
        return st.fixed_dictionaries(fields).map(lambda values: _made(cls, values)).filter(lambda v: v is not None)
    raise TypeError(f"no values for {cls.__qualname__}")


def _made(cls: type, values: dict[str, Any]) -> Any:
    """An instance, or None where the type's own checks refuse the values drawn (those are not what crosses)."""
    try:
        return cls(**values)
    except (ValueError, TypeError, AssertionError, KeyError, IndexError, AttributeError):
        return None
