"""A training desk marks every window it shows, the intake and its paper as much as the main window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter.access.desk import Desk
from counter.actions.catalog.imports import import_source
from counter.actions.site.demo import run_demo
from counter.actions.site.store import Store
from counter.case.numbers import DeskIdentity
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.ui import words
from counter.ui.look.text_size import px
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.mainwindow.training_mark import BAND, STRIP_NAME
from counter.ui.printing.preview_window import PreviewWindow
from counter.ui.start.unexpected import on_unexpected
from tests.conftest import SHIPPED_CATALOG
from tests.ui.conftest import start_window
from tests.ui.intake.helpers import commit, fill_person, refuse
from tests.ui.mainwindow.test_desk_actions import open_bundle

DAY = dt.date(2026, 12, 30)
TODAY = dt.date(2026, 11, 20)  # the demo's day


def marked(window: QWidget) -> bool:
    strip = window.findChild(QLabel, BAND) or window.findChild(QLabel, STRIP_NAME)
    return (
        window.windowTitle().startswith(words.DESK_TRAINING_TITLE_MARK)
        and strip is not None
        and strip.isVisible()
        and strip.text() == words.DESK_TRAINING.format(today=DAY.isoformat())
    )


@pytest.mark.slow
def test_the_intake_and_its_preview_say_training(qtbot: QtBot, db: Store, catalog_dir: Path) -> None:
    window = start_window(qtbot, MainWindow(InProcess(db, clock=Clock(DAY)), catalog_dir))
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


@pytest.mark.slow
def test_a_live_desk_marks_nothing(qtbot: QtBot, window: MainWindow) -> None:
    open_bundle(window, "xcg")
    QTest.keyClick(window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert panel is not None
    qtbot.waitUntil(panel.isVisible)
    assert panel.findChild(QLabel, STRIP_NAME) is None
    assert not panel.windowTitle().startswith(words.DESK_TRAINING_TITLE_MARK)


def desk_windows() -> list[QWidget]:
    """Every window on screen: the desk's own and its dialogs (a pad's strip at the screen's edge is no window)."""
    kinds = (Qt.WindowType.Window, Qt.WindowType.Dialog)
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowType() in kinds]


def strip_problems(window: QWidget) -> list[str]:
    """Why ``window`` does not say training at its top: its title, its strip, anything above or over the strip."""
    name = f"{type(window).__name__}({window.windowTitle()})"
    problems = [] if window.windowTitle().startswith(words.DESK_TRAINING_TITLE_MARK) else [f"{name}: title"]
    text = words.DESK_TRAINING.format(today=TODAY.isoformat())
    strips = [s for s in window.findChildren(QLabel) if s.objectName() in (STRIP_NAME, BAND) and s.window() is window]
    shown = [s for s in strips if s.isVisible() and s.text() == text and s.height() >= s.heightForWidth(s.width())]
    if len(shown) != 1:
        return [*problems, f"{name}: {len(shown)} strips shown whole"]
    strip = shown[0]
    top = strip.mapTo(window, QPoint(0, 0))
    if top.y() > px(12) or strip.width() < window.width() * 0.8:
        problems.append(f"{name}: strip at {top.toTuple()}, {strip.width()} wide, not across the top")
    bottom = top.y() + strip.height()
    for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        beside = child.isVisible() and not child.isWindow() and child is not strip and not child.isAncestorOf(strip)
        if beside and child.geometry().top() < bottom and child.height() > 0:
            problems.append(f"{name}: {type(child).__name__} {child.geometry().getRect()} under the strip")
    return problems


@pytest.mark.slow
def test_every_window_a_training_desk_opens_says_training(qtbot: QtBot, db: Store) -> None:
    import_source(db.sessions(), SHIPPED_CATALOG)
    made = run_demo(db.sessions(), Desk(DeskIdentity("XAM01", "1"), "乌兰"), TODAY)
    window = start_window(qtbot, MainWindow(InProcess(db, clock=Clock(TODAY)), None))
    seen: dict[int, QWidget] = {}
    problems: list[str] = []

    def look() -> None:
        """Every window on screen now, each looked at once (a question is gone once answered)."""
        QApplication.processEvents()
        for shown in desk_windows():
            if id(shown) not in seen:
                seen[id(shown)] = shown
                qtbot.addWidget(shown)
                problems.extend(strip_problems(shown))

    open_bundle(window, "xcg")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F5)  # the intake, maximised where the screen is small
    panel = window.desk_actions.intake
    assert panel is not None
    fill_person(panel)
    refuse(panel)
    QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)  # the refusal's question
    confirmation = panel.confirmation
    assert confirmation is not None
    qtbot.waitUntil(confirmation.isVisible)
    look()
    QTest.mouseClick(confirmation.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.committed)
    QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)  # the preview, its printer chooser and save
    [preview] = window.findChildren(PreviewWindow)
    preview.on_choose_requested()
    preview.on_save_requested()
    desks = window.desk_actions
    desks.ask_case_no()  # F7's question
    look()
    desks.on_case_no_given("XAM01-20261120-01-9999")  # a number not found: a message box
    desks.open_lists()  # F6
    desks.cases().open_case(made[0].case_no)
    desks.on_case_no_given("15148201234")  # F7 by phone
    desks.open_supervision()  # F8: a window of tabs
    desks.send_to_pad()  # F9: the pad, on the clerk's only screen
    desks.open_projects()  # F4
    desks.open_sync()  # F10
    desks.open_text_size()  # F12
    desks.papers.choose_form(window.current_bundle)  # Ctrl+Shift+P
    on_unexpected(RuntimeError, RuntimeError("出错了"), None)  # a fault nobody foresaw: its box
    look()
    kinds = {type(w).__name__ for w in seen.values()}
    assert {"MainWindow", "IntakePanel", "RefusalConfirmation", "PreviewWindow", "PrinterChooser", "QFileDialog",
            "QInputDialog", "QMessageBox", "CaseLists", "CasePage", "SupervisorWindow", "PadWindow",
            "ProjectsWindow", "SyncPage", "TextSizeDialog", "FormChooser"} <= kinds  # fmt: skip
    assert problems == [], "\n".join(problems)
