"""The case page of an unanswered correction notice: the supervisor closes it only after its deadline."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.cases.holidays import set_holiday
from counter.actions.cases.item_authority import set_entrustment
from counter.case.numbers import DeskIdentity
from counter.case.status import CaseEvent, CaseStatus
from counter.ui.cases.words import CASE_CORRECTION_NOT_DUE, CASE_CORRECTION_OVERDUE, CASE_DATES_MOVED
from counter.words.cases import CASE_EVENT, CASE_EVENT_RECEIVED
from counter.words.lapses import EARLY_LAPSE, EARLY_WHAT_CORRECTION
from tests.entrusted import RESTAURANT_ITEMS
from tests.signed_in import signed_in
from tests.ui.cases.casebook import SUPERVISOR, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import column, stored
from tests.ui.cases.test_case_page import confirm, open_page, visible_actions

DUE = dt.date(2026, 12, 11)  # fifteen working days from Friday 20 November


def test_a_correction_is_not_offered_to_lapse_on_its_last_day(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    today.day = DUE
    page = open_page(qtbot, case_sessions, today, book.correction)
    assert page.fields["correction_due"].text() == DUE.isoformat()
    assert CaseEvent.CORRECTION_LAPSED not in visible_actions(page)
    assert not page.alert.isVisibleTo(page)


def test_a_correction_is_not_offered_to_lapse_on_the_saturday_after_its_friday_deadline(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """The lapse is the office's act of its next working day: Monday 14 December, not the Saturday between."""
    today.day = DUE + dt.timedelta(days=1)
    page = open_page(qtbot, case_sessions, today, book.correction)
    assert page.alert.objectName() == "alertOverdue"  # overdue it is: the last day has passed
    assert CaseEvent.CORRECTION_LAPSED not in visible_actions(page)


