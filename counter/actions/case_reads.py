"""What the case commands show: one case whole, the case lists, and whether ID numbers may be shown whole.

Each read takes the caller's unit of work and returns plain data from :mod:`counter.case.view`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.actions.calendar import office_calendar
from counter.actions.guard import NotPermitted, require
from counter.db import case_store

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy.orm import Session

    from counter.actions.desk import Desk
    from counter.case.view import CaseRow, CaseView

__all__ = ["case_rows", "case_view", "case_views", "may_see_whole_numbers"]

DUE_SOON_WORKING_DAYS = 2  # "due soon": a deferral due within two working days, or already overdue


def case_view(session: Session, case_no: str) -> CaseView | None:
    """Status, materials, deadlines, documents, ratings and history of one case; None when there is no such case."""
    return case_store.case_view(session, case_no)


def case_views(session: Session, case_nos: Iterable[str]) -> list[CaseView]:
    """The views of the cases that exist among ``case_nos``, in their order."""
    views = (case_store.case_view(session, case_no) for case_no in case_nos)
    return [view for view in views if view is not None]


def case_rows(session: Session, today: dt.date, *, overdue: bool = False, due_soon: bool = False) -> list[CaseRow]:
    """The case list: every case, or the deferrals overdue (``overdue``) or due within two working days."""
    if overdue:
        return case_store.deferrals_due_by(session, today - dt.timedelta(days=1))
    if due_soon:
        horizon = office_calendar(session).add_working_days(today, DUE_SOON_WORKING_DAYS).date
        return case_store.deferrals_due_by(session, horizon)
    return case_store.all_cases(session)


def may_see_whole_numbers(session: Session, desk: Desk) -> bool:
    """ID numbers and phones whole: for a signed-in clerk or supervisor at ``desk``, or the single desk."""
    try:
        require(session, desk.actor, Permission.SEE_FULL_ID)
    except NotPermitted:
        return False
    return True
