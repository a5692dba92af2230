"""At the hall server a write is recorded at the server's time, whatever the desk's clock says.

A desk's request once dated its 分办 and a department's decision itself (``at``), and its intake (``today``): through
the server a token could date a decision years before its case was taken, and the case's history kept that date.  No
request carries a day or a moment now (tests/service/test_call_context.py): the server runs each operation in the
context it makes, the session's desk at its own clock (counter.service.call.Call).
"""

from __future__ import annotations

import datetime as dt

import pytest

from counter.access.account_views import NewAccount
from counter.access.roles import Role
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.service.admin import ADD_ACCOUNT
from counter.service.cases import ROUTE_ITEMS, SHOW_CASE
from counter.service.department_items import ITEM_STANDINGS, ITEM_STEP, ItemStep
from counter.service.requests import CaseNo
from tests.server.test_forgeries import CLERK, FOOD, PASSWORD, Hall, _taken, clerk, closed, hall

pytestmark = pytest.mark.program

__all__ = ["clerk", "closed", "hall"]  # the forgeries' hall, its clerk's token and their closing, used here too


def test_a_decision_is_recorded_at_the_servers_time(hall: Hall) -> None:
    """The 分办 and the department's decision once carried the desk's moment (``at``): nothing the desk sends dates
    them now, and the history holds the server's."""
    window = hall.server.desk("8", CLERK, PASSWORD)
    case_no = _taken(window)
    (food,) = [s for s in window.call(ITEM_STANDINGS, CaseNo(case_no)) if s.code == FOOD]
    admin = hall.server.desk("9", "admin", PASSWORD)
    staff = NewAccount("lina", "李娜", frozenset({Role.DEPARTMENT}), PASSWORD, department=food.department)
    assert admin.call(ADD_ACCOUNT, staff) == ()
    admin.sign_out()
    department = hall.server.desk("9", "lina", PASSWORD)
    before = dt.datetime.now(dt.UTC)
    window.call(ROUTE_ITEMS, CaseNo(case_no))
    department.call(ITEM_STEP, ItemStep(case_no, FOOD, StepRequest(ItemEvent.SIGNED)))
    decision = StepRequest(ItemEvent.APPROVED, result_no="JY11522010000001")
    department.call(ITEM_STEP, ItemStep(case_no, FOOD, decision))
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


def test_an_intake_at_a_desk_a_year_ahead_is_taken_on_the_servers_day(hall: Hall) -> None:
    """An intake's day gives its case number and the day its materials arrived: the server's, whatever the desk's
    clock says (a training day left set, a machine's clock a year off).  Nothing the desk sends carries its day:
    the window's request once carried it as ``today`` and, inside the intake, as ``received_on``, which the server's
    rewrite of a top-level field did not reach, and the intake was refused as "received after today"."""
    from counter.actions.site.demo import complete_checklist, fresh_checklist
    from counter.case.intake_request import IntakeRequest
    from counter.service.call import Clock
    from counter.service.intake import READ_CURRENT_GUIDE, TAKE_INTAKE, TakeIntake
    from counter.service.local import new_key
    from counter.service.requests import BundleCode
    from tests.db.hall_worker import applicant
    from tests.server.test_forgeries import BUNDLE

    desk_clock = Clock(dt.date.today() + dt.timedelta(days=365))  # the desk's: everything it makes is made on it
    window = hall.server.desk("8", CLERK, PASSWORD)
    stored = window.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE))
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    request = IntakeRequest(checklist, applicant(7, int(new_key()[:6], 16)), uid=new_key())
    before = dt.date.today()
    case_no = window.call(TAKE_INTAKE, TakeIntake(request)).case_no
    days = {before, dt.date.today()}
    assert desk_clock.today() not in days
    assert dt.date.fromisoformat(case_no.split("-")[1]) in days, case_no
    shown = window.call(SHOW_CASE, CaseNo(case_no)).view
    assert shown is not None
    assert shown.received_on in days
