"""An item's path from the case page: the window routes a case's items, a department's staff step theirs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.passwords import hash_password
from counter.access.roles import Actor, Role
from counter.actions.cases.item_authority import set_entrustment
from counter.actions.cases.item_steps import route_items
from counter.case.decisions import Validity
from counter.case.item_lines import item_paths, office_day
from counter.case.item_path import ItemEvent, ItemState, PauseReason, StepProblem, state_of
from counter.case.item_step_request import StepRequest
from counter.case.refusal_basis import RefusalBasis
from counter.case.status import CaseEvent, CaseStatus
from counter.db import models
from counter.documents.case_page import ItemLine
from counter.documents.kinds import DocumentKind
from counter.intake.outcome import RefusalGround
from counter.ui.cases.item_step import made_paper
from counter.ui.cases.words import CASE_ACTION, CASE_ITEM_APPROVED, ITEM_STEP_ACTION, ITEM_STEP_PAPER
from counter.words.cases import CASE_EVENT
from counter.words.items import ITEM_STATE, PAUSE_REASON, STEP_PROBLEM
from tests.ui.cases.casebook import DAY, DESK_1, SUPERVISOR, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import column, stored
from tests.ui.cases.test_item_decisions import item_row, open_page, tab_from

FOOD = "152201-YJS008-02"  # 食品经营许可, decided by the 市场监督管理局
SIGNBOARD = "152201-YJS008-03"  # 户外招牌设置审批, decided by the 城市管理综合行政执法局
MARKET = "乌兰浩特市市场监督管理局"
ROUTED_AT = dt.datetime.combine(DAY, dt.time(0, 0, 1)).astimezone()  # the desk's day, before any step of it


def signed_in(sessions: sessionmaker[Session], login: str, role: Role, department: str = "") -> Desk:
    """An account of ``role`` in the database (of ``department``, if given), signed in at desk 1."""
    with sessions.begin() as session:
        session.add(
            models.Account(
                login=login,
                name="乌兰",
                staff_no="1502",
                roles=role.value,
                password_hash=hash_password("mima2026ok"),
                department=department,
            )
        )
    return Desk(SUPERVISOR.identity, "乌兰", Actor(login, "乌兰", frozenset({role})))


def routed(sessions: sessionmaker[Session], case_no: str) -> None:
    with sessions.begin() as session:
        route_items(session, SUPERVISOR, case_no, ROUTED_AT)


def stored_state(sessions: sessionmaker[Session], case_no: str, code: str) -> ItemState | None:
    return state_of(item_paths(stored(sessions, case_no).history, office_day).get(code, []))


def press(button: QPushButton) -> None:
    """The way a clerk reaches a button: Tab to it, then Space."""
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)


def test_a_clerk_routes_the_items_of_a_small_restaurant_from_the_page(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    clerk = signed_in(case_sessions, "wulan", Role.CLERK)
    page = open_page(qtbot, case_sessions, today, book.accepted, clerk)
    route = page.action_buttons[CaseEvent.ITEM_ROUTED]
    assert route.isVisible()
    assert route.text() == CASE_ACTION[CaseEvent.ITEM_ROUTED] == "分发至实施部门"

    press(route)
    form = page.form
    assert form.isVisible()
    items = page.item_states.items
    assert len(items) == 4
    for item in items:  # what goes where, before it goes
        assert f"{item.name}（{item.department}）" in form.title.text()
    assert not form.reason.isVisible()  # nothing to fill in
    assert QApplication.focusWidget() is form.confirm_button
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.confirm_button, Qt.Key.Key_Return)

    assert not form.isVisible()
    states = column(page.item_states.table, 2)
    assert len(states) == 4
    assert all(s.startswith(ITEM_STATE[ItemState.ROUTED]) for s in states)  # an alert follows when a date is near
    assert page.notice.objectName() == "noticeOk"
    assert all(item.name in page.notice.text() for item in items)
    assert column(page.history, 3).count(CASE_EVENT[CaseEvent.ITEM_ROUTED]) == 4
    assert not route.isVisible()  # nothing is left to route
    assert not page.item_states.step_bar.isVisible()  # signing for is the departments'
    view = stored(case_sessions, book.accepted)
    assert view.status is CaseStatus.ACCEPTED
    assert {code: state_of(path) for code, path in item_paths(view.history, office_day).items()} == dict.fromkeys(
        (i.code for i in items), ItemState.ROUTED
    )


def test_routing_is_not_offered_for_a_case_out_of_the_halls_hands(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.refused, SUPERVISOR)  # 不予受理
    assert not page.action_buttons[CaseEvent.ITEM_ROUTED].isVisibleTo(page)


@pytest.mark.slow
def test_a_departments_staff_take_an_item_from_signing_for_to_approval_by_keyboard(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    routed(case_sessions, book.accepted)
    staff = signed_in(case_sessions, "bao", Role.DEPARTMENT, MARKET)
    page = open_page(qtbot, case_sessions, today, book.accepted, staff)
    states, form = page.item_states, page.item_step_form
    assert not any(b.isVisible() for b in page.action_buttons.values())  # the window's steps are not theirs
    assert not any(b.isVisible() for b in states.buttons.values())
    states.table.setFocus()
    QTest.keyClick(states.table, Qt.Key.Key_Down)  # ↓ chooses 食品经营许可
    chosen = states.chosen()
    assert chosen is not None
    assert chosen.code == FOOD
    bar = states.step_bar
    assert [e for e, b in bar.buttons.items() if b.isVisible()] == [ItemEvent.SIGNED]  # accepted at the window
    assert "食品经营许可" in bar.label.text()
    assert bar.buttons[ItemEvent.SIGNED].accessibleName() == "签收“食品经营许可”"
    assert tab_from(states.table) is bar.buttons[ItemEvent.SIGNED]

    def take(event: ItemEvent) -> None:
        press(bar.buttons[event])
        assert form.isVisible()
        assert form.title.text().startswith(ITEM_STEP_ACTION[event])
        focused = QApplication.focusWidget()
        assert focused is not None
        with qtbot.waitSignal(page.case_changed, timeout=5000):
            QTest.keyClick(focused, Qt.Key.Key_Return)
        assert not form.isVisible()
        assert page.notice.objectName() == "noticeOk"

    take(ItemEvent.SIGNED)
    assert item_row(page, FOOD)[2:] == [ITEM_STATE[ItemState.SIGNED], ""]
    visible = [e for e, b in bar.buttons.items() if b.isVisible()]
    assert visible == [ItemEvent.REVIEW_STARTED, ItemEvent.PAUSED, ItemEvent.EXTENDED, ItemEvent.APPROVED,
                       ItemEvent.DENIED]  # fmt: skip

    press(bar.buttons[ItemEvent.PAUSED])  # 暂停计时 without its reason: refused, in words, nothing kept
    assert QApplication.focusWidget() is form.pause
    with qtbot.assertNotEmitted(page.case_changed):
        QTest.keyClick(form.pause, Qt.Key.Key_Return)
    assert form.problems.text() == STEP_PROBLEM[StepProblem.NO_PAUSE_REASON]
    assert form.isVisible()
    assert stored_state(case_sessions, book.accepted, FOOD) is ItemState.SIGNED
    form.pause.setCurrentIndex(form.pause.findData(PauseReason.HEARING.value))
    form.reason.insert("申请人要求听证")
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.reason, Qt.Key.Key_Return)
    assert item_row(page, FOOD)[2:] == [ITEM_STATE[ItemState.PAUSED], PAUSE_REASON[PauseReason.HEARING]]

    take(ItemEvent.RESUMED)
    assert item_row(page, FOOD)[2:] == [ITEM_STATE[ItemState.REVIEWING], ""]

    press(bar.buttons[ItemEvent.EXTENDED])
    assert QApplication.focusWidget() is form.days
    form.days.setValue(5)
    form.approved_by.insert("王立新")
    form.reason.insert("听证后需现场核查")
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.reason, Qt.Key.Key_Return)
    assert item_row(page, FOOD)[2] == ITEM_STATE[ItemState.REVIEWING]
    assert not bar.buttons[ItemEvent.EXTENDED].isVisible()  # once (第四十二条)

    press(bar.buttons[ItemEvent.APPROVED])
    assert QApplication.focusWidget() is form.result_no
    QTest.keyClicks(form.result_no, "JY11522010012345")
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.result_no, Qt.Key.Key_Return)
    assert item_row(page, FOOD)[2:] == [CASE_ITEM_APPROVED, "JY11522010012345"]
    assert "食品经营许可" in page.notice.text()

    events = column(page.history, 3)
    steps = (CaseEvent.ITEM_SIGNED, CaseEvent.ITEM_PAUSED, CaseEvent.ITEM_RESUMED, CaseEvent.ITEM_EXTENDED,
             CaseEvent.ITEM_APPROVED)  # fmt: skip
    assert events[-len(steps) :] == [CASE_EVENT[e] for e in steps]
    notes = column(page.history, 4)
    assert "申请人要求听证" in notes[-4]
    assert "延长5个工作日，经王立新批准" in notes[-2]
    assert stored_state(case_sessions, book.accepted, FOOD) is ItemState.APPROVED
    assert stored(case_sessions, book.accepted).decisions()[FOOD].approved


def test_a_department_account_is_refused_another_departments_item_with_the_reason_shown(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    routed(case_sessions, book.accepted)
    staff = signed_in(case_sessions, "bao", Role.DEPARTMENT, MARKET)
    page = open_page(qtbot, case_sessions, today, book.accepted, staff)
    states = page.item_states
    states.table.selectRow([i.code for i in states.items].index(SIGNBOARD))
    press(states.step_bar.buttons[ItemEvent.SIGNED])
    with qtbot.assertNotEmitted(page.case_changed):
        QTest.keyClick(page.item_step_form.confirm_button, Qt.Key.Key_Return)
    deciding = item_row(page, SIGNBOARD)[1]
    assert deciding == "乌兰浩特市城市管理综合行政执法局"
    assert page.notice.text() == f"事项 户外招牌设置审批 由{deciding}作出决定，本账号不属于该部门，不能办理。"
    assert page.notice.objectName() == "noticeError"
    assert page.notice.isVisible()
    assert stored_state(case_sessions, book.accepted, SIGNBOARD) is ItemState.ROUTED
    assert item_row(page, SIGNBOARD)[2].startswith(ITEM_STATE[ItemState.ROUTED])


@pytest.mark.slow
def test_a_department_denies_its_licence_for_false_materials_from_the_page(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """The department's own 不予批准 may stand on 行政许可法 第七十八条: offered for a licence, recorded with it."""
    routed(case_sessions, book.accepted)
    staff = signed_in(case_sessions, "bao", Role.DEPARTMENT, MARKET)
    page = open_page(qtbot, case_sessions, today, book.accepted, staff)
    states, form = page.item_states, page.item_step_form
    states.table.setFocus()
    QTest.keyClick(states.table, Qt.Key.Key_Down)  # ↓ chooses 食品经营许可
    bar = states.step_bar
    press(bar.buttons[ItemEvent.SIGNED])
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.confirm_button, Qt.Key.Key_Return)
    press(bar.buttons[ItemEvent.DENIED])
    assert form.false_materials.isVisible()  # a licence: the ground is offered
    assert not form.false_materials.isChecked()
    form.reason.insert("提交的健康证明系伪造")
    form.false_materials.setChecked(True)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.reason, Qt.Key.Key_Return)
    decision = stored(case_sessions, book.accepted).decisions()[FOOD]
    assert (decision.approved, decision.text, decision.false_materials) == (False, "提交的健康证明系伪造", True)
    tax = ItemLine("152201-YJS008-04", "新办纳税人涉税事项", "国家税务总局乌兰浩特市税务局")
    form.open_for(ItemEvent.DENIED, tax)
    assert not form.false_materials.isVisible()  # any other item: not offered
    assert not form.request().false_materials


