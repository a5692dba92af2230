"""A day's prints leave no preview behind the desk: each closes, and is freed, once its paper is out."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.printing.preview_window import PreviewWindow
from tests.ui.intake.helpers import commit, fill_person, refuse
from tests.ui.mainwindow.test_desk_actions import open_bundle
from tests.ui.printing.conftest import Queue
from tests.ui.printing.helpers import wait_for_jobs

INTAKES = 3
PRINT_TIMEOUT_MS = 20_000


def previews() -> list[PreviewWindow]:
    """Every preview the process still holds, shown or not."""
    return [widget for widget in QApplication.allWidgets() if isinstance(widget, PreviewWindow)]


def gone(window: QWidget) -> bool:
    return not window.isVisible()


def print_all(qtbot: QtBot, preview: PreviewWindow) -> None:
    with qtbot.waitSignal(preview.print_finished, timeout=PRINT_TIMEOUT_MS) as finished:
        QTest.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert finished.args == [True]


@pytest.mark.slow
def test_no_preview_is_left_after_a_mornings_prints(qtbot: QtBot, window: MainWindow, queue: Queue) -> None:
    open_bundle(window, "xcg")
    for _ in range(INTAKES):  # F5, the refusal, its notice printed: the intake and its preview go
        QTest.keyClick(window, Qt.Key.Key_F5)
        panel = window.desk_actions.intake
        assert panel is not None
        fill_person(panel)
        refuse(panel)
        case_no = commit(qtbot, panel)
        QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
        [preview] = [p for p in previews() if p.isVisible()]
        assert preview.documents[0].case_no == case_no
        print_all(qtbot, preview)
        qtbot.waitUntil(partial(gone, panel))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # the guide notice for someone asking
    notice = window.desk_actions.papers.preview
    assert notice is not None
    print_all(qtbot, notice)
    assert "已送打印机" in window.statusBar().currentMessage()  # where the paper went, now the preview is gone
    page = window.desk_actions.cases().open_case(case_no)  # the last refusal notice, printed again from its case
    assert page is not None
    qtbot.addWidget(page)
    page.on_print_requested("refusal")
    [reprint] = [p for p in previews() if p.isVisible()]
    print_all(qtbot, reprint)
    assert "已送打印机" in page.notice.text()
    assert len(wait_for_jobs(queue.folder, INTAKES + 2)) == INTAKES + 2
    qtbot.waitUntil(lambda: not previews())  # closed and freed, not hidden behind the desk
