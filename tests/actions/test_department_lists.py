"""A department's staff are listed their own department's items alone, whatever department the request names.

Through the hall server a department's token read another department's queue (``cases.department_queue`` by name,
``cases.read_queue`` with a department over the account's own, the reminders with every department's): the
applicants of items none of theirs.  A supervisor or an administrator still chooses the department read.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.accounts import add_account
from counter.actions.cases.item_steps import route_items
from counter.case.lookup import Lookup, LookupKind
from counter.case.status import CaseStatus
from counter.db import models
from counter.service.call import Call, Clock
from counter.service.cases import FindCases, ListCases, day_lists, find_cases, list_cases
from counter.service.department_items import ReadQueue, SiteDepartment, coming_due, department_queue, read_queue
from counter.service.requests import Nothing, SiteCode
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_item_steps import MARKET, at

CITY = "乌兰浩特市城市管理综合行政执法局"  # decides the 户外招牌设置 of the same case
PASSWORD = "Xam2026desk"
BOSS = frozenset({Role.DEPARTMENT, Role.SUPERVISOR})


def _desk(desk: Desk, login: str, name: str, *roles: Role) -> Desk:
    return Desk(desk.identity, name, Actor(login, name, frozenset(roles)))


def test_a_departments_staff_reads_only_its_own_items(sessions: sessionmaker[Session], desk: Desk) -> None:
    today = dt.date.today()
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        route_items(s, desk, number, at(today))
    admin = _desk(desk, "admin", "管理员", Role.ADMIN)
    with sessions.begin() as s:
        assert add_account(s, desk, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD)) == ()
        market = NewAccount("lina", "李娜", frozenset({Role.DEPARTMENT}), PASSWORD, department=MARKET)
        assert add_account(s, admin, market) == ()
        boss = NewAccount("baoyin", "宝音", BOSS, PASSWORD, department=MARKET)
        assert add_account(s, admin, boss) == ()
    lina = _desk(desk, "lina", "李娜", Role.DEPARTMENT)
    supervisor = _desk(desk, "baoyin", "宝音", *BOSS)  # of the department too, and still chooses
    boss_call, staff_call = Call.on(Clock(), supervisor), Call.on(Clock(), lina)
    with sessions() as s:
        # the supervisor sees the other department's item: there is one to hide
        assert {r.department for r in department_queue(s, boss_call, SiteDepartment(CITY))} == {CITY}
        assert read_queue(s, boss_call, ReadQueue(CITY)).department == CITY
        for asked in (CITY, "", None):
            queue = read_queue(s, staff_call, ReadQueue(asked))
            assert queue.department == MARKET, asked
            assert {r.department for r in queue.rows} == {MARKET}, asked
        assert {r.department for r in department_queue(s, staff_call, SiteDepartment(CITY))} == {MARKET}
        assert {r.department for r in coming_due(s, staff_call, SiteCode(""))} == {MARKET}
        assert CITY in {r.department for r in coming_due(s, boss_call, SiteCode(""))}


def test_a_departments_staff_lists_and_finds_only_the_cases_routed_to_it(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """The case list, the day's cases, the F6 list of cases due and F7's finder: a case not routed to the department
    (here one not yet routed at all, of the same applicant) is none of its staff's, however it is asked for."""
    today = dt.date.today()
    theirs = take(sessions, desk, full_request(sessions), today)
    other = take(sessions, desk, full_request(sessions), today)
    with sessions.begin() as s:
        route_items(s, desk, theirs, at(today))
        admin = _desk(desk, "admin", "管理员", Role.ADMIN)
        assert add_account(s, desk, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD)) == ()
        market = NewAccount("lina", "李娜", frozenset({Role.DEPARTMENT}), PASSWORD, department=MARKET)
        assert add_account(s, admin, market) == ()
        for number, due in ((theirs, today - dt.timedelta(days=1)), (other, today - dt.timedelta(days=2))):
            s.execute(  # both awaiting an answer to a correction past its deadline: plain rows, as the list reads
                update(models.Case)
                .where(models.Case.case_no == number)
                .values(status=CaseStatus.CORRECTION_ISSUED.value, correction_due=due)
            )
        name = s.scalars(select(models.Case.applicant_name).where(models.Case.case_no == other)).one()
    staff, window = Call.on(Clock(), _desk(desk, "lina", "李娜", Role.DEPARTMENT)), Call.on(Clock(), admin)
    with sessions() as s:
        for asked in (ListCases(), ListCases(overdue=True), ListCases(due_soon=True)):
            assert {r.case_no for r in list_cases(s, window, asked)} == {theirs, other}, asked
            assert [r.case_no for r in list_cases(s, staff, asked)] == [theirs], asked
        lists = day_lists(s, window, Nothing())
        assert {r.case_no for r in lists.of_day} == {theirs, other}
        assert ({r.case_no for r in lists.due}, lists.due_count, lists.due_overdue) == ({theirs, other}, 2, 2)
        lists = day_lists(s, staff, Nothing())
        assert [r.case_no for r in lists.of_day] == [theirs]
        assert ([r.case_no for r in lists.due], lists.due_count, lists.due_overdue) == ([theirs], 1, 1)
        assert lists.due_counted_all
        found = FindCases(Lookup(LookupKind.NAME, name), 30)
        assert {r.case_no for r in find_cases(s, window, found)} == {theirs, other}
        assert [r.case_no for r in find_cases(s, staff, found)] == [theirs]
