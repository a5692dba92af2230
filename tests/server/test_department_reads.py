"""Through the hall server a department's staff read only their department's cases, as they read its items alone.

The case lists, the finder (F7) and the day lists (F6) read the hall's cases whole: a department's account, signed in
at a desk, was given every applicant's name and every case of the hall by the same operations a window clerk calls.
The server reads for the account it knows (never a department the request names): a department's staff list only
the cases with an item routed to their department, a window clerk and a supervisor every case, as before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess

import pytest
from sqlalchemy import create_engine, insert, make_url, select

from counter.access.account_views import NewAccount
from counter.access.not_permitted import NotPermitted
from counter.access.read_record import ReadsAsked
from counter.access.roles import Role
from counter.case.lookup import LOOKBACK_DAYS, read_lookup
from counter.db import models
from counter.parties.masking import mask_id, mask_phone
from counter.service.admin import ADD_ACCOUNT
from counter.service.cases import (
    DAY_LISTS,
    FIND_CASES,
    LIST_CASES,
    READ_CASE,
    ROUTE_ITEMS,
    SHOW_CASE,
    FindCases,
    ListCases,
)
from counter.service.department_items import ITEM_STANDINGS
from counter.service.intake import CHECK_DRAFT, KEEP_DRAFT, KNOWN_PARTY, RESUBMISSION, KeepDraft, KnownPartyOf
from counter.service.pledges import PLEDGE_CHECKS, PledgeChecks
from counter.service.reads import LIST_READS
from counter.service.remote import Remote
from counter.service.requests import CaseNo, Nothing
from tests.pg_server import pg_bin
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


def _staff(hall: Hall, login: str, department: str, desk_no: str = "9") -> Remote:
    """A department's account, added by the administrator, signed in at desk 9 (or ``desk_no``)."""
    admin = hall.server.desk("9", "admin", PASSWORD)
    staff = NewAccount(login, f"{login}名", frozenset({Role.DEPARTMENT}), PASSWORD, department=department)
    assert admin.call(ADD_ACCOUNT, staff) == ()
    admin.sign_out()
    return hall.server.desk(desk_no, login, PASSWORD)


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
    window.call(ROUTE_ITEMS, CaseNo(case_no))
    (food,) = [s for s in window.call(ITEM_STANDINGS, CaseNo(case_no)) if s.code == FOOD]
    assert food.department != OTHER

    _pledged(hall, case_no, food.department)

    other = _staff(hall, "ziran", OTHER)
    assert _found(other, case_no) == set()
    assert case_no not in _listed(other)
    lists = other.call(DAY_LISTS, Nothing())
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
    whole = window.call(READ_CASE, CaseNo(case_no))
    assert whole is not None
    id_no, phone = whole.view.applicant_id_no, whole.view.applicant_phone
    assert mask_id(id_no) != id_no
    window.call(ROUTE_ITEMS, CaseNo(case_no))
    (food,) = [s for s in window.call(ITEM_STANDINGS, CaseNo(case_no)) if s.code == FOOD]

    deciding = _staff(hall, "shiyao", food.department)
    page = deciding.call(READ_CASE, CaseNo(case_no))
    assert page is not None
    assert (page.view.applicant_id_no, page.view.applicant_phone) == (mask_id(id_no), mask_phone(phone))
    shown = deciding.call(SHOW_CASE, CaseNo(case_no))
    assert shown.view is not None
    assert not shown.whole
    assert (shown.view.applicant_id_no, shown.view.applicant_phone) == (mask_id(id_no), mask_phone(phone))


def test_a_department_at_a_clerks_desk_gets_nothing_whole_and_the_clerks_reads_are_listed(hall: Hall) -> None:
    """Signed in at the window's desk 8, a department's account was handed the 补正 draft, the known party and the
    desk's own draft of a case never routed to it, whole, and its case page; nothing of it was recorded."""
    window = hall.server.desk("8", CLERK, PASSWORD)
    case_no = _taken(window)
    page = window.call(READ_CASE, CaseNo(case_no))  # the clerk's own read: whole, recorded
    assert page is not None
    id_no = page.view.applicant_id_no
    draft = window.call(RESUBMISSION, CaseNo(case_no))
    assert draft is not None
    window.call(KEEP_DRAFT, KeepDraft(dataclasses.replace(draft, uid="b" * 32)))
    window.sign_out()

    other = _staff(hall, "linye", OTHER, desk_no="8")
    with pytest.raises(NotPermitted):
        other.call(RESUBMISSION, CaseNo(case_no))
    with pytest.raises(NotPermitted):
        other.call(KNOWN_PARTY, KnownPartyOf(id_no))
    assert not other.call(CHECK_DRAFT, Nothing())
    assert other.call(SHOW_CASE, CaseNo(case_no)).view is None
    assert other.call(READ_CASE, CaseNo(case_no)) is None
    other.sign_out()

    supervisor = hall.server.desk("9", "baoyin", PASSWORD)
    reads = supervisor.call(LIST_READS, ReadsAsked(case_no=case_no))
    assert [(r.login, r.desk_no, r.operation) for r in reads] == [
        (CLERK, "8", "intake.resubmission"), (CLERK, "8", "cases.read_case"),
    ]  # fmt: skip
    assert all(id_no not in (r.person_key, r.case_no, r.name) for r in reads)


def test_after_intakes_and_sign_ins_a_dump_of_the_hall_holds_no_person(hall: Hall) -> None:
    """``operation_receipt`` kept every write's answer in clear for a week, the desk's draft offered at each sign-in
    among them: every ``pg_dump`` carried the applicants whose columns were sealed beside it."""
    window = hall.server.desk("8", CLERK, PASSWORD)
    case_no = _taken(window)
    page = window.call(READ_CASE, CaseNo(case_no))
    assert page is not None
    person = (page.view.applicant_id_no, page.view.applicant_phone)
    draft = window.call(RESUBMISSION, CaseNo(case_no))
    assert draft is not None
    window.call(KEEP_DRAFT, KeepDraft(dataclasses.replace(draft, uid="c" * 32)))
    window.sign_out()
    again = hall.server.desk("8", CLERK, PASSWORD)  # the next sign-in: the desk's draft offered back, whole
    kept = [d.draft for d in again.call(CHECK_DRAFT, Nothing()).drafts if d.draft is not None]
    assert [d.applicant.id_no for d in kept if d.uid == "c" * 32] == [person[0]]
    again.sign_out()

    url = make_url(hall.url).set(drivername="postgresql").render_as_string(hide_password=False)
    dump = subprocess.run(
        [pg_bin("pg_dump"), "--no-owner", url], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert case_no in dump
    assert "operation_receipt" in dump
    assert [value for value in person if value in dump] == []
