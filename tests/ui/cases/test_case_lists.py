"""The lists: today's cases at this desk, and the deferrals a supervisor must decide on."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.case.status import CaseEvent
from counter.service.cases import DAY_LISTS
from counter.ui.cases.case_lists import CaseLists, due_text
from counter.ui.cases.case_page import CasePage
from counter.ui.cases.marks import AMBER, RED
from counter.ui.cases.opening import CaseDesk
from counter.ui.cases.tables import numbers
from counter.ui.cases.words import (
    CASE_LIST_DUE,
    CASE_LIST_DUE_COUNT,
    CASE_LIST_DUE_COUNT_MANY,
    CASE_LIST_DUE_MANY,
    CASE_LIST_READ_FAILED,
)
from counter.words.database import fault_text
from tests.ui.cases.casebook import DESK_1, Casebook, take_deferral
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import column, row_texts
from tests.ui.failing import LOCKED, failing
from tests.ui.runners import runner_on


def make_lists(qtbot: QtBot, sessions: sessionmaker[Session], today: Clock) -> CaseLists:
    lists = CaseLists(runner_on(sessions), DESK_1, today)
    qtbot.addWidget(lists)
    lists.resize(1000, 560)
    lists.show()
    lists.refresh()
    return lists


def background(lists: CaseLists, row: int) -> QColor:
    item = lists.due_table.item(row, 0)
    assert item is not None
    return item.background().color()


def test_today_lists_this_desks_cases_of_the_day_only(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    lists = make_lists(qtbot, case_sessions, today)
    assert numbers(lists.today_table) == list(book.demo_cases())  # not desk 2's, not 2026-11-18's
    statuses = column(lists.today_table, 1)
    assert statuses == ["已受理", "审批中", "补正后已重新提交", "申请人已撤回", "已受理", "审批中"]
    assert "共6件" in lists.today_summary.text()


def test_due_soon_is_amber_and_later_deadlines_wait(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    lists = make_lists(qtbot, case_sessions, today)  # Friday 2026-11-20: two working days reach Tuesday the 24th
    assert numbers(lists.due_table) == [book.awaiting_earlier]  # due Monday the 23rd; the 25th is not yet
    assert row_texts(lists.due_table, 0)[1:3] == ["2026-11-23", "还剩1个工作日"]
    assert background(lists, 0) == QColor(AMBER)
    assert lists.tabs.tabText(1) == CASE_LIST_DUE_COUNT.format(count=1)
    assert "截至2026-11-24" in lists.due_summary.text()


def test_overdue_deferrals_are_red_with_the_days_late(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    today.day = dt.date(2026, 12, 20)
    lists = make_lists(qtbot, case_sessions, today)
    # the correction notice of 20 November went unanswered past its fifteen working days (11 December)
    assert numbers(lists.due_table) == [book.awaiting_earlier, book.awaiting, book.correction]
    assert column(lists.due_table, 2) == ["已逾期27天", "已逾期25天", "补正：已逾期9天"]
    assert column(lists.due_table, 6) == ["1号窗口", "2号窗口", "2号窗口"]  # every desk's deferrals
    assert all(background(lists, n) == QColor(RED) for n in range(3))
    assert "其中已逾期3件" in lists.due_summary.text()
    assert numbers(lists.today_table) == []


def test_one_due_today_and_one_overdue(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    today.day = dt.date(2026, 11, 25)
    lists = make_lists(qtbot, case_sessions, today)
    assert numbers(lists.due_table) == [book.awaiting_earlier, book.awaiting]
    assert column(lists.due_table, 2) == ["已逾期2天", "今天到期"]
    assert [background(lists, r) for r in (0, 1)] == [QColor(RED), QColor(RED)]  # today has no day left either


def test_due_text_counts_working_days_ahead(case_sessions: sessionmaker[Session]) -> None:
    with case_sessions() as session:
        calendar = office_calendar(session)
    friday = dt.date(2026, 11, 20)
    assert due_text(dt.date(2026, 11, 24), friday, calendar) == "还剩2个工作日"  # the weekend not counted
    assert due_text(dt.date(2026, 11, 19), friday, calendar) == "已逾期1天"


def test_enter_or_double_click_opens_the_case(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    lists = make_lists(qtbot, case_sessions, today)
    table = lists.today_table
    table.setFocus()
    table.setCurrentCell(2, 0)
    with qtbot.waitSignal(lists.case_chosen) as chosen:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert chosen.args == [book.demo_cases()[2]]
    lists.tabs.setCurrentIndex(1)
    item = lists.due_table.item(0, 3)
    assert item is not None
    rect = lists.due_table.visualItemRect(item)
    viewport = lists.due_table.viewport()
    with qtbot.waitSignal(lists.case_chosen) as chosen:
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click: click,
        QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # then the second press
    assert chosen.args == [book.awaiting_earlier]


def test_lists_refresh_when_a_case_page_saves_an_action(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    desk = CaseDesk(window, runner_on(case_sessions), DESK_1, today)
    lists = desk.open_lists()
    assert numbers(lists.due_table) == [book.awaiting_earlier]
    lists.due_table.setCurrentCell(0, 0)
    with qtbot.waitSignal(lists.case_chosen):
        QTest.keyClick(lists.due_table, Qt.Key.Key_Enter)
    (page,) = window.findChildren(CasePage)
    assert page.case_no == book.awaiting_earlier
    page.action_buttons[CaseEvent.DEFERRED_ARRIVED].click()
    for box in page.form.checkboxes.values():
        box.setChecked(True)
    with qtbot.waitSignal(desk.case_changed):
        page.form.confirm_button.click()
    assert numbers(lists.due_table) == []  # refreshed: nothing is due any more
    assert lists.tabs.tabText(1) == CASE_LIST_DUE
    assert desk.open_lists() is lists


def test_a_long_name_pushes_no_column_off_the_list(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    """A transliterated name at its 50 characters: cut with an ellipsis, the columns after it stay in view."""
    name = "阿依古丽·买买提·艾合买提江·" * 3 + "阿卜杜拉"
    take_deferral(case_sessions, DESK_1, today(), name[:50], 77)
    lists = make_lists(qtbot, case_sessions, today)
    table = lists.today_table
    qtbot.waitUntil(table.isVisible)
    header = table.horizontalHeader()
    last = header.count() - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    names = [table.item(r, 3) for r in range(table.rowCount())]
    long_one = next(item for item in names if item is not None and item.text() == name[:50])
    assert long_one.toolTip() == name[:50]
    assert header.sectionSize(3) < table.sizeHintForColumn(3)  # cut, not widened


def test_a_case_closed_with_esc_gives_the_keyboard_back_to_its_list(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """The page belongs to the desk's main window, not to the list: closed, it hands the keyboard back to the list
    the clerk opened it from, for the next case, rather than to the desk behind or to nothing."""
    window = QWidget()
    qtbot.addWidget(window)
    desk = CaseDesk(window, runner_on(case_sessions), DESK_1, today)
    lists = desk.open_lists()
    qtbot.waitUntil(lists.isActiveWindow)
    lists.tabs.setCurrentIndex(1)
    lists.due_table.setFocus()
    lists.due_table.setCurrentCell(0, 0)
    with qtbot.waitSignal(lists.case_chosen):
        QTest.keyClick(lists.due_table, Qt.Key.Key_Return)
    (page,) = window.findChildren(CasePage)
    qtbot.waitUntil(page.isActiveWindow)
    QTest.keyClick(page.materials, Qt.Key.Key_Escape)
    qtbot.waitUntil(lists.isActiveWindow)
    assert QApplication.focusWidget() is lists.due_table


def test_lists_the_database_cannot_read_say_so_and_refresh_reads_them_again(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    lists = make_lists(qtbot, case_sessions, today)
    away = failing(lists._runner, LOCKED, DAY_LISTS)
    QTest.mouseClick(lists.refresh_button, Qt.MouseButton.LeftButton)
    assert away.asked == [DAY_LISTS.name]
    said = CASE_LIST_READ_FAILED.format(fault=fault_text("locked"))
    for summary in (lists.today_summary, lists.due_summary):
        assert summary.text() == said
        assert summary.objectName() == "listError"
    away.mend()
    QTest.mouseClick(lists.refresh_button, Qt.MouseButton.LeftButton)  # 刷新, as the sentence asks
    assert "共6件" in lists.today_summary.text()
    assert lists.today_summary.objectName() != "listError"
    assert numbers(lists.today_table) == list(book.demo_cases())


def test_a_backlog_beyond_what_is_counted_is_said_to_be_more(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the count's cap the list says "more than", on the tab as in its summary, and shows its first page."""
    from counter.actions.cases import case_reads

    monkeypatch.setattr(case_reads, "DUE_COUNT_CAP", 1)  # two deferrals due, one counted: more than that
    monkeypatch.setattr(case_reads, "DUE_PAGE", 2)
    today.day = dt.date(2026, 12, 20)
    lists = make_lists(qtbot, case_sessions, today)
    assert numbers(lists.due_table) == [book.awaiting_earlier, book.awaiting]  # the earliest page
    assert lists.due_summary.text() == CASE_LIST_DUE_MANY.format(last_day="2026-12-22", count=2, shown=2)
    assert lists.tabs.tabText(1) == CASE_LIST_DUE_COUNT.format(count=CASE_LIST_DUE_COUNT_MANY.format(count=2))


def test_a_backlog_of_exactly_the_counts_cap_is_counted_whole(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two deferrals due where the count stops at two: all of them were counted, and the list says how many there
    are, not "more than" them."""
    from counter.actions.cases import case_reads

    monkeypatch.setattr(case_reads, "DUE_COUNT_CAP", 2)
    today.day = dt.date(2026, 12, 20)
    lists = make_lists(qtbot, case_sessions, today)
    assert len(numbers(lists.due_table)) == 3
    assert lists.due_summary.text().startswith("截至2026-12-22（今后两个工作日内）到期和已逾期的容缺、补正办件：共3件")
    assert lists.tabs.tabText(1) == CASE_LIST_DUE_COUNT.format(count=3)
