"""One visit, whole: a 小餐馆 case taken at the window, worked by three departments' desks at once on PostgreSQL, one
item paused and one extended, handed over with one 送达回证, and the applicant told at each step exactly once.

The three departments work from their own desks in their own threads and units of work, as three offices over the
hall's server do; the hall's SMS gateway is a real HTTP server on this machine.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.hand_over import hand_over_results
from counter.actions.cases.item_queue import department_queue
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.actions.intake.take import take_intake
from counter.actions.outbox.messages import save_gateway, send_due
from counter.case.hand_over import HandOverRequest, HandOverWay
from counter.case.item_path import ItemEvent, PauseReason
from counter.case.item_step_request import StepRequest
from counter.case.numbers import DeskIdentity
from counter.case.status import CaseStatus
from counter.db import models
from counter.db.case_store import case_view
from counter.sms.gateway import GatewaySettings
from tests.actions.senders import Clock, Writes
from tests.actions.test_intake_actions import ID, full_request
from tests.actions.test_item_steps import FOOD, ITEMS, SIGN
from tests.pg_server import CATALOG, FreshDatabases
from tests.sms_gateway import SECRET, running_gateway

SITE = "XAM01"
WINDOW = Desk(DeskIdentity(SITE, "8"), "乌兰", Actor("wulan", "乌兰", frozenset({Role.CLERK})))
#: three departments' staff at their own desks, each with the items its department decides
DEPARTMENTS = {
    "乌兰浩特市市场监督管理局": ("21", "lina", "李娜", (ITEMS[0], FOOD)),
    "乌兰浩特市城市管理综合行政执法局": ("22", "wanglei", "王磊", (SIGN,)),
    "国家税务总局乌兰浩特市税务局": ("23", "zhaomin", "赵敏", (ITEMS[3],)),
}


def staff(department: str) -> Desk:
    desk_no, login, name, _items = DEPARTMENTS[department]
    return Desk(DeskIdentity(SITE, desk_no), name, Actor(login, name, frozenset({Role.DEPARTMENT})))


def accounts(sessions: sessionmaker[Session]) -> None:
    """The window's clerk, and each department's staff member with the department whose items they decide."""
    with sessions.begin() as s:
        s.add(models.Account(login="wulan", name="乌兰", roles=Role.CLERK.value, password_hash="x"))
        for department in DEPARTMENTS:
            actor = staff(department).actor
            s.add(models.Account(login=actor.login, name=actor.name, roles=Role.DEPARTMENT.value, password_hash="x",
                                 department=department))  # fmt: skip


def first_step(day: dt.date) -> dt.datetime:
    """When the departments take their first steps: the intake's ``day`` at ten."""
    return dt.datetime.combine(day, dt.time(10)).astimezone()


