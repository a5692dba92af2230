"""部门待办: a department's items in the lists window, the soonest due first, and every item coming due or overdue.

On the casebook's real cases, the items routed and stepped through the actions as the departments take them.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.case.item_clock import DueAlert
from counter.case.item_path import ItemEvent, PauseReason
from counter.case.item_step_request import StepRequest
from counter.db import models
from counter.ui.cases.item_queue_page import GIVING_COLUMNS, KEPT_COLUMNS, ItemQueuePage
from counter.ui.cases.marks import RED
from counter.ui.cases.tables import COLUMN_MARGIN, ROW_MARGIN, fill_row, names_first_table
from counter.ui.cases.words import ITEM_QUEUE_COLUMNS, ITEM_QUEUE_PAUSED, ITEM_QUEUE_TAB
from counter.ui.look.fonts import install_fonts
from counter.ui.look.text_size import set_text_percent
from counter.words.items import DUE_ALERT
from tests.entrusted import ENTERED
from tests.ui.cases.casebook import DAY, DESK_1, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import column
from tests.ui.cases.test_case_lists import make_lists
from tests.ui.cases.test_case_page import open_page
from tests.ui.conftest import REAL_FONTS
from tests.ui.runners import runner_on

MARKET = "乌兰浩特市市场监督管理局"
SIGNBOARD = "152201-YJS008-03"  # 户外招牌设置
CITY = "乌兰浩特市城市管理综合行政执法局"  # decides it


def routed(sessions: sessionmaker[Session], number: str) -> None:
    """The case's items at their departments; the signboard's paused for an inspection."""
    at = dt.datetime.combine(DAY, dt.time(10)).astimezone()
    with sessions.begin() as s:
        route_items(s, DESK_1, number, at)
    for request in (StepRequest(ItemEvent.SIGNED), StepRequest(ItemEvent.PAUSED, pause=PauseReason.INSPECTION)):
        with sessions.begin() as s:
            take_item_step(s, DESK_1, number, SIGNBOARD, request, at)


def test_a_department_works_its_items_from_the_list(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    routed(case_sessions, book.accepted)
    lists = make_lists(qtbot, case_sessions, today)
    page = lists.items
    lists.tabs.setCurrentWidget(page)
    assert lists.tabs.tabText(lists.tabs.indexOf(page)) == ITEM_QUEUE_TAB
    departments = [page.chooser.itemData(i) for i in range(page.chooser.count())]
    assert departments[0] == ""  # 到期提醒 first
    assert MARKET in departments
    page.chooser.setCurrentIndex(departments.index(MARKET))
    page.chooser.activated.emit(departments.index(MARKET))
    assert set(column(page.table, 0)) == {book.accepted}
    assert column(page.table, 2) == [MARKET, MARKET]  # 设立登记 and 食品经营许可, nothing of another department
    assert page.department() == MARKET

    page.chooser.setCurrentIndex(page.chooser.findData(CITY))
    page.chooser.activated.emit(page.chooser.currentIndex())
    assert column(page.table, 4) == [ITEM_QUEUE_PAUSED]  # the paused item has no date while its clock stands
    page.chooser.setCurrentIndex(departments.index(MARKET))
    page.chooser.activated.emit(departments.index(MARKET))

    lists.focus_list()
    with qtbot.waitSignal(lists.case_chosen) as chosen:
        QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert chosen.args == [book.accepted]


def test_items_past_their_date_are_red_in_the_reminders(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    routed(case_sessions, book.accepted)
    today.day = DAY + dt.timedelta(days=60)  # every date of the case long past
    lists = make_lists(qtbot, case_sessions, today)
    page = lists.items
    assert page.department() == ""  # 到期提醒
    assert book.accepted in column(page.table, 0)
    assert set(column(page.table, 5)) == {DUE_ALERT[DueAlert.OVERDUE]}
    late = page.table.rowCount()
    assert f"{late} 项事项" in page.summary.text()
    assert f"其中已逾期 {late} 项" in page.summary.text()
    first = page.table.item(0, 0)
    assert first is not None
    assert first.background().color() == QColor(RED)


def test_a_departments_staff_find_their_own_queue_open(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    routed(case_sessions, book.accepted)
    with case_sessions.begin() as s:
        s.add(models.Account(login="wanglei", name="王磊", roles="department", password_hash="x", department=CITY))
    staff = Desk(DESK_1.identity, "王磊", Actor("wanglei", "王磊", frozenset({Role.DEPARTMENT})))
    page = ItemQueuePage(runner_on(case_sessions), staff, today, "")
    qtbot.addWidget(page)
    page.refresh()
    assert page.department() == CITY
    assert column(page.table, 2) == [CITY]
    page.chooser.setCurrentIndex(0)  # the reminders, every department's, chosen: still their own items alone
    page.refresh()
    assert page.department() == CITY
    assert column(page.table, 2) == [CITY]


def test_the_case_page_says_which_items_are_past_their_date(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    routed(case_sessions, book.accepted)
    today.day = DAY + dt.timedelta(days=60)
    page = open_page(qtbot, case_sessions, today, book.accepted)
    assert page.alert.isVisibleTo(page)
    assert page.alert.text().endswith("已超过办结期限，请督促实施部门办理")
    states = column(page.item_states.table, 2)
    late = [n for n, state in enumerate(states) if DUE_ALERT[DueAlert.OVERDUE] in state]
    paused = [n for n, state in enumerate(states) if "暂停计时" in state]
    assert late  # each undecided item past its date says so, but the paused one, whose clock stands still
    assert all(n not in late for n in paused)
    cell = page.item_states.table.item(late[0], 0)
    assert cell is not None
    assert cell.background().color() == QColor(RED)
    today.day = DAY
    page.reload()
    assert "已超过办结期限" not in page.alert.text()  # on the day it was taken nothing is past its date


def test_the_queue_fits_the_lists_window_its_long_names_cut_and_whole_in_their_tips(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """At the lists window's 1,000 pixels each column sized to its longest name ran past the table: the applicant
    and the bundle were behind a sideways scroll bar."""
    routed(case_sessions, book.accepted)
    with case_sessions.begin() as s:
        s.add(models.Account(login="wanglei", name="王磊", roles="department", password_hash="x", department=CITY))
    staff = Desk(DESK_1.identity, "王磊", Actor("wanglei", "王磊", frozenset({Role.DEPARTMENT})))
    page = ItemQueuePage(runner_on(case_sessions), staff, today, "")
    qtbot.addWidget(page)
    page.resize(800, 500)  # one row of names, each sized to itself, already ran past 800 pixels
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    table = page.table
    assert table.rowCount() == 1
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() > 0 and header.length() <= table.viewport().width(), timeout=2000)
    assert table.horizontalScrollBar().maximum() == 0
    department = table.item(0, 2)
    assert department is not None
    assert CITY in department.toolTip()  # whole where its share of the width cuts it


def test_the_names_get_the_room_before_the_state_and_the_reminder(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """At 1024 pixels and 150 % text the case number, state, date and reminder took all but a few characters and the
    names were cut to them.  On a table too narrow by half what the state and reminder can give, every name stands
    whole and the state wraps instead; measured on the table's own font, whatever it is."""
    routed(case_sessions, book.accepted)
    page = ItemQueuePage(runner_on(case_sessions), None, today, "")
    qtbot.addWidget(page)
    page.resize(2400, 500)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    table = page.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.rowCount() > 0 and header.length() > 0)
    needs = {c: max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(table.columnCount())}
    slack = sum(needs[c] - header.sectionSizeHint(c) for c in GIVING_COLUMNS)
    assert slack > 0  # the state is longer than its heading
    frame = page.width() - table.viewport().width()
    page.resize(sum(needs.values()) + COLUMN_MARGIN * table.columnCount() - slack // 2 + frame, 500)
    names = [c for c in range(table.columnCount()) if c not in KEPT_COLUMNS + GIVING_COLUMNS]
    qtbot.waitUntil(lambda: all(header.sectionSize(c) >= needs[c] for c in names), timeout=2000)
    assert any(header.sectionSize(c) < needs[c] for c in GIVING_COLUMNS)  # the state gave way, wrapping
    assert all(header.sectionSize(c) >= header.sectionSizeHint(c) for c in GIVING_COLUMNS)  # never below its heading
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=2000)  # once Qt lays it out anew
    one_line = table.fontMetrics().height() + ROW_MARGIN
    assert max(table.rowHeight(row) for row in range(table.rowCount())) > one_line


