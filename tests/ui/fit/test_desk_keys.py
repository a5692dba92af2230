"""The desk's keys from the windows it opens, pressed there as the clerk presses them: F5, F6 and F7 answer on a
case page as on the desk, and Esc closes the case page as every other window the desk opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from counter.ui.cases.case_page import CasePage
from counter.ui.mainwindow.main_window import MainWindow
from tests.ui.cases.casebook import Casebook
from tests.ui.fit.desk import longest_guide


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def case_page(qtbot: QtBot, desk: MainWindow, book: Casebook) -> CasePage:
    page = desk.desk_actions.cases().open_case(book.accepted)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.item_states.table)
    return page


@pytest.mark.slow
def test_f5_f6_f7_answer_on_a_case_page(
    qtbot: QtBot, desk: MainWindow, casebook_template: tuple[Path, Casebook]
) -> None:
    desk.on_bundle_chosen(longest_guide(desk).code)
    page = case_page(qtbot, desk, casebook_template[1])
    actions = desk.desk_actions
    QTest.keyClick(focused(), Qt.Key.Key_F6)
    lists = actions.cases().lists
    assert lists is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is lists.today_table)

    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    QTest.keyClick(focused(), Qt.Key.Key_F7)
    dialog = actions.case_no_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.findChild(QLineEdit))
    dialog.reject()

    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    QTest.keyClick(focused(), Qt.Key.Key_F5)  # the next applicant, while the case is still open
    intake = actions.intake
    assert intake is not None
    qtbot.waitUntil(intake.isActiveWindow)
    assert page.isVisible()


def test_esc_closes_the_case_page(qtbot: QtBot, desk: MainWindow, casebook_template: tuple[Path, Casebook]) -> None:
    case_page(qtbot, desk, casebook_template[1])
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not desk.findChildren(CasePage))  # closed, and freed with it
