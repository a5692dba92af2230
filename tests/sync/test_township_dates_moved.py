"""New holiday data moves a township's open dates too, once, whichever site counts them first.

The hall's holidays reach a township with its update package.  A 容缺 the township took on 2027-09-30 was due 10-06
(both sites then counted 6 and 7 October as working days); the hall imports the year's notice (1 to 7 October off).
Whether the township's case is still only at the township (the township counts it again when it takes the update)
or at the hall already (the hall counts it, and its line reaches the township as progress), the case is due 10-08 at
both sites, with one line of the move.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.holidays import import_schedule, set_holiday
from counter.actions.intake.take import take_intake
from counter.case.status import CaseEvent
from counter.case.view import CaseView
from counter.db import models
from counter.db.case_store import case_view
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest
from tests.actions.test_intake_actions import full_request
from tests.actions.test_provisional_dates import NOTICE_2027
from tests.sync.sync_world import Site, hall_and_township

pytestmark = pytest.mark.slow  # two sites and three packages a test

D = dt.date
TAKEN = D(2027, 9, 30)
BEFORE = dt.datetime(2027, 9, 29, 9, tzinfo=dt.UTC)  # the hall's edited days reach the township
AT = dt.datetime(2027, 9, 30, 9, tzinfo=dt.UTC)  # the intake
IMPORTED = dt.datetime(2027, 10, 1, 9, tzinfo=dt.UTC)  # the notice, its update, the township's next package


@pytest.fixture(params=["sqlite", "postgresql"])
def sites(
    request: pytest.FixtureRequest, catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Site, Site, str]]:
    clock = {"at": BEFORE}
    monkeypatch.setattr(models, "utcnow", lambda: clock["at"])
    hall, ars = hall_and_township(request, catalog, tmp_path)
    with hall.sessions.begin() as s:
        for day in (D(2027, 10, 6), D(2027, 10, 7)):
            set_holiday(s, day, "work", desk=hall.desk)
    assert ars.take(hall.export(ars.code, BEFORE).data, BEFORE).held == 0
    clock["at"] = AT
    number = deferral(ars.sessions, ars)
    assert due_of(view_at(ars, number)) == D(2027, 10, 8)
    clock["at"] = IMPORTED
    yield hall, ars, number
    ars.sessions.kw["bind"].dispose()
    if request.param == "sqlite":
        hall.sessions.kw["bind"].dispose()


def deferral(sessions: sessionmaker[Session], site: Site) -> str:
    request = full_request(sessions)
    checklist = record(request.checklist, "M08", Receipt.MISSING)
    request = dataclasses.replace(request, checklist=checklist, deferral=DeferralRequest(True, True))
    with sessions.begin() as s:
        return take_intake(s, site.desk, request, TAKEN, office_calendar(s)).case_no


def view_at(site: Site, number: str) -> CaseView:
    with site.sessions() as s:
        view = case_view(s, number)
    assert view is not None
    return view


def due_of(view: CaseView) -> dt.date | None:
    return next(m.due_on for m in view.materials if m.code == "M08")


def moves(view: CaseView) -> int:
    return sum(line.event == CaseEvent.DATES_MOVED.value for line in view.history)


def import_notice(hall: Site) -> tuple[str, ...]:
    with hall.sessions.begin() as s:
        imported = import_schedule(s, NOTICE_2027, 2027, "2027.txt", desk=hall.desk)
    assert imported.ok
    return imported.moved


def test_the_township_counts_its_case_again_and_the_hall_takes_the_move(sites: tuple[Site, Site, str]) -> None:
    hall, ars, number = sites
    assert import_notice(hall) == ()  # the hall does not hold the case yet
    assert ars.take(hall.export(ars.code, IMPORTED).data, IMPORTED).held == 0
    at_township = view_at(ars, number)
    assert (due_of(at_township), at_township.promised_on, moves(at_township)) == (D(2027, 10, 11), D(2027, 10, 13), 1)
    assert hall.take(ars.export(now=IMPORTED).data, IMPORTED).held == 0  # the township's move is its own to send
    at_hall = view_at(hall, number)
    assert (due_of(at_hall), at_hall.promised_on, moves(at_hall)) == (D(2027, 10, 11), D(2027, 10, 13), 1)


def test_a_move_the_hall_made_reaches_the_township_once(sites: tuple[Site, Site, str]) -> None:
    hall, ars, number = sites
    assert hall.take(ars.export(now=AT).data, AT).held == 0
    assert import_notice(hall) == (number,)
    assert ars.take(hall.export(ars.code, IMPORTED).data, IMPORTED).held == 0
    at_township = view_at(ars, number)
    assert (due_of(at_township), at_township.promised_on, moves(at_township)) == (D(2027, 10, 11), D(2027, 10, 13), 1)
