"""The month's 即办件 share and 承诺时限压减率 read from stored cases, per desk and per bundle."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.same_day import finish_same_day
from counter.actions.intake.take import move_case, take_intake
from counter.actions.ratings.case_figures import month_figures
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.case.promise_figures import FigureGroup
from counter.case.status import CaseEvent
from counter.catalog.stored_guide import StoredGuide
from counter.db.catalog_store import current_guide
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant
from tests.same_day_catalog import IMMEDIATE_CODE, add_immediate_guide
from tests.signed_in import signed_in

RESTAURANT = "XAM-YJS-008"  # four items: 新办纳税人涉税事项 is 即办 (5 → 0 days), the licences cut 3→1, 10→3, 20→3


def _take(sessions: sessionmaker[Session], desk: Desk, stored: StoredGuide, day: dt.date = TODAY) -> str:
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    with sessions.begin() as s:
        return take_intake(s, desk, IntakeRequest(checklist, applicant()), day, office_calendar(s)).case_no


def _month_of_cases(sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk) -> Desk:
    """Desk 8: a 即办 case done at the window, a restaurant, a restaurant voided; desk 9: a restaurant.

    And a restaurant in December, which November does not count.  The void is a supervisor's: desk 8's clerk signs
    in as one last (the account then reads the figures).
    """
    with owner.begin() as s:  # the site's settings (who holds the 即办 items) are the administrator's
        immediate = add_immediate_guide(s)
        restaurant = current_guide(s, RESTAURANT)
    assert restaurant is not None
    done = _take(sessions, desk, immediate)
    with sessions.begin() as s:
        finish_same_day(s, desk, done, TODAY)
    _take(sessions, desk, restaurant)
    wrong = _take(sessions, desk, restaurant)
    _take(sessions, Desk(DeskIdentity("XAM01", "9"), "张晓燕"), restaurant)
    _take(sessions, desk, restaurant, dt.date(2026, 12, 1))
    supervisor = signed_in(owner, desk)
    with sessions.begin() as s:
        move_case(s, supervisor, wrong, CaseEvent.VOIDED, "重复录入")
    return supervisor


def test_the_month_per_desk(sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk) -> None:
    desk = _month_of_cases(sessions, owner, desk)
    with sessions() as s:
        month = month_figures(s, "2026-11", FigureGroup.DESK, desk=desk)
    eight, nine = month.lines
    assert (eight.key, nine.key) == (("XAM01", "8"), ("XAM01", "9"))
    # the 即办 case is five item-办件, all decided at the window the day it was taken; the restaurant four, none
    # decided yet (its 涉税 item is a 即办件 in the catalog: what counts is that it was not done on the day)
    assert (eight.cases, eight.same_day_cases, eight.item_cases, eight.same_day_item_cases) == (2, 1, 9, 5)
    assert eight.same_day_share == Fraction(5, 9)
    assert eight.same_day_case_share == Fraction(1, 2)
    assert nine.same_day_share == 0
    restaurant = Fraction(1) + (1 - Fraction(1, 3)) + (1 - Fraction(3, 10)) + (1 - Fraction(3, 20))
    assert nine.mean_reduction == restaurant / 4
    # the 即办 bundle's two items whose law gives 0 days have nothing to cut: not measured
    assert (eight.measured_item_cases, eight.unmeasured_item_cases) == (7, 2)
    assert eight.mean_reduction == (3 + restaurant) / 7
    assert month.total.cases == 3


def test_the_month_per_bundle(sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk) -> None:
    desk = _month_of_cases(sessions, owner, desk)
    with sessions() as s:
        month = month_figures(s, "2026-11", FigureGroup.BUNDLE, desk=desk)
    assert [(line.key, line.label, line.cases) for line in month.lines] == [
        ((RESTAURANT,), "我要开小餐馆（50平方米以下）", 2),
        ((IMMEDIATE_CODE,), "新生儿出生事项（即办）", 1),
    ]
    assert month.lines[1].same_day_case_share == 1
    assert month.total.same_day_share == Fraction(5, 5 + 8)
    with sessions() as s:
        december = month_figures(s, "2026-12", FigureGroup.BUNDLE, desk=desk)
    assert [(line.key, line.cases) for line in december.lines] == [((RESTAURANT,), 1)]
