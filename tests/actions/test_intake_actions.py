"""Intake through the actions: numbers, outcomes stored whole, the life of a case."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import decide_item, deny_lapsed_deferral
from counter.actions.cases.hand_over import hand_over_results
from counter.actions.intake.take import extend_deferral, fulfil_deferred, move_case, take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist, run_demo
from counter.audit.actions import AuditAction
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.hand_over import HandOverRequest, HandOverWay
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import CASE_NO_MAX, DeskIdentity
from counter.case.status import CaseEvent, CaseStatus, MoveNotAllowed
from counter.db import models
from counter.db.case_lists import deferrals_due_by
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.db.party_store import find_party
from counter.intake.checklist import Receipt, record
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import DeferralRequest
from counter.intake.parties import Applicant, ApplicantKind, Parties, PartyField, PartyProblemCode
from counter.parties.identifiers import make_id_number
from tests.actions.conftest import TODAY
from tests.entrusted import ENTERED, RESTAURANT_ITEMS
from tests.signed_in import signed_in

ENTRUSTED_RESTAURANT = True  # its departments' items decided at the window under their 授权 (tests/actions/conftest.py)

ID = make_id_number("152201", dt.date(1975, 5, 4), 211)


def applicant(name: str = "巴特尔", id_no: str = ID) -> Parties:
    return Parties(Applicant(ApplicantKind.PERSON, name, id_no, "13904821111", "乌兰浩特市五一街"))


def take(sessions: sessionmaker[Session], desk: Desk, request: IntakeRequest, today: dt.date = TODAY) -> str:
    with sessions.begin() as s:
        return take_intake(s, desk, request, today, office_calendar(s)).case_no


def full_request(sessions: sessionmaker[Session], parties: Parties | None = None) -> IntakeRequest:
    with sessions() as s:
        stored = current_guide(s, "XAM-YJS-008")
    assert stored is not None
    return IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), parties or applicant())


def test_demo_takes_every_outcome_and_numbers_never_repeat(sessions: sessionmaker[Session], desk: Desk) -> None:
    made = run_demo(sessions, desk, TODAY)
    statuses = {c.label: c.status for c in made}
    assert statuses["受理"] is CaseStatus.ACCEPTED
    assert statuses["撤回申请"] is CaseStatus.WITHDRAWN  # told the finding, the applicant did not insist
    assert statuses["容缺材料补齐"] is CaseStatus.IN_APPROVAL
    numbers = {c.case_no for c in made}
    assert len(numbers) == 6  # two deferral cases appear twice: taken, then completed or denied
    # 食品经营许可 waits for 市监局, which decides it
    assert statuses["容缺逾期：逾期事实已记录，转实施部门决定"] is CaseStatus.IN_APPROVAL
    assert all(len(n) <= CASE_NO_MAX and n.startswith("XAM01-20261120-08-") for n in numbers)


def test_an_intake_is_stored_whole_with_its_guide_version(sessions: sessionmaker[Session], desk: Desk) -> None:
    request = full_request(sessions)
    number = take(sessions, desk, request)
    with sessions() as s:
        view = case_view(s, number)
        stored = current_guide(s, "XAM-YJS-008")
    assert view is not None
    assert stored is not None
    assert view.status is CaseStatus.ACCEPTED
    assert view.guide_version_id == stored.version_id
    assert [m.code for m in view.materials] == [e.code for e in request.checklist.entries]
    assert view.accepted_on == TODAY
    assert view.promised_on is not None
    assert view.promised_on > TODAY
    assert [h.event for h in view.history] == ["taken"]
    assert view.history[0].clerk == "乌兰"


def test_known_id_is_remembered_for_the_next_intake(sessions: sessionmaker[Session], desk: Desk) -> None:
    take(sessions, desk, full_request(sessions, applicant("其其格", ID.lower())))
    with sessions() as s:
        party = find_party(s, ID)
    assert party is not None
    assert (party.name, party.phone) == ("其其格", "13904821111")


def test_unfinished_checklist_or_bad_id_cannot_be_committed(sessions: sessionmaker[Session], desk: Desk) -> None:
    request = full_request(sessions)
    pending = dataclasses.replace(
        request, checklist=record(request.checklist, request.checklist.entries[0].code, Receipt.PENDING)
    )
    with pytest.raises(IntakeNotPossible) as caught:
        take(sessions, desk, pending)
    assert caught.value.decision is not None
    assert caught.value.decision.outcome.value == "incomplete"
    bad_id = dataclasses.replace(request, parties=applicant(id_no=ID[:-1] + ("1" if ID[-1] != "1" else "2")))
    with pytest.raises(IntakeNotPossible) as caught:
        take(sessions, desk, bad_id)
    assert [p.detail for p in caught.value.party_problems] == ["check_digit"]
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(models.Case)) == 0


@pytest.mark.parametrize("phone", ["１３９０４８２１１１１", "١٣٩٠٤٨٢١١١١", "1390482\u202e1111", "13904821111\x00"])
def test_a_phone_is_a_phone(sessions: sessionmaker[Session], desk: Desk, phone: str) -> None:
    """Full-width or Arabic-Indic digits (``str.isdigit`` takes both), a reordering character, NUL: none of them a
    number the gateway dials, each refused at the phone's field."""
    parties = dataclasses.replace(applicant(), notify_phone=phone)
    with pytest.raises(IntakeNotPossible) as caught:
        take(sessions, desk, full_request(sessions, parties))
    assert [(p.field, p.code) for p in caught.value.party_problems] == [
        (PartyField.PHONE, PartyProblemCode.INVALID_PHONE)
    ]


