"""F9 asks the applicant just served to rate the service, also after a restart and for a case opened with F7."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from counter.access.desk import Desk
from counter.actions.catalog.imports import import_source
from counter.actions.site.demo import run_demo
from counter.actions.site.store import Store
from counter.case.numbers import DeskIdentity
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.ui.mainwindow.main_window import MainWindow
from tests.conftest import SHIPPED_CATALOG
from tests.ui.conftest import start_window
from tests.ui.mainwindow.test_desk_actions import shown_messages

TODAY = dt.date(2026, 11, 20)


def press_f9(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
    QTest.keyClick(window, Qt.Key.Key_F9)


def rated_on_pad(qtbot: QtBot, window: MainWindow) -> str:
    pad = window.desk_actions.pad
    assert pad is not None
    qtbot.addWidget(pad.pad)
    case = pad.pad.case
    assert case is not None, shown_messages(window)
    return case.case_no


def test_f9_with_nothing_taken_today_says_so(qtbot: QtBot, db: Store) -> None:
    window = start_window(qtbot, MainWindow(_on_today(db), None))
    press_f9(qtbot, window)
    assert any("F9" in text for text in shown_messages(window))


@pytest.mark.slow
def test_f9_after_a_restart_asks_for_the_last_case_this_desk_took(qtbot: QtBot, db: Store) -> None:
    import_source(db.sessions(), SHIPPED_CATALOG)
    made = run_demo(db.sessions(), Desk(DeskIdentity("XAM01", "1"), "乌兰"), TODAY)
    window = start_window(qtbot, MainWindow(_on_today(db), None))  # the desk started again
    window.start_pad()
    press_f9(qtbot, window)
    assert rated_on_pad(qtbot, window) == max(case.case_no for case in made)


@pytest.mark.slow
def test_f9_asks_for_the_case_opened_with_f7(qtbot: QtBot, db: Store) -> None:
    import_source(db.sessions(), SHIPPED_CATALOG)
    made = run_demo(db.sessions(), Desk(DeskIdentity("XAM01", "1"), "乌兰"), TODAY)
    window = start_window(qtbot, MainWindow(_on_today(db), None))
    window.start_pad()
    returning = made[0].case_no  # not the newest: the applicant who came back with it
    window.desk_actions.on_case_no_given(returning)  # F7's answer
    press_f9(qtbot, window)
    assert rated_on_pad(qtbot, window) == returning


def _on_today(db: Store) -> InProcess:
    """The desk's service on the test's day: the window's day and the call's clock are one."""
    return InProcess(db, clock=Clock(TODAY))