def test_a_departments_grant_keeps_its_licences_validity_and_refuses_one_ended_before_it(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """证照有效期限 with the 准予 (GB/T 39046-2020 表 8): chosen by keyboard, refused on the form before the day."""
    routed(case_sessions, book.accepted)
    staff = signed_in(case_sessions, "bao", Role.DEPARTMENT, MARKET)
    page = open_page(qtbot, case_sessions, today, book.accepted, staff)
    states, form = page.item_states, page.item_step_form
    states.table.setFocus()
    QTest.keyClick(states.table, Qt.Key.Key_Down)  # ↓ chooses 食品经营许可
    bar = states.step_bar
    press(bar.buttons[ItemEvent.SIGNED])
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.confirm_button, Qt.Key.Key_Return)
    press(bar.buttons[ItemEvent.APPROVED])
    assert QApplication.focusWidget() is form.result_no
    assert form.validity.isVisible()  # a licence: its 有效期限 is asked
    assert form.validity.currentText() == "证照未载明"
    assert not form.valid_until.isEnabled()
    QTest.keyClicks(form.result_no, "JY11522010012345")
    assert tab_from(form.result_no) is form.validity
    form.validity.setFocus()
    QTest.keyClick(form.validity, Qt.Key.Key_Down)  # ↓ 有效期至: the date is typed next
    assert form.validity.currentText() == "有效期至"
    assert form.valid_until.isEnabled()
    assert tab_from(form.validity) is form.valid_until
    form.valid_until.setDate(QDate(DAY.year, DAY.month, DAY.day).addDays(-1))  # the day before the 准予
    with qtbot.assertNotEmitted(page.case_changed):
        QTest.keyClick(form.valid_until, Qt.Key.Key_Return)
    assert form.isVisible()
    assert form.problems.text() == (
        "事项 食品经营许可 的证照有效期至 2026-11-19，早于准予决定的日期，不能录入：请核对证照上的有效期限"
        "（长期有效的请选“长期有效”）。"
    )
    assert FOOD not in stored(case_sessions, book.accepted).decisions()
    form.valid_until.setDate(QDate(2031, 11, 19))
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.valid_until, Qt.Key.Key_Return)
    assert item_row(page, FOOD)[2:] == [CASE_ITEM_APPROVED, "JY11522010012345（有效期至2031年11月19日）"]
    decision = stored(case_sessions, book.accepted).decisions()[FOOD]
    assert (decision.text, decision.validity) == ("JY11522010012345", Validity(dt.date(2031, 11, 19)))


