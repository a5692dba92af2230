"""The pad while the database (or the hall server) cannot answer: the pad still starts, idle, for the applicants; a
case F9 cannot send is said on the clerk's status line; a face the database cannot store tells the applicant to tell
the clerk, and nothing is said to have been rated."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.db import models
from counter.ratings.levels import Level
from counter.ratings.status import DeskStatus
from counter.service.ratings import RECORD_RATING, SEND_TO_PAD, START_PAD
from counter.ui.pad.controller import PadController
from counter.ui.pad.pad_window import PadPage
from counter.ui.pad.words import DESK_RATING_FAILED, PAD_IDLE_DEFAULT, PAD_SAVE_FAILED
from counter.words.database import fault_text
from tests.ratings.conftest import DESK, Clock
from tests.ui.failing import LOCKED, failing
from tests.ui.pad.conftest import ManualTimer
from tests.ui.runners import runner_on


@pytest.fixture
def unstarted(qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock) -> Iterator[PadController]:
    ManualTimer.made.clear()
    pad = PadController(runner_on(sessions), DESK, clock=clock, timer_factory=ManualTimer)
    qtbot.addWidget(pad.pad)
    yield pad
    ManualTimer.made.clear()


def test_a_pad_whose_start_the_database_cannot_answer_still_starts_idle(unstarted: PadController) -> None:
    away = failing(unstarted._runner, LOCKED, START_PAD)
    unstarted.start()
    assert away.asked == [START_PAD.name]
    assert unstarted.pad.page() is PadPage.IDLE
    assert unstarted.pad.notice.text() == unstarted.pad.words(PAD_IDLE_DEFAULT)  # the site's text unread: the default


def test_a_case_f9_cannot_send_is_said_to_the_clerk(
    qtbot: QtBot, controller: PadController, demo_cases: dict[str, str]
) -> None:
    away = failing(controller._runner, LOCKED, SEND_TO_PAD)
    with qtbot.assertNotEmitted(controller.status_changed):
        assert not controller.send_case(demo_cases["受理"])
    assert away.asked == [SEND_TO_PAD.name]
    assert controller.status_label.text() == DESK_RATING_FAILED.format(fault=fault_text("locked"))
    assert controller.pad.page() is not PadPage.RATING
    away.mend()
    assert controller.send_case(demo_cases["受理"])  # F9 again, the database back
    assert controller.pad.page() is PadPage.RATING


def test_a_face_the_database_cannot_store_asks_the_applicant_to_tell_the_clerk(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str]
) -> None:
    assert controller.send_case(demo_cases["受理"])
    away = failing(controller._runner, LOCKED, RECORD_RATING)
    rated: list[object] = []
    controller.status_changed.connect(lambda _no, status: rated.append(status))
    QTest.mouseClick(controller.pad.face_buttons[Level.SATISFIED], Qt.MouseButton.LeftButton)
    assert away.asked == [RECORD_RATING.name]
    assert controller.pad.page() is PadPage.THANKS
    assert controller.pad.thanks_detail.text() == controller.pad.words(PAD_SAVE_FAILED)
    assert DeskStatus.RATED not in rated  # the clerk is not told it was rated
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(models.Rating)) == 0


def test_a_service_whose_unrated_end_the_database_cannot_store_is_closed_at_the_next_f9(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """The pad goes idle for the next applicant all the same; the service stays open, nothing is said rated or
    unrated, and the clerk's next F9 past the pad's time records it unrated and says so."""
    from counter.service.ratings import RECORD_UNRATED
    from tests.ui.pad.test_pad_flow import timeout_timer

    first, second = demo_cases["受理"], demo_cases["撤回申请"]
    assert controller.send_case(first)
    away = failing(controller._runner, LOCKED, RECORD_UNRATED)
    said: list[tuple[str, DeskStatus]] = []
    controller.status_changed.connect(lambda no, status: said.append((no, status)))
    timeout_timer(controller.pad).fire()
    assert away.asked == [RECORD_UNRATED.name]
    assert controller.pad.page() is PadPage.IDLE
    assert said == []
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(models.RatingLapse)) == 0

    away.mend()
    clock.advance(minutes=10)
    assert controller.send_case(second)
    assert said == [(first, DeskStatus.UNRATED), (second, DeskStatus.PENDING)]
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(models.RatingLapse)) == 1


def test_a_face_tapped_after_the_service_was_closed_meanwhile_is_not_counted_and_the_clerk_is_sent_for(
    qtbot: QtBot, controller: PadController, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """The service's rating was closed while the pad still showed it (recorded unrated by this desk meanwhile): the
    face tapped is refused by the rule of one rating a service, the applicant is asked to tell the clerk, and
    nothing is counted as a rating."""
    from counter.actions.ratings.record import record_unrated

    assert controller.send_case(demo_cases["受理"])
    case = controller.pad._case
    assert case is not None
    with sessions.begin() as s:
        record_unrated(s, case.request_id, DESK, clock())
    rated: list[object] = []
    controller.status_changed.connect(lambda _no, status: rated.append(status))
    QTest.mouseClick(controller.pad.face_buttons[Level.SATISFIED], Qt.MouseButton.LeftButton)
    assert controller.pad.page() is PadPage.THANKS
    assert controller.pad.thanks_detail.text() == controller.pad.words(PAD_SAVE_FAILED)
    assert rated == []
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(models.Rating)) == 0
        assert s.scalar(select(func.count()).select_from(models.RatingLapse)) == 1
