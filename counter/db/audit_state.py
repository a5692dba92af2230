"""The rows the trail vouches for, read for their digests: one row as an entry is written, all of them for the check.

Rows are read with plain column selects both times, so a value comes back in
the same type whether the entry's transaction or a later check reads it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, bindparam, func, select
from sqlalchemy.orm import Session

from counter.audit.state import (
    FIELDS,
    CurrentRow,
    RowAltered,
    SubjectKind,
    actions_about,
    recorded_actions,
    state_hash,
    subject_of,
    subject_text,
)
from counter.db import models
from counter.db.sealed import UNREADABLE

READ_BATCH = 5_000

_TABLES: dict[SubjectKind, Any] = {
    SubjectKind.CASE: models.Case,
    SubjectKind.RATING: models.Rating,
    SubjectKind.ACCOUNT: models.Account,
}


_KEYS = {SubjectKind.CASE: "case_no", SubjectKind.RATING: "id", SubjectKind.ACCOUNT: "login"}
_MADE = {SubjectKind.CASE: "created_at", SubjectKind.RATING: "rated_at", SubjectKind.ACCOUNT: "created_at"}


def _key_column(kind: SubjectKind) -> ColumnElement[Any]:
    return cast(ColumnElement[Any], getattr(_TABLES[kind], _KEYS[kind]))


def _columns(kind: SubjectKind) -> list[Any]:
    table = _TABLES[kind]
    return [getattr(table, name) for name in FIELDS[kind]]


def row_state(session: Session, action: str, subject: str) -> str:
    """The digest of the row the entry (``action``, ``subject``) is about; "" when it is about none, or it is gone."""
    about = subject_of(action, subject)
    if about is None:
        return ""
    kind, key = about
    value: object = key
    if kind is SubjectKind.RATING:
        if not key.isdigit():
            return ""
        value = int(key)
    row = session.execute(_state_query(kind), {"subject_key": value}).first()
    return "" if row is None else state_hash(kind, dict(row._mapping))


def check_as_recorded(session: Session, kind: SubjectKind, key: str) -> None:
    """Raise :class:`RowAltered` unless the row is as the newest entry about it recorded, before it is written again.

    A row no entry recorded a state of (written before states were recorded, or a township's case) passes, as the
    trail's check lets it; an account no entry ever spoke of does not: every account the program made has its
    ``account_added``, so one without is a row someone put there.
    """
    e = models.AuditEntry
    about = (e.subject == subject_text(kind, key), e.action.in_(actions_about(kind)))
    newest = session.scalar(select(e.state).where(*about, e.state != "").order_by(e.id.desc()).limit(1))
    if newest is None:
        if kind is SubjectKind.ACCOUNT and session.scalar(select(e.id).where(*about).limit(1)) is None:
            raise RowAltered(kind, key)
        return
    value: object = int(key) if kind is SubjectKind.RATING else key
    row = session.execute(_state_query(kind), {"subject_key": value}).first()
    if row is None or state_hash(kind, dict(row._mapping)) != newest:
        raise RowAltered(kind, key)


def written_state(action: str, subject: str, row: Mapping[str, object]) -> str:
    """The digest :func:`row_state` would read, from the values the row was written with (every covered field)."""
    about = subject_of(action, subject)
    return "" if about is None else state_hash(about[0], row)


@functools.cache
def _state_query(kind: SubjectKind) -> Select[Any]:
    """The row an entry is about, by its key: built once, as every entry of an intake or a rating reads one."""
    return select(*_columns(kind)).where(_key_column(kind) == bindparam("subject_key"))


def current_rows(
    session: Session, kind: SubjectKind, own_site: str | None, since: dt.datetime | None
) -> Iterator[CurrentRow]:
    """Every row of ``kind`` with its digest, read ``READ_BATCH`` at a time by key.

    A row must be recorded when it was made since the first entry that carried
    a state (``since``; never when None) and belongs to this site (``own_site``;
    accounts are always the site's, and None counts every row as its own).
    An account must be recorded whenever it was made: the program has written
    ``account_added`` for every account since accounts exist, and the row's own
    ``created_at`` is whatever whoever inserted it wrote there.
    """
    key = _key_column(kind)
    made = getattr(_TABLES[kind], _MADE[kind])
    site = None if kind is SubjectKind.ACCOUNT else _TABLES[kind].site_code
    extra = [made] + ([site] if site is not None else [])
    after: Any = None
    while True:
        query = select(key, *extra, *_columns(kind))
        if after is not None:
            query = query.where(key > after)
        rows = session.execute(query.order_by(key).limit(READ_BATCH)).all()
        for row in rows:
            mapping = row._mapping
            made_at = _naive_utc(row[1])
            own = site is None or own_site is None or row[2] == own_site
            made_since = kind is SubjectKind.ACCOUNT or (made_at is not None and since is not None and made_at >= since)
            must = since is not None and own and made_since
            yield CurrentRow(str(row[0]), _state_here(kind, dict(mapping)), must)
        if len(rows) < READ_BATCH:
            return
        after = rows[-1][0]


def _state_here(kind: SubjectKind, row: Mapping[str, Any]) -> str:
    """The row's digest; "" where a value is sealed under a key this machine does not hold (counter.db.sealed): a
    copy of the database checked elsewhere cannot know the row, and must not call it changed."""
    if any(value == UNREADABLE for value in row.values()):
        return ""
    return state_hash(kind, row)


def _naive_utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def recorded_states(session: Session) -> tuple[dict[SubjectKind, dict[str, str]], dict[SubjectKind, set[str]]]:
    """The newest recorded state of every row (in the order the entries were written), and every row spoken of.

    Entries are ordered by their row id: two changes of one row are serialised
    by the row's lock, so the later change's entry is written later whatever
    the desks' clocks say.
    """
    e = models.AuditEntry
    states: dict[SubjectKind, dict[str, str]] = {kind: {} for kind in SubjectKind}
    mentioned: dict[SubjectKind, set[str]] = {kind: set() for kind in SubjectKind}
    after = 0
    while True:
        query = select(e.id, e.action, e.subject, e.state).where(e.action.in_(recorded_actions()), e.id > after)
        rows = session.execute(query.order_by(e.id).limit(READ_BATCH)).all()
        for _id, action, subject, state in rows:
            about = subject_of(action, subject)
            if about is None:
                continue
            kind, key = about
            mentioned[kind].add(key)
            if state:
                states[kind][key] = state
        if len(rows) < READ_BATCH:
            return states, mentioned
        after = rows[-1][0]


def states_since(session: Session) -> dt.datetime | None:
    """When the first entry with a state was written: rows made before it may have no entry (None: no entry has)."""
    e = models.AuditEntry
    first = session.scalar(select(func.min(e.at)).where(e.state != ""))
    return _naive_utc(first)
