"""当场办结: a wholly 即办 bundle accepted today is decided and handed over at the window in one step."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.same_day import finish_same_day, same_day_check
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.hand_over import HandOver, HandOverWay, hand_over_note, hand_overs
from counter.case.intake_request import IntakeRequest
from counter.case.item_lines import office_day
from counter.case.same_day import NOTE_SAME_DAY, SameDayProblem
from counter.case.same_day_refused import SameDayNotPossible
from counter.case.status import CaseStatus
from counter.catalog.stored_guide import StoredGuide
from counter.db import models
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.documents.kinds import DocumentKind, record_kind
from counter.intake.parties import Agent, Applicant, ApplicantKind, Delivery, Parties
from counter.parties.identifiers import make_id_number
from counter.parties.masking import mask_id
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import ID, applicant
from tests.licence_library import CREDIT_CODE
from tests.same_day_catalog import add_immediate_guide


def _take(sessions: sessionmaker[Session], desk: Desk, stored: StoredGuide, parties: Parties | None = None) -> str:
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    with sessions.begin() as s:
        return take_intake(s, desk, IntakeRequest(checklist, parties or applicant()), TODAY, office_calendar(s)).case_no


@pytest.fixture
def immediate(owner: sessionmaker[Session]) -> StoredGuide:
    """The 即办 bundle, at a hall that holds the power for its items (a 行政审批局): the window decides them."""
    with owner.begin() as s:
        return add_immediate_guide(s)


def test_a_same_day_case_is_decided_and_handed_over_with_both_steps_on_record(
    sessions: sessionmaker[Session], desk: Desk, immediate: StoredGuide
) -> None:
    number = _take(sessions, desk, immediate)
    with sessions.begin() as s:
        assert finish_same_day(s, desk, number, TODAY) is CaseStatus.DELIVERED
    with sessions() as s:
        view = case_view(s, number)
        trail = s.execute(
            select(models.AuditEntry.action, models.AuditEntry.detail)
            .where(models.AuditEntry.subject == number)
            .order_by(models.AuditEntry.seq)
        ).all()
    assert view is not None
    assert view.status is CaseStatus.DELIVERED
    steps = [(h.event, h.status_after, h.note, h.clerk) for h in view.history]
    items = [item.code for item in immediate.bundle.items]
    granted = [("item_approved", "accepted", f"{code}：", "乌兰") for code in items]  # 办结 grants each item
    assert steps[1:-1] == [*granted, ("completed", "ready", NOTE_SAME_DAY, "乌兰")]
    assert steps[-1][::3] == ("delivered", "乌兰")
    # the 送达 is on record as every hand-over: to the applicant standing at the window, every item, and its 送达回证
    (handed,) = hand_overs(view.history, office_day)
    assert (handed.way, handed.recipient, handed.id_masked, handed.same_day) == (
        HandOverWay.PICKUP, "巴特尔", mask_id(ID), True,
    )  # fmt: skip
    assert [i.code for i in handed.items] == items
    with sessions() as s:
        kinds = s.scalars(select(models.DocumentRecord.kind)).all()
    assert kinds == [record_kind(DocumentKind.SERVICE_RECEIPT, 1)]
    assert all(decision.approved for decision in view.decisions().values())
    assert set(view.decisions()) == set(items)
    moves = [(action, json.loads(detail)) for action, detail in trail if action == "case_changed"]
    assert [(d["event"], d["status"], d["note"], d.get("item")) for _, d in moves] == [
        *(("item_approved", "accepted", f"{code}：", code) for code in items),
        ("completed", "ready", NOTE_SAME_DAY, None),
        ("delivered", "delivered", hand_over_note(handed), None),
    ]


def test_a_bundle_with_a_promised_item_is_refused_and_left_as_it_was(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    with sessions() as s:
        restaurant = current_guide(s, "XAM-YJS-008")  # 新办纳税人涉税事项 is 即办, the three licences are not
    assert restaurant is not None
    number = _take(sessions, desk, restaurant)
    with sessions.begin() as s, pytest.raises(SameDayNotPossible) as refused:
        finish_same_day(s, desk, number, TODAY)
    assert refused.value.problems == (SameDayProblem.NOT_IMMEDIATE, SameDayProblem.NOT_WINDOW_DECIDED)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.status is CaseStatus.ACCEPTED
    assert [h.event for h in view.history] == ["taken"]


def test_a_bundle_of_departments_items_is_not_granted_at_the_window_however_immediate(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    """Every item 即办, none the site's: the departments decide them, the window grants nothing (was: all granted)."""
    with owner.begin() as s:
        stored = add_immediate_guide(s, held_at="")
    number = _take(sessions, desk, stored)
    with sessions.begin() as s, pytest.raises(SameDayNotPossible) as refused:
        finish_same_day(s, desk, number, TODAY)
    assert refused.value.problems == (SameDayProblem.NOT_WINDOW_DECIDED,)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.decisions() == {}
    assert view.status is CaseStatus.ACCEPTED


