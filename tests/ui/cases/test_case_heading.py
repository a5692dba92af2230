"""The case page's heading: one state, in the words of the hall's own act (收件 where it only receives)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.documents import make_documents
from counter.actions.cases.item_authority import set_entrustment
from counter.case.status import CaseStatus
from counter.documents.kinds import DocumentKind
from counter.intake.outcome import Outcome
from counter.ui.cases.opening import CaseDesk
from counter.ui.cases.tables import numbers
from counter.ui.cases.words import CASE_OUTCOME_RECEIVED
from counter.words.cases import CASE_STATUS, CASE_STATUS_RECEIVED
from counter.words.intake import OUTCOME
from tests.entrusted import RESTAURANT_ITEMS
from tests.ui.cases.casebook import DAY, DESK_1, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import column, stored
from tests.ui.cases.test_case_finder import PHONE, desk_window, finder_of
from tests.ui.cases.test_case_lists import make_lists
from tests.ui.cases.test_case_page import open_page
from tests.ui.runners import runner_on


def only_receiving(sessions: sessionmaker[Session]) -> None:
    """The hall's 授权 withdrawn for every item of 我要开小餐馆: it only receives them, its departments accept."""
    with sessions.begin() as session:
        for code in RESTAURANT_ITEMS:
            set_entrustment(session, DESK_1, "XAM01", code, "")


def test_a_hall_that_only_receives_shows_its_case_as_received_once(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """收件 is the hall's act, 受理 its departments' (签收): no 已受理 beside 收件结果：受理."""
    only_receiving(case_sessions)
    assert stored(case_sessions, book.accepted).status is CaseStatus.ACCEPTED
    page = open_page(qtbot, case_sessions, today, book.accepted)
    assert all(item.received for item in page.item_states.items)
    assert page.status.text() == CASE_STATUS_RECEIVED[CaseStatus.ACCEPTED] == "已收件"
    assert "受理" not in page.status.text()
    assert "受理" not in page.windowTitle()
    assert "收件结果" not in page.subtitle.text()  # the badge says it: once
    assert book.bundle_code in page.subtitle.text()
    # nor a 受理日期 of the hall's: each department's is its 签收's day; the day received stays
    assert not page.fields["accepted_on"].isVisible()
    assert page.fields["received_on"].isVisible()


def test_a_received_case_moved_on_says_what_the_intake_found_without_accepting(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """审批中: the state no longer says the outcome, so the subtitle does, in the receiving hall's words."""
    only_receiving(case_sessions)
    page = open_page(qtbot, case_sessions, today, book.fulfilled)  # 容缺, the materials in the same day: 审批中
    assert page.status.text() == CASE_STATUS[CaseStatus.IN_APPROVAL]
    assert page.subtitle.text().endswith(CASE_OUTCOME_RECEIVED[Outcome.DEFER])
    assert OUTCOME[Outcome.DEFER] not in page.subtitle.text()


def test_a_hall_that_accepts_says_its_acceptance_once(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """Entrusted with every item, the hall accepted: 已受理, and the subtitle does not say 受理 again."""
    page = open_page(qtbot, case_sessions, today, book.accepted)
    assert not any(item.received for item in page.item_states.items)
    assert page.status.text() == CASE_STATUS[CaseStatus.ACCEPTED]
    assert "收件结果" not in page.subtitle.text()
    assert page.fields["accepted_on"].isVisible()
    moved = open_page(qtbot, case_sessions, today, book.fulfilled)
    assert moved.subtitle.text().endswith(OUTCOME[Outcome.DEFER])


def test_a_case_accepted_under_a_withdrawn_entrustment_still_reads_accepted(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """Its 受理凭证 made in the departments' names under their 授权, the 授权 withdrawn later: the hall did accept it,
    as the paper the applicant holds says, and the page reads so, as the departments' steps do (no 不予受理)."""
    with case_sessions.begin() as session:
        make_documents(session, DESK_1, book.accepted, DocumentKind.RECEIPT, DAY)
    only_receiving(case_sessions)
    page = open_page(qtbot, case_sessions, today, book.accepted)
    assert not any(item.received for item in page.item_states.items)
    assert page.status.text() == CASE_STATUS[CaseStatus.ACCEPTED]
    assert page.fields["accepted_on"].isVisible()


def test_the_lists_and_the_finder_say_each_case_as_its_page_does(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """A clerk reading 已收件 on the page and 已受理 in the list beside it would not know which to tell the applicant:
    the day's list, the finder's 状态 and the page name each case's state alike."""
    only_receiving(case_sessions)
    lists = make_lists(qtbot, case_sessions, today)
    listed = dict(zip(numbers(lists.today_table), column(lists.today_table, 1), strict=True))
    assert listed[book.accepted] == "已收件"
    window = desk_window(qtbot)
    finder = finder_of(CaseDesk(window, runner_on(case_sessions), DESK_1, today).find_cases(PHONE))
    found = dict(zip(numbers(finder.table), column(finder.table, 5), strict=True))
    assert found[book.correction] == CASE_STATUS_RECEIVED[CaseStatus.CORRECTION_ISSUED]
    for case_no, said in (*listed.items(), *found.items()):
        page = open_page(qtbot, case_sessions, today, case_no)
        assert page.status.text() == said, case_no
        page.close()


def test_the_lists_say_accepted_where_the_hall_accepted(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    lists = make_lists(qtbot, case_sessions, today)
    listed = dict(zip(numbers(lists.today_table), column(lists.today_table, 1), strict=True))
    assert listed[book.accepted] == CASE_STATUS[CaseStatus.ACCEPTED] == "已受理"


def test_an_outcome_this_release_does_not_know_is_said_as_it_stands_and_marked(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """A case a newer release wrote with an outcome this one has no words for: its page opens, and the subtitle
    gives the code, marked as unknown to this release, rather than guess a state or fail."""
    from sqlalchemy import update

    from counter.db import models

    with case_sessions.begin() as session:
        session.execute(update(models.Case).where(models.Case.case_no == book.accepted).values(outcome="later_outcome"))
    page = open_page(qtbot, case_sessions, today, book.accepted)
    assert page.subtitle.text().endswith("later_outcome（本版本未知）")
    assert book.bundle_code in page.subtitle.text()
    assert page.status.text() == CASE_STATUS[CaseStatus.ACCEPTED]
