"""Opening a case by number: its window, the same window again, or a clear "not found"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.case.status import CaseEvent
from counter.db.engine import make_engine, make_sessions
from counter.ui.cases.case_lists import CaseLists
from counter.ui.cases.case_page import CasePage
from counter.ui.cases.opening import CaseDesk, open_case
from counter.ui.cases.tables import numbers
from counter.ui.cases.words import CASE_LIST_READ_FAILED, CASE_READ_FAILED
from counter.words.database import DB_FAULT
from tests.ui.cases.casebook import DESK_1, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.runners import runner_on


def desk_window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return window


def test_open_case_opens_a_window_once(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    window = desk_window(qtbot)
    page = open_case(window, runner_on(case_sessions), DESK_1, today, book.accepted.lower())
    assert isinstance(page, CasePage)
    assert page.isWindow()
    assert page.isVisible()
    assert page.number.text() == book.accepted
    again = open_case(window, runner_on(case_sessions), DESK_1, today, f" {book.accepted} ")
    assert again is page
    assert len(window.findChildren(CasePage)) == 1


def test_an_unknown_number_is_said_not_found(qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock) -> None:
    window = desk_window(qtbot)
    assert open_case(window, runner_on(case_sessions), DESK_1, today, "XAM01-20991231-09-9999") is None
    boxes = window.findChildren(QMessageBox)
    assert [b.text() for b in boxes] == ["未找到办件：XAM01-20991231-09-9999"]
    assert not boxes[0].isModal()
    assert window.findChildren(CasePage) == []


def test_case_desk_passes_on_the_resubmission_request(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    window = desk_window(qtbot)
    desk = CaseDesk(window, runner_on(case_sessions), DESK_1, today)
    desk.on_case_scanned(book.correction)
    pages = window.findChildren(CasePage)
    assert [p.case_no for p in pages] == [book.correction]
    with qtbot.waitSignal(desk.resubmit_requested) as asked:
        pages[0].action_buttons[CaseEvent.RESUBMITTED].click()
    assert asked.args == [book.correction, book.bundle_code]


@pytest.fixture
def broken_sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """A database that cannot be opened: its file name is a folder."""
    engine = make_engine(f"sqlite:///{tmp_path}")
    yield make_sessions(engine)
    engine.dispose()


def test_an_unreadable_database_is_said_so_not_taken_for_a_missing_case(
    qtbot: QtBot, broken_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    window = desk_window(qtbot)
    assert open_case(window, runner_on(broken_sessions), DESK_1, today, book.accepted) is None
    (box,) = window.findChildren(QMessageBox)
    assert box.text() == CASE_READ_FAILED.format(fault=DB_FAULT["unreachable"])


def test_lists_say_when_the_database_cannot_be_read(
    qtbot: QtBot, broken_sessions: sessionmaker[Session], today: Clock
) -> None:
    lists = CaseLists(runner_on(broken_sessions), DESK_1, today)
    qtbot.addWidget(lists)
    lists.refresh()
    assert lists.today_summary.text() == CASE_LIST_READ_FAILED.format(fault=DB_FAULT["unreachable"])
    assert lists.due_summary.objectName() == "listError"
    assert numbers(lists.today_table) == []