QUEUE_ROWS = (
    ("XAM01-20261127-01-0006", "市场主体设立登记", MARKET, "部门已签收", "2026-11-30", "下一个工作日到期", "孟根其其格",
     "我要开小餐馆（50平方米以下）"),
    ("XAM01-20261127-01-0006", "食品经营许可", MARKET, "已分发，待部门签收", "2026-12-04", "", "孟根其其格",
     "我要开小餐馆（50平方米以下）"),
)  # fmt: skip


def lines_shown(table: QTableWidget, row: int, column: int) -> int:
    """The lines a cell takes at its column's width, as Qt measures the row's height (the grid takes a pixel)."""
    index = table.model().index(row, column)
    delegate = table.itemDelegateForIndex(index)
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    one = delegate.sizeHint(option, index).height()
    option.rect = QRect(0, 0, table.horizontalHeader().sectionSize(column) - 1, one)
    return math.ceil(delegate.sizeHint(option, index).height() / one - 0.25)


@pytest.mark.parametrize("percent", [100, 150])
def test_a_column_that_gives_way_keeps_two_lines_before_the_names_give_more(
    qapp: QApplication, qtbot: QtBot, percent: int
) -> None:
    """At 1366 pixels and 150 % text the names were a few pixels short of whole, and the reminder 下一个工作日到期
    was dropped to its heading's width, four lines, its row as tall.  On a table one pixel too narrow for the names
    whole beside the state and reminder at their headings, the two stop at two lines and the names give the rest."""
    set_text_percent(percent)
    install_fonts(qapp, REAL_FONTS, rare_now=False)
    try:
        table = names_first_table(ITEM_QUEUE_COLUMNS, keep=KEPT_COLUMNS, give=GIVING_COLUMNS)
        qtbot.addWidget(table)
        table.setRowCount(len(QUEUE_ROWS))
        for number, values in enumerate(QUEUE_ROWS):
            fill_row(table, number, values)
        table.resize(3000, 600)
        table.show()
        qtbot.waitExposed(table)
        header = table.horizontalHeader()
        columns = range(table.columnCount())
        wanted = {c: max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) + COLUMN_MARGIN for c in columns}
        names = [c for c in columns if c not in KEPT_COLUMNS + GIVING_COLUMNS]
        room = sum(wanted[c] for c in (*KEPT_COLUMNS, *names)) + sum(header.sectionSizeHint(c) for c in GIVING_COLUMNS)
        table.resize(room - 1 + table.width() - table.viewport().width(), 600)
        qtbot.waitUntil(lambda: table.viewport().width() == room - 1, timeout=2000)
        assert header.length() <= table.viewport().width()  # nothing behind a sideways scroll
        assert any(header.sectionSize(c) < wanted[c] for c in names)  # the names gave the pixel and more
        for row in range(table.rowCount()):
            for column in columns:
                assert lines_shown(table, row, column) <= 2, (row, ITEM_QUEUE_COLUMNS[column])
    finally:
        set_text_percent(100)
        install_fonts(qapp, REAL_FONTS, rare_now=False)