def test_a_grant_of_what_is_no_licence_asks_no_validity(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.accepted, signed_in(case_sessions, "bao", Role.CLERK))
    form = page.item_step_form
    form.open_for(
        ItemEvent.APPROVED, ItemLine("152201-YJS008-04", "新办纳税人涉税事项", "国家税务总局乌兰浩特市税务局")
    )
    assert not form.validity.isVisible()
    assert form.request().validity is None
    form.open_for(ItemEvent.APPROVED, ItemLine(FOOD, "食品经营许可", MARKET, licence=True), DAY)
    QTest.keyClick(form.validity, Qt.Key.Key_End)  # 长期有效
    assert form.request().validity == Validity(None)


def test_a_department_refuses_to_accept_what_the_hall_received_from_the_page(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """Instead of its 签收, the department's 不予受理 with its reasons: the item closed as not accepted, its paper
    made in the department's name (an item the window accepted offers none: the test above)."""
    routed(case_sessions, book.accepted)
    with case_sessions.begin() as session:  # no 授权: the hall only received it, the 市场监督管理局 accepts
        set_entrustment(session, DESK_1, "XAM01", FOOD, "")
    staff = signed_in(case_sessions, "bao", Role.DEPARTMENT, MARKET)
    page = open_page(qtbot, case_sessions, today, book.accepted, staff)
    states, form = page.item_states, page.item_step_form
    states.table.setFocus()
    QTest.keyClick(states.table, Qt.Key.Key_Down)  # ↓ chooses 食品经营许可
    bar = states.step_bar
    offered = [e for e, b in bar.buttons.items() if b.isVisible()]
    assert offered == [ItemEvent.SIGNED, ItemEvent.CORRECTION, ItemEvent.REFUSED]  # 第三十二条's three answers
    press(bar.buttons[ItemEvent.REFUSED])
    assert form.title.text().startswith(ITEM_STEP_ACTION[ItemEvent.REFUSED])
    assert form.reason.isVisible()
    with qtbot.assertNotEmitted(page.case_changed):  # no reason: refused in words, nothing kept
        QTest.keyClick(form.reason, Qt.Key.Key_Return)
    assert form.problems.text() == STEP_PROBLEM[StepProblem.NO_REASON]
    assert stored_state(case_sessions, book.accepted, FOOD) is ItemState.ROUTED
    form.reason.insert("经营场所位于本市行政区域以外，不属于本机关管辖")
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.reason, Qt.Key.Key_Return)
    assert stored_state(case_sessions, book.accepted, FOOD) is ItemState.REFUSED
    decision = stored(case_sessions, book.accepted).decisions()[FOOD]
    assert (decision.approved, decision.not_accepted) == (False, True)
    assert item_row(page, FOOD)[2:] == [ITEM_STATE[ItemState.REFUSED], "经营场所位于本市行政区域以外，不属于本机关管辖"]
    # its paper was made by the step, numbered and not printed: the notice says so, and where to print it
    assert page.notice.text().endswith(ITEM_STEP_PAPER.format(paper="不予受理通知书", department=MARKET))
    assert "不予受理通知书（食品经营许可）" in column(page.documents.table, 0)
    with case_sessions() as session:
        kinds = set(session.scalars(select(models.DocumentRecord.kind)))
    assert "item_refusal.2" in kinds  # the department's 不予受理通知书, made by the step


