"""The case page withholds a lapse on a due date the year's notice may still move, and says why before any press.

A 容缺 of 我要开小餐馆 taken on Friday 2028-01-21, with no holiday data for 2028, was printed due 02-03 (除夕 to 初七
off as the notices have given 春节); on 02-04 the page offered 逾期未补齐 and explained the refusal
(:mod:`counter.case.provisional_lapse`) only once pressed.  The lapse, and a 补正's counted over the same holiday, are
not offered now; the line under the buttons names the due date and the notice that may move it.  Once the notice is
in the page offers them from the recounted date's next working day, as the action takes them.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.case.numbers import DeskIdentity
from counter.case.status import CaseEvent
from counter.db.engine import make_engine, make_sessions
from counter.ui.cases.case_page import CasePage, Loaded
from tests.actions.signed_head import head_of
from tests.actions.test_dates_moved import correction, deferral
from tests.actions.test_intake_actions import take
from tests.actions.test_provisional_lapse import TAKEN, import_2028
from tests.entrusted import RESTAURANT_ITEMS, entrust_in
from tests.pg_server import BACKENDS, CATALOG, FreshDatabases
from tests.ui.cases.conftest import Clock
from tests.ui.runners import runner_on

D = dt.date


@pytest.fixture(params=BACKENDS)
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """The shipped catalog on each backend, the restaurant's items recorded for their departments (tests/entrusted.py)
    so that the lapse is the window's to record whole."""
    if request.param == "postgresql":
        fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
        made = fresh.sessions(CATALOG)
    else:
        path = tmp_path / "counter.sqlite3"
        shutil.copy(request.getfixturevalue("shipped_catalog_db"), path)
        engine = make_engine(f"sqlite:///{path}")
        made = make_sessions(engine)
    entrust_in(made, Desk(DeskIdentity("XAM01", "1"), "管理员"), *RESTAURANT_ITEMS)
    yield made
    if request.param != "postgresql":
        engine.dispose()


@pytest.fixture
def head(sessions: sessionmaker[Session]) -> Desk:
    return head_of(sessions, Desk(DeskIdentity("XAM01", "8"), "乌兰"))


def page_on(qtbot: QtBot, sessions: sessionmaker[Session], desk: Desk, number: str, day: dt.date) -> CasePage:
    page = CasePage(runner_on(sessions, Clock(day)), desk, Clock(day), number)
    qtbot.addWidget(page)
    assert page.reload() is Loaded.SHOWN
    page.resize(1120, 820)
    page.show()
    return page


def test_a_deferral_due_on_a_provisional_date_is_not_offered_its_lapse_and_the_page_says_why(
    qtbot: QtBot, sessions: sessionmaker[Session], head: Desk
) -> None:
    number = take(sessions, head, deferral(sessions), TAKEN)
    page = page_on(qtbot, sessions, head, number, D(2028, 2, 4))
    assert not page.action_buttons[CaseEvent.DENIED].isVisibleTo(page)
    reasons = page.action_bar.reasons
    assert reasons.isVisibleTo(page)
    said = reasons.text()
    assert "2028-02-03" in said
    assert "节假日安排" in said
    assert "counter" not in said

    import_2028(sessions, head)  # the notice puts the date at 02-07: the lapse from 02-08
    page = page_on(qtbot, sessions, head, number, D(2028, 2, 8))
    assert page.action_buttons[CaseEvent.DENIED].isVisibleTo(page)
    assert "节假日安排" not in page.action_bar.reasons.text()


def test_a_correction_counted_over_a_provisional_holiday_is_not_offered_its_lapse_and_the_page_says_why(
    qtbot: QtBot, sessions: sessionmaker[Session], head: Desk
) -> None:
    number = take(sessions, head, correction(sessions), TAKEN)
    page = page_on(qtbot, sessions, head, number, D(2028, 3, 1))
    assert page.view is not None
    assert page.view.correction_due is not None
    assert not page.action_buttons[CaseEvent.CORRECTION_LAPSED].isVisibleTo(page)
    said = page.action_bar.reasons.text()
    assert page.view.correction_due.isoformat() in said
    assert "节假日安排" in said

    import_2028(sessions, head)
    page = page_on(qtbot, sessions, head, number, D(2028, 3, 1))
    assert page.action_buttons[CaseEvent.CORRECTION_LAPSED].isVisibleTo(page)
