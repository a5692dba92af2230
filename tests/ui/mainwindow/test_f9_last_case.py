"""F9 asks the applicant at the window to rate the service on the clerk's screen: the case page open (from F6 too),
else the case just taken or found, also after a restart."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter.access.desk import Desk
from counter.actions.catalog.imports import import_source
from counter.actions.site.demo import run_demo
from counter.actions.site.store import Store
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.ratings.levels import Level
from counter.ratings.status import DeskStatus
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.ui.cases.tables import number_at
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.words import DESK_PAD_INTAKE_OPEN as INTAKE_OPEN
from tests.conftest import SHIPPED_CATALOG
from tests.ui.conftest import start_window
from tests.ui.mainwindow.test_desk_actions import open_bundle, shown_messages

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


def test_f9_in_an_intake_not_committed_says_why_and_sends_nothing(qtbot: QtBot, window: MainWindow) -> None:
    window.desk_actions.last_case_no = "XAM01-20261120-01-0001"  # another applicant's, taken before
    window.start_pad()
    open_bundle(window, "xcg")
    QTest.keyClick(window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert panel is not None
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.applicant_form.id_field.edit)
    QTest.keyClick(panel.applicant_form.id_field.edit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: INTAKE_OPEN in shown_messages(window))
    pad = window.desk_actions.pad
    assert pad is not None
    assert pad.pad.case is None
    assert "0001" not in pad.status_label.text()


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


@pytest.mark.slow
def test_f9_on_a_case_opened_from_f6_rates_that_case(qtbot: QtBot, db: Store) -> None:
    import_source(db.sessions(), SHIPPED_CATALOG)
    made = run_demo(db.sessions(), Desk(DeskIdentity("XAM01", "1"), "乌兰"), TODAY)
    window = start_window(qtbot, MainWindow(_on_today(db), None))
    window.start_pad()
    newest = max(case.case_no for case in made)
    window.desk_actions.on_case_no_given(newest)  # F7 found the last applicant: the desk's last case
    qtbot.waitUntil(lambda: window.desk_actions.last_case_no == newest)
    returning = min(case.case_no for case in made)  # the applicant at the window now, her case found in F6's list
    press_f9_on_case_from_f6(qtbot, window, returning)
    assert rated_on_pad(qtbot, window) == returning
    pad = window.desk_actions.pad
    assert pad is not None
    assert returning in pad.status_label.text()  # the clerk is told which case the pad asks about
    # the time it was taken, after the masked name
    assert re.search(r"\*  (\d{4}-\d\d-\d\d )?\d\d:\d\d$", pad.pad.applicant.text())
    with qtbot.waitSignal(pad.status_changed, check_params_cb=lambda no, status: status is DeskStatus.RATED):
        QTest.mouseClick(pad.pad.face_buttons[Level.VERY_SATISFIED], Qt.MouseButton.LeftButton)
    with db.sessions()() as session:
        rated = session.scalars(select(models.Case.case_no).join(models.RatingRequest).join(models.Rating)).all()
    assert rated == [returning]


def press_f9_on_case_from_f6(qtbot: QtBot, window: MainWindow, case_no: str) -> None:
    """F6, the case's row chosen and Enter: its page comes up active; F9 there."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F6)
    lists = window.desk_actions.cases().lists
    assert lists is not None
    table = lists.today_table
    assert isinstance(table, QTableWidget)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table and table.rowCount() > 1)
    row = next(row for row in range(table.rowCount()) if number_at(table, row) == case_no)
    table.setCurrentCell(row, 0)
    QTest.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(QApplication.activeWindow(), "case_no", "") == case_no)
    page = QApplication.activeWindow()
    assert page is not None
    qtbot.addWidget(page)
    QTest.keyClick(page, Qt.Key.Key_F9)


def _on_today(db: Store) -> InProcess:
    """The desk's service on the test's day: the window's day and the call's clock are one."""
    return InProcess(db, clock=Clock(TODAY))