def test_a_department_tells_its_correction_before_its_acceptance_from_the_page(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """Instead of its 签收, for now, the department's 补正 with all there is to correct: its paper made in its name;
    then only the 受理 or a 不予受理 is offered, no second 补正, and after the 受理 no pause for 补正."""
    routed(case_sessions, book.accepted)
    with case_sessions.begin() as session:  # no 授权: the hall only received it, the 市场监督管理局 accepts
        set_entrustment(session, DESK_1, "XAM01", FOOD, "")
    staff = signed_in(case_sessions, "bao", Role.DEPARTMENT, MARKET)
    page = open_page(qtbot, case_sessions, today, book.accepted, staff)
    states, form = page.item_states, page.item_step_form
    states.table.setFocus()
    QTest.keyClick(states.table, Qt.Key.Key_Down)  # ↓ chooses 食品经营许可
    bar = states.step_bar
    press(bar.buttons[ItemEvent.CORRECTION])
    assert form.reason.isVisible()
    with qtbot.assertNotEmitted(page.case_changed):  # nothing to correct named: refused in words, nothing kept
        QTest.keyClick(form.reason, Qt.Key.Key_Return)
    assert form.problems.text() == STEP_PROBLEM[StepProblem.NO_CORRECTION_LIST]
    form.reason.insert("经营场所使用证明未载明租赁期限，请补充载明租赁期限的租赁合同")
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.reason, Qt.Key.Key_Return)
    assert stored_state(case_sessions, book.accepted, FOOD) is ItemState.CORRECTING
    assert page.notice.text().endswith(ITEM_STEP_PAPER.format(paper="补正材料通知书", department=MARKET))
    assert bar.item == FOOD  # the page read again keeps the item chosen
    assert [e for e, b in bar.buttons.items() if b.isVisible()] == [ItemEvent.SIGNED, ItemEvent.REFUSED]
    reasons = [form.pause.itemData(i) for i in range(form.pause.count())]
    assert PauseReason.CORRECTION.value not in reasons  # after the 受理, 第四十五条's pauses only
    assert PauseReason.TENDER.value in reasons


