"""The 一次性告知单 from the main window: printed for a published guide, refused for an unpublished one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.site.store import Store
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument
from counter.ui import words
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.printing.making import NoticeRefused, ask_guide_document
from counter.ui.printing.preview_window import PreviewWindow
from tests.ui.called_back import Holding, in_the_event_loop, when
from tests.ui.printing.conftest import Queue
from tests.ui.printing.helpers import DESK, pdf_text, print_records, wait_for_jobs
from tests.ui.runners import runner_on


def open_bundle(window: MainWindow, query: str) -> None:
    QTest.keyClicks(window.search_panel.box, query)
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)


def shown_messages(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_the_guide_on_screen_prints_its_guide_notice(qtbot: QtBot, window: MainWindow, db: Store, queue: Queue) -> None:
    open_bundle(window, "xcg")
    bundle = window.guide_view.bundle
    assert bundle is not None
    assert bundle.published
    QTest.mouseClick(window.guide_notice_button, Qt.MouseButton.LeftButton)
    preview = window.desk_actions.papers.preview
    assert isinstance(preview, PreviewWindow)
    assert preview.isVisible()
    [made] = preview.documents
    assert made.kind is DocumentKind.GUIDE_NOTICE
    assert made.case_no == ""
    assert "一次性告知单" in pdf_text(made.pdf)
    assert bundle.name in pdf_text(made.pdf)
    with qtbot.waitSignal(preview.print_finished, timeout=20_000) as finished:
        QTest.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert finished.args == [True]
    assert wait_for_jobs(queue.folder, 1) == [made.pdf]
    assert [ok for ok, *_ in print_records(db.sessions(), made.document_id)] == [True]


def test_ctrl_p_on_the_main_window_opens_the_guide_notice(qtbot: QtBot, window: MainWindow) -> None:
    open_bundle(window, "xcg")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = window.desk_actions.papers.preview
    assert preview is not None
    assert [made.kind for made in preview.documents] == [DocumentKind.GUIDE_NOTICE]


def test_an_unpublished_guide_has_no_guide_notice(qtbot: QtBot, window: MainWindow) -> None:
    open_bundle(window, "xse")  # 新生儿: unpublished in the test catalog
    bundle = window.guide_view.bundle
    assert bundle is not None
    assert not bundle.published
    QTest.mouseClick(window.guide_notice_button, Qt.MouseButton.LeftButton)
    assert window.desk_actions.papers.preview is None
    assert not window.findChildren(PreviewWindow)
    assert words.DESK_GUIDE_NOTICE_UNPUBLISHED.format(name=bundle.name) in shown_messages(window)


def test_no_guide_on_screen_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    QTest.mouseClick(window.guide_notice_button, Qt.MouseButton.LeftButton)
    assert window.desk_actions.papers.preview is None
    assert words.DESK_GUIDE_NOTICE_NO_GUIDE in shown_messages(window)


def test_the_action_refuses_an_unpublished_guide_too(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    """Also when the window's check is passed by: a guide unpublished meanwhile at another desk."""
    runner = runner_on(sessions)
    made: list[MadeDocument] = []
    refused: list[NoticeRefused] = []
    ask_guide_document(runner, DESK, "XAM-YJS-001", owner=runner, made=made.append, refused=refused.append)
    qtbot.waitUntil(lambda: bool(made or refused))
    assert not made
    assert "未发布" in refused[0].text


def test_the_guide_notice_is_called_back_and_a_press_meanwhile_said_busy(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+P returns while the 一次性告知单 is made; pressed again meanwhile, the desk says it is busy, and the
    notice opens once when it comes."""
    open_bundle(window, "xcg")
    held = Holding(window.runner, "documents.make_guide_notice")
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        QTest.mouseClick(window.guide_notice_button, Qt.MouseButton.LeftButton)  # returns while it is held
        seen["preview"] = window.desk_actions.papers.preview
        when(held.asked.is_set, lambda: again(application))

    def again(application: QEventLoop) -> None:
        QTest.mouseClick(window.guide_notice_button, Qt.MouseButton.LeftButton)
        seen["said"] = shown_messages(window)
        held.release()
        when(lambda: window.desk_actions.papers.preview is not None, application.quit)

    in_the_event_loop(steps)
    assert seen["preview"] is None, "the press waited for the notice"
    assert words.RUNNER_BUSY in seen["said"]
    assert held.answered == 1
    assert len(window.findChildren(PreviewWindow)) == 1