def departments_work(sessions: sessionmaker[Session], number: str, day: dt.date) -> None:
    """Each department's desk takes its items' steps in its own thread, all at once; any error fails the test."""
    at = first_step(day)
    later = dt.datetime.combine(day + dt.timedelta(days=3), dt.time(10)).astimezone()
    errors: list[BaseException] = []
    start = threading.Barrier(len(DEPARTMENTS))

    def steps_of(item: str) -> list[tuple[StepRequest, dt.datetime]]:
        plan = [(StepRequest(ItemEvent.SIGNED), at), (StepRequest(ItemEvent.REVIEW_STARTED), at)]
        if item == FOOD:  # an inspection of the premises: its clock stands still for three days
            plan += [(StepRequest(ItemEvent.PAUSED, pause=PauseReason.INSPECTION, reason="现场核查经营场所"), at),
                     (StepRequest(ItemEvent.RESUMED), later)]  # fmt: skip
        if item == SIGN:
            plan.append((StepRequest(ItemEvent.EXTENDED, days=5, approved_by="局长 王立新", reason="需现场勘验"), at))
        return [*plan, (StepRequest(ItemEvent.APPROVED, result_no=f"XK-{item[-2:]}"), later)]

    def work(desk: Desk, items: tuple[str, ...]) -> Callable[[], None]:
        def run() -> None:
            try:
                start.wait()
                for item in items:
                    for request, when in steps_of(item):
                        with sessions.begin() as s:
                            take_item_step(s, desk, number, item, request, when)
            except BaseException as err:
                errors.append(err)

        return run

    threads = [threading.Thread(target=work(staff(d), DEPARTMENTS[d][3])) for d in DEPARTMENTS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_a_small_restaurant_goes_through_four_departments_and_out_of_the_window_once(
    fresh_pg: FreshDatabases,
) -> None:
    sessions = fresh_pg.sessions(CATALOG)
    with running_gateway() as gateway:
        with sessions.begin() as s:  # set up before the hall has accounts, as its first administrator does
            save_gateway(s, GatewaySettings(gateway.url, "hall", SECRET, "", 5, 4, {}), desk=Desk(WINDOW.identity, ""))
        accounts(sessions)
        with sessions.begin() as s:
            taken = take_intake(s, WINDOW, full_request(sessions), dt.date.today(), office_calendar(s))
        number, day = taken.case_no, dt.date.today()
        with sessions.begin() as s:
            assert route_items(s, WINDOW, number, dt.datetime.now(dt.UTC)) == ITEMS
        with sessions() as s:
            for department, (*_, items) in DEPARTMENTS.items():
                assert {r.item_code for r in department_queue(s, department, day) if r.case_no == number} == set(items)
        departments_work(sessions, number, day)
        with sessions() as s:
            view = case_view(s, number)
            left = [r for d in DEPARTMENTS for r in department_queue(s, d, day) if r.case_no == number]
        assert view is not None
        assert view.status is CaseStatus.READY  # the last of four parallel decisions closed the case
        assert left == []  # off every department's queue
        pickup = HandOverRequest(HandOverWay.PICKUP, "巴特尔", ID)
        with sessions.begin() as s:
            done = hand_over_results(s, WINDOW, number, pickup, dt.datetime.now(dt.UTC))
        assert done.status is CaseStatus.DELIVERED
        assert [i.paper_no for i in done.hand_over.items] == [f"XK-{item[-2:]}" for item in ITEMS]
        clock = Clock()  # the sender runs once the departments' first steps are past, at ten on the intake's day:
        clock.now = max(clock.now, first_step(day)) + dt.timedelta(seconds=1)  # run before ten, they were ahead
        sent = send_due(Writes(sessions), clock=clock)
        again = send_due(Writes(sessions), clock=clock)
        with sessions() as s:
            view = case_view(s, number)
            trail = list(s.scalars(select(models.AuditEntry).where(models.AuditEntry.subject == number)))
            case_id = s.scalar(select(models.Case.id).where(models.Case.case_no == number))
            queued = list(s.scalars(select(models.OutboxMessage).where(models.OutboxMessage.case_id == case_id)))
    assert view is not None
    events = [h.event for h in view.history]
    assert events[0] == "taken"
    for event, count in (("item_routed", 4), ("item_signed", 4), ("item_review", 4), ("item_paused", 1),
                         ("item_resumed", 1), ("item_extended", 1), ("item_approved", 4)):  # fmt: skip
        assert events.count(event) == count, event
    assert events[-2:] == ["completed", "delivered"]
    assert {h.clerk for h in view.history if h.event == "item_signed"} == {"李娜", "王磊", "赵敏"}
    # the audit trail tells the same story: every line of the history has its entry, the 送达回证 its own
    changed = [e for e in trail if e.action == "case_changed"]
    assert len(changed) == len(events) - 1  # all but the intake's, which is case_taken
    assert any(e.action == "document_made" for e in trail)
    # the applicant was told: accepted, each item granted... or ready for pickup, each message once
    assert sent.sent == len(queued) > 0
    assert again.sent == 0
    assert len(gateway.deliveries()) == len(queued)
    assert len({m.key for m in queued}) == len(queued)
    assert all(number in m.text and ID not in m.text for m in queued)