def test_an_unanswered_correction_lapses_from_the_next_working_day_after_its_deadline(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    today.day = DUE + dt.timedelta(days=3)
    page = open_page(qtbot, case_sessions, today, book.correction)
    assert page.alert.isVisibleTo(page)
    assert page.alert.objectName() == "alertOverdue"
    assert page.alert.text() == CASE_CORRECTION_OVERDUE.format(days=3, due=DUE.isoformat())
    assert CaseEvent.CORRECTION_LAPSED in visible_actions(page)

    page.action_buttons[CaseEvent.CORRECTION_LAPSED].click()
    page.form.reason.setText("电话联系两次未接通")
    confirm(qtbot, page)
    assert page.status.text() == "逾期未补正，视为放弃申请"
    assert column(page.history, 3)[-1] == "逾期未补正，视为放弃申请"
    assert column(page.history, 4)[-1] == "电话联系两次未接通"
    assert visible_actions(page) == {CaseEvent.VOIDED}
    assert not page.alert.isVisibleTo(page)
    assert stored(case_sessions, book.correction).status is CaseStatus.CORRECTION_LAPSED


def test_a_receiving_halls_lapse_reads_in_the_history_as_its_paper_says_it(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """Where the hall only received, its 补齐材料告知书 threatens nothing: the history line says the 收件 registration
    ends and the materials may come at any time, as the badge does, not 视为放弃申请.  (The lapse is recorded while
    the hall holds the 授权, since where it only receives the lapse is its departments' act; the words follow the
    standing the page reads.)"""
    today.day = DUE + dt.timedelta(days=3)
    page = open_page(qtbot, case_sessions, today, book.correction)
    page.action_buttons[CaseEvent.CORRECTION_LAPSED].click()
    page.form.reason.setText("电话联系两次未接通")
    confirm(qtbot, page)
    admin = signed_in(case_sessions, SUPERVISOR, Role.ADMIN, login="admin")
    with case_sessions.begin() as session:  # the hall's 授权 withdrawn: it only receives 我要开小餐馆's items
        for code in RESTAURANT_ITEMS:
            set_entrustment(session, admin, "XAM01", code, "")
    page = open_page(qtbot, case_sessions, today, book.correction)
    assert page.status.text() == "逾期未补齐，本次收件登记已终结"
    said = column(page.history, 3)[-1]
    assert said == CASE_EVENT_RECEIVED[CaseEvent.CORRECTION_LAPSED]
    assert "本次收件登记已终结" in said
    assert "随时" in said
    assert "视为放弃申请" not in said


def test_a_deadline_moved_by_an_edited_day_shows_and_governs(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """The office marks the deadline's Friday a day off: the page shows the later date, says why, and waits for it."""
    with case_sessions.begin() as s:
        assert set_holiday(s, DUE, "off", desk=Desk(DeskIdentity("XAM01", "1"), "管理员")) == (book.correction,)
    later = DUE + dt.timedelta(days=3)  # Monday 14 December
    today.day = later
    page = open_page(qtbot, case_sessions, today, book.correction)
    assert page.fields["correction_due"].text() == later.isoformat()
    assert page.beyond_data.isVisibleTo(page)
    assert page.beyond_data.text() == CASE_DATES_MOVED.format(moves=f"补正期限 {DUE.isoformat()} → {later.isoformat()}")
    assert CaseEvent.CORRECTION_LAPSED not in visible_actions(page)  # its own day: not lapsed yet


def test_a_lapse_confirmed_after_the_deadline_moved_meanwhile_is_refused_with_its_first_day(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """The page was read on the Monday after the deadline; the office then marks the deadline's Friday a day off,
    which moves it to that Monday.  The lapse confirmed is refused with the day it can be recorded from, nothing is
    stored, and the page is read again: the deadline it shows is the one that refused, not overdue any more."""
    today.day = DUE + dt.timedelta(days=3)  # Monday 14 December
    page = open_page(qtbot, case_sessions, today, book.correction)
    page.action_buttons[CaseEvent.CORRECTION_LAPSED].click()
    page.form.reason.setText("电话联系两次未接通")
    admin = signed_in(case_sessions, Desk(DeskIdentity("XAM01", "1"), "管理员"), Role.ADMIN, login="admin")
    with case_sessions.begin() as s:
        assert set_holiday(s, DUE, "off", desk=admin) == (book.correction,)
    page.form.confirm_button.click()
    qtbot.waitUntil(lambda: page.notice.isVisibleTo(page))
    assert page.notice.text() == CASE_CORRECTION_NOT_DUE.format(first_day="2026-12-15")
    assert page.notice.objectName() == "noticeError"
    assert stored(case_sessions, book.correction).status is CaseStatus.CORRECTION_ISSUED
    later = DUE + dt.timedelta(days=3)
    assert page.fields["correction_due"].text() == later.isoformat()  # the page as the refusal found the case
    assert CaseEvent.CORRECTION_LAPSED not in visible_actions(page)
    assert not page.alert.isVisibleTo(page)  # its own day: not overdue
    assert not page.form.isVisibleTo(page)  # the step is not offered until then


def test_a_lapse_the_office_later_finds_early_reads_so_in_the_cases_history(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """The lapse recorded on Monday 14 December; the office then marks the deadline's Friday a day off, which moves
    the deadline to that Monday: the page's history says in words that the lapse came before the day it could, with
    its dates, rather than a code."""
    monday = DUE + dt.timedelta(days=3)
    today.day = monday
    page = open_page(qtbot, case_sessions, today, book.correction)
    page.action_buttons[CaseEvent.CORRECTION_LAPSED].click()
    page.form.reason.setText("电话联系两次未接通")
    confirm(qtbot, page)
    page.close()
    admin = signed_in(case_sessions, Desk(DeskIdentity("XAM01", "1"), "管理员"), Role.ADMIN, login="admin")
    with case_sessions.begin() as s:
        set_holiday(s, DUE, "off", desk=admin)
    page = open_page(qtbot, case_sessions, today, book.correction)
    assert column(page.history, 3)[-1] == CASE_EVENT[CaseEvent.LAPSE_EARLY]
    first = monday + dt.timedelta(days=1)
    said = EARLY_LAPSE.format(what=EARLY_WHAT_CORRECTION, due=monday.isoformat(), lapsed=monday.isoformat(),
                              first=first.isoformat())  # fmt: skip
    assert column(page.history, 4)[-1] == said
    assert page.status.text() == "逾期未补正，视为放弃申请"  # the act stands: the deciding body's to take back