def test_a_notify_phone_not_the_applicants_is_recorded_as_such(sessions: sessionmaker[Session], desk: Desk) -> None:
    own = take(sessions, desk, full_request(sessions, dataclasses.replace(applicant(), notify_phone="139 0482 1111")))
    other = take(sessions, desk, full_request(sessions, dataclasses.replace(applicant(), notify_phone="13959082062")))
    e = models.AuditEntry
    with sessions() as s:
        rows = s.execute(select(e.subject, e.detail).where(e.action == AuditAction.CASE_TAKEN.value))
        taken = {subject: json.loads(detail) for subject, detail in rows}
    assert "notify_phone" not in taken[own]
    assert taken[other]["notify_phone"] == "not_applicants"


def test_text_is_stored_exactly_as_typed(sessions: sessionmaker[Session], desk: Desk) -> None:
    odd = '王䶮𬭚 \'; DROP TABLE case; -- "引号"  '  # within a name's 50 characters, and its blanks trimmed
    number = take(sessions, desk, full_request(sessions, applicant(odd)))
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.applicant_name == odd.strip()


def test_deferral_then_supervisor_extends_then_arrival_completes(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    request = full_request(sessions)
    checklist = record(request.checklist, "M09", Receipt.MISSING)
    number = take(
        sessions,
        desk,
        dataclasses.replace(request, checklist=checklist, deferral=DeferralRequest(True, True)),
    )
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.status is CaseStatus.AWAITING_DEFERRED
    (open_line,) = view.deferred_open()
    assert open_line.code == "M09"
    assert open_line.due_on is not None
    assert view.promised_on is not None
    assert open_line.due_on <= view.promised_on
    with sessions() as s:
        overdue = deferrals_due_by(s, open_line.due_on + dt.timedelta(days=1))
    assert [r.case_no for r in overdue] == [number]

    supervisor = signed_in(owner, Desk(DeskIdentity("XAM01", "1"), "值班长"))  # from now on, accounts sign in
    desk = signed_in(owner, desk, Role.CLERK)
    new_due = open_line.due_on + dt.timedelta(days=7)
    with sessions.begin() as s, pytest.raises(IntakeNotPossible):
        extend_deferral(s, supervisor, number, new_due, " ")
    with sessions.begin() as s:
        extend_deferral(s, supervisor, number, new_due, "申请人住院，不可抗力")
    with sessions.begin() as s:
        assert fulfil_deferred(s, desk, number, {"M09"}, new_due) is CaseStatus.IN_APPROVAL
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert [h.event for h in view.history] == ["taken", "deferral_extended", "deferred_complete"]
    assert view.history[1].clerk == "值班长"
    assert "不可抗力" in view.history[1].note
    assert view.materials[-1].arrived_on is not None or any(m.arrived_on for m in view.materials)


def test_an_overdue_deferral_denies_its_items_and_the_case_follows_them(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    request = full_request(sessions)
    checklist = record(request.checklist, "M08", Receipt.MISSING)
    number = take(
        sessions, desk, dataclasses.replace(request, checklist=checklist, deferral=DeferralRequest(True, True))
    )
    desk = signed_in(owner, desk)  # the items' 不予批准 at the window (entrusted) is its supervisor's
    with sessions.begin() as s:
        lapse = deny_lapsed_deferral(s, desk, number, TODAY + dt.timedelta(days=30), "逾期未补交食品安全管理制度文本")
    assert lapse.status is CaseStatus.IN_APPROVAL  # the other items go on
    for code in ("152201-YJS008-01", "152201-YJS008-03", "152201-YJS008-04"):
        with sessions.begin() as s:
            status = decide_item(s, desk, number, code, approve=False, text="申请人撤回该事项", entered=ENTERED)
    assert status is CaseStatus.DENIED
    with sessions.begin() as s, pytest.raises(MoveNotAllowed):
        move_case(s, desk, number, CaseEvent.COMPLETED)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.denial_reason.startswith("逾期未补交食品安全管理制度文本")


def test_life_of_an_accepted_case(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        assert move_case(s, desk, number, CaseEvent.SENT_TO_APPROVAL) is CaseStatus.IN_APPROVAL
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:  # 办结 grants nothing: items undecided
        move_case(s, desk, number, CaseEvent.COMPLETED)
    assert refused.value.problem is DecisionProblem.UNDECIDED
    with sessions.begin() as s:  # each department's decision (recorded under its 授权); the last closes the case
        for code in RESTAURANT_ITEMS:
            status = decide_item(s, desk, number, code, approve=True, text=f"XK-{code[-2:]}", entered=ENTERED)
    assert status is CaseStatus.READY
    pickup = HandOverRequest(HandOverWay.PICKUP, "巴特尔", ID)  # 送达 with its record (tests/actions/test_hand_over.py)
    now = dt.datetime.combine(TODAY, dt.time(16)).astimezone()
    with sessions.begin() as s:
        assert hand_over_results(s, desk, number, pickup, now).status is CaseStatus.DELIVERED


def test_resubmission_links_to_the_correction_and_is_accepted_that_day(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    request = full_request(sessions)
    first = take(
        sessions, desk, dataclasses.replace(request, checklist=record(request.checklist, "M05", Receipt.MISSING))
    )
    later_day = TODAY + dt.timedelta(days=4)
    second = take(sessions, desk, dataclasses.replace(request, previous_case_no=first), today=later_day)
    with sessions() as s:
        old, new = case_view(s, first), case_view(s, second)
    assert old is not None
    assert new is not None
    assert old.status is CaseStatus.RESUBMITTED
    assert old.later_case_no == second
    assert new.previous_case_no == first
    assert new.accepted_on == later_day
    # a correction notice is answered once
    with pytest.raises(MoveNotAllowed):
        take(sessions, desk, dataclasses.replace(request, previous_case_no=first))


def test_two_desks_on_one_day_never_share_a_number(sessions: sessionmaker[Session]) -> None:
    desks = [Desk(DeskIdentity("XAM01", str(n)), f"clerk{n}") for n in (1, 2)]
    numbers = [take(sessions, d, full_request(sessions)) for _ in range(3) for d in desks]
    assert len(set(numbers)) == 6
    township = Desk(DeskIdentity("WLHT03", "1"), "乡镇")
    assert take(sessions, township, full_request(sessions)).startswith("WLHT03-")


def test_a_name_typed_with_another_dot_is_kept_as_on_the_id_card(sessions: sessionmaker[Session], desk: Desk) -> None:
    """The same applicant found by name whichever 间隔号 the clerk's input method gave (・ from a Japanese layout)."""
    number = take(sessions, desk, full_request(sessions, applicant("阿依古丽\u30fb买买提")))
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.applicant_name == "阿依古丽\u00b7买买提"
