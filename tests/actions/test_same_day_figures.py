"""The 即办件 figures count what happened: an item decided on the day its case was taken, a case closed that day.

The league's table (seed 000, 兴署办发〔2021〕8号 一网办 附件 第 2 项) asks for the share of 即办件; the catalog's
promise of 0 days says what should happen, not what did.  A 053 case with one item denied on the day and three
undecided is not a case done on the spot, and its three undecided items are not 即办件, whatever the guide promised.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.case_view import read_case
from counter.actions.cases.decisions import decide_item
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.take import take_intake
from counter.actions.ratings.case_figures import month_figures
from counter.actions.ratings.period_figures import period_figures
from counter.actions.site.demo import complete_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.promise_figures import FigureGroup
from counter.db.catalog_store import current_guide
from counter.intake.checklist import start_checklist
from counter.ratings.figures import Grouping
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant
from tests.entrusted import ENTERED, entrust_in
from tests.signed_in import signed_in

TAXES = "XAM-YJS-053"  # every item 即办件 promising 0 days: the catalog's promise alone made it 100 % 即办
NEW_TRADER = {"register": "new", "entity": "individual", "agent": "staff"}  # four items of the five


@pytest.fixture(autouse=True)
def drafts(owner: sessionmaker[Session], desk: Desk) -> None:
    """053 is a 待核 guide: the site takes intakes on it."""
    with owner.begin() as s:
        allow_draft_intake(s, True, desk=desk)


def _take(sessions: sessionmaker[Session], desk: Desk) -> tuple[str, tuple[str, ...]]:
    with sessions() as s:
        stored = current_guide(s, TAXES)
    assert stored is not None
    checklist = complete_checklist(
        stored.bundle, start_checklist(stored.bundle, NEW_TRADER, guide_version=stored.version_id)
    )
    with sessions.begin() as s:
        number = take_intake(s, desk, IntakeRequest(checklist, applicant()), TODAY, office_calendar(s)).case_no
    with sessions() as s:
        page = read_case(s, number)
    assert page is not None
    return number, tuple(item.code for item in page.items)


def _decide(
    sessions: sessionmaker[Session], desk: Desk, number: str, code: str, day: dt.date, *, approve: bool = True
) -> None:
    at = dt.datetime.combine(day, dt.time(10, 30)).astimezone()  # mid-morning on the office's clock
    with sessions.begin() as s:
        decide_item(
            s, desk, number, code, approve=approve, text="准予" if approve else "材料不实", at=at, entered=ENTERED
        )


def test_a_case_with_a_denied_item_and_three_undecided_is_not_done_on_the_spot(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    denied, codes = _take(sessions, desk)
    assert len(codes) == 4
    entrust_in(owner, desk, *codes)
    desk = signed_in(owner, desk)  # a 不予批准 at the window (entrusted) is its supervisor's
    _decide(sessions, desk, denied, codes[0], TODAY, approve=False)
    with sessions() as s:
        month = month_figures(s, "2026-11", FigureGroup.BUNDLE, desk=desk)
    (line,) = month.lines
    assert (line.cases, line.same_day_cases) == (1, 0)
    assert (line.item_cases, line.same_day_item_cases) == (4, 1)  # the denied item was decided on the day
    assert line.same_day_case_share == 0
    assert line.same_day_share == Fraction(1, 4)


def test_only_a_case_whose_every_item_was_decided_the_day_it_was_taken_counts_whole(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    done, codes = _take(sessions, desk)
    later, _ = _take(sessions, desk)
    untouched, _ = _take(sessions, desk)
    entrust_in(owner, desk, *codes)
    for code in codes:
        _decide(sessions, desk, done, code, TODAY)
    _decide(sessions, desk, later, codes[0], TODAY)
    for code in codes[1:]:
        _decide(sessions, desk, later, code, TODAY + dt.timedelta(days=3))  # closed, but not on the spot
    with sessions() as s:
        figures = period_figures(s, TODAY, TODAY, Grouping.BUNDLE, TODAY + dt.timedelta(days=3), desk=desk)
    promise = figures.total.promise
    assert (promise.cases, promise.same_day_cases) == (3, 1)
    assert (promise.item_cases, promise.same_day_item_cases) == (12, 5)
    assert untouched  # taken and never decided: counted among the cases, not among the 即办
