"""The case page on real cases: what it shows, and every action it offers, saved for real."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.access.roles import Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import decide_item
from counter.actions.intake import take
from counter.actions.intake.take import fulfil_deferred, take_intake
from counter.actions.site.demo import complete_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.status import CaseEvent, CaseStatus
from counter.catalog.model import Necessity
from counter.db.catalog_store import current_guide
from counter.intake.checklist import Receipt, record, start_checklist
from counter.intake.not_possible import IntakeNotPossible, NotPossibleWhy
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.masking import mask_id
from counter.ui.cases.case_page import CasePage, Loaded
from counter.ui.cases.marks import AMBER, LACKING_TEXT, RED
from counter.ui.cases.words import (
    CASE_DEFERRED_NEVER,
    CASE_DEFERRED_OVERDUE,
    CASE_DONE_COMPLETE,
    CASE_DONE_EXTENDED,
    CASE_DUE,
    CASE_FORM_NOTE,
    CASE_FORM_PROBLEM,
    CASE_HIDE_FULL_ID,
    CASE_ITEM_DENIED,
    CASE_ITEM_PENDING,
    CASE_MOVED_MEANWHILE,
)
from counter.words.cases import CASE_EVENT, CASE_STATUS
from counter.words.intake import NOT_POSSIBLE_PROGRAM
from tests.entrusted import ENTERED, RESTAURANT_ITEMS
from tests.signed_in import signed_in
from tests.subject_values import typed_subject
from tests.ui.cases.casebook import DESK_1, DESK_2, SUPERVISOR, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import column, row_texts, stored
from tests.ui.intake.helpers import PERSON_ID
from tests.ui.runners import runner_on

#: a bundle with a material the case really fetches by data sharing (052: the parents' 结婚证)
SHARING_BUNDLE = "XAM-YJS-052"
OVERDUE_DAY = dt.date(2026, 12, 20)


def open_page(qtbot: QtBot, sessions: sessionmaker[Session], today: Clock, case_no: str) -> CasePage:
    """The case's page at the supervisor's desk, signed in (a desk without accounts takes no supervisor's step)."""
    page = CasePage(runner_on(sessions), signed_in(sessions, SUPERVISOR), today, case_no)
    qtbot.addWidget(page)
    assert page.reload() is Loaded.SHOWN
    page.resize(1120, 820)
    page.show()
    return page


def visible_actions(page: CasePage) -> set[CaseEvent]:
    return {event for event, button in page.action_buttons.items() if button.isVisibleTo(page)}


def background(page: CasePage, row: int) -> QColor:
    item = page.materials.item(row, 0)
    assert item is not None
    return item.background().color()


def confirm(qtbot: QtBot, page: CasePage) -> None:
    with qtbot.waitSignal(page.case_changed, timeout=5000) as changed:
        page.form.confirm_button.click()
    assert changed.args == [page.case_no]


@pytest.mark.parametrize("which", ["accepted", "fulfilled", "resubmitted", "refused", "later", "correction"])
def test_each_case_shows_its_number_status_and_materials(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock, which: str
) -> None:
    case_no = getattr(book, which)
    view = stored(case_sessions, case_no)
    page = open_page(qtbot, case_sessions, today, case_no)
    assert page.number.text() == case_no
    assert page.status.text() == CASE_STATUS[view.status]
    assert case_no in page.windowTitle()
    assert column(page.materials, 0) == [m.name for m in view.materials]
    assert page.history.rowCount() == len(view.history)
    assert CASE_EVENT[CaseEvent.TAKEN] in column(page.history, 3)
    assert view.bundle_name in page.subtitle.text()


def test_a_shared_material_not_handed_in_reads_as_fetched_not_lacking(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    with case_sessions.begin() as session:
        stored_guide = current_guide(session, SHARING_BUNDLE)
        assert stored_guide is not None
        bundle = stored_guide.bundle
        answers = {s.code: s.options[0].code for s in bundle.situations if s.options}
        checklist = complete_checklist(bundle, start_checklist(bundle, answers, guide_version=stored_guide.version_id))
        shared = next(m for m in bundle.materials_for(answers) if m.shared)  # the parents' 结婚证
        checklist = record(checklist, shared.code, Receipt.MISSING)  # as an intake starts it
        other = next(m for m in bundle.materials_for(answers) if m.necessity is Necessity.REQUIRED and not m.shared)
        checklist = record(checklist, other.code, Receipt.MISSING)  # a correction, for the contrast
        parties = Parties(Applicant(ApplicantKind.PERSON, "其其格", PERSON_ID, "13904820000", "乌兰浩特市"))
        request = IntakeRequest(checklist, parties)
        case_no = take_intake(session, DESK_1, request, today(), office_calendar(session)).case_no
    page = open_page(qtbot, case_sessions, today, case_no)
    names = column(page.materials, 0)
    fetched = names.index(shared.name)
    assert column(page.materials, 1)[fetched] == "免提交，共享获取"
    cell = page.materials.item(fetched, 1)
    assert cell is not None
    assert cell.foreground().color() != QColor(LACKING_TEXT)
    lacking = page.materials.item(names.index(other.name), 1)  # an ordinary one not handed in still shows
    assert lacking is not None
    assert (lacking.text(), lacking.foreground().color()) == ("未提交", QColor(LACKING_TEXT))


def test_whom_the_case_is_about_is_shown_under_the_applicant(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    """The mother applies, the newborn is registered: the page names the child as the receipt does."""
    with case_sessions.begin() as session:
        stored_guide = current_guide(session, SHARING_BUNDLE)
        assert stored_guide is not None
        bundle = stored_guide.bundle
        answers = {s.code: s.options[0].code for s in bundle.situations if s.options}
        checklist = complete_checklist(bundle, start_checklist(bundle, answers, guide_version=stored_guide.version_id))
        parties = Parties(Applicant(ApplicantKind.PERSON, "其其格", PERSON_ID, "13904820000", "乌兰浩特市"))
        subject = tuple((typed_subject(bundle) | {"name": "阿依古丽・买买提", "sex": "female"}).items())
        request = IntakeRequest(checklist, parties, subject=subject)
        case_no = take_intake(session, DESK_1, request, today(), office_calendar(session)).case_no
    page = open_page(qtbot, case_sessions, today, case_no)
    assert page.details_fields.keys["subject"].text() == "新生儿："
    assert page.fields["subject"].text().splitlines() == [
        "新生儿姓名：阿依古丽·买买提",
        "新生儿性别：女",
        "出生日期：2026-11-02",
        "出生医学证明编号：Q150123456",
    ]
    assert page.fields["subject"].isVisibleTo(page)


def test_a_case_about_its_applicant_shows_no_subject(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.refused)
    assert not page.fields["subject"].isVisibleTo(page)


def test_applicant_id_is_masked_until_asked(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    view = stored(case_sessions, book.resubmitted)  # with an agent
    page = open_page(qtbot, case_sessions, today, book.resubmitted)
    assert page.fields["applicant_id"].text() == mask_id(view.applicant_id_no)
    assert page.fields["agent_id"].text() == mask_id(view.agent_id_no)
    assert view.applicant_id_no not in page.fields["applicant_id"].text()
    page.full_id_button.click()
    assert page.fields["applicant_id"].text() == view.applicant_id_no
    assert page.fields["agent_id"].text() == view.agent_id_no
    assert page.full_id_button.text() == CASE_HIDE_FULL_ID
    page.full_id_button.click()
    assert page.fields["applicant_id"].text() == mask_id(view.applicant_id_no)


def test_parties_dates_and_situations_are_shown(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.refused)
    view = stored(case_sessions, book.refused)
    assert view.applicant_name in page.fields["applicant"].text()
    assert page.fields["received_on"].text() == "2026-11-20"
    turn_to = page.fields["turn_to"].text()  # each item by its name and its 有权机关, never by its 实施编码
    codes = [line.partition("：")[0] for line in view.turn_to.splitlines()]
    assert codes
    assert not any(code in turn_to for code in codes)
    labels = [line.partition("：")[0] for line in turn_to.splitlines()]
    assert len(labels) == len(codes)
    assert all(re.search(r"[\u4e00-\u9fff]", label) for label in labels)  # 设立登记, not 1115…
    assert page.fields["refusal_ground"].text() == "申请事项依法不属于本行政机关职权范围"
    assert "个体工商户" in page.fields["answers"].text()
    assert page.fields["received_at"].text().startswith("1号窗口")
    assert not page.fields["denial_reason"].isVisibleTo(page)  # nothing to say: the row is hidden
    assert visible_actions(page) == {CaseEvent.VOIDED}  # a refused case is final: only voided, if entered in error


def test_links_between_a_correction_and_its_resubmission_open_the_other_case(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.resubmitted)
    link = page.fields["later_case"]
    assert book.later in link.text()
    link.linkActivated.emit(book.later)
    assert page.number.text() == book.later
    assert page.case_no == book.later
    assert book.resubmitted in page.fields["previous_case"].text()
    page.fields["previous_case"].linkActivated.emit(book.resubmitted)
    assert page.number.text() == book.resubmitted


def test_fulfilling_deferred_materials_moves_the_case_to_approval(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.awaiting)
    view = stored(case_sessions, book.awaiting)
    deferred = view.deferred_open()
    assert len(deferred) == 2
    assert visible_actions(page) == {
        CaseEvent.DEFERRED_ARRIVED,
        CaseEvent.ITEM_ROUTED,  # a 容缺 case's items are reviewed while its materials are awaited
        CaseEvent.WITHDRAWN,
        CaseEvent.DEFERRAL_EXTENDED,
        CaseEvent.VOIDED,
    }  # not overdue yet: no denial
    assert page.alert.text() == CASE_DUE.format(due="2026-11-25")
    rows = [column(page.materials, 0).index(m.name) for m in deferred]
    assert all(background(page, r) == QColor(AMBER) for r in rows)

    page.action_buttons[CaseEvent.DEFERRED_ARRIVED].click()
    assert page.form.isVisibleTo(page)
    assert list(page.form.checkboxes) == [m.code for m in deferred]
    page.form.confirm_button.click()
    assert page.form.problems.text() == CASE_FORM_PROBLEM["nothing_ticked"]
    assert stored(case_sessions, book.awaiting).history == view.history  # nothing written

    page.form.checkboxes[deferred[0].code].setChecked(True)
    confirm(qtbot, page)
    assert page.status.text() == CASE_STATUS[CaseStatus.AWAITING_DEFERRED]
    assert column(page.history, 3)[-1] == CASE_EVENT[CaseEvent.DEFERRED_ARRIVED]
    assert column(page.history, 4)[-1] == deferred[0].name
    assert deferred[1].name in page.notice.text()
    assert not page.form.isVisibleTo(page)

    page.action_buttons[CaseEvent.DEFERRED_ARRIVED].click()
    assert list(page.form.checkboxes) == [deferred[1].code]
    page.form.checkboxes[deferred[1].code].setChecked(True)
    confirm(qtbot, page)
    assert page.status.text() == "审批中"
    assert page.notice.text() == CASE_DONE_COMPLETE
    assert column(page.history, 3)[-1] == CASE_EVENT[CaseEvent.DEFERRED_COMPLETE]
    assert column(page.history, 2)[-1] == SUPERVISOR.clerk
    assert CaseEvent.DEFERRED_ARRIVED not in visible_actions(page)
    assert not page.alert.isVisibleTo(page)
    assert stored(case_sessions, book.awaiting).status is CaseStatus.IN_APPROVAL
    arrived = column(page.materials, 7)
    assert [arrived[r] for r in rows] == ["2026-11-20", "2026-11-20"]


def test_an_overdue_deferral_is_denied_only_with_a_reason(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    today.day = OVERDUE_DAY
    page = open_page(qtbot, case_sessions, today, book.awaiting)
    assert "已逾期25天" in page.alert.text()
    assert page.alert.objectName() == "alertOverdue"
    assert {CaseEvent.DENIED, CaseEvent.DEFERRAL_EXTENDED} <= visible_actions(page)
    overdue = [r for r, t in enumerate(column(page.materials, 1)) if t == CASE_DEFERRED_OVERDUE]
    assert len(overdue) == 2
    assert all(background(page, r) == QColor(RED) for r in overdue)

    page.action_buttons[CaseEvent.DENIED].click()
    page.form.reason.setText("   ")
    page.form.confirm_button.click()
    assert page.form.problems.text() == CASE_FORM_PROBLEM["reason_missing"]
    assert stored(case_sessions, book.awaiting).status is CaseStatus.AWAITING_DEFERRED

    page.form.reason.setText("申请人未说明逾期的正当理由")
    confirm(qtbot, page)
    # only 食品经营许可, which the lapsed materials serve, is denied; the other three items go on
    assert page.status.text() == CASE_STATUS[CaseStatus.IN_APPROVAL]
    states = {row_texts(page.item_states.table, r)[0]: row_texts(page.item_states.table, r)[1:3] for r in range(4)}
    assert states["食品经营许可"] == ["乌兰浩特市市场监督管理局", CASE_ITEM_DENIED]
    assert [v[1] for k, v in states.items() if k != "食品经营许可"] == [CASE_ITEM_PENDING] * 3
    assert column(page.history, 3)[-2:] == [CASE_EVENT[CaseEvent.DEFERRAL_LAPSED], CASE_EVENT[CaseEvent.ITEM_DENIED]]
    assert "不予批准的事项：食品经营许可" in page.notice.text()  # the item by name, not its code
    assert CaseEvent.DENIED not in visible_actions(page)
    assert not page.alert.isVisibleTo(page)
    assert CASE_DEFERRED_NEVER in column(page.materials, 1)  # no longer awaited, no longer red
    assert set(stored(case_sessions, book.awaiting).decisions()) == {"152201-YJS008-02"}


def test_a_denial_before_the_day_after_the_due_date_is_refused_by_the_action(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    today.day = OVERDUE_DAY
    page = open_page(qtbot, case_sessions, today, book.awaiting)
    page.action_buttons[CaseEvent.DENIED].click()
    page.form.reason.setText("逾期")
    today.day = dt.date(2026, 11, 25)  # the page was drawn on another day: the due date itself, not yet lapsed
    page.form.confirm_button.click()
    qtbot.waitUntil(lambda: page.notice.isVisibleTo(page))
    assert page.notice.objectName() == "noticeWarn"
    assert stored(case_sessions, book.awaiting).status is CaseStatus.AWAITING_DEFERRED
    assert stored(case_sessions, book.awaiting).decisions() == {}
    assert CaseEvent.DENIED not in visible_actions(page)  # read again on that day: not offered either


def test_an_extension_needs_a_later_date_and_a_reason(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    # overdue (due 2026-11-25), yet before 食品经营许可's legal date (2026-12-04): no extension may pass that date
    today.day = dt.date(2026, 11, 30)
    page = open_page(qtbot, case_sessions, today, book.awaiting)
    assert CaseEvent.DENIED in visible_actions(page)  # overdue
    page.action_buttons[CaseEvent.DEFERRAL_EXTENDED].click()
    assert page.form.date.isVisibleTo(page)
    assert page.form.date.date() > QDate(2026, 11, 30)  # a working date after today is offered
    page.form.date.setDate(QDate(2026, 11, 30))
    page.form.confirm_button.click()
    problems = page.form.problems.text()
    assert CASE_FORM_PROBLEM["reason_missing"] in problems
    assert CASE_FORM_PROBLEM["date_not_after_today"] in problems  # both at once

    page.form.date.setDate(QDate(2026, 12, 3))
    page.form.reason.setText("申请人住院，健康证明无法按期办理")
    confirm(qtbot, page)
    assert page.status.text() == CASE_STATUS[CaseStatus.AWAITING_DEFERRED]
    assert page.notice.text() == CASE_DONE_EXTENDED.format(due="2026-12-03")
    assert column(page.history, 4)[-1] == "新期限2026-12-03：申请人住院，健康证明无法按期办理"
    assert column(page.materials, 6).count("2026-12-03") == 2
    assert page.alert.objectName() == "alertDue"
    assert CaseEvent.DENIED not in visible_actions(page)  # no longer overdue
    assert stored(case_sessions, book.awaiting).deferred_open()[0].due_on == dt.date(2026, 12, 3)


def test_an_extension_must_go_beyond_the_old_deadline(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.awaiting)  # due 2026-11-25, today 2026-11-20
    page.action_buttons[CaseEvent.DEFERRAL_EXTENDED].click()
    page.form.date.setDate(QDate(2026, 11, 24))
    page.form.reason.setText("不可抗力")
    page.form.confirm_button.click()
    assert page.form.problems.text() == CASE_FORM_PROBLEM["date_not_later"]
    assert len(stored(case_sessions, book.awaiting).history) == 1


@pytest.mark.slow
def test_an_accepted_case_goes_to_approval_then_done_then_delivered(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.accepted)
    assert visible_actions(page) == {
        CaseEvent.ITEM_ROUTED,
        CaseEvent.SENT_TO_APPROVAL,
        CaseEvent.COMPLETED,
        CaseEvent.WITHDRAWN,
        CaseEvent.VOIDED,
    }  # no denial of the whole case: a bundle is denied item by item
    page.action_buttons[CaseEvent.SENT_TO_APPROVAL].click()
    assert page.form.reason_label.text() == CASE_FORM_NOTE  # a note, not a reason: may stay empty
    confirm(qtbot, page)
    assert page.status.text() == CASE_STATUS[CaseStatus.IN_APPROVAL]
    assert column(page.history, 3)[-1] == CASE_EVENT[CaseEvent.SENT_TO_APPROVAL]
    page.action_buttons[CaseEvent.COMPLETED].click()  # 办结 decides nothing: refused while the items wait
    with qtbot.assertNotEmitted(page.case_changed):
        page.form.confirm_button.click()
    assert page.notice.objectName() == "noticeError"
    assert page.notice.text().startswith("还有事项尚未作出决定：市场主体设立登记、食品经营许可、")
    assert page.status.text() == CASE_STATUS[CaseStatus.IN_APPROVAL]
    assert column(page.history, 3)[-1] == CASE_EVENT[CaseEvent.SENT_TO_APPROVAL]  # nothing granted
    page.form.cancel_button.click()
    clerk = signed_in(case_sessions, DESK_1, Role.CLERK)
    with case_sessions.begin() as s:  # the departments' decisions (recorded for them under their 授权)
        for code in RESTAURANT_ITEMS:
            decide_item(s, clerk, book.accepted, code, approve=True, text=f"XK-{code[-2:]}", entered=ENTERED)
    page.reload()
    assert page.status.text() == CASE_STATUS[CaseStatus.READY]  # the last decision closed it
    page.action_buttons[CaseEvent.DELIVERED].click()  # 统一出件: its own form (tests/ui/cases/test_hand_over_page.py)
    assert page.hand_over.isVisibleTo(page)
    assert not page.form.isVisibleTo(page)
    page.hand_over.id_no.setText(PERSON_ID)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        page.hand_over.confirm_button.click()
    assert page.status.text() == CASE_STATUS[CaseStatus.DELIVERED]
    assert column(page.history, 3)[-1] == CASE_EVENT[CaseEvent.DELIVERED]
    assert visible_actions(page) == {CaseEvent.VOIDED}  # final: nothing left but voiding an error
    assert stored(case_sessions, book.accepted).status is CaseStatus.DELIVERED


def test_a_correction_can_be_resubmitted_or_withdrawn_with_a_reason(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.correction)
    assert visible_actions(page) == {CaseEvent.RESUBMITTED, CaseEvent.WITHDRAWN, CaseEvent.VOIDED}
    with qtbot.waitSignal(page.resubmit_requested) as asked:
        page.action_buttons[CaseEvent.RESUBMITTED].click()
    assert asked.args == [book.correction, book.bundle_code]
    assert not page.form.isVisibleTo(page)

    page.action_buttons[CaseEvent.WITHDRAWN].click()
    with qtbot.assertNotEmitted(page.case_changed):
        page.form.confirm_button.click()
    assert page.form.problems.text() == CASE_FORM_PROBLEM["reason_missing"]
    page.form.reason.setText("申请人书面申请撤回")
    confirm(qtbot, page)
    assert page.status.text() == "申请人已撤回"
    assert row_texts(page.history, page.history.rowCount() - 1)[3:] == ["撤回", "申请人书面申请撤回"]


def test_a_database_error_says_so_and_keeps_what_was_filled_in(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.awaiting)
    with case_sessions.begin() as session:
        session.execute(
            text("CREATE TRIGGER refuse_history BEFORE INSERT ON case_history BEGIN SELECT RAISE(ABORT, 'disk'); END")
        )
    page.action_buttons[CaseEvent.DEFERRED_ARRIVED].click()
    for box in page.form.checkboxes.values():
        box.setChecked(True)
    with qtbot.assertNotEmitted(page.case_changed):
        page.form.confirm_button.click()
    assert page.notice.objectName() == "noticeError"
    assert page.notice.text().startswith("没有保存")
    assert page.form.isVisibleTo(page)
    assert all(box.isChecked() for box in page.form.checkboxes.values())
    view = stored(case_sessions, book.awaiting)
    assert view.status is CaseStatus.AWAITING_DEFERRED
    assert len(view.deferred_open()) == 2  # the whole action was rolled back

    with case_sessions.begin() as session:
        session.execute(text("DROP TRIGGER refuse_history"))
    confirm(qtbot, page)  # the same form, confirmed again
    assert page.status.text() == "审批中"


def test_a_case_moved_on_at_another_desk_is_shown_as_it_is_now(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.awaiting)
    page.action_buttons[CaseEvent.DEFERRED_ARRIVED].click()
    codes = set(page.form.checkboxes)
    other = signed_in(case_sessions, DESK_2, Role.CLERK)
    with case_sessions.begin() as session:
        fulfil_deferred(session, other, book.awaiting, codes, today())
    for box in page.form.checkboxes.values():
        box.setChecked(True)
    with qtbot.assertNotEmitted(page.case_changed):
        page.form.confirm_button.click()
    assert page.notice.text() == CASE_MOVED_MEANWHILE.format(status="审批中")
    assert page.status.text() == "审批中"
    assert not page.form.isVisibleTo(page)
    assert len(stored(case_sessions, book.awaiting).history) == 2  # the other desk's line only


@pytest.mark.parametrize(
    ("why", "said"),
    [
        (NotPossibleWhy.REASON_REQUIRED, "没有填写理由，不能办理：请填写理由"),
        (NotPossibleWhy.HAND_OVER_BY_ITS_STEP, NOT_POSSIBLE_PROGRAM),  # only a fault of the program: one sentence
    ],
)
def test_a_step_the_action_refuses_as_it_was_asked_is_said_in_words(
    qtbot: QtBot,
    case_sessions: sessionmaker[Session],
    book: Casebook,
    today: Clock,
    monkeypatch: pytest.MonkeyPatch,
    why: NotPossibleWhy,
    said: str,
) -> None:
    """Not the case moving on (which reads it again without a word): the refusal on the notice, the form kept."""

    def refused(*_args: object, **_kwargs: object) -> None:
        raise IntakeNotPossible(None, why=why)

    monkeypatch.setattr(take, "move_case", refused)
    page = open_page(qtbot, case_sessions, today, book.correction)
    page.action_buttons[CaseEvent.WITHDRAWN].click()
    page.form.reason.setText("申请人书面申请撤回")
    with qtbot.assertNotEmitted(page.case_changed):
        page.form.confirm_button.click()
    assert (page.notice.text(), page.notice.objectName()) == (said, "noticeError")
    assert page.form.isVisibleTo(page)
    assert stored(case_sessions, book.correction).status is CaseStatus.CORRECTION_ISSUED


def test_history_shows_local_time_desk_and_material_names(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.fulfilled)
    view = stored(case_sessions, book.fulfilled)
    assert column(page.history, 1) == ["1号窗口", "1号窗口"]
    assert column(page.history, 4)[0] == "容缺受理"  # the outcome code in words
    names = {m.code: m.name for m in view.materials}
    codes = view.history[-1].note.split("、")
    assert column(page.history, 4)[-1] == "、".join(names[c] for c in codes)
    assert DESK_1.clerk in column(page.history, 2)


def test_following_a_link_masks_the_id_numbers_again(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.later)
    page.full_id_button.click()
    page.fields["previous_case"].linkActivated.emit(book.resubmitted)
    view = stored(case_sessions, book.resubmitted)
    assert page.fields["applicant_id"].text() == mask_id(view.applicant_id_no)
    assert not page.full_id_button.isChecked()


def test_the_link_to_the_other_case_wraps_on_a_narrow_page_rather_than_being_cut(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.resubmitted)
    link = page.fields["later_case"]
    whole = link.fontMetrics().horizontalAdvance(book.later)
    assert link.minimumSizeHint().width() < whole * 3 // 4  # it may wrap after a hyphen


def test_esc_on_the_page_gives_up_the_open_form_first_then_closes_the_page(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.awaiting)
    page.action_buttons[CaseEvent.DEFERRED_ARRIVED].click()
    assert page.form.isVisibleTo(page)
    page.history.setFocus()  # the keyboard on the page, outside the form
    QTest.keyClick(page.history, Qt.Key.Key_Escape)
    assert not page.form.isVisibleTo(page)
    assert page.isVisible()
    QTest.keyClick(page.history, Qt.Key.Key_Escape)
    assert not page.isVisible()
    assert len(stored(case_sessions, book.awaiting).history) == 1  # nothing taken on the way


def test_a_form_whose_step_another_desk_took_closes_when_the_page_is_read_again(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.awaiting)
    page.action_buttons[CaseEvent.DEFERRED_ARRIVED].click()
    codes = set(page.form.checkboxes)
    other = signed_in(case_sessions, DESK_2, Role.CLERK)
    with case_sessions.begin() as session:
        fulfil_deferred(session, other, book.awaiting, codes, today())
    assert page.reload() is Loaded.SHOWN
    assert page.status.text() == "审批中"
    assert not page.form.isVisibleTo(page)
    assert CaseEvent.DEFERRED_ARRIVED not in visible_actions(page)


def test_history_says_a_menksoft_original_and_papers_left_unprinted_in_words(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    """A name typed in 蒙科立 codes keeps its original in the history, and papers the clerk left unprinted keep
    which and why: the page reads both in words, never the stored note."""
    from counter.actions.cases.unprinted_papers import waive_papers
    from counter.words.documents import DOC_TITLE
    from tests.ui.cases.casebook import DAY, DESK_1, take_deferral

    menksoft = "\ue2f2\ue289\ue2bc\ue2ec\ue289\ue2f9"  # ᠮᠣᠩᠭᠣᠯ as a 蒙科立 input method writes it
    case_no = take_deferral(case_sessions, DESK_1, DAY, menksoft, 90)
    at = dt.datetime.combine(DAY, dt.time(10)).astimezone()
    with case_sessions.begin() as session:
        waived = waive_papers(session, DESK_1, case_no, "申请人不需要", at)
    assert waived
    page = open_page(qtbot, case_sessions, today, case_no)
    events, notes = column(page.history, 3), column(page.history, 4)
    converted = notes[events.index(CASE_EVENT[CaseEvent.TEXT_CONVERTED])]
    assert converted == "申请人名称原为蒙科立编码：U+E2F2 U+E289 U+E2BC U+E2EC U+E289 U+E2F9"
    assert events[-1] == CASE_EVENT[CaseEvent.PAPERS_WAIVED]
    titles = "、".join(DOC_TITLE[kind.value] for kind in waived)
    assert notes[-1] == f"未打印：{titles}；原因：申请人不需要"
