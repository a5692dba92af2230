"""What the faces show of cases: one case whole, the case lists, the desk's day lists, and whether ID numbers may
be shown whole.  (The case page's own read, with its guide and documents, is :mod:`counter.actions.cases.case_view`.)

Each read takes the caller's unit of work and returns plain data from :mod:`counter.case.view`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol, TypeVar

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.guard import accounts_known, require
from counter.actions.cases.received_cases import marked, marked_as_read
from counter.case.case_lists import FOUND_AT_MOST, DayLists
from counter.case.lookup import LOOKBACK_DAYS, FoundCase, Lookup, since
from counter.case.view import CaseRow
from counter.db import case_lists, case_store

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sqlalchemy.orm import Session as Unit

    from counter.access.desk import Desk
    from counter.case.view import CaseView

__all__ = [
    "case_rows",
    "case_view",
    "case_views",
    "cases_found",
    "day_lists",
    "may_see_whole_numbers",
    "of_department",
]


class _Numbered(Protocol):
    @property
    def case_no(self) -> str: ...


Listed = TypeVar("Listed", bound=_Numbered)  # a row of a case list: a case row, a case found

DUE_SOON_WORKING_DAYS = 2  # "due soon": a deferral due within two working days, or already overdue


def case_view(session: Unit, case_no: str) -> CaseView | None:
    """Status, materials, deadlines, documents, ratings and history of one case; None when there is no such case."""
    return case_store.case_view(session, case_no)


def case_views(session: Unit, case_nos: Iterable[str]) -> list[CaseView]:
    """The views of the cases that exist among ``case_nos``, in their order."""
    views = (case_store.case_view(session, case_no) for case_no in case_nos)
    return [view for view in views if view is not None]


def cases_found(
    session: Unit,
    lookup: Lookup,
    today: dt.date,
    desk: Desk | None = None,
    days: int = LOOKBACK_DAYS,
    limit: int = FOUND_AT_MOST,
    department: str = "",
) -> list[FoundCase]:
    """F7's answer to what the clerk typed: the cases of the last ``days`` days it names, newest first, with the
    applicant's ID number and phone masked unless whoever acts at ``desk`` may see them whole.

    ``department``: a department's staff, who find only the cases with an item routed to it and not decided yet
    (:func:`of_department`), among the ``limit`` found.
    """
    if lookup.too_short:  # the desk says so before it asks; asked anyway (over the server), a name of no pair
        return []
    at = this_desk(desk)
    login = at.actor.login if at.actor.signed_in else ""
    reads = case_lists.cases_found(session, lookup, since(today, days), limit, login)
    rows = of_department(session, department, reads.rows) if department else reads.rows
    if not rows:
        return []
    accounts_known(session, reads.accounts, login, reads.account)  # read with the cases: the check asks no more
    rows = marked(session, rows)  # 已收件 where the page says it
    if may_see_whole_numbers(session, at):
        return rows
    return [row.masked() for row in rows]


def of_department(session: Unit, department: str, rows: Iterable[Listed]) -> list[Listed]:
    """The rows of ``rows`` whose case has an item routed to ``department`` and not decided yet: all a department's
    staff may list of the hall's cases (the applicants of the window's other cases are none of theirs), as its item
    queue lists its own items alone."""
    theirs = case_lists.department_case_nos(session, department)
    return [row for row in rows if row.case_no in theirs]


def case_rows(
    session: Unit, today: dt.date, *, overdue: bool = False, due_soon: bool = False, department: str = ""
) -> Iterator[CaseRow]:
    """The case list: the newest cases, or the deferrals and corrections overdue (``overdue``) or due within two
    working days (``due_soon``), earliest first: what a supervisor decides.

    An overdue correction is one whose notice went unanswered past its deadline: the supervisor lapses it.  The rows
    come as they are read (:func:`counter.db.case_lists.due_rows`), so the caller iterates inside the unit of work:
    a league's backlog is listed without being held whole.  ``department``: a department's staff, who list only
    the cases with an item routed to it and not decided yet (the newest of them, or those of them due).
    """
    if overdue or due_soon:
        last_day = today - dt.timedelta(days=1)
        if due_soon:
            last_day = office_calendar(session).add_working_days(today, DUE_SOON_WORKING_DAYS).date
        rows = case_lists.due_rows(session, last_day)
        if department:
            theirs = case_lists.department_case_nos(session, department)
            rows = (row for row in rows if row.case_no in theirs)
        return marked_as_read(session, rows)  # 已收件 where the page says it, a batch at a time
    if department:
        return iter(marked(session, case_lists.department_cases(session, department)))
    return iter(marked(session, case_lists.all_cases(session)))


def may_see_whole_numbers(session: Unit, desk: Desk) -> bool:
    """ID numbers and phones whole: for a signed-in clerk or supervisor at ``desk``, or the single desk."""
    try:
        require(session, desk.actor, Permission.SEE_FULL_ID)
    except NotPermitted:
        return False
    return True


DUE_PAGE = 100  # the deferrals and corrections coming due the F6 list shows: the earliest, which are acted on first
DUE_COUNT_CAP = 500  # beyond this many coming due, the list says "more than" instead of counting them all


def day_lists(unit: Unit, today: dt.date, desk: Desk | None = None, department: str = "") -> DayLists:
    """Today's cases at a desk and the deferrals and corrections of the hall coming due, with one office calendar.

    The second list is a page, the earliest due first, with a count: a hall with a long overdue backlog gets the
    cases to act on first, read by index, never every waiting case.  The count walks the same indexes, at most
    :data:`DUE_COUNT_CAP` entries of each, so it costs little more than the page and stays bounded however long the
    backlog; past that it says "more than", which is all a supervisor needs to know at a glance.

    ``department``: a department's staff, who are shown only the cases with an item routed to it and not decided
    yet (:func:`of_department`), and counted as listed: the hall's counts are of the window's cases, none of theirs.
    """
    at = this_desk(desk).identity  # desk numbers repeat from site to site: the day's cases are this site's desk's
    calendar = office_calendar(unit)
    soon_until = calendar.add_working_days(today, DUE_SOON_WORKING_DAYS).date
    of_day = case_lists.cases_of_day(unit, today, at.site_code, at.desk_no)
    with case_lists.index_walk(unit):  # the planner's settings for the walk once for the page and the counts
        due = case_lists.deferrals_due_page(unit, soon_until, DUE_PAGE)
        due += case_lists.corrections_due_page(unit, soon_until, DUE_PAGE)
        count, overdue, whole = case_lists.due_counts(unit, soon_until, today, DUE_COUNT_CAP)
    due.sort(key=lambda r: (r.next_due or soon_until, r.case_no))
    page = due[:DUE_PAGE]
    if department:
        whole = whole and count <= DUE_PAGE  # the hall's page held every case due: so does the department's
        of_day, page = of_department(unit, department, of_day), of_department(unit, department, page)
        count, overdue = len(page), sum(1 for r in page if r.next_due is not None and r.next_due < today)
    of_day, page = _marked_both(unit, of_day, page)
    return DayLists(calendar.table, soon_until, tuple(of_day), tuple(page), count, overdue, whole)


def _marked_both(unit: Unit, of_day: list[CaseRow], due: list[CaseRow]) -> tuple[list[CaseRow], list[CaseRow]]:
    """Both day lists marked where the hall only received the case (:func:`marked`), by one read of their cases."""
    both = marked(unit, of_day + due)
    return both[: len(of_day)], both[len(of_day) :]
