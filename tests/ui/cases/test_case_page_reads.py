"""The case's page while the database (or the hall server) cannot answer one of its reads: the case itself unread is
said and the page keeps what it showed; a read of its standing (the calendar a lapse is counted on, the steps the
account may take, the items granted on a promise) unread leaves the page showing the case, offering less."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.case.status import CaseEvent, CaseStatus
from counter.service.cases import ACT_REFUSALS, READ_CALENDAR, READ_CASE
from counter.service.operation import Operation
from counter.service.pledges import PLEDGE_OFFERS
from counter.ui.cases.case_page import Loaded
from counter.ui.cases.words import CASE_READ_FAILED
from counter.words.cases import CASE_NOT_FOUND, CASE_STATUS
from counter.words.database import fault_text
from tests.ui.cases.casebook import Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import stored
from tests.ui.cases.test_case_page import open_page
from tests.ui.failing import LOCKED, failing

STANDING = {"calendar": READ_CALENDAR, "steps": ACT_REFUSALS, "promises": PLEDGE_OFFERS}


@pytest.mark.parametrize("read", STANDING)
def test_a_case_whose_standing_cannot_be_read_is_still_shown(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock, read: str
) -> None:
    page = open_page(qtbot, case_sessions, today, book.awaiting)  # a 容缺 due: its calendar is read too
    op: Operation[object, object] = STANDING[read]  # type: ignore[assignment]
    away = failing(page._runner, LOCKED, op)
    assert page.reload() is Loaded.SHOWN
    assert away.asked == [op.name]
    assert page.number.text() == book.awaiting
    assert page.status.text() == CASE_STATUS[CaseStatus.AWAITING_DEFERRED]
    assert not page.notice.isVisibleTo(page)  # nothing to say: the page offers less, and the action decides
    assert page.action_buttons[CaseEvent.DEFERRED_ARRIVED].isVisibleTo(page)


def test_a_case_the_database_cannot_read_is_said_and_the_page_keeps_what_it_showed(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.awaiting)
    away = failing(page._runner, LOCKED, READ_CASE)
    assert page.reload() is Loaded.FAILED
    assert page.notice.text() == CASE_READ_FAILED.format(fault=fault_text("locked"))
    assert page.notice.objectName() == "noticeError"
    assert page.number.text() == book.awaiting
    away.mend()
    assert page.reload() is Loaded.SHOWN


@pytest.mark.parametrize("gone", [True, False], ids=["no such case", "database"])
def test_a_link_to_a_case_that_cannot_be_shown_leaves_the_page_on_its_case(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock, gone: bool
) -> None:
    page = open_page(qtbot, case_sessions, today, book.resubmitted)
    if not gone:
        failing(page._runner, LOCKED, READ_CASE)
    page.on_link_activated(book.later if not gone else "XAM01-20261120-9999")
    assert page.case_no == book.resubmitted  # what a reload reads again is the case still on screen
    assert page.number.text() == book.resubmitted
    said = (
        CASE_NOT_FOUND.format(case_no="XAM01-20261120-9999")
        if gone
        else CASE_READ_FAILED.format(fault=fault_text("locked"))
    )
    assert page.notice.text() == said


def test_an_extension_with_the_calendar_unread_offers_a_week_after_the_old_due_date(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.awaiting)  # due 2026-11-25, today 2026-11-20
    failing(page._runner, LOCKED, READ_CALENDAR)
    page.action_buttons[CaseEvent.DEFERRAL_EXTENDED].click()
    assert page.form.isVisibleTo(page)
    assert page.form.date.date() == QDate(2026, 12, 2)


def test_a_step_saved_whose_case_cannot_be_read_again_says_both(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """The step is kept; the page cannot show it yet: the notice says what was saved and why the page is not read,
    in one warning, and the lists are told the case changed."""
    page = open_page(qtbot, case_sessions, today, book.awaiting)
    page.action_buttons[CaseEvent.DEFERRED_ARRIVED].click()
    for box in page.form.checkboxes.values():
        box.setChecked(True)
    away = failing(page._runner, LOCKED, READ_CASE)
    with qtbot.waitSignal(page.case_changed) as changed:
        page.form.confirm_button.click()
    assert changed.args == [book.awaiting]
    assert away.asked == [READ_CASE.name]
    unread = CASE_READ_FAILED.format(fault=fault_text("locked"))
    said = page.notice.text()
    assert said.endswith(f"。{unread}")
    assert len(said) > len(unread) + 1  # what the step did, first
    assert page.notice.objectName() == "noticeWarn"
    assert not page.form.isVisibleTo(page)  # saved: nothing left to confirm
    assert stored(case_sessions, book.awaiting).status is CaseStatus.IN_APPROVAL
