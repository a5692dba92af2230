"""Alt+F4 on the desk's window asks before the program ends, as the intake asks before a filled intake closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from counter.ui import words
from counter.ui.mainwindow.main_window import MainWindow
from tests.ui.window_system import close_as_window_manager


def asked(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    assert not close_as_window_manager(window)  # Alt+F4: refused until the clerk answers
    box = window.quit_question
    assert box is not None
    qtbot.waitExposed(box)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is box)
    return box


def test_alt_f4_on_the_idle_window_asks_and_esc_stays(qtbot: QtBot, window: MainWindow) -> None:
    box = asked(qtbot, window)
    assert box.windowTitle() == words.DESK_QUIT_TITLE
    assert box.text() == words.DESK_QUIT_QUESTION
    assert box.defaultButton().text() == words.DESK_QUIT_GO
    with qtbot.waitSignal(box.finished):
        QTest.keyClick(box, Qt.Key.Key_Escape)
    assert window.isVisible()
    qtbot.waitUntil(window.search_panel.box.hasFocus)  # back where the clerk was


def test_enter_quits(qtbot: QtBot, window: MainWindow) -> None:
    box = asked(qtbot, window)
    with qtbot.waitSignal(box.finished):
        QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_programs_own_close_is_not_asked_about(qtbot: QtBot, window: MainWindow) -> None:
    assert window.close()  # the session's end, a sign-out: nobody pressed a key
    assert window.quit_question is None
