"""The pad on the desk's second screen: run only with two offscreen screens (see ``test_two_screens``).

Not collected by a plain ``pytest`` (the name does not start with ``test_``):
Qt reads its screens once, when the process's QApplication is made, so these
tests run in their own process (:mod:`tests.ui.pad.own_process`), started by
:func:`tests.ui.pad.test_two_screens.test_the_pad_on_two_screens` with a
"Clerk" screen of 1280×800 and a "Pad" screen of 800×480 to its right (design §5).
"""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.db import models
from counter.host.machine.desk_config import PadMode
from counter.ratings.levels import Level
from counter.ratings.status import DeskStatus
from counter.ui.look.geometry import screen_of
from counter.ui.pad.controller import PadController
from counter.ui.pad.pad_window import PadPage
from counter.words.ratings import RATING_DESK_STATUS, RATING_LEVEL, RATING_REFUSAL
from tests.ratings.conftest import DESK, TODAY, Clock
from tests.ui.pad.conftest import ManualTimer
from tests.ui.runners import runner_on

CLERK_SCREEN = QRect(0, 0, 1280, 800)
PAD_SCREEN = QRect(1280, 0, 800, 480)


@pytest.fixture(autouse=True)
def two_screens(qapp: QApplication) -> None:
    """Fail, never pass vacuously, when the process was started without the two screens."""
    screens = {s.name(): s.geometry() for s in QGuiApplication.screens()}
    assert screens == {"Clerk": CLERK_SCREEN, "Pad": PAD_SCREEN}, f"run with the two-screen config, not {screens}"


def clerk_window(qtbot: QtBot, controller: PadController) -> QMainWindow:
    """The desk window on the clerk's screen, with the pad's status widget in its status bar."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setGeometry(QRect(0, 30, 1280, 740))
    window.statusBar().addPermanentWidget(controller.status_label)
    window.show()
    return window


def test_the_start_says_the_pad_is_on_its_own_screen(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    """Said once the start's read has answered and the pad is placed, not before (when it was not placed yet)."""
    with caplog.at_level(logging.INFO, logger="counter.ui.pad.controller"):
        pad = PadController(runner_on(sessions), DESK, clock=clock, timer_factory=ManualTimer)
        qtbot.addWidget(pad.pad)
        pad.start()
        qtbot.waitUntil(pad.pad.isVisible)
    said = [r.getMessage() for r in caplog.records if r.name == "counter.ui.pad.controller"]
    assert said == ["review pad started (auto, its own screen)"]
    pad.stop()


def test_the_pad_fills_the_second_screen(controller: PadController) -> None:
    pad = controller.pad
    assert controller.on_screen
    assert pad.isFullScreen()
    assert screen_of(pad).name() == "Pad"
    assert PAD_SCREEN.contains(pad.geometry())
    assert pad.geometry() == PAD_SCREEN


def test_a_desk_can_name_its_pad_screen_and_an_absent_one_shares_the_clerks(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock
) -> None:
    named = PadController(runner_on(sessions), DESK, pad_screen="Pad", clock=clock,
                          timer_factory=ManualTimer)  # fmt: skip
    qtbot.addWidget(named.pad)
    named.start()
    assert named.on_screen
    assert named.pad.geometry() == PAD_SCREEN
    missing = PadController(runner_on(sessions), DESK, pad_screen="HDMI-2", clock=clock,
                            timer_factory=ManualTimer)  # fmt: skip
    qtbot.addWidget(missing.pad)
    missing.start()
    assert not missing.on_screen
    assert not missing.pad.isVisible()  # on the clerk's screen, and only while a rating is asked
    assert not missing.pad.isFullScreen()


def test_a_second_screen_the_desk_keeps_for_the_clerk_is_not_taken_and_a_named_one_always_is(
    qtbot: QtBot, sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    shared = PadController(runner_on(sessions), DESK, mode=PadMode.ON_REQUEST, clock=clock, timer_factory=ManualTimer)
    qtbot.addWidget(shared.pad)
    shared.start()
    assert not shared.on_screen
    assert not shared.pad.isVisible()
    assert shared.send_case(demo_cases["受理"])
    assert shared.pad.isVisible()
    assert CLERK_SCREEN.contains(shared.pad.frameGeometry())
    assert not shared.pad.isFullScreen()

    named = PadController(runner_on(sessions), DESK, pad_screen="Pad", mode=PadMode.STRIP, clock=clock,
                          timer_factory=ManualTimer)  # fmt: skip
    qtbot.addWidget(named.pad)
    qtbot.addWidget(named.strip)
    named.start()
    assert named.on_screen
    assert named.pad.geometry() == PAD_SCREEN
    assert not named.strip.isVisible()


def test_the_whole_service_on_two_screens(
    qtbot: QtBot,
    controller: PadController,
    sessions: sessionmaker[Session],
    demo_cases: dict[str, str],
    clock: Clock,
) -> None:
    window = clerk_window(qtbot, controller)
    assert CLERK_SCREEN.contains(window.geometry())
    assert not PAD_SCREEN.intersects(window.geometry())
    pad = controller.pad
    timeout = pad.timeout_timer
    thanks = pad.thanks_timer
    assert isinstance(timeout, ManualTimer)
    assert isinstance(thanks, ManualTimer)

    # a tap records the right level; the clerk's window shows only that it was rated
    accepted = demo_cases["受理"]
    assert controller.send_case(accepted)
    assert pad.page() is PadPage.RATING
    QTest.mouseClick(pad.face_buttons[Level.SATISFIED], Qt.MouseButton.LeftButton)
    with sessions() as session:
        assert list(session.scalars(select(models.Rating.level))) == ["satisfied"]
    shown = " ".join(label.text() for label in window.findChildren(QLabel))
    assert RATING_DESK_STATUS[DeskStatus.RATED] in shown
    assert not any(word in shown for word in RATING_LEVEL.values())
    thanks.fire()

    # a second rating of the same service is refused
    assert not controller.send_case(accepted)
    assert RATING_REFUSAL["already_rated"].format(case_no=accepted) in controller.status_label.text()
    assert pad.page() is PadPage.IDLE

    # a bad rating opens a rectification due seven days later
    refused = demo_cases["撤回申请"]
    assert controller.send_case(refused)
    QTest.mouseClick(pad.face_buttons[Level.DISSATISFIED], Qt.MouseButton.LeftButton)
    QTest.mouseClick(pad.reason_buttons[7], Qt.MouseButton.LeftButton)
    QTest.mouseClick(pad.submit_button, Qt.MouseButton.LeftButton)
    with sessions() as session:
        due = session.scalars(select(models.Rectification.due_on)).one()
    assert due == TODAY + dt.timedelta(days=7)
    shown = " ".join(label.text() for label in window.findChildren(QLabel))
    assert not any(word in shown for word in [*RATING_LEVEL.values(), "等待时间长"])
    thanks.fire()

    # no rating within the time: unrated, never a rating
    deferred = demo_cases["容缺受理"]
    assert controller.send_case(deferred)
    clock.advance(seconds=60)
    timeout.fire()
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.Rating)) == 2
        assert session.scalar(select(func.count()).select_from(models.RatingLapse)) == 1
    assert RATING_DESK_STATUS[DeskStatus.UNRATED] in controller.status_label.text()
    assert pad.page() is PadPage.IDLE
    assert pad.geometry() == PAD_SCREEN  # still on its own screen after a whole round
