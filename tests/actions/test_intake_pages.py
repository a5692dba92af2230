"""Pages taken at the intake kept with its case: numbered in turn, refused whole when they cannot be kept."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.case_view import read_case
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.moments import office_day
from counter.case.pages import MaterialPage, PageImage, PageProblem, PageRefused, TakenPage, page_image
from counter.db import models
from counter.db.catalog_store import current_guide
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from tests.actions.conftest import TODAY
from tests.host.devices.synthetic_camera import SyntheticCamera


def case_pages(s: Session, number: str) -> tuple[MaterialPage, ...]:
    """The pages kept with the case numbered ``number``, as its case page reads them."""
    page = read_case(s, number)
    assert page is not None
    return page.pages


def trail(sessions: sessionmaker[Session], number: str) -> list[tuple[str, dict[str, object]]]:
    """The case's audit entries: action and detail, in order."""
    with sessions() as s:
        entries = s.execute(
            select(models.AuditEntry.action, models.AuditEntry.detail)
            .where(models.AuditEntry.subject == number)
            .order_by(models.AuditEntry.id)
        )
        return [(action, json.loads(detail)) for action, detail in entries]


def test_pages_taken_at_the_intake_are_written_with_the_case(sessions: sessionmaker[Session], desk: Desk) -> None:
    """In the intake's own unit of work, taken on the intake's day (a training desk's too, never the machine's); a
    page of a material the checklist no longer lists is left out."""
    parties = Parties(Applicant(ApplicantKind.PERSON, "其其格", make_id_number("152201", dt.date(1994, 3, 8), 222)))
    camera = SyntheticCamera()
    with sessions.begin() as s:
        stored = current_guide(s, "XAM-YJS-008")
        assert stored is not None
        checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
        code = checklist.entries[0].code
        taken = (
            TakenPage(code, page_image(camera.capture()), True),
            TakenPage("NOT-LISTED", page_image(camera.capture()), False),
            TakenPage(code, page_image(camera.capture()), False),
        )
        request = IntakeRequest(checklist, parties, pages=taken)
        number = take_intake(s, desk, request, TODAY, office_calendar(s)).case_no
    with sessions() as s:
        kept = case_pages(s, number)
    assert [(p.material_code, p.page_no, p.compared, p.jpeg) for p in kept] == [
        (code, 1, True, taken[0].image.jpeg),
        (code, 2, False, taken[2].image.jpeg),
    ]
    assert {office_day(p.captured_at) for p in kept} == {TODAY}
    (entry,) = [d for action, d in trail(sessions, number) if action == "case_taken"]
    assert entry["pages"] == [hashlib.sha256(p.jpeg).hexdigest() for p in kept]


def test_an_intake_with_a_page_not_as_declared_is_refused_and_nothing_kept(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """A 20 MB blob declared a 10×10 px page: the intake is refused whole, its case not taken."""
    parties = Parties(Applicant(ApplicantKind.PERSON, "其其格", make_id_number("152201", dt.date(1994, 3, 8), 222)))
    with sessions() as s:
        stored = current_guide(s, "XAM-YJS-008")
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    blob = PageImage(b"\xff\xd8\xff" + bytes(20 << 20), 10, 10)
    request = IntakeRequest(checklist, parties, pages=(TakenPage(checklist.entries[0].code, blob, False),))
    with pytest.raises(PageRefused) as caught, sessions.begin() as s:
        take_intake(s, desk, request, TODAY, office_calendar(s))
    assert caught.value.problem is PageProblem.TOO_LARGE
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(models.Case)) == 0
        assert s.scalar(select(func.count()).select_from(models.CaseMaterialPage)) == 0
