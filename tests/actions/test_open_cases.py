"""intake.open_cases: the applicant's cases of a bundle not yet over, asked before she is taken again."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.take import move_case, take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.open_cases import OpenCase
from counter.case.status import CaseEvent, CaseStatus
from counter.db.catalog_store import current_guide
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.service.intake import OPEN_CASES, OpenCasesOf
from counter.service.local import InProcess
from tests.actions.conftest import TODAY
from tests.ui.runners import OpenedStore

ID = make_id_number("152201", dt.date(1975, 5, 4), 211)
OTHER_ID = make_id_number("152201", dt.date(1980, 1, 9), 17)
RESTAURANT = "XAM-YJS-008"


def request_of(sessions: sessionmaker[Session], id_no: str, bundle: str = RESTAURANT) -> IntakeRequest:
    with sessions() as s:
        stored = current_guide(s, bundle)
    assert stored is not None
    parties = Parties(Applicant(ApplicantKind.PERSON, "巴特尔", id_no, "13904821111", "乌兰浩特市五一街"))
    return IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), parties)


def take(sessions: sessionmaker[Session], desk: Desk, request: IntakeRequest, today: dt.date = TODAY) -> str:
    with sessions.begin() as s:
        return take_intake(s, desk, request, today, office_calendar(s)).case_no


def test_the_applicants_open_cases_of_the_bundle_are_named_newest_first(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    service = InProcess(OpenedStore(sessions))
    asked = OpenCasesOf(ID, RESTAURANT)
    assert service.call(OPEN_CASES, asked, desk) == ()  # a first visit: nothing to name
    earlier = take(sessions, desk, request_of(sessions, ID), TODAY - dt.timedelta(days=3))
    first = take(sessions, desk, request_of(sessions, ID))
    second = take(sessions, desk, request_of(sessions, ID))
    take(sessions, desk, request_of(sessions, OTHER_ID))  # another applicant's
    withdrawn = take(sessions, desk, request_of(sessions, ID))
    with sessions.begin() as s:
        move_case(s, desk, withdrawn, CaseEvent.WITHDRAWN, "申请人撤回")  # over: not open
    named = service.call(OPEN_CASES, asked, desk)
    assert [c.case_no for c in named] == [second, first, earlier]
    # nothing entrusted: the hall only received it, and the box names it 已收件 as its page does
    assert named[0] == OpenCase(second, TODAY, CaseStatus.ACCEPTED, only_received=True)
    assert named[2].received_on == TODAY - dt.timedelta(days=3)


def test_nothing_of_the_person_crosses() -> None:
    """Only the number, the day and the status (and how it is said): reads of personal data are decided elsewhere, by
    role and reach."""
    assert [f.name for f in dataclasses.fields(OpenCase)] == ["case_no", "received_on", "status", "only_received"]
    assert OPEN_CASES.response == tuple[OpenCase, ...]
