"""Changing the office's days: a year's notice imported, one day edited; and the dates of open cases after it.

The calendar the desks count with is :func:`counter.actions.admin.calendar.office_calendar`.  A change here is written
in the caller's unit of work together with what it does to the cases already taken: each open date told to an
applicant is counted again on the new days and the later date governs (:mod:`counter.actions.cases.date_moves`), so a
deadline printed with a provisional holiday never lapses before the days the notice gives.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.guard import require
from counter.actions.cases.date_moves import honour_printed_dates
from counter.audit.actions import AuditAction
from counter.calendar.office_days import ScheduleImport
from counter.calendar.schedule import parse_official_schedule
from counter.db.holiday_store import set_day, store_year

if TYPE_CHECKING:
    from counter.access.desk import Desk


def _year(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(days=k) for k in range((dt.date(year, 12, 31) - first).days + 1)]


def import_schedule(
    session: Session, text: str, year: int, source: str, *, desk: Desk | None = None, at: dt.datetime | None = None
) -> ScheduleImport:
    """Import one year's official schedule; with any problem, nothing is written.

    ``desk`` is who imports it (this machine's desk when not given), ``at`` when (the lines of the dates it moves,
    now unless given).  The open cases' dates are counted again on the year's new days, the later of each governing
    (:func:`counter.actions.cases.date_moves.honour_printed_dates`).
    """
    by = this_desk(desk)
    require(session, by.actor, Permission.EDIT_HOLIDAYS)
    table, problems = parse_official_schedule(text, year)
    result = ScheduleImport(year, len(table.days_off), len(table.working_days), tuple(problems))
    if problems:
        return result
    before = office_calendar(session)
    store_year(session, table, year, source)
    moved = honour_printed_dates(session, by, before, _year(year), at)
    detail = {"year": year, "source": source, "days_off": result.days_off, "working_days": result.working_days}
    record_at_desk(session, by, AuditAction.HOLIDAYS_CHANGED, str(year), detail | _moved(moved))
    return ScheduleImport(year, result.days_off, result.working_days, (), moved)


def set_holiday(
    session: Session, day: dt.date, kind: str | None, *, desk: Desk | None = None, at: dt.datetime | None = None
) -> tuple[str, ...]:
    """Mark one day off (``"off"``) or working (``"work"``), or (``None``) return it to the weekly rhythm; the open
    cases whose dates it moved later (:func:`counter.actions.cases.date_moves.honour_printed_dates`), their lines
    written at ``at`` (now unless given)."""
    by = this_desk(desk)
    require(session, by.actor, Permission.EDIT_HOLIDAYS)
    before = office_calendar(session)
    set_day(session, day, kind)
    moved = honour_printed_dates(session, by, before, [day], at)
    detail = {"day": day.isoformat(), "kind": kind}
    record_at_desk(session, by, AuditAction.HOLIDAYS_CHANGED, day.isoformat(), detail | _moved(moved))
    return moved


def _moved(cases: tuple[str, ...]) -> dict[str, int]:
    """What the change's entry adds: how many cases it moved, when any (each has its own entry)."""
    return {"cases_moved": len(cases)} if cases else {}
