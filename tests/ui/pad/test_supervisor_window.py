"""F8's window: titled by the page shown, and Ctrl+S saves the settings page shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.intake_settings import intake_rules
from counter.intake.rules import IntakeRules
from counter.ui.pad.supervisor_window import SupervisorWindow
from counter.ui.pad.words import INTAKE_RULES_SAVED, INTAKE_RULES_TAB, SUPERVISE_TAB
from tests.ratings.conftest import Clock
from tests.signed_in import head_of_hall
from tests.ui.runners import runner_on


def opened(qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock) -> SupervisorWindow:
    """F8 of the hall's supervisor who is its administrator too, signed in: every page (the desk without accounts
    sees those of a clerk and its site's set-up only)."""
    window = SupervisorWindow(runner_on(sessions), "宝音", clock=clock, desk=head_of_hall(sessions))
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    return window


def test_each_page_titles_the_window(qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock) -> None:
    window = opened(qtbot, sessions, clock)
    assert window.windowTitle() == f"{SUPERVISE_TAB} · 督办与设置（F8）"
    titles = []
    for index in range(window.count()):
        window.setCurrentIndex(index)
        titles.append(window.windowTitle())
        assert titles[-1] == f"{window.tabText(index)} · 督办与设置（F8）"
    assert len(set(titles)) == window.count() > 5  # one title per page, not one for all


def test_ctrl_s_saves_the_settings_page_shown(qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock) -> None:
    window = opened(qtbot, sessions, clock)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    form = window.intake_rules
    tabs = [window.tabText(i) for i in range(window.count())]
    window.setCurrentIndex(tabs.index(INTAKE_RULES_TAB))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.margin)
    form.margin.setValue(4)
    with qtbot.waitSignal(form.saved):
        QTest.keyClick(form.margin, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.message.text() == INTAKE_RULES_SAVED
    with sessions() as s:
        assert intake_rules(s) == IntakeRules(4, 15)
    window.setCurrentIndex(0)  # 差评整改 keeps nothing: the key does nothing there
    form.margin.setValue(6)
    QTest.keyClick(window.currentWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with sessions() as s:
        assert intake_rules(s) == IntakeRules(4, 15)
