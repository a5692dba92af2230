"""Stored moments read back: a time without its zone is UTC, and the office's day is the machine's own.

SQLite keeps a time's digits without its zone, PostgreSQL gives it back with one; every time the program writes is
in UTC (:func:`counter.db.case_store.add_history` says why).  So a time read back without a zone is UTC, and what a
clerk reads, or what day a step was taken on, is that instant in the desk's own zone.  One rule, here, for every
face and store that reads one back.
"""

from __future__ import annotations

import datetime as dt

BEIJING = dt.timezone(dt.timedelta(hours=8))  # the platform's clock, its front store's and the region's: 北京时间


def stored_utc(at: dt.datetime) -> dt.datetime:
    """A stored time as an aware time in UTC (a time without a zone is UTC)."""
    return at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)


def local_moment(at: dt.datetime, zone: dt.tzinfo | None = None) -> dt.datetime:
    """A stored time in the desk's own zone, for a clerk to read; in ``zone`` where a face is given its clock's."""
    return stored_utc(at).astimezone(zone)


def minute_text(at: dt.datetime, zone: dt.tzinfo | None = None) -> str:
    """A stored time as a person reads it on the desk: its own zone (or ``zone``), to the minute."""
    return local_moment(at, zone).strftime("%Y-%m-%d %H:%M")


def written_minute_text(value: str) -> str:
    """A time kept as ISO text (a machine's note, a held record's detail) as :func:`minute_text` says it; the text as
    it is if it is not one (a note edited by hand)."""
    try:
        return minute_text(dt.datetime.fromisoformat(value))
    except ValueError:
        return value


def second_text(at: dt.datetime) -> str:
    """A stored time to the second, in the desk's own zone: for the record of who read what, where an auditor tells
    apart the reads of one minute and finds each in the log."""
    return local_moment(at).strftime("%Y-%m-%d %H:%M:%S")


def office_day(at: dt.datetime) -> dt.date:
    """The day a stored time falls on, on the office's clock (this machine's)."""
    return local_moment(at).date()


def moment_on(day: dt.date, now: dt.datetime) -> dt.datetime:
    """The moment a step taken on the desk's ``day`` is written at: ``now`` on the real day; on another (a training
    desk's ``--today``) that day at the same time of day on the office's clock, so that the step falls on that day
    wherever the office's zone puts UTC's midnight."""
    local = stored_utc(now).astimezone()
    if local.date() == day:
        return now
    return dt.datetime.combine(day, local.timetz())
