"""The pad on a township laptop's only screen: run only on that screen (see ``test_one_screen``).

Not collected by a plain ``pytest`` (the name does not start with ``test_``): run in its own process
(:mod:`tests.ui.pad.own_process`) by :func:`tests.ui.pad.test_one_screen.test_the_pad_on_a_laptops_one_screen`,
with one "Laptop" screen of 1366×768.  The clerk's windows are real: the desk window and its intake, or windows
standing for them where a test needs them at a given place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.catalog.imports import import_source
from counter.actions.site.demo import run_demo
from counter.actions.site.store import Store
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.host.machine.desk_config import PadMode
from counter.ratings.levels import Level
from counter.ratings.status import DeskStatus
from counter.service.call import Clock as DeskClock
from counter.service.local import InProcess
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.pad.controller import PadController
from counter.ui.pad.pad_window import PadPage, PadWindow
from counter.ui.pad.placement import PAD_MINIMUM
from counter.ui.widgets.column_scroll import ColumnScroll
from tests.conftest import SHIPPED_CATALOG
from tests.ratings.conftest import DESK, Clock
from tests.ui.conftest import start_window
from tests.ui.pad.conftest import ManualTimer
from tests.ui.runners import runner_on

LAPTOP = QRect(0, 0, 1366, 768)
TODAY = dt.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def one_laptop_screen(qapp: QApplication) -> None:
    """Fail, never pass vacuously, when the process was started without the laptop's screen."""
    screens = {s.name(): s.geometry() for s in QGuiApplication.screens()}
    assert screens == {"Laptop": LAPTOP}, f"run with the one-screen config, not {screens}"


def window_at(qtbot: QtBot, rect: QRect, window: QWidget | None = None) -> QWidget:
    """A window of the clerk's at ``rect``, shown and active."""
    window = window if window is not None else QMainWindow()
    qtbot.addWidget(window)
    window.setGeometry(rect)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def focused() -> QWidget:
    """Where the clerk's keys go now."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tap(widget: QWidget) -> None:
    assert widget.isVisible(), "the applicant can only touch what the pad shows"
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def thanks_over(qtbot: QtBot, pad: PadWindow) -> None:
    timer = pad.thanks_timer
    assert isinstance(timer, ManualTimer)
    with qtbot.waitSignal(pad.went_idle):
        timer.fire()


@pytest.fixture
def desk_window(qtbot: QtBot) -> QWidget:
    """The desk's main window, maximised on the laptop below a 30-pixel title bar."""
    return window_at(qtbot, QRect(0, 30, 1366, 738))


def pad_on(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock, desk_window: QWidget, mode: PadMode
) -> PadController:
    controller = PadController(runner_on(sessions), DESK, mode=mode, desk_window=desk_window, clock=clock,
                               timer_factory=ManualTimer)  # fmt: skip
    qtbot.addWidget(controller.pad)
    qtbot.addWidget(controller.strip)
    controller.start()
    return controller


@pytest.fixture
def shared(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock, desk_window: QWidget
) -> Iterator[PadController]:
    ManualTimer.made.clear()
    yield pad_on(qtbot, sessions, clock, desk_window, PadMode.AUTO)
    ManualTimer.made.clear()


def test_f9_brings_the_pad_up_beside_the_intake_and_puts_it_away_after_the_rating(qtbot: QtBot, db: Store) -> None:
    import_source(db.sessions(), SHIPPED_CATALOG)
    made = run_demo(db.sessions(), Desk(DeskIdentity("XAM01", "1"), "乌兰"), TODAY)
    window = start_window(qtbot, MainWindow(InProcess(db, clock=DeskClock(TODAY)), None))
    window.setGeometry(QRect(0, 30, 1366, 738))
    window.start_pad()
    pad = window.desk_actions.pad
    assert pad is not None
    qtbot.addWidget(pad.pad)
    qtbot.addWidget(pad.strip)
    assert not pad.on_screen
    assert not pad.pad.isVisible()  # between services the search box and the guide are the clerk's
    assert not pad.strip.isVisible()
    QTest.keyClicks(window.search_panel.box, "xcg")
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    window.desk_actions.start_intake(window.current_bundle)
    intake = window.desk_actions.intake
    assert intake is not None
    qtbot.addWidget(intake)
    intake.showNormal()  # opened maximised on a laptop; this clerk keeps it as narrow as it goes, on the left
    intake.setGeometry(QRect(0, 30, intake.minimumSizeHint().width(), 738))
    assert LAPTOP.contains(intake.geometry())  # the font decides how narrow: never wider than the laptop
    qtbot.waitUntil(lambda: all(c.horizontalScrollBar().maximum() == 0 for c in intake.findChildren(ColumnScroll)))
    window.desk_actions.on_case_taken(made[0].case_no)  # what the intake's 办结 tells the desk
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # F9 is the desk window's key
    QTest.keyClick(window, Qt.Key.Key_F9)
    assert pad.pad.isVisible()
    assert pad.pad.page() is PadPage.RATING
    assert LAPTOP.contains(pad.pad.frameGeometry())
    if LAPTOP.right() - intake.frameGeometry().right() >= PAD_MINIMUM.width():  # room beside the intake
        assert not pad.pad.frameGeometry().intersects(intake.frameGeometry())
        assert pad.pad.width() >= PAD_MINIMUM.width()
    else:  # the intake's columns leave too little: the pad comes up in the middle, for the rating only
        assert pad.pad.frameGeometry().center() == LAPTOP.center()
    QApplication.processEvents()  # the window system's events of the pad's showing (an activation among them) in
    qtbot.waitUntil(window.isActiveWindow)  # the pad came up; the keyboard is the clerk's
    assert not any(face.hasFocus() for face in pad.pad.face_buttons.values())
    search = window.search_panel.box
    with qtbot.waitSignal(pad.status_changed):
        tap(pad.pad.face_buttons[Level.SATISFIED])
    QApplication.processEvents()  # what the tap did to the windows, taken in
    QTest.keyClicks(focused(), "dj")  # the clerk types on while the applicant rates
    assert window.isActiveWindow()  # the keyboard stayed with the clerk
    assert search.text().endswith("dj")  # the keys landed in the search, none lost to the pad
    with db.sessions()() as session:
        assert list(session.scalars(select(models.Rating.level))) == ["satisfied"]
    assert pad.pad.page() is PadPage.THANKS
    with qtbot.waitSignal(pad.pad.went_idle):
        QTest.keyClick(focused(), Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)  # no waiting
    assert not pad.pad.isVisible()
    qtbot.waitUntil(window.isActiveWindow)  # back where the clerk was
    window.close()


