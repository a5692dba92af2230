"""Enter on a search hit, then F5 at once: the intake of the guide Enter chose, once it is read.

The guide is read called back (:meth:`counter.ui.door.runner.Runner.submit`): Enter's slot returns before the guide is
shown, and the clerk's F5 comes while it is read.  F5 found no guide on screen and opened nothing (the fcitx desktop
tests, typing as xdotool does, timed out on it); the nested loop had held the keys for its first 250 ms instead.
Now F5 waits for the guide in flight and opens its intake, and a second F5 meanwhile opens no second one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from counter.service.catalog import READ_GUIDE
from counter.service.intake import READ_CURRENT_GUIDE
from counter.ui.intake import IntakePanel
from counter.ui.mainwindow.main_window import MainWindow
from tests.ui.door.test_runner_thread import in_the_loop
from tests.ui.held_service import held
from tests.ui.intake.helpers import PERSON_ID


def test_f5_while_the_chosen_guide_is_read_opens_its_intake_once_shown(qtbot: QtBot, window: MainWindow) -> None:
    service = held(window.runner, READ_GUIDE)

    def enter_then_f5() -> None:
        QTest.keyClicks(window.search_panel.box, "xcg")
        QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)  # the guide asked: held
        QTest.keyClick(window, Qt.Key.Key_F5)  # at once, before it is shown
        QTest.keyClick(window, Qt.Key.Key_F5)  # and again

    in_the_loop(qtbot, enter_then_f5)
    assert window.current_bundle is None  # not shown yet
    assert window.desk_actions.intake is None  # nor an intake opened on no guide
    service.held += (READ_CURRENT_GUIDE,)
    service.go.set()
    qtbot.waitUntil(lambda: window.desk_actions.intake is not None, timeout=10_000)
    panel = window.desk_actions.intake
    assert isinstance(panel, IntakePanel)
    qtbot.addWidget(panel)
    assert window.current_bundle is not None
    assert panel.bundle.code == window.current_bundle.code  # the guide Enter chose
    assert service.asked == [READ_GUIDE.name, READ_CURRENT_GUIDE.name]  # one intake asked, not two
    assert window.findChildren(IntakePanel) == [panel]


def test_f5_again_while_the_intakes_guide_is_read_opens_no_second_intake(qtbot: QtBot, window: MainWindow) -> None:
    QTest.keyClicks(window.search_panel.box, "xcg")
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    assert window.current_bundle is not None
    service = held(window.runner, READ_CURRENT_GUIDE)

    def f5_twice() -> None:
        QTest.keyClick(window, Qt.Key.Key_F5)
        QTest.keyClick(window, Qt.Key.Key_F5)  # the first one's guide still being read

    in_the_loop(qtbot, f5_twice)
    service.go.set()
    qtbot.waitUntil(lambda: window.desk_actions.intake is not None, timeout=10_000)
    qtbot.addWidget(window.desk_actions.intake)
    qtbot.wait(100)
    assert service.asked == [READ_CURRENT_GUIDE.name]
    assert len(window.findChildren(IntakePanel)) == 1


def test_the_number_typed_straight_after_f5_goes_to_the_intake(qtbot: QtBot, window: MainWindow) -> None:
    """F5 returns before the intake's guide is read: the number typed at once would have gone to the search box."""
    QTest.keyClicks(window.search_panel.box, "xcg")
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    searched = window.search_panel.box.text()
    service = held(window.runner, READ_CURRENT_GUIDE)

    def f5_and_type() -> None:
        QTest.keyClick(window, Qt.Key.Key_F5)
        QTest.keyClicks(window.search_panel.box, PERSON_ID)  # where the keyboard still is, before the intake opens
        QTimer.singleShot(100, service.go.set)  # answered within the moment

    in_the_loop(qtbot, f5_and_type)
    qtbot.waitUntil(lambda: window.desk_actions.intake is not None, timeout=10_000)
    panel = window.desk_actions.intake
    assert isinstance(panel, IntakePanel)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.applicant_form.id_field.edit.text() == PERSON_ID, timeout=5_000)
    assert window.search_panel.box.text() == searched  # nothing of it in the search box
