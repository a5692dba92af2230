"""F7's finder: the cases found by what the applicant has at hand, masked, over a period the clerk may widen."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.service.cases import FIND_CASES
from counter.ui.cases.case_finder import CaseFinder
from counter.ui.cases.case_page import CasePage
from counter.ui.cases.opening import CaseDesk
from counter.ui.cases.tables import COLUMN_MARGIN, numbers
from counter.ui.cases.words import CASE_FOUND_READ_FAILED, CASE_FOUND_UNREADABLE
from counter.ui.look.fonts import install_fonts
from counter.ui.look.text_size import set_text_percent
from counter.words.database import fault_text
from tests.ui.cases.casebook import DAY, DESK_1, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.conftest import REAL_FONTS
from tests.ui.failing import LOCKED, failing
from tests.ui.keyboard_wait import wait_for_keyboard
from tests.ui.runners import runner_on

PHONE = "13904820000"  # the casebook's deferrals and its correction notice: three people, one phone


def desk_window(qtbot: QtBot) -> QWidget:
    """The desk's main window, in front as it is when the clerk presses F7: shown alone, its activation could come
    after the finder's, the keyboard left with it.

    Keep it in a name for the whole test, as the desk keeps its main window.  qtbot holds it weakly and the
    :class:`CaseDesk` made on it only in a cycle (the window's child holding the window), so passed straight to
    ``CaseDesk(...)`` it was freed by the next collection (the collector's timer, during any wait) with its finder:
    in a loaded run the keyboard's wait ran out on a field already deleted."""
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def finder_of(found: object) -> CaseFinder:
    assert isinstance(found, CaseFinder), found
    return found


def column(finder: CaseFinder, index: int) -> list[str]:
    items = (finder.table.item(row, index) for row in range(finder.table.rowCount()))
    return [item.text() for item in items if item is not None]


def test_the_cases_of_one_phone_are_listed_masked_and_enter_opens_one(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    window = desk_window(qtbot)
    finder = finder_of(CaseDesk(window, runner_on(case_sessions), DESK_1, today).find_cases(PHONE))
    assert finder.isWindow()
    # newest first, then by number
    assert numbers(finder.table) == [book.correction, book.awaiting, book.awaiting_earlier]
    assert column(finder, 2) == ["孙丽娟", "乌云其木格", "陈建国"]
    assert all(id_no.startswith("152201") and "********" in id_no for id_no in column(finder, 3))
    assert column(finder, 4) == ["139****0000"] * 3
    assert finder.summary.text().startswith("近90天内与“13904820000”相符的办件共 3 件")
    wait_for_keyboard(qtbot, finder.table)
    QTest.keyClick(finder.table, Qt.Key.Key_Down)
    QTest.keyClick(finder.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(page.case_no == book.awaiting for page in window.findChildren(CasePage)))


def test_a_clerk_who_may_sees_the_numbers_whole_until_the_next_search(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    window = desk_window(qtbot)
    finder = finder_of(CaseDesk(window, runner_on(case_sessions), DESK_1, today).find_cases(PHONE))
    assert finder.full_id_button.isVisibleTo(finder)  # the single desk's clerk may
    finder.full_id_button.click()
    assert column(finder, 4) == [PHONE] * 3
    assert all("*" not in id_no and len(id_no) == 18 for id_no in column(finder, 3))
    QTest.keyClick(finder.field, Qt.Key.Key_Return)  # searched again: masked again
    assert column(finder, 4) == ["139****0000"] * 3


def test_a_department_sees_the_numbers_masked_and_no_way_to_unmask_them(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    staff = Desk(DeskIdentity("XAM01", "9"), "李娜", Actor("lina", "李娜", frozenset({Role.DEPARTMENT})))
    window = desk_window(qtbot)
    finder = finder_of(CaseDesk(window, runner_on(case_sessions), staff, today).find_cases(PHONE))
    assert not finder.full_id_button.isVisibleTo(finder)
    finder.full_id_button.click()  # were it reached: the read itself gave the numbers masked
    assert column(finder, 4) == ["139****0000"] * 3


def test_nothing_in_the_period_is_said_and_a_wider_period_finds_it(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    today.day = DAY + dt.timedelta(days=120)
    window = desk_window(qtbot)
    finder = finder_of(CaseDesk(window, runner_on(case_sessions), DESK_1, today).find_cases("陈建国"))
    gc.collect()  # as the collector's timer may during any wait: the window the test holds keeps its finder
    assert numbers(finder.table) == []
    assert finder.summary.text().startswith("近90天内没有与“陈建国”相符的办件")
    wait_for_keyboard(qtbot, finder.field)  # to type again
    QTest.keyClick(finder.field, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    wait_for_keyboard(qtbot, finder.period)
    QTest.keyClick(finder.period, Qt.Key.Key_Down)  # 近半年
    assert finder.days() == 182
    assert numbers(finder.table) == [book.awaiting_earlier]
    assert finder.summary.text().startswith("近半年内与“陈建国”相符的办件共 1 件")


def test_the_finder_searches_again_and_opens_a_whole_number(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    window = desk_window(qtbot)
    cases = CaseDesk(window, runner_on(case_sessions), DESK_1, today)
    finder = finder_of(cases.find_cases("王"))  # a surname alone: nothing read, more asked for
    assert finder.summary.text() == "姓名请至少输入两个字：只输入姓氏会列出太多办件。"
    assert cases.find_cases(PHONE) is finder  # the one finder, searched again
    finder.field.setText("乌云")
    QTest.keyClick(finder.field, Qt.Key.Key_Return)
    assert numbers(finder.table) == [book.awaiting]
    finder.field.setText(book.refused.lower())
    QTest.keyClick(finder.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(page.case_no == book.refused for page in window.findChildren(CasePage)))


def test_the_numbers_stay_whole_and_every_column_in_sight_on_a_narrow_screen(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """At 1024 pixels and 150 % text the list scrolled sideways, the state cut at the window's edge and the bundle
    beyond it; given way like the other columns, the masked ID number and phone (no place to break) were cut to
    152201… and 139****… .  Narrowed to what its numbers and its headings need, the list keeps the numbers whole on
    one line, wraps the state and the names, and scrolls no more."""
    window = desk_window(qtbot)
    finder = finder_of(CaseDesk(window, runner_on(case_sessions), DESK_1, today).find_cases(PHONE))
    table, header = finder.table, finder.table.horizontalHeader()
    numbers = (0, 1, 3, 4)  # the case number, the date, the ID number, the phone
    needed = sum(table.sizeHintForColumn(c) + COLUMN_MARGIN for c in numbers)
    needed += sum(header.sectionSizeHint(c) for c in range(table.columnCount()) if c not in numbers)
    finder.resize(finder.width() - table.viewport().width() + needed + 8, finder.height())
    qtbot.waitUntil(lambda: table.viewport().width() >= needed, timeout=2000)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=2000)
    for column in numbers:
        assert header.sectionSize(column) >= table.sizeHintForColumn(column), column  # whole, on one line
    last = header.count() - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width()
    assert header.sectionSize(5) >= header.sectionSizeHint(5)  # the state: its heading whole, its text wrapped
    bundle = table.item(0, 6)
    assert bundle is not None
    assert bundle.toolTip() == bundle.text()


#: F7's finder as the desk places it on a 1024×768 screen: its 1,000 pixels at 100 % text, at 125 % and 150 % as wide
#: as the screen leaves inside the window's frame (counter.ui.look.geometry.fit_to_screen)
NARROW_FINDER = {100: 1000, 125: 1024 - 16, 150: 1024 - 16}


@pytest.mark.parametrize("percent", [100, 125, 150])
def test_the_finder_fits_a_1024_pixel_screen_at_every_text_size(
    qapp: QApplication, qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock, percent: int
) -> None:
    """At 1024 pixels and 150 % text the list still scrolled its last 7 to 20 pixels sideways: every number kept
    whole with the room a column is given while there is room, not the least its run needs.  At that least, the
    numbers whole on their line, the list fits the window at each text size, as the case page does."""
    set_text_percent(percent)
    install_fonts(qapp, REAL_FONTS, rare_now=False)
    try:
        window = desk_window(qtbot)
        finder = finder_of(CaseDesk(window, runner_on(case_sessions), DESK_1, today).find_cases(PHONE))
        finder.resize(NARROW_FINDER[percent], 700)
        table, header = finder.table, finder.table.horizontalHeader()
        qtbot.waitUntil(lambda: header.length() > 0, timeout=2000)
        assert header.length() <= table.viewport().width()
        assert table.horizontalScrollBar().maximum() == 0
        for column in (0, 1, 3, 4):  # the case number, the date, the ID number, the phone: whole, on one line
            assert header.sectionSize(column) >= table.sizeHintForColumn(column), column
    finally:
        set_text_percent(100)
        install_fonts(qapp, REAL_FONTS, rare_now=False)


def test_a_search_the_database_cannot_answer_is_said_and_a_period_chosen_asks_again(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    runner = runner_on(case_sessions)
    away = failing(runner, LOCKED, FIND_CASES)
    window = desk_window(qtbot)
    finder = finder_of(CaseDesk(window, runner, DESK_1, today).find_cases(PHONE))
    assert away.asked == [FIND_CASES.name]
    assert numbers(finder.table) == []
    assert finder.summary.text() == CASE_FOUND_READ_FAILED.format(fault=fault_text("locked"))
    assert finder.summary.objectName() == "listError"
    assert finder.field.text() == PHONE  # what was typed stays, to search again
    away.mend()
    finder.period.setFocus()
    QTest.keyClick(finder.period, Qt.Key.Key_Down)  # 近半年: the clerk widens the period
    assert finder.days() == 182
    assert numbers(finder.table) == [book.correction, book.awaiting, book.awaiting_earlier]
    assert finder.summary.text().startswith("近半年内与“13904820000”相符的办件共 3 件")


def test_a_phone_number_one_digit_short_is_said_unreadable_and_the_last_list_goes(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """Ten digits are no phone, ID or case number: nothing is looked up, the clerk is told what can be looked for,
    the cases of the search before are not left under it as if they were the answer, and the digits stay to mend."""
    runner = runner_on(case_sessions)
    window = desk_window(qtbot)
    finder = finder_of(CaseDesk(window, runner, DESK_1, today).find_cases(PHONE))
    assert numbers(finder.table) == [book.correction, book.awaiting, book.awaiting_earlier]
    away = failing(runner, LOCKED, FIND_CASES)  # a search asked of the database would say the database's fault
    short = PHONE[:-1]
    finder.field.setText(short)
    QTest.keyClick(finder.field, Qt.Key.Key_Return)
    assert away.asked == []
    assert finder.summary.text() == CASE_FOUND_UNREADABLE.format(typed=short)
    assert finder.summary.objectName() == "listError"
    assert numbers(finder.table) == []
    assert finder.field.text() == short
    finder.field.setText("   ")  # Enter on blanks: nothing asked, what is said stays
    QTest.keyClick(finder.field, Qt.Key.Key_Return)
    assert away.asked == []
    assert finder.summary.text() == CASE_FOUND_UNREADABLE.format(typed=short)
