"""统一出件 from the case page: the form offers what waits to go out, refuses what the law does not allow, saves the
hand-over and opens its 送达回证.

On the casebook's real cases; every wait is on a signal.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.decisions import decide_item
from counter.actions.intake.take import move_case
from counter.case.hand_over import HandOverProblem, HandOverWay
from counter.case.status import CaseEvent, CaseStatus
from counter.documents.kinds import DocumentKind
from counter.ui.cases.words import CASE_ACTION, CASE_MOVED_MEANWHILE, CASE_WITHHELD
from counter.ui.printing.preview_window import PreviewWindow
from counter.words.cases import CASE_EVENT, CASE_STATUS
from counter.words.hand_over import HAND_OVER_PROBLEM
from tests.actions.test_notice_pledges import FIRE
from tests.actions.test_revoked_licences import granted_then_revoked
from tests.entrusted import ENTERED, RESTAURANT_ITEMS
from tests.signed_in import signed_in
from tests.ui.cases.casebook import DESK_1, SUPERVISOR, Casebook, deny_the_lapsed_licence
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import column, stored
from tests.ui.cases.test_case_heading import only_receiving
from tests.ui.cases.test_case_page import open_page, visible_actions
from tests.ui.cases.test_item_decisions import open_page as open_item_page
from tests.ui.intake.helpers import PERSON_ID

FOOD_NAME = "食品经营许可"


def test_a_denied_items_paper_goes_out_ahead_only_when_the_applicant_asks(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    deny_the_lapsed_licence(case_sessions, book)
    page = open_page(qtbot, case_sessions, today, book.denied)  # 食品经营许可 denied, the other items in approval
    assert page.status.text() == CASE_STATUS[CaseStatus.IN_APPROVAL]
    assert CaseEvent.DELIVERED in visible_actions(page)
    assert page.action_buttons[CaseEvent.DELIVERED].text() == CASE_ACTION[CaseEvent.DELIVERED] == "统一出件"
    page.action_buttons[CaseEvent.DELIVERED].click()
    form = page.hand_over
    assert form.isVisibleTo(page)
    [(code, box)] = form.checkboxes.items()
    assert FOOD_NAME in box.text()
    assert box.isChecked()
    assert form.undecided.isVisibleTo(page)  # the items still with their departments are named
    assert page.focusWidget() is form.id_no  # the number is what the clerk types first (the way is the intake's)

    form.id_no.setText(PERSON_ID)
    form.confirm_button.click()  # the applicant did not ask for a part: refused, nothing kept
    assert form.problems.text() == HAND_OVER_PROBLEM[HandOverProblem.NOT_ALL_DECIDED]
    assert form.isVisibleTo(page)
    form.id_no.setText(PERSON_ID[:-1] + ("0" if PERSON_ID[-1] != "0" else "1"))
    form.partial.setChecked(True)
    form.confirm_button.click()
    assert HAND_OVER_PROBLEM[HandOverProblem.BAD_ID] in form.problems.text()
    kept = stored(case_sessions, book.denied).history
    assert kept[-1].event != CaseEvent.ITEMS_HANDED.value  # neither refusal kept anything

    form.id_no.setText(PERSON_ID)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        form.confirm_button.click()
    assert not form.isVisibleTo(page)
    assert page.status.text() == CASE_STATUS[CaseStatus.IN_APPROVAL]  # a part handed over: the case goes on
    assert column(page.history, 3)[-1] == CASE_EVENT[CaseEvent.ITEMS_HANDED]
    assert FOOD_NAME in column(page.history, 4)[-1]
    [preview] = page.findChildren(PreviewWindow)
    [made] = preview.documents
    assert made.kind is DocumentKind.SERVICE_RECEIPT
    assert CaseEvent.DELIVERED not in visible_actions(page)  # nothing decided is left to hand over
    view = stored(case_sessions, book.denied)
    assert view.history[-1].event == CaseEvent.ITEMS_HANDED.value
    assert code in view.history[-1].note


def test_a_case_voided_at_another_desk_meanwhile_is_shown_as_it_is_now_and_nothing_handed_over(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """The hand-over refused because the case moved on meanwhile: the form closes, the case is read again and the
    page says where it stands now; nothing was saved, so nothing is said changed and no 送达回证 opens."""
    deny_the_lapsed_licence(case_sessions, book)
    page = open_page(qtbot, case_sessions, today, book.denied)
    page.action_buttons[CaseEvent.DELIVERED].click()
    form = page.hand_over
    form.id_no.setText(PERSON_ID)
    form.partial.setChecked(True)
    with case_sessions.begin() as session:
        move_case(session, signed_in(case_sessions, SUPERVISOR), book.denied, CaseEvent.VOIDED, "重复受理")
    with qtbot.assertNotEmitted(page.case_changed):
        form.confirm_button.click()
    assert not form.isVisibleTo(page)
    assert page.status.text() == CASE_STATUS[CaseStatus.VOIDED]
    assert page.notice.text() == CASE_MOVED_MEANWHILE.format(status=CASE_STATUS[CaseStatus.VOIDED])
    assert page.findChildren(PreviewWindow) == []
    assert stored(case_sessions, book.denied).history[-1].event == CaseEvent.VOIDED.value


def test_only_the_fields_of_the_way_chosen_show(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    deny_the_lapsed_licence(case_sessions, book)
    page = open_page(qtbot, case_sessions, today, book.denied)
    page.action_buttons[CaseEvent.DELIVERED].click()
    form = page.hand_over
    shown = {
        HandOverWay.PICKUP: (form.recipient, form.id_no),
        HandOverWay.POST: (form.carrier, form.tracking_no),
        HandOverWay.ELECTRONIC: (form.address,),
    }
    every = {field for fields in shown.values() for field in fields}
    for way, fields in shown.items():
        form.way.setCurrentIndex(form.way.findData(way.value))
        assert {f for f in every if f.isVisibleTo(page)} == set(fields)
    form.way.setCurrentIndex(form.way.findData(HandOverWay.POST.value))
    form.partial.setChecked(True)
    form.carrier.setText("中国邮政EMS")
    form.confirm_button.click()
    assert form.problems.text() == HAND_OVER_PROBLEM[HandOverProblem.NO_TRACKING]
    form.cancel_button.click()
    assert not form.isVisibleTo(page)
    assert stored(case_sessions, book.denied).history[-1].event != CaseEvent.ITEMS_HANDED.value


def test_a_licence_revoked_after_its_grant_is_not_offered_to_hand_over_and_the_page_says_so(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    """行政许可法 第六十九条第二款: the 消防 licence granted on the promise, then revoked when the check found it false;
    the hand-over refuses it (HandOverProblem.REVOKED), so the page neither offers 统一出件 for it nor keeps quiet."""
    case_no, supervisor = granted_then_revoked(case_sessions, DESK_1)
    page = open_item_page(qtbot, case_sessions, today, case_no, supervisor)
    assert CaseEvent.DELIVERED not in visible_actions(page)  # the revoked licence was all that was decided
    name = next(i.name for i in page.item_states.items if i.code == FIRE)
    assert page.action_bar.reasons.isVisibleTo(page)
    assert CASE_WITHHELD["revoked_not_handed"].format(items=name) in page.action_bar.reasons.text().split("\n")


def test_a_part_handed_over_names_the_state_as_the_page_does_where_the_hall_only_received(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """One result handed over ahead leaves the case where it was: 已收件 on the badge, and in the sentence."""
    with case_sessions.begin() as session:  # granted under the department's 授权, taken back since
        decide_item(
            session,
            DESK_1,
            book.accepted,
            RESTAURANT_ITEMS[0],
            approve=True,
            text="92152201MA0000001X",
            entered=ENTERED,
        )
    only_receiving(case_sessions)
    page = open_page(qtbot, case_sessions, today, book.accepted)
    assert page.status.text() == "已收件"
    page.action_buttons[CaseEvent.DELIVERED].click()
    page.hand_over.id_no.setText(PERSON_ID)
    page.hand_over.partial.setChecked(True)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        page.hand_over.confirm_button.click()
    assert stored(case_sessions, book.accepted).status is CaseStatus.ACCEPTED
    assert page.status.text() == "已收件"
    assert "办件状态：已收件。" in page.notice.text()


def test_the_form_opened_again_offers_each_item_once_all_ticked_again(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """统一出件 cancelled and asked again: the form starts afresh from the case, not from what was unticked before, and
    the items of the first opening are not left beside the new ones."""
    deny_the_lapsed_licence(case_sessions, book)
    page = open_page(qtbot, case_sessions, today, book.denied)
    page.action_buttons[CaseEvent.DELIVERED].click()
    form = page.hand_over
    [first] = form.checkboxes.values()
    first.setChecked(False)
    form.cancel_button.click()
    assert not form.isVisibleTo(page)
    page.action_buttons[CaseEvent.DELIVERED].click()
    assert form.isVisibleTo(page)
    [again] = form.checkboxes.values()
    assert again is not first
    assert FOOD_NAME in again.text()
    assert again.isChecked()
    shown = [box for box in form.findChildren(QCheckBox) if box.isVisibleTo(form) and FOOD_NAME in box.text()]
    assert shown == [again]
