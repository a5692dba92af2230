"""At the hall server a write is recorded at the server's time, never the moment or day the desk's request carries.

A desk's request dated its 分办 and a department's decision itself (``at``), and its intake (``today``): through the
server a token could date a decision years before its case was taken, and the case's history kept that date.  The
server sets every served write's moment and day to its own clock before the operation runs; in process (a training
desk's day) nothing changes.
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


def test_an_intake_sent_for_another_day_is_taken_on_the_servers(hall: Hall) -> None:
    """An intake's day gives its case number and its received day: the server's, not one the desk names."""
    from counter.actions.site.demo import complete_checklist, fresh_checklist
    from counter.case.intake_request import IntakeRequest
    from counter.service.intake import READ_CURRENT_GUIDE, TAKE_INTAKE, CurrentGuide, TakeIntake
    from counter.service.local import new_key
    from tests.db.hall_worker import applicant
    from tests.server.test_forgeries import BUNDLE

    window = hall.server.desk("8", CLERK, PASSWORD)
    stored = window.call(READ_CURRENT_GUIDE, CurrentGuide(BUNDLE))
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    request = IntakeRequest(checklist, applicant(7, int(new_key()[:6], 16)), uid=new_key())
    before = dt.date.today()
    case_no = window.call(TAKE_INTAKE, TakeIntake(request, FORGED.date())).case_no
    days = {before.strftime("%Y%m%d"), dt.date.today().strftime("%Y%m%d")}
    assert case_no.split("-")[1] in days, case_no


def test_only_a_writes_moment_and_day_are_the_servers() -> None:
    """The moment and the day alone change: a request's other times (a key revoked since) stay the desk's."""
    from counter.server.server_clock import at_server_clock
    from counter.service.cases import PledgeStep
    from counter.service.site import RotateKey

    server = dt.datetime(2026, 11, 26, 10, tzinfo=dt.UTC)

    def clock(asked: object) -> object:
        return at_server_clock(asked, lambda _sent: server, server.date)

    assert clock(RouteItems("X", FORGED)) == RouteItems("X", server)
    # no moment sent: the action's own clock; its day the server's
    assert clock(PledgeStep("X", FOOD, dt.date(2020, 1, 1))) == PledgeStep("X", FOOD, server.date())
    rotated = clock(RotateKey(FORGED, revoked_since=FORGED))
    assert rotated == RotateKey(server, revoked_since=FORGED)
    assert clock(CaseNo("X")) == CaseNo("X")
