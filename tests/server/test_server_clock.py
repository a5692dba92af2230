"""At the hall server a write is recorded at the server's time, never the moment the desk's request carries.

A desk's request dated its 分办 and a department's decision itself (``at``): through the server a token could date a
decision years before its case was taken, and the case's history kept that date.  The server sets every served
write's moment to its own clock before the operation runs; in process (a training desk's day) nothing changes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from counter.access.account_views import NewAccount
from counter.access.roles import Role
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.service.admin import ADD_ACCOUNT
from counter.service.cases import (
    ITEM_STANDINGS,
    ITEM_STEP,
    ROUTE_ITEMS,
    SHOW_CASE,
    CaseNo,
    CaseOnDay,
    ItemStep,
    RouteItems,
)
from tests.server.test_forgeries import CLERK, FOOD, PASSWORD, Hall, _taken, clerk, closed, hall

pytestmark = pytest.mark.program

__all__ = ["clerk", "closed", "hall"]  # the forgeries' hall, its clerk's token and their closing, used here too

#: the moment the desk sends: long before any case of this hall
FORGED = dt.datetime(2020, 1, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def test_a_decision_sent_with_an_old_time_is_recorded_at_the_servers(hall: Hall) -> None:
    window = hall.server.desk("8", CLERK, PASSWORD)
    case_no = _taken(window)
    (food,) = [s for s in window.call(ITEM_STANDINGS, CaseOnDay(case_no, dt.date.today())) if s.code == FOOD]
    admin = hall.server.desk("9", "admin", PASSWORD)
    staff = NewAccount("lina", "李娜", frozenset({Role.DEPARTMENT}), PASSWORD, department=food.department)
    assert admin.call(ADD_ACCOUNT, staff) == ()
    admin.sign_out()
    department = hall.server.desk("9", "lina", PASSWORD)
    before = dt.datetime.now(dt.UTC)
    window.call(ROUTE_ITEMS, RouteItems(case_no, FORGED))
    department.call(ITEM_STEP, ItemStep(case_no, FOOD, StepRequest(ItemEvent.SIGNED), FORGED))
    decision = StepRequest(ItemEvent.APPROVED, result_no="JY11522010000001")
    department.call(ITEM_STEP, ItemStep(case_no, FOOD, decision, FORGED))
    after = dt.datetime.now(dt.UTC)
    shown = window.call(SHOW_CASE, CaseNo(case_no))
    assert shown.view is not None
    history = shown.view.history
    routed = [line for line in history if line.event == ItemEvent.ROUTED.value]
    decided = [line for line in history if line.event == ItemEvent.APPROVED.value]
    assert routed, [line.event for line in history]
    assert decided, [line.event for line in history]
    for line in (*routed, *decided):
        assert before - dt.timedelta(seconds=1) <= line.at <= after + dt.timedelta(seconds=1), line


def test_only_a_writes_moment_is_the_servers() -> None:
    """The moment alone changes: a request's other times (a fix's due day, a key revoked since) stay the desk's."""
    from counter.server.server_clock import at_server_clock
    from counter.service.cases import PledgeStep
    from counter.service.site import RotateKey

    server = dt.datetime(2026, 11, 26, 10, tzinfo=dt.UTC)
    assert at_server_clock(RouteItems("X", FORGED), lambda _sent: server) == RouteItems("X", server)
    left = PledgeStep("X", FOOD, dt.date(2020, 1, 1))  # no moment sent: the action's own clock
    assert at_server_clock(left, lambda _sent: server) == left
    rotated = at_server_clock(RotateKey(FORGED, revoked_since=FORGED), lambda _sent: server)
    assert (rotated.now, rotated.revoked_since) == (server, FORGED)
    assert at_server_clock(CaseNo("X")) == CaseNo("X")
