"""当场办结并送达 on the case page: offered for a wholly 即办 bundle's case accepted today for pickup, and only then."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.same_day import SameDayProblem
from counter.case.status import CaseEvent, CaseStatus
from counter.db.catalog_store import current_guide
from counter.intake.parties import Applicant, ApplicantKind, Delivery, Parties
from counter.ui.cases.case_page import CasePage, Loaded
from counter.words.cases import CASE_EVENT, CASE_STATUS
from counter.words.same_day import SAME_DAY_DONE, SAME_DAY_PROBLEM, SAME_DAY_REFUSED
from tests.same_day_catalog import IMMEDIATE_CODE, add_immediate_guide
from tests.ui.cases.casebook import DESK_1, SUPERVISOR, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import column, stored
from tests.ui.intake.helpers import PERSON_ID
from tests.ui.runners import runner_on


def take_immediate(sessions: sessionmaker[Session], day: dt.date, delivery: Delivery = Delivery.PICKUP) -> str:
    """A case of the wholly 即办 bundle, every material handed in: accepted outright."""
    with sessions.begin() as session:
        guide = current_guide(session, IMMEDIATE_CODE) or add_immediate_guide(session)
        checklist = complete_checklist(guide.bundle, fresh_checklist(guide))
        applicant = Applicant(ApplicantKind.PERSON, "其其格", PERSON_ID, "13904820000", "乌兰浩特市")
        parties = Parties(applicant, delivery=delivery, delivery_address="乌兰浩特市五一街1号")
        request = IntakeRequest(checklist, parties)
        return take_intake(session, DESK_1, request, day, office_calendar(session)).case_no


def open_page(qtbot: QtBot, sessions: sessionmaker[Session], today: Clock, case_no: str) -> CasePage:
    page = CasePage(runner_on(sessions), SUPERVISOR, today, case_no)
    qtbot.addWidget(page)
    assert page.reload() is Loaded.SHOWN
    page.resize(1024, 768)
    page.show()
    return page


def test_a_same_day_case_is_decided_and_handed_over_from_its_page(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    case_no = take_immediate(case_sessions, today())
    page = open_page(qtbot, case_sessions, today, case_no)
    button = page.action_bar.same_day_button
    assert button.isVisible()
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus  # reached by Tab like every step of the page
    with qtbot.waitSignal(page.case_changed, timeout=5000) as changed:
        QTest.keyClick(button, Qt.Key.Key_Space)
    assert changed.args == [case_no]
    assert page.notice.text() == SAME_DAY_DONE.format(case_no=case_no)
    assert page.status.text() == CASE_STATUS[CaseStatus.DELIVERED]
    assert column(page.history, 3)[-2:] == [CASE_EVENT[CaseEvent.COMPLETED], CASE_EVENT[CaseEvent.DELIVERED]]
    assert not button.isVisible()  # done once
    assert stored(case_sessions, case_no).status is CaseStatus.DELIVERED


def test_the_step_pressed_after_midnight_on_a_page_of_yesterday_is_refused_and_the_button_goes(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    """The page was read on the day of the intake and left open; the step asked on the desk's next day is refused
    with why (the applicant has left the window), the page read again without the step, the case still accepted."""
    case_no = take_immediate(case_sessions, today())
    page = open_page(qtbot, case_sessions, today, case_no)
    button = page.action_bar.same_day_button
    assert button.isVisible()
    today.day += dt.timedelta(days=1)
    with qtbot.assertNotEmitted(page.case_changed):
        QTest.keyClick(button, Qt.Key.Key_Space)
    reasons = SAME_DAY_PROBLEM[SameDayProblem.NOT_TODAY]
    assert page.notice.text() == SAME_DAY_REFUSED.format(case_no=case_no, reasons=reasons)
    assert page.notice.objectName() == "noticeWarn"
    assert not button.isVisible()
    assert page.action_buttons[CaseEvent.SENT_TO_APPROVAL].isVisible()  # the ordinary way on
    assert stored(case_sessions, case_no).status is CaseStatus.ACCEPTED


def test_the_step_is_not_offered_on_a_later_day_by_post_or_for_a_promised_bundle(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    case_no = take_immediate(case_sessions, today())
    posted = take_immediate(case_sessions, today(), Delivery.POST)
    for number in (posted, book.accepted):  # by post; 小餐馆, whose items promise days
        page = open_page(qtbot, case_sessions, today, number)
        assert not page.action_bar.same_day_button.isVisible()
        assert page.action_buttons[CaseEvent.COMPLETED].isVisible()  # the ordinary steps are still there
    today.day += dt.timedelta(days=1)  # the applicant has left the window
    page = open_page(qtbot, case_sessions, today, case_no)
    assert not page.action_bar.same_day_button.isVisible()
    assert page.action_buttons[CaseEvent.SENT_TO_APPROVAL].isVisible()


def test_a_check_the_database_cannot_answer_offers_no_same_day_step_and_keeps_the_others(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    """The page is read whole but for whether the case can be done at once: it is shown with its ordinary steps and
    says why 当场办结 is not among them (the intake sent the clerk here for it), offered once the page is read again
    with the database back."""
    from counter.service.cases import SAME_DAY_CHECK
    from counter.ui.cases.words import CASE_SAME_DAY_UNCHECKED
    from counter.words.database import fault_text
    from tests.ui.failing import LOCKED, failing

    case_no = take_immediate(case_sessions, today())
    page = CasePage(runner_on(case_sessions), SUPERVISOR, today, case_no)
    qtbot.addWidget(page)
    away = failing(page._runner, LOCKED, SAME_DAY_CHECK)
    assert page.reload() is Loaded.SHOWN
    page.show()
    assert SAME_DAY_CHECK.name in away.asked
    assert page.number.text() == case_no
    assert not page.action_bar.same_day_button.isVisible()
    assert page.action_buttons[CaseEvent.COMPLETED].isVisible()
    said = CASE_SAME_DAY_UNCHECKED.format(fault=fault_text("locked"))
    assert page.action_bar.reasons.isVisible()
    assert said in page.action_bar.reasons.text().splitlines()
    away.mend()
    assert page.reload() is Loaded.SHOWN
    assert page.action_bar.same_day_button.isVisible()
    assert said not in page.action_bar.reasons.text()
