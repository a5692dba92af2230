"""The life of a 补正 through the actions: the five-working-day rule, the lapse, 当场更正, the deferral margin."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.case_rights import permission_for
from counter.access.desk import Desk
from counter.access.roles import Actor, Permission, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.case_reads import case_rows, day_lists
from counter.actions.cases.intake_settings import DEFERRAL_MARGIN_KEY, intake_rules, save_intake_rules
from counter.actions.intake.take import lapse_correction, move_case, preview
from counter.case.correction_lapse import CorrectionNotDue
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.case.status import CaseEvent, CaseStatus, MoveNotAllowed
from counter.db import models
from counter.db.case_store import case_view
from counter.intake.checklist import Receipt, ReceivedMedium, record
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import DeferralRequest, Outcome, ReasonCode
from counter.intake.rules import RulesRefused
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request, take
from tests.entrusted import RESTAURANT_ITEMS, entrust_in
from tests.signed_in import signed_in

SUPERVISOR = Desk(DeskIdentity("XAM01", "1"), "值班长")


def supervising(sessions: sessionmaker[Session], desk: Desk) -> tuple[Desk, Desk]:
    """The supervisor signed in, and the clerk of ``desk`` too (a database with accounts needs them): the lapse of a
    correction ends the application's every item, so the restaurant's departments entrusted the window in writing
    first (counter.access.case_acts)."""
    entrust_in(sessions, desk, *RESTAURANT_ITEMS)
    return signed_in(sessions, SUPERVISOR), signed_in(sessions, desk, Role.CLERK)


def correction_request(sessions: sessionmaker[Session]) -> IntakeRequest:
    request = full_request(sessions)
    return dataclasses.replace(request, checklist=record(request.checklist, "M05", Receipt.MISSING))


# --- 行政许可法 第三十二条第一款第四项 ----------------------------------------------------------------


def test_a_correction_is_told_within_five_working_days_of_the_intake_day(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """The materials arrive on the day of the intake: no request names another (tests/service/test_call_context.py)."""
    number = take(sessions, desk, correction_request(sessions))
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.status is CaseStatus.CORRECTION_ISSUED
    assert view.received_on == TODAY
    assert view.accepted_on is None
    assert view.notify_due == dt.date(2026, 11, 27)  # five working days from the Friday of the intake


# --- the lapse -----------------------------------------------------------------------------------


def test_an_unanswered_correction_lapses_only_from_the_next_working_day_after_its_deadline(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    number = take(sessions, desk, correction_request(sessions))
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    due = view.correction_due
    assert due == dt.date(2026, 12, 11)  # a Friday: fifteen working days from Friday 20 November
    saturday, monday = due + dt.timedelta(days=1), due + dt.timedelta(days=3)
    supervisor, desk = supervising(sessions, desk)
    for day in (TODAY, due, saturday):
        with sessions.begin() as s, pytest.raises(CorrectionNotDue) as refused:
            lapse_correction(s, supervisor, number, day)
        assert refused.value.first_day == monday
    with sessions.begin() as s, pytest.raises(IntakeNotPossible):  # the generic step cannot skip the date
        move_case(s, supervisor, number, CaseEvent.CORRECTION_LAPSED)
    with sessions.begin() as s:
        assert lapse_correction(s, supervisor, number, monday) is CaseStatus.CORRECTION_LAPSED
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.status is CaseStatus.CORRECTION_LAPSED
    assert [(h.event, h.clerk) for h in view.history][-1] == ("correction_lapsed", "值班长")
    # lapsed is final: no resubmission answers it, nor a second lapse
    with sessions.begin() as s, pytest.raises(MoveNotAllowed):
        lapse_correction(s, supervisor, number, due + dt.timedelta(days=2))
    with pytest.raises(MoveNotAllowed):
        take(sessions, desk, dataclasses.replace(full_request(sessions), previous_case_no=number))


def test_a_lapse_is_the_supervisors_decision() -> None:
    needed = permission_for(CaseEvent.CORRECTION_LAPSED)
    assert needed is Permission.DECIDE_DEFERRAL
    assert not Actor("wulan", "乌兰", frozenset({Role.CLERK})).may(needed)
    assert Actor("saran", "萨仁", frozenset({Role.SUPERVISOR})).may(needed)


def test_overdue_corrections_are_listed_with_the_overdue_deferrals(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, correction_request(sessions))
    request = full_request(sessions)
    deferred = take(
        sessions,
        desk,
        dataclasses.replace(
            request, checklist=record(request.checklist, "M09", Receipt.MISSING), deferral=DeferralRequest(True, True)
        ),
    )
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.correction_due is not None
    due = view.correction_due
    with sessions() as s:
        assert number not in [r.case_no for r in case_rows(s, due, overdue=True)]
        late = list(case_rows(s, due + dt.timedelta(days=1), overdue=True))
        lists = day_lists(s, due + dt.timedelta(days=1), desk)
    assert [r.case_no for r in late] == [deferred, number]  # the deferral fell due first
    assert next(r for r in late if r.case_no == number).next_due == due
    assert number in [r.case_no for r in lists.due]
    monday = due + dt.timedelta(days=3)  # the next working day after Friday's deadline: the first a lapse may take
    supervisor, _ = supervising(sessions, desk)
    with sessions.begin() as s:
        lapse_correction(s, supervisor, number, monday)
    with sessions() as s:
        assert number not in [r.case_no for r in case_rows(s, monday, overdue=True)]


# --- 当场更正 ------------------------------------------------------------------------------------


def test_a_material_corrected_on_the_spot_is_stored_with_its_note(sessions: sessionmaker[Session], desk: Desk) -> None:
    request = full_request(sessions)
    checklist = record(
        request.checklist,
        "M01",
        Receipt.CORRECTED_ON_SPOT,
        originals=1,
        medium=ReceivedMedium.PAPER,
        defect_note="申请表联系电话笔误，申请人当场更正并签名",
    )
    number = take(sessions, desk, dataclasses.replace(request, checklist=checklist))
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.status is CaseStatus.ACCEPTED
    line = next(m for m in view.materials if m.code == "M01")
    assert (line.receipt, line.defect_note) == ("corrected_on_spot", "申请表联系电话笔误，申请人当场更正并签名")


# --- the deferral margin -------------------------------------------------------------------------


def test_the_deferral_margin_is_a_hall_setting_read_by_the_intake(sessions: sessionmaker[Session], desk: Desk) -> None:
    request = full_request(sessions)
    request = dataclasses.replace(
        request, checklist=record(request.checklist, "M09", Receipt.MISSING), deferral=DeferralRequest(True, True)
    )
    with sessions() as s:
        assert intake_rules(s).deferral_policy().margin.value == 2
        before = preview(s, request, TODAY, office_calendar(s))
    with sessions.begin() as s, pytest.raises(RulesRefused):
        save_intake_rules(s, dataclasses.replace(intake_rules(s), deferral_margin_days=-1), desk=SUPERVISOR)
    with sessions.begin() as s:
        save_intake_rules(s, dataclasses.replace(intake_rules(s), deferral_margin_days=10), desk=SUPERVISOR)
    with sessions() as s:
        assert s.get(models.Setting, DEFERRAL_MARGIN_KEY) is not None
        after = preview(s, request, TODAY, office_calendar(s))
    assert before.outcome is Outcome.DEFER
    assert after.outcome is Outcome.CORRECT
    # ten working days after the guide's three pass 食品经营许可's legal ten: the law refuses the deferral
    assert ReasonCode.DEFERRAL_PAST_LEGAL in {r.code for r in after.reasons}
