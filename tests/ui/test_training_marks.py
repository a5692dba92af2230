"""A training desk marks every window it shows, the intake and its paper as much as the main window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter.actions.store import Store
from counter.ui import words
from counter.ui.main_window import MainWindow
from counter.ui.printing.preview_window import PreviewWindow
from counter.ui.training_mark import STRIP_NAME
from tests.ui.conftest import start_window
from tests.ui.intake.helpers import commit, fill_person, refuse
from tests.ui.test_desk_actions import open_bundle

DAY = dt.date(2026, 12, 30)


def marked(window: QWidget) -> bool:
    strip = window.findChild(QLabel, STRIP_NAME)
    return (
        window.windowTitle().startswith(words.DESK_TRAINING_TITLE_MARK)
        and strip is not None
        and strip.isVisible()
        and strip.text() == words.DESK_TRAINING.format(today=DAY.isoformat())
    )


def test_the_intake_and_its_preview_say_training(qtbot: QtBot, db: Store, catalog_dir: Path) -> None:
    window = start_window(qtbot, MainWindow(db, catalog_dir, today=DAY))
    open_bundle(window, "xcg")
    QTest.keyClick(window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert panel is not None
    qtbot.waitUntil(panel.isVisible)
    assert marked(panel)
    assert panel.windowTitle().count(words.DESK_TRAINING_TITLE_MARK) == 1  # once, however often it is retitled
    fill_person(panel)
    refuse(panel)
    commit(qtbot, panel)
    QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    [preview] = window.findChildren(PreviewWindow)
    qtbot.waitUntil(preview.isVisible)
    assert marked(preview)


def test_a_live_desk_marks_nothing(qtbot: QtBot, window: MainWindow) -> None:
    open_bundle(window, "xcg")
    QTest.keyClick(window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert panel is not None
    qtbot.waitUntil(panel.isVisible)
    assert panel.findChild(QLabel, STRIP_NAME) is None
    assert not panel.windowTitle().startswith(words.DESK_TRAINING_TITLE_MARK)
