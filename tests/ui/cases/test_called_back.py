"""The case page calls and is called back: a step's slot returns at once, its answer shown when it comes.

Nothing turns the event loop inside the page's slots any more (:mod:`counter.ui.door.runner`): while the step is saved
the page is the clerk's, the same step confirmed again is refused in words and taken once, and a page closed
meanwhile is let go without a word, its step kept.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.case.status import CaseEvent, CaseStatus
from counter.ui.cases.case_page import CasePage, Loaded
from counter.ui.cases.opening import open_case, open_case_lists
from counter.ui.words import RUNNER_BUSY
from counter.words.cases import CASE_EVENT, CASE_STATUS
from tests.signed_in import signed_in
from tests.ui.called_back import Holding, in_the_event_loop, when
from tests.ui.cases.casebook import DESK_1, SUPERVISOR, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import column, stored
from tests.ui.runners import runner_on


def test_a_step_returns_at_once_is_taken_once_and_shown_when_it_answers(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = CasePage(runner_on(case_sessions), signed_in(case_sessions, SUPERVISOR), today, book.accepted)
    qtbot.addWidget(page)
    assert page.reload() is Loaded.SHOWN
    page.show()
    held = Holding(page._runner, "cases.move_case")
    changed: list[str] = []
    page.case_changed.connect(changed.append)
    page.action_buttons[CaseEvent.SENT_TO_APPROVAL].click()
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        page.form.confirm_button.click()  # returns while the step is held on the worker
        seen["running"], seen["status"] = page._runner.running, page.status.text()
        when(held.asked.is_set, lambda: again(application))

    def again(application: QEventLoop) -> None:
        page.form.confirm_button.click()  # Ctrl+Enter pressed again while it is saved
        seen["again"] = page.notice.text()
        held.release()
        when(lambda: bool(changed), application.quit)

    in_the_event_loop(steps)
    assert seen["running"] == "cases.move_case", "the slot waited for the step's answer"
    assert seen["status"] == CASE_STATUS[CaseStatus.ACCEPTED]
    assert seen["again"] == RUNNER_BUSY
    assert changed == [book.accepted]
    assert held.answered == 1
    assert page.status.text() == CASE_STATUS[CaseStatus.IN_APPROVAL]  # read again before the notice
    assert page.notice.objectName() == "noticeOk"
    assert column(page.history, 3).count(CASE_EVENT[CaseEvent.SENT_TO_APPROVAL]) == 1
    assert stored(case_sessions, book.accepted).status is CaseStatus.IN_APPROVAL


def test_a_page_closed_while_its_step_runs_is_let_go_and_the_step_kept(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    runner = runner_on(case_sessions)
    page = CasePage(runner, signed_in(case_sessions, SUPERVISOR), today, book.accepted)  # deleted by the test
    assert page.reload() is Loaded.SHOWN
    held = Holding(runner, "cases.move_case")
    page.action_buttons[CaseEvent.SENT_TO_APPROVAL].click()

    def steps(application: QEventLoop) -> None:
        page.form.confirm_button.click()
        when(held.asked.is_set, lambda: closed(application))

    def closed(application: QEventLoop) -> None:
        page.deleteLater()  # closed by the clerk (WA_DeleteOnClose) while the step is saved
        held.release()
        when(lambda: not runner.running and held.answered == 1, application.quit)

    in_the_event_loop(steps)
    assert held.answered == 1
    assert stored(case_sessions, book.accepted).status is CaseStatus.IN_APPROVAL


def test_a_case_opened_from_the_desk_shows_once_it_is_read(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    runner = runner_on(case_sessions)
    held = Holding(runner, "cases.read_case")
    opened: list[CasePage] = []
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        seen["returned"] = open_case(None, runner, DESK_1, today, book.accepted, opened.append)
        seen["opened"] = list(opened)
        held.release()
        when(lambda: bool(opened), application.quit)

    in_the_event_loop(steps)
    assert seen["returned"] is None  # not shown yet: the case is being read
    assert seen["opened"] == []
    (page,) = opened
    qtbot.addWidget(page)
    assert page.isVisible()
    assert page.number.text() == book.accepted


def test_the_lists_open_at_once_and_take_the_keyboard_on_their_first_case_once_read(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    runner = runner_on(case_sessions)
    held = Holding(runner, "cases.day_lists")
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        lists = open_case_lists(None, runner, DESK_1, today)
        seen["lists"], seen["running"], seen["rows"] = lists, runner.running, lists.today_table.rowCount()
        held.release()
        when(lambda: not runner.running and lists.today_table.currentRow() == 0, application.quit)

    in_the_event_loop(steps)
    lists = seen["lists"]
    qtbot.addWidget(lists)
    assert seen["running"], "the lists waited for their read"
    assert seen["rows"] == 0
    assert lists.today_table.rowCount() > 0
    assert lists.today_table.currentRow() == 0  # the keyboard on the first case, once it is there


def test_a_case_scanned_twice_while_it_is_read_opens_once(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    runner = runner_on(case_sessions)
    held = Holding(runner, "cases.read_case")
    opened: list[CasePage] = []

    def steps(application: QEventLoop) -> None:
        open_case(window, runner, DESK_1, today, book.accepted, opened.append)
        open_case(window, runner, DESK_1, today, book.accepted, opened.append)  # the scanner read it again
        held.release()
        when(lambda: bool(opened) and not runner.running, application.quit)

    in_the_event_loop(steps)
    assert len(opened) == 1
    assert window.findChildren(CasePage) == opened