def test_with_no_intake_open_the_pad_is_centred_over_the_desk_window(
    qtbot: QtBot, shared: PadController, desk_window: QWidget, demo_cases: dict[str, str]
) -> None:
    pad = shared.pad
    shared.send_case(demo_cases["受理"])
    assert pad.isVisible()
    assert pad.size().toTuple() == (800, 480)
    assert pad.frameGeometry().center() == desk_window.frameGeometry().center()
    tap(pad.face_buttons[Level.VERY_SATISFIED])
    thanks_over(qtbot, pad)
    assert not pad.isVisible()
    qtbot.waitUntil(desk_window.isActiveWindow)


def test_an_intake_filling_the_screen_leaves_no_room_so_the_pad_comes_up_in_the_middle_for_the_rating_only(
    qtbot: QtBot,
    shared: PadController,
    desk_window: QWidget,
    sessions: sessionmaker[Session],
    demo_cases: dict[str, str],
) -> None:
    intake = window_at(qtbot, QRect(0, 30, 1366, 738), QWidget())
    pad = shared.pad
    shared.send_case(demo_cases["撤回申请"])
    assert pad.frameGeometry().center() == LAPTOP.center()
    assert intake.isActiveWindow()  # the keyboard stays with the clerk's window
    with qtbot.waitSignal(shared.status_changed) as lapsed:
        pad.on_escape()  # the applicant walked off: the clerk ends it (Shift+F9 at the desk)
    assert lapsed.args == [demo_cases["撤回申请"], DeskStatus.UNRATED]
    assert not pad.isVisible()
    qtbot.waitUntil(intake.isActiveWindow)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.RatingLapse)) == 1
        assert session.scalar(select(func.count()).select_from(models.Rating)) == 0


def test_the_strip_keeps_to_the_title_bar_and_opens_into_the_pad_beside_the_intake(
    qtbot: QtBot,
    sessions: sessionmaker[Session],
    clock: Clock,
    desk_window: QWidget,
    demo_cases: dict[str, str],
) -> None:
    controller = pad_on(qtbot, sessions, clock, desk_window, PadMode.STRIP)
    strip, pad = controller.strip, controller.pad
    assert strip.isVisible()
    assert not pad.isVisible()
    assert strip.geometry().top() == 0
    assert strip.height() <= 30
    assert not strip.geometry().intersects(desk_window.geometry())  # over the title bar, not the window's content
    assert desk_window.isActiveWindow()  # the strip takes nothing from the clerk's keyboard
    intake = window_at(qtbot, QRect(700, 30, 666, 738), QWidget())  # this time on the right
    assert strip.isVisible()

    controller.send_case(demo_cases["受理"])
    assert not strip.isVisible()
    assert pad.isVisible()
    assert not pad.frameGeometry().intersects(intake.frameGeometry())
    tap(pad.face_buttons[Level.DISSATISFIED])
    tap(pad.reason_buttons[7])
    tap(pad.submit_button)
    with sessions() as session:
        assert session.scalars(select(models.Rating.reasons)).one() == '["等待时间长"]'
    thanks_over(qtbot, pad)
    assert not pad.isVisible()
    assert strip.isVisible()
    qtbot.waitUntil(intake.isActiveWindow)


def test_the_desks_setting_moves_the_pad_at_once(
    qtbot: QtBot, shared: PadController, desk_window: QWidget, demo_cases: dict[str, str]
) -> None:
    assert not shared.strip.isVisible()
    shared.apply(PadMode.STRIP, keyboard=False)
    assert shared.strip.isVisible()
    shared.send_case(demo_cases["受理"])
    shared.apply(PadMode.ON_REQUEST, keyboard=False)  # mid-rating: the applicant keeps the pad
    assert shared.pad.isVisible()
    assert not shared.strip.isVisible()
