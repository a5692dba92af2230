"""代为录入 of a grant on a promise (告知承诺准予): the window granting the brigade's 消防 item under its written 授权
names the brigade's decision by its 文号 and officer, by the same rule as any 准予, or is refused naming what is
missing with nothing kept (no grant, no 核查 on the brigade's list).  On both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.intake.notice_pledges import grant_on_pledge
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.entered_for import Entered, EntryField
from counter.case.status import CaseEvent
from counter.db import models
from counter.db.case_store import case_view
from counter.words.case_history import history_note
from tests.actions.conftest import TODAY
from tests.actions.test_notice_pledges import FIRE, taken
from tests.entrusted import ENTERED, entrust
from tests.signed_in import signed_in


@pytest.mark.parametrize(
    ("entered", "missing"),
    [
        (None, (EntryField.DEPARTMENT_NO, EntryField.OFFICER)),
        (Entered(officer=ENTERED.officer), (EntryField.DEPARTMENT_NO,)),
        (Entered(department_no=ENTERED.department_no), (EntryField.OFFICER,)),
    ],
    ids=["nothing", "no number", "no officer"],
)
def test_a_grant_on_a_promise_entered_without_the_departments_number_or_officer_is_refused(
    sessions: sessionmaker[Session], desk: Desk, entered: Entered | None, missing: tuple[EntryField, ...]
) -> None:
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    clerk = signed_in(sessions, desk, Role.CLERK, login="clerk")
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        grant_on_pledge(s, clerk, case_no, FIRE, TODAY, result_no="乌消安检字〔2026〕第0123号", entered=entered)
    assert refused.value.problem is DecisionProblem.ENTRY_INCOMPLETE
    assert refused.value.missing == missing
    with sessions() as s:
        view = case_view(s, case_no)
        assert view is not None
        assert FIRE not in view.decisions()  # nothing kept: no grant
        assert s.scalar(select(func.count()).select_from(models.PledgeCheck)) == 0  # and no 核查 on the list


def test_a_grant_on_a_promise_entered_keeps_the_departments_number_and_officer(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    clerk = signed_in(sessions, desk, Role.CLERK, login="clerk")
    with sessions.begin() as s:
        grant_on_pledge(s, clerk, case_no, FIRE, TODAY, result_no="乌消安检字〔2026〕第0123号", entered=ENTERED)
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    [line] = [line for line in view.history if line.event == CaseEvent.ITEM_APPROVED]
    said = history_note(line, {})
    assert f"部门文号{ENTERED.department_no}，承办人{ENTERED.officer}" in said
    assert "乌消安检字〔2026〕第0123号" in said  # the licence's own number, as given
