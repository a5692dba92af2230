"""Rows read by the bare driver, each value already as a record's JSON writes it.

A township's export reads every row of every pending case and writes it as JSON: read through SQLAlchemy, each row
became a row object, each stored time was parsed into a ``datetime`` (on SQLite, where it is text) and each was then
written back as text — half of the export.  Here the statement, compiled once, goes to the driver's cursor, and only
the values JSON writes otherwise are turned, straight from what the driver hands back: a time into its ISO form in
UTC (:func:`counter.sync.record_json.to_dict`'s), a day into ``YYYY-MM-DD``, SQLite's 0 and 1 of a flag into
``false`` and ``true``.  What a record's JSON holds is unchanged: a test holds it equal to the records read through
SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

Rows = list[Sequence[Any]]
Convert = Callable[[Sequence[Sequence[Any]]], Rows]
_compiled: dict[tuple[str, str, Hashable], tuple[str, tuple[str, ...] | None, Convert]] = {}


def json_rows(session: Session, stmt: Select[Any], params: Mapping[str, Any] | None = None,
              key: Hashable | None = None) -> Rows:  # fmt: skip
    """The rows of ``stmt`` in the session's transaction, their times, days and flags as JSON writes them.

    A statement given a ``key`` is compiled once for each kind of database and driver, its values bound from
    ``params`` by name; without one it is compiled at each call, with the values it holds.
    """
    connection = session.connection()
    dialect = connection.dialect
    if key is None:
        compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        sql, names, convert = str(compiled), _order(compiled), _converter(stmt, dialect)
        params = compiled.params
    else:
        found = _compiled.get((dialect.name, dialect.driver, key))
        if found is None:
            compiled = stmt.compile(dialect=dialect)
            found = _compiled[(dialect.name, dialect.driver, key)] = (
                str(compiled),
                _order(compiled),
                _converter(stmt, dialect),
            )
        sql, names, convert = found
    bound: Any = params or {}
    if names is not None:
        bound = tuple(bound[name] for name in names)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, bound)
        return convert(cursor.fetchall())
    finally:
        cursor.close()


def _order(compiled: Any) -> tuple[str, ...] | None:
    """The parameters' names in the order a positional driver (SQLite's ``?``) takes them; None for named ones."""
    return tuple(compiled.positiontup) if compiled.positional else None


def _converter(stmt: Select[Any], dialect: Dialect) -> Convert:
    """A function turning the driver's rows of ``stmt`` into JSON's values (one generated expression per row)."""
    lite = dialect.name == "sqlite"
    scope: dict[str, Any] = {"T": _lite_time if lite else _time, "D": _lite_day if lite else _day, "B": _flag}
    values, turned = [], False
    for n, column in enumerate(stmt.selected_columns):
        kind = column.type
        if isinstance(kind, DateTime):
            values.append(f"T(v{n})")
        elif isinstance(kind, Date):
            values.append(f"D(v{n})")
        elif isinstance(kind, Boolean) and lite:
            values.append(f"B(v{n})")
        else:
            values.append(f"v{n}")
            continue
        turned = True
    if not turned:
        return list
    names = ", ".join(f"v{n}" for n in range(len(values)))
    source = f"def convert(rows):\n    return [({', '.join(values)},) for ({names},) in rows]\n"
    exec(source, scope)  # the source is made here from a count of columns, never from data
    convert: Convert = scope["convert"]
    return convert


def _time(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(dt.UTC).isoformat()


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _lite_time(value: str | None) -> str | None:
    """SQLite's stored time (UTC, ``YYYY-MM-DD HH:MM:SS.ffffff`` as SQLAlchemy and the bulk writer store it)."""
    if value is None:
        return None
    if len(value) == 26 and value[10] == " " and value[19] == "." and value[:4].isdigit():
        if value.endswith(".000000"):  # isoformat leaves out a time's zero microseconds
            return f"{value[:10]}T{value[11:19]}+00:00"
        return f"{value[:10]}T{value[11:]}+00:00"
    parsed = dt.datetime.fromisoformat(value)  # any other form SQLite may hold: read as SQLAlchemy reads it
    return parsed.isoformat() + "+00:00" if parsed.tzinfo is None else parsed.astimezone(dt.UTC).isoformat()


def _lite_day(value: str | None) -> str | None:
    if value is None:
        return None
    if len(value) == 10 and value[4] == "-" and value[7] == "-":  # as SQLAlchemy and the bulk writer store it
        return value
    return dt.date.fromisoformat(value).isoformat()


def _flag(value: int | None) -> bool | None:
    return None if value is None else bool(value)