def test_a_department_refuses_on_the_second_ground_naming_the_body_from_the_page(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """The 不予受理 form asks its ground; 第二项 needs the body with power, kept with the refusal."""
    routed(case_sessions, book.accepted)
    with case_sessions.begin() as session:  # no 授权: the hall only received it, the 市场监督管理局 accepts
        set_entrustment(session, DESK_1, "XAM01", FOOD, "")
    staff = signed_in(case_sessions, "bao", Role.DEPARTMENT, MARKET)
    page = open_page(qtbot, case_sessions, today, book.accepted, staff)
    states, form = page.item_states, page.item_step_form
    states.table.setFocus()
    QTest.keyClick(states.table, Qt.Key.Key_Down)  # ↓ chooses 食品经营许可
    press(states.step_bar.buttons[ItemEvent.REFUSED])
    assert form.ground.isVisible()
    assert form.ground.currentData() == ""  # another ground, until the department picks one
    form.ground.setCurrentIndex(form.ground.findData(RefusalGround.NOT_IN_REMIT))
    with qtbot.assertNotEmitted(page.case_changed):
        QTest.keyClick(form.reason, Qt.Key.Key_Return)
    assert form.problems.text() == STEP_PROBLEM[StepProblem.NO_AUTHORITY]
    form.authority.setText("科尔沁右翼前旗市场监督管理局")
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.reason, Qt.Key.Key_Return)
    decision = stored(case_sessions, book.accepted).decisions()[FOOD]
    assert decision.basis == RefusalBasis(RefusalGround.NOT_IN_REMIT, "科尔沁右翼前旗市场监督管理局")


