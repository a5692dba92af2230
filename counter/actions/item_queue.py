"""A department's queue of the items routed to it, and the items coming due or overdue: read from ``open_item``.

``open_item`` holds only the items still with their departments (:mod:`counter.actions.item_track`), so both reads
are index walks of the work in hand, whatever the number of cases the hall has taken over the years.  The alert of
each row is worked out on the office's calendar as the case page does (:func:`counter.case.item_clock.due_alert`):
the working day before its date, on the day, after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Executable, case, func, select
from sqlalchemy.orm import Session

from counter.actions.calendar import office_calendar
from counter.case.item_clock import DueAlert, due_alert
from counter.case.item_path import ItemState
from counter.db import models

QUEUE_MOST = 500  # rows a queue shows: a department holding more works the first, by date, and they move up


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One item with its department: the case, the item, where it stands and when it is due."""

    case_no: str
    applicant_name: str
    bundle_name: str
    item_code: str
    item_name: str
    department: str
    state: ItemState
    routed_on: dt.date
    due_on: dt.date | None  # None while paused
    legal_due: dt.date | None
    promised_due: dt.date | None
    paused_since: dt.date | None
    alert: DueAlert | None


@dataclass(frozen=True, slots=True)
class DepartmentLoad:
    """A department's count of items in hand, and how many of them are overdue today."""

    department: str
    items: int
    overdue: int


_ROW = (
    models.Case.case_no,
    models.Case.applicant_name,
    models.Bundle.name,
    models.OpenItem.item_code,
    models.OpenItem.item_name,
    models.OpenItem.department,
    models.OpenItem.state,
    models.OpenItem.routed_on,
    models.OpenItem.due_on,
    models.OpenItem.legal_due,
    models.OpenItem.promised_due,
    models.OpenItem.paused_since,
)


def department_queue(
    session: Session, department: str, today: dt.date, site_code: str = "", most: int = QUEUE_MOST
) -> tuple[QueueRow, ...]:
    """The items routed to ``department`` and not decided yet, the soonest due first, the paused ones last.

    ``site_code`` keeps to one site's cases (a county's department working one hall's); empty: every site's.
    """
    query = (
        select(*_ROW)
        .join(models.Case, models.Case.id == models.OpenItem.case_id)
        .join(models.Bundle, models.Bundle.code == models.Case.bundle_code)
        .where(models.OpenItem.department == department)
        .order_by(models.OpenItem.due_on.is_(None), models.OpenItem.due_on, models.OpenItem.routed_on)
        .limit(most)
    )
    if site_code:
        query = query.where(models.OpenItem.site_code == site_code)
    return _rows(session, query, today)


def coming_due(session: Session, today: dt.date, site_code: str = "") -> tuple[QueueRow, ...]:
    """Every item due by the next working day or overdue, the most overdue first: the supervisor's list."""
    calendar = office_calendar(session)
    by = calendar.add_working_days(today, 1).date
    query = (
        select(*_ROW)
        .join(models.Case, models.Case.id == models.OpenItem.case_id)
        .join(models.Bundle, models.Bundle.code == models.Case.bundle_code)
        .where(models.OpenItem.due_on <= by)
        .order_by(models.OpenItem.due_on, models.Case.case_no)
    )
    if site_code:
        query = query.where(models.OpenItem.site_code == site_code)
    return _rows(session, query, today)


def department_loads(session: Session, today: dt.date, site_code: str = "") -> tuple[DepartmentLoad, ...]:
    """Each department with items in hand: how many, and how many overdue; by name."""
    overdue = func.sum(case((models.OpenItem.due_on < today, 1), else_=0))
    query = (
        select(models.OpenItem.department, func.count(), overdue)
        .group_by(models.OpenItem.department)
        .order_by(models.OpenItem.department)
    )
    if site_code:
        query = query.where(models.OpenItem.site_code == site_code)
    return tuple(DepartmentLoad(name, count, int(late or 0)) for name, count, late in session.execute(query))


def _rows(session: Session, query: Executable, today: dt.date) -> tuple[QueueRow, ...]:
    calendar = office_calendar(session)
    found = []
    for row in session.execute(query):
        (case_no, applicant, bundle, code, name, department, state, routed_on, due_on, legal, promised, paused) = row
        alert = due_alert(calendar, due_on, today) if due_on is not None else None
        found.append(
            QueueRow(
                case_no,
                applicant,
                bundle,
                code,
                name,
                department,
                ItemState(state),
                routed_on,
                due_on,
                legal,
                promised,
                paused,
                alert,
            )
        )
    return tuple(found)
