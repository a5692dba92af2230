"""The queue ticket the applicant was called by, kept with the case and read back with it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.case_view import read_case
from counter.actions.intake.take import take_intake
from counter.actions.ratings.period_figures import period_figures
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.queue_ticket import QueueTicket
from counter.cli.figures import line_json
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.intake.checklist import answer
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.ratings.figures import Grouping
from tests.actions.conftest import TODAY

BUNDLE = "XAM-YJS-008"
PERSON = Parties(
    Applicant(ApplicantKind.PERSON, "巴特尔", make_id_number("152201", dt.date(1980, 1, 2), 31), "13904821111")
)


def _take(sessions: sessionmaker[Session], desk: Desk, ticket: QueueTicket | None) -> str:
    with sessions() as s:
        stored = current_guide(s, BUNDLE)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    answers = {"operator": "individual", "agent": "self", "signboard": "no"}
    request = dataclasses.replace(IntakeRequest(checklist, PERSON), ticket=ticket)
    for situation, option in answers.items():
        request = dataclasses.replace(request, checklist=answer(request.checklist, stored.bundle, situation, option))
    with sessions.begin() as s:
        return take_intake(s, desk, request, TODAY, office_calendar(s)).case_no


def test_the_ticket_and_the_wait_are_kept_with_the_case(sessions: sessionmaker[Session], desk: Desk) -> None:
    called = _take(sessions, desk, QueueTicket("A023", 750))
    walked_in = _take(sessions, desk, None)
    with sessions() as s:
        view, plain = case_view(s, called), case_view(s, walked_in)
        page = read_case(s, called)
    assert view is not None
    assert (view.queue_ticket, view.queue_waited_s) == ("A023", 750)
    assert plain is not None
    assert (plain.queue_ticket, plain.queue_waited_s) == ("", None)
    assert page is not None
    assert page.view.queue_ticket == "A023"


def test_the_figures_give_the_mean_wait_of_the_cases_called_with_one(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    for ticket in (QueueTicket("A023", 600), QueueTicket("A024", 900), QueueTicket("A025"), None):
        _take(sessions, desk, ticket)
    with sessions() as s:
        figures = period_figures(s, TODAY, TODAY, Grouping.DESK, TODAY, desk=desk)
    total = figures.total.cases
    assert (total.waits, total.waited_s) == (2, 1500)  # the ticket without times and the walk-in count no wait
    assert total.mean_wait_minutes() == 12
    (line,) = figures.lines
    assert line_json(line, Grouping.DESK)["mean_wait_minutes"] == 12