def test_a_department_whose_last_item_was_decided_meanwhile_gives_way_to_the_reminders(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """The 城管 list open on its one item; the department decides it at another desk: read again, the department
    is no longer offered, and the page shows what its chooser now says (到期提醒), not an empty department."""
    routed(case_sessions, book.accepted)
    lists = make_lists(qtbot, case_sessions, today)
    page = lists.items
    lists.tabs.setCurrentWidget(page)
    page.chooser.setCurrentIndex(page.chooser.findData(CITY))
    page.chooser.activated.emit(page.chooser.currentIndex())
    assert column(page.table, 2) == [CITY]
    at = dt.datetime.combine(DAY, dt.time(11)).astimezone()
    for request in (
        StepRequest(ItemEvent.RESUMED),
        StepRequest(ItemEvent.APPROVED, result_no="乌城管字〔2026〕第12号", entered=ENTERED),
    ):
        with case_sessions.begin() as s:
            take_item_step(s, DESK_1, book.accepted, SIGNBOARD, request, at)
    page.refresh()
    assert page.chooser.findData(CITY) == -1
    assert page.chooser.currentIndex() == 0
    assert page.department() == ""
    reminders = make_lists(qtbot, case_sessions, today).items  # the same list, chosen afresh
    reminders.refresh()
    assert page.summary.text() == reminders.summary.text()
    assert column(page.table, 0) == column(reminders.table, 0)