def test_a_case_accepted_on_an_earlier_day_or_already_done_is_refused(
    sessions: sessionmaker[Session], desk: Desk, immediate: StoredGuide
) -> None:
    number = _take(sessions, desk, immediate)
    with sessions() as s:
        assert same_day_check(s, number, TODAY + dt.timedelta(days=3)) == (SameDayProblem.NOT_TODAY,)
        assert same_day_check(s, number, TODAY) == ()
    with sessions.begin() as s:
        finish_same_day(s, desk, number, TODAY)
    with sessions.begin() as s, pytest.raises(SameDayNotPossible) as refused:
        finish_same_day(s, desk, number, TODAY)
    assert refused.value.problems == (SameDayProblem.NOT_ACCEPTED,)


def test_a_result_asked_for_by_post_is_not_handed_over_at_the_window(
    sessions: sessionmaker[Session], desk: Desk, immediate: StoredGuide
) -> None:
    by_post = dataclasses.replace(applicant(), delivery=Delivery.POST, delivery_address="乌兰浩特市五一街1号")
    number = _take(sessions, desk, immediate, by_post)
    with sessions.begin() as s, pytest.raises(SameDayNotPossible) as refused:
        finish_same_day(s, desk, number, TODAY)
    assert refused.value.problems == (SameDayProblem.NOT_AT_WINDOW,)


def _handed_over(sessions: sessionmaker[Session], desk: Desk, stored: StoredGuide, parties: Parties) -> HandOver:
    number = _take(sessions, desk, stored, parties)
    with sessions.begin() as s:
        assert finish_same_day(s, desk, number, TODAY) is CaseStatus.DELIVERED
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    (handed,) = hand_overs(view.history, office_day)
    return handed


def test_an_agent_receives_the_result_for_the_applicant_under_the_agents_own_number(
    sessions: sessionmaker[Session], desk: Desk, immediate: StoredGuide
) -> None:
    agent_id = make_id_number("152201", dt.date(1990, 3, 8), 35)
    parties = dataclasses.replace(applicant(), agent=Agent("其木格", agent_id, "2026年11月授权委托书，代为办理并领取"))
    handed = _handed_over(sessions, desk, immediate, parties)
    assert (handed.recipient, handed.id_masked, handed.same_day) == ("其木格", mask_id(agent_id), True)


def test_a_companys_result_goes_to_its_legal_representative_whose_number_is_written_in(
    sessions: sessionmaker[Session], desk: Desk, immediate: StoredGuide
) -> None:
    company = Applicant(
        ApplicantKind.COMPANY, "乌兰浩特市草原味道餐馆", CREDIT_CODE, "13904821111", "乌兰浩特市五一街", "巴特尔"
    )
    handed = _handed_over(sessions, desk, immediate, Parties(company))
    # the case keeps the company's credit code, not the representative's ID number: the 送达回证 leaves it blank
    assert (handed.recipient, handed.id_masked, handed.same_day) == ("巴特尔", "", True)
