"""Through the hall server a department's staff read only their department's cases, as they read its items alone.

The case lists, the finder (F7) and the day lists (F6) read the hall's cases whole: a department's account, signed in
at a desk, was given every applicant's name and every case of the hall by the same operations a window clerk calls.
The server reads for the account it knows (never a department the request names): a department's staff list only
the cases with an item routed to their department, a window clerk and a supervisor every case, as before.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import create_engine, insert, select

from counter.access.account_views import NewAccount
from counter.access.roles import Role
from counter.case.lookup import LOOKBACK_DAYS, read_lookup
from counter.db import models
from counter.parties.masking import mask_id, mask_phone
from counter.service.admin import ADD_ACCOUNT
from counter.service.cases import (
    DAY_LISTS,
    FIND_CASES,
    ITEM_STANDINGS,
    LIST_CASES,
    PLEDGE_CHECKS,
    READ_CASE,
    ROUTE_ITEMS,
    SHOW_CASE,
    CaseNo,
    CaseOnDay,
    Day,
    FindCases,
    ListCases,
    PledgeChecks,
    ReadCase,
    RouteItems,
)
from counter.service.remote import Remote
from tests.server.test_forgeries import CLERK, FOOD, PASSWORD, Hall, _taken, closed, hall

pytestmark = pytest.mark.program

__all__ = ["closed", "hall"]  # the forgeries' hall and the closing of its desks' transports, used here too

#: a department that decides no item of the case taken here
OTHER = "兴安盟自然资源局"


def _found(desk: Remote, case_no: str) -> set[str]:
    lookup = read_lookup(case_no)
    assert lookup is not None
    return {row.case_no for row in desk.call(FIND_CASES, FindCases(lookup, LOOKBACK_DAYS))}


def _listed(desk: Remote) -> set[str]:
    return {row.case_no for row in desk.call(LIST_CASES, ListCases())}


def _staff(hall: Hall, login: str, department: str) -> Remote:
    """A department's account, added by the administrator, signed in at desk 9."""
    admin = hall.server.desk("9", "admin", PASSWORD)
    staff = NewAccount(login, f"{login}名", frozenset({Role.DEPARTMENT}), PASSWORD, department=department)
    assert admin.call(ADD_ACCOUNT, staff) == ()
    admin.sign_out()
    return hall.server.desk("9", login, PASSWORD)


def _pledged(hall: Hall, case_no: str, department: str) -> None:
    """A check owed by ``department`` on the case's item granted on a promise, as the grant records it."""
    engine = create_engine(hall.url)
    with engine.begin() as conn:
        case_id = conn.execute(select(models.Case.id).where(models.Case.case_no == case_no)).scalar_one()
        today = dt.date.today()
        row = {"case_id": case_id, "item_code": FOOD, "item_name": "食品经营许可", "site_code": "XAM01",
               "department": department, "granted_on": today, "check_due": today + dt.timedelta(days=30)}  # fmt: skip
        conn.execute(insert(models.PledgeCheck), [row])
    engine.dispose()


def test_a_department_reads_only_the_cases_of_its_items(hall: Hall) -> None:
    window = hall.server.desk("8", CLERK, PASSWORD)
    case_no = _taken(window)
    window.call(ROUTE_ITEMS, RouteItems(case_no))
    (food,) = [s for s in window.call(ITEM_STANDINGS, CaseOnDay(case_no)) if s.code == FOOD]
    assert food.department != OTHER

    _pledged(hall, case_no, food.department)

    other = _staff(hall, "ziran", OTHER)
    assert _found(other, case_no) == set()
    assert case_no not in _listed(other)
    lists = other.call(DAY_LISTS, Day())
    assert case_no not in {row.case_no for row in lists.of_day + lists.due}
    assert other.call(LIST_CASES, ListCases(due_soon=True)) == ()
    # the checks another department owes: its own, whichever department the request names
    assert other.call(PLEDGE_CHECKS, PledgeChecks(food.department)) == ()
    assert other.call(PLEDGE_CHECKS, PledgeChecks()) == ()
    other.sign_out()

    deciding = _staff(hall, "shijian", food.department)
    assert _found(deciding, case_no) == {case_no}
    assert case_no in _listed(deciding)
    assert [row.case_no for row in deciding.call(PLEDGE_CHECKS, PledgeChecks())] == [case_no]
    deciding.sign_out()

    # the window's lists are the hall's, as before
    assert _found(window, case_no) == {case_no}
    assert case_no in _listed(window)


def test_a_departments_staff_are_sent_the_applicants_numbers_masked(hall: Hall) -> None:
    """Whole ID numbers and phones are for the window's clerks and supervisors (``see_full_id``): a department's staff
    open the case page of their item with them masked, as the server sends it, not only as the desk shows it."""
    window = hall.server.desk("8", CLERK, PASSWORD)
    case_no = _taken(window)
    whole = window.call(READ_CASE, ReadCase(case_no))
    assert whole is not None
    id_no, phone = whole.view.applicant_id_no, whole.view.applicant_phone
    assert mask_id(id_no) != id_no
    window.call(ROUTE_ITEMS, RouteItems(case_no))
    (food,) = [s for s in window.call(ITEM_STANDINGS, CaseOnDay(case_no)) if s.code == FOOD]

    deciding = _staff(hall, "shiyao", food.department)
    page = deciding.call(READ_CASE, ReadCase(case_no))
    assert page is not None
    assert (page.view.applicant_id_no, page.view.applicant_phone) == (mask_id(id_no), mask_phone(phone))
    shown = deciding.call(SHOW_CASE, CaseNo(case_no))
    assert shown.view is not None
    assert not shown.whole
    assert (shown.view.applicant_id_no, shown.view.applicant_phone) == (mask_id(id_no), mask_phone(phone))
