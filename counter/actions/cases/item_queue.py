"""A department's queue of the items routed to it, and the items coming due or overdue: read from ``open_item``.

``open_item`` holds only the items still with their departments (:mod:`counter.actions.cases.item_track`), so both reads
are index walks of the work in hand, whatever the number of cases the hall has taken over the years.  The alert of
each row is worked out on the office's calendar as the case page does (:func:`counter.case.item_clock.due_alert`):
the working day before its date, on the day, after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, aliased

from counter.actions.admin.calendar import office_calendar
from counter.case.item_clock import due_alert
from counter.case.item_path import ItemState
from counter.case.item_queue import DepartmentLoad, QueueRow
from counter.db import models

QUEUE_MOST = 500  # rows a queue shows: a department holding more works the first, by date, and they move up
#: the reminders the window shows, the most overdue first: a league behind with its departments holds thousands, and
#: the list's summary says how many there are (:func:`due_counts`)
DUE_PAGE_MOST = 200


Order = Callable[[type[models.OpenItem]], tuple[Any, ...]]  # a queue's order of the items: _queue_order, _due_order


def _row(item: type[models.OpenItem]) -> tuple[Any, ...]:
    """What a row shows, of ``item`` (the table, or the queue's first rows) and its case."""
    return (
        models.Case.case_no,
        models.Case.applicant_name,
        models.Bundle.name,
        item.item_code,
        item.item_name,
        item.department,
        item.state,
        item.routed_on,
        item.due_on,
        item.legal_due,
        item.promised_due,
        item.paused_since,
    )


def _queue_order(item: type[models.OpenItem]) -> tuple[Any, ...]:
    """A queue's order: the soonest due first, the paused (no date) last; items due alike, the first routed first,
    then the case taken in first and the item's code, so that a queue read twice shows the same rows in the same
    order.  Written ``NULLS LAST``, PostgreSQL's own order of ``ix_open_item_department_due``, so that it walks the
    index in date order and stops after the rows shown (ordering by ``due_on IS NULL`` first, it sorted every row
    of the department, and joined each to its case by reading every case of the hall)."""
    return item.due_on.asc().nulls_last(), item.routed_on, item.case_id, item.item_code


def department_queue(
    session: Session, department: str, today: dt.date, site_code: str = "", most: int = QUEUE_MOST
) -> tuple[QueueRow, ...]:
    """The items routed to ``department`` and not decided yet, in :func:`_queue_order`, at most ``most``.

    ``site_code`` keeps to one site's cases (a county's department working one hall's); empty: every site's.
    The department's rows are ordered and cut alone, and only the rows shown are joined to their cases: a busy
    department holds thousands.
    """
    item = models.OpenItem
    first = select(item).where(item.department == department).order_by(*_queue_order(item)).limit(most)
    if site_code:
        first = first.where(item.site_code == site_code)
    return _rows(session, first, _queue_order, today)


def coming_due(session: Session, today: dt.date, site_code: str = "", most: int | None = None) -> tuple[QueueRow, ...]:
    """The items due by the next working day or overdue, the most overdue first (items due alike in the order their
    cases were taken, then by code): the supervisor's list; ``most`` cuts it to its first rows, as the window shows
    it (:func:`due_counts` says how many there are).

    A league behind with its departments holds thousands: the rows are ordered and cut alone, and only those shown
    are joined to their cases.
    """
    item = models.OpenItem
    first = select(item).where(item.due_on <= _next_working_day(session, today))
    if site_code:
        first = first.where(item.site_code == site_code)
    first = first.order_by(*_due_order(item))
    return _rows(session, first.limit(most) if most is not None else first, _due_order, today)


def due_counts(session: Session, today: dt.date, site_code: str = "") -> tuple[int, int]:
    """How many items are due by the next working day or overdue, and how many of them are overdue."""
    item = models.OpenItem
    query = select(func.count(), func.coalesce(func.sum(case((item.due_on < today, 1), else_=0)), 0)).where(
        item.due_on <= _next_working_day(session, today)
    )
    if site_code:
        query = query.where(item.site_code == site_code)
    due, overdue = session.execute(query).one()
    return int(due), int(overdue)


def _next_working_day(session: Session, today: dt.date) -> dt.date:
    return office_calendar(session).add_working_days(today, 1).date


def _due_order(item: type[models.OpenItem]) -> tuple[Any, ...]:
    return item.due_on, item.case_id, item.item_code


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


#: an item's state by its stored value: a dictionary's look-up, where calling the enumeration costs microseconds a row
_STATES = {state.value: state for state in ItemState}


def _rows(session: Session, first: Select[Any], order: Order, today: dt.date) -> tuple[QueueRow, ...]:
    """The items ``first`` picked (ordered and cut alone), joined to their cases in ``order``, each with its alert.
    Read on the session's connection, without the ORM's handling of each row: the supervisor's list of what is
    coming due holds every item past its date, thousands at a league behind with its work, and that handling and
    the enumeration's call cost a fifth of the list's time (benchmarks/bench_items.py)."""
    shown = aliased(models.OpenItem, first.subquery("shown"))
    query = (
        select(*_row(shown))
        .join(models.Case, models.Case.id == shown.case_id)
        .join(models.Bundle, models.Bundle.code == models.Case.bundle_code)
        .order_by(*order(shown))
    )
    calendar = office_calendar(session)
    found = []
    for row in session.connection().execute(query):
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
                _STATES[state],
                routed_on,
                due_on,
                legal,
                promised,
                paused,
                alert,
            )
        )
    return tuple(found)
