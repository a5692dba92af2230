"""The subject of a bundle taken with the case, stored and read back, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.db import models
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.intake.checklist import Receipt, record
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import Outcome
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.intake.subject import SubjectProblemCode
from counter.parties.identifiers import make_id_number
from tests.actions.conftest import TODAY
from tests.subject_values import typed_subject

NEWBORN = "XAM-YJS-052"
MOTHER = Parties(
    Applicant(ApplicantKind.PERSON, "其其格", make_id_number("152201", dt.date(1994, 3, 8), 222), "13904821111")
)


def _request(sessions: sessionmaker[Session], subject: dict[str, str], *, complete: bool = True) -> IntakeRequest:
    with sessions() as s:
        stored = current_guide(s, NEWBORN)
    assert stored is not None
    assert stored.bundle.subject is not None
    checklist = fresh_checklist(stored)
    if complete:
        checklist = complete_checklist(stored.bundle, checklist)
    else:  # the 出生医学证明 not brought: a 补正
        checklist = complete_checklist(stored.bundle, checklist)
        first = next(m for m in stored.bundle.materials if "出生医学证明" in m.name)
        checklist = record(checklist, first.code, Receipt.MISSING)
    return IntakeRequest(checklist, MOTHER, subject=tuple(subject.items()))


def _take(sessions: sessionmaker[Session], desk: Desk, request: IntakeRequest) -> str:
    with sessions.begin() as s:
        return take_intake(s, desk, request, TODAY, office_calendar(s)).case_no


@pytest.mark.slow  # a whole intake of the five-item bundle: half a second
def test_the_newborn_is_stored_with_the_case_as_the_desk_keeps_it(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions() as s:
        stored = current_guide(s, NEWBORN)
    assert stored is not None
    typed = typed_subject(stored.bundle) | {"name": "阿依古丽・买买提", "birth_certificate_no": "q150123456"}
    number = _take(sessions, desk, _request(sessions, typed))
    with sessions() as s:
        view = case_view(s, number)
        row = s.scalars(select(models.Case.subject).where(models.Case.case_no == number)).one()
    assert view is not None
    assert dict(view.subject) == {
        "name": "阿依古丽·买买提",
        "sex": "male",
        "birth_date": "2026-11-02",
        "birth_certificate_no": "Q150123456",
    }
    assert [code for code, _ in view.subject] == ["name", "sex", "birth_date", "birth_certificate_no"]
    assert "阿依古丽·买买提" in row  # JSON as the column keeps it, readable in the database itself


def test_an_accepted_case_needs_its_subject_and_every_problem_is_named(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    bad = {"name": "", "sex": "male", "birth_date": (TODAY + dt.timedelta(days=1)).isoformat(),
           "birth_certificate_no": "Q1501"}  # fmt: skip
    with pytest.raises(IntakeNotPossible) as caught:
        _take(sessions, desk, _request(sessions, bad))
    assert {(p.field, p.code) for p in caught.value.subject_problems} == {
        ("name", SubjectProblemCode.REQUIRED),
        ("birth_date", SubjectProblemCode.FUTURE_DATE),
        ("birth_certificate_no", SubjectProblemCode.BAD_CERTIFICATE_NO),
    }
    with sessions() as s:
        assert s.scalars(select(models.Case.id)).first() is None  # nothing written


def test_a_correction_may_leave_them_empty(sessions: sessionmaker[Session], desk: Desk) -> None:
    """The paper missing may be the 出生医学证明 the number is read from."""
    request = _request(sessions, {}, complete=False)
    with sessions.begin() as s:
        taken = take_intake(s, desk, request, TODAY, office_calendar(s))
    assert taken.decision.outcome is Outcome.CORRECT
    with sessions() as s:
        view = case_view(s, taken.case_no)
    assert view is not None
    assert view.subject == ()