def test_only_the_steps_that_make_a_paper_name_it() -> None:
    """A department's 不予受理 and its 补正 make their papers in its name; no other step makes one."""
    assert made_paper(StepRequest(ItemEvent.REFUSED, reason="不属于本机关管辖")) is DocumentKind.ITEM_REFUSAL
    assert made_paper(StepRequest(ItemEvent.CORRECTION, reason="租赁合同")) is DocumentKind.SUPPLEMENT
    assert made_paper(StepRequest(ItemEvent.PAUSED, pause=PauseReason.INSPECTION)) is None
    assert made_paper(StepRequest(ItemEvent.SIGNED)) is None


def test_a_grant_a_colleague_made_meanwhile_is_not_made_twice_and_the_page_shows_theirs(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """Two of the 市场监管局's staff on one item: the second's 准予, typed while the first's was saved, is refused,
    the page read again shows the item as decided with the first's number, and nothing is recorded twice."""
    from counter.actions.cases.item_steps import take_item_step

    routed(case_sessions, book.accepted)
    staff = signed_in(case_sessions, "bao", Role.DEPARTMENT, MARKET)
    with case_sessions.begin() as s:
        take_item_step(s, staff, book.accepted, FOOD, StepRequest(ItemEvent.SIGNED), ROUTED_AT)
    page = open_page(qtbot, case_sessions, today, book.accepted, staff)
    states, form = page.item_states, page.item_step_form
    states.table.setFocus()
    QTest.keyClick(states.table, Qt.Key.Key_Down)  # 食品经营许可
    press(states.step_bar.buttons[ItemEvent.APPROVED])
    QTest.keyClicks(form.result_no, "JY11522010099999")
    colleague = signed_in(case_sessions, "tana", Role.DEPARTMENT, MARKET)
    with case_sessions.begin() as s:
        granted = StepRequest(ItemEvent.APPROVED, result_no="JY11522010012345")
        take_item_step(s, colleague, book.accepted, FOOD, granted, ROUTED_AT)
    with qtbot.assertNotEmitted(page.case_changed):
        QTest.keyClick(form.result_no, Qt.Key.Key_Return)
    assert page.notice.objectName() == "noticeWarn"
    assert page.notice.text() == "食品经营许可 已经准予，不能再准予。"  # what it is now, said as a person says it
    assert not form.isVisible()
    assert item_row(page, FOOD)[2:] == [CASE_ITEM_APPROVED, "JY11522010012345"]
    assert column(page.history, 3).count(CASE_EVENT[CaseEvent.ITEM_APPROVED]) == 1
