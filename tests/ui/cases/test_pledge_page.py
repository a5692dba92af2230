"""告知承诺 on the case page: 035's 消防 item granted on the applicant's promise from the keyboard (its 告知承诺书 in
the preview); a 核查 that finds the promise false revokes nothing on the spot (消防法 第五十八条第二款: a correction is
ordered first by a day the brigade sets, then the applicant heard), each step and its paper from the page's buttons
for the account that holds the power; once revoked, the item reads 已撤销 with the day and the reason and its
撤销行政许可决定书 prints from the page (国办发〔2020〕42号; 行政许可法 第六十九条第二款)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Permission, Role
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.actions.intake.notice_pledges import grant_on_pledge
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.status import CaseEvent
from counter.ui.cases.case_page import CasePage
from counter.ui.cases.pledge_bar import PledgeAct, PledgeBar
from counter.ui.cases.pledge_false_steps import FalsePromiseSteps, FalseStep
from counter.ui.printing.preview_window import PreviewWindow, doc_title
from counter.ui.words import RUNNER_BUSY
from counter.words.access import not_permitted
from counter.words.cases import CASE_EVENT
from counter.words.pledges import PLEDGE_NOT_HERE, PLEDGE_REVOKE_ROLE, PLEDGE_REVOKED, PLEDGE_SIGN_FIRST
from tests.actions.test_notice_pledges import BRIGADE, FIRE, name_the_brigades_bodies, taken
from tests.entrusted import ENTERED, entrust_in
from tests.signed_in import add_account, signed_in
from tests.ui.called_back import Holding, in_the_event_loop, when
from tests.ui.cases.casebook import DESK_1, SUPERVISOR
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import column
from tests.ui.cases.test_item_decisions import item_row, open_page
from tests.ui.cases.test_item_steps_page import ROUTED_AT
from tests.ui.printing.helpers import pdf_text

FINDING = "核查发现场所二层疏散通道被封堵，与承诺内容不符。"


def choose_fire(page: CasePage) -> None:
    states = page.item_states
    states.table.setFocus()
    states.table.selectRow([i.code for i in states.items].index(FIRE))


@pytest.mark.slow
def enter_the_brigades(bar: PledgeBar) -> None:
    """Type the brigade's 文号 and officer of the grant the window enters for it, and confirm with Enter."""
    bar.department_no.setText(ENTERED.department_no)
    bar.officer.setText(ENTERED.officer)
    QTest.keyClick(bar.officer, Qt.Key.Key_Return)


def test_granted_on_a_promise_then_revoked_when_the_check_finds_it_false(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    entrust_in(case_sessions, DESK_1, FIRE)  # the brigade's written 授权: the window records its decision for it
    name_the_brigades_bodies(case_sessions, DESK_1)  # its 撤销决定书 names them
    case_no = taken(case_sessions, DESK_1)
    clerk = signed_in(case_sessions, DESK_1, Role.CLERK, login="clerk")  # a desk without accounts grants no promise
    page = open_page(qtbot, case_sessions, today, case_no, clerk)
    bar = page.pledges
    assert not bar.isVisible()  # 设立登记, the first item, is no 告知承诺 item
    choose_fire(page)
    assert bar.isVisible()
    grant = bar.buttons[PledgeAct.GRANT]
    assert [act for act, b in bar.buttons.items() if b.isVisible()] == [PledgeAct.GRANT]
    QTest.keyClick(grant, Qt.Key.Key_Space)
    assert BRIGADE in bar.question.text()
    # the licence's number first, as any 准予 asks it (optional); entered for the brigade under its 授权: its 文号
    # and officer asked too; Enter confirms, Esc gives up
    assert QApplication.focusWidget() is bar.result_no
    assert bar.department_no.isVisible()
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        enter_the_brigades(bar)
    [preview] = page.findChildren(PreviewWindow)
    [made] = preview.documents
    assert doc_title(made) == "告知承诺书"
    assert "国办发〔2020〕42号" in pdf_text(made.pdf)
    assert item_row(page, FIRE)[2] == "准予"
    choose_fire(page)  # the table went on to the next item waiting for its decision
    assert "核查期限 2026-12-18" in bar.state.text()
    assert "2026-12-18" in page.notice.text()
    # the clerk records a check kept, but a revocation is the supervisor's: the page says so
    shown = [act for act, b in bar.buttons.items() if b.isVisible()]
    assert shown == [PledgeAct.KEPT, PledgeAct.PAPER]
    assert bar.why.text() == PLEDGE_REVOKE_ROLE + not_permitted(Permission.DECIDE_DEFERRAL, True, False)
    page.close()

    supervisor = signed_in(case_sessions, SUPERVISOR)
    page = open_page(qtbot, case_sessions, today, case_no, supervisor)
    bar = page.pledges
    choose_fire(page)
    revoke = bar.buttons[PledgeAct.FALSE]
    assert revoke.isVisible()
    QTest.keyClick(revoke, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is bar.finding
    QTest.keyClick(bar.finding, Qt.Key.Key_Escape)  # gives the question up, not the page
    assert not bar.finding.isVisible()
    assert page.isVisible()
    QTest.keyClick(revoke, Qt.Key.Key_Space)
    QTest.keyClick(bar.finding, Qt.Key.Key_Return)  # no finding: refused, in words, nothing stored
    assert "核查发现的情况" in page.notice.text()
    assert bar.finding.isVisible()
    bar.finding.insert(FINDING)  # typed through the input method
    assert bar.correct_within.isVisible()  # 消防法 第五十八条第二款: a correction within days the brigade sets first
    bar.correct_within.setValue(7)
    assert bar.department_no.isVisible()  # the brigade's check, entered for it: its 文号 and officer asked too
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        enter_the_brigades(bar)
    choose_fire(page)
    steps = bar.false_steps
    # its order is made with the finding: nothing to hear or revoke while it is to be served and may be obeyed
    assert [s for s, b in steps.buttons.items() if b.isVisible()] == [FalseStep.SERVE, FalseStep.CORRECTION_PAPER]
    held = Holding(page._runner, "cases.pledge_paper")
    pressed: dict[str, Any] = {}

    def press_paper(application: QEventLoop) -> None:  # the press returns while the order is read
        QTest.keyClick(steps.buttons[FalseStep.CORRECTION_PAPER], Qt.Key.Key_Space)
        pressed["previews"] = page.findChildren(PreviewWindow)
        when(held.asked.is_set, lambda: press_again(application))

    def press_again(application: QEventLoop) -> None:
        QTest.keyClick(steps.buttons[FalseStep.CORRECTION_PAPER], Qt.Key.Key_Space)  # again meanwhile: said
        pressed["said"] = page.notice.text()
        held.release()
        when(lambda: bool(page.findChildren(PreviewWindow)), application.quit)

    in_the_event_loop(press_paper)
    assert pressed["previews"] == [], "the press waited for the paper"
    assert pressed["said"] == RUNNER_BUSY
    assert held.answered == 1
    ordered = next(w for w in page.findChildren(PreviewWindow) if doc_title(w.documents[0]) == "责令限期改正通知书")
    assert "自收到本通知书之日起7个工作日内改正" in pdf_text(ordered.documents[0].pdf).replace("\r\n", "")
    served_step(qtbot, page, "苏和")  # handed over that day: the period runs from it
    assert "改正期限 " in bar.state.text()
    page.close()

    today.day += dt.timedelta(days=14)  # not corrected: the 复查 says so, and the applicant may be heard
    page = open_page(qtbot, case_sessions, today, case_no, supervisor)
    bar = page.pledges
    choose_fire(page)
    steps = bar.false_steps
    assert [s for s, b in steps.buttons.items() if b.isVisible()] == [FalseStep.RECHECK, FalseStep.CORRECTION_PAPER]
    steps.recheck_found.setCurrentIndex(steps.recheck_found.findData("not_corrected"))
    steps.recheck_finding.insert("复查发现疏散通道仍被封堵。")
    assert steps.department_no.isVisible()
    assert steps.officer.isVisible()
    with qtbot.waitSignal(steps.refused, timeout=5000):  # the brigade's 复查 with neither: refused, naming both
        QTest.keyClick(steps.buttons[FalseStep.RECHECK], Qt.Key.Key_Space)
    assert "尚未填写：部门文号、承办人" in page.notice.text()
    assert steps.buttons[FalseStep.RECHECK].isVisible()  # nothing kept: the step still offered, what was typed kept
    assert steps.recheck_finding.text() == "复查发现疏散通道仍被封堵。"
    enter_the_steps(steps)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(steps.buttons[FalseStep.RECHECK], Qt.Key.Key_Space)
    choose_fire(page)
    assert [s for s, b in steps.buttons.items() if b.isVisible()] == [FalseStep.HEAR, FalseStep.CORRECTION_PAPER]
    steps.hear_within.setValue(5)
    enter_the_steps(steps)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(steps.buttons[FalseStep.HEAR], Qt.Key.Key_Space)
    choose_fire(page)
    assert not steps.buttons[FalseStep.REVOKE].isVisible()  # not before its notice is served and its period run out
    QTest.keyClick(steps.buttons[FalseStep.HEARING_PAPER], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(page.findChildren(PreviewWindow)) == 1, timeout=5000)
    heard = next(
        w for w in page.findChildren(PreviewWindow) if doc_title(w.documents[0]) == "撤销行政许可陈述申辩告知书"
    )
    heard_text = pdf_text(heard.documents[0].pdf).replace("\r\n", "")
    assert "自收到本告知书之日起5个工作日内" in heard_text
    assert f"本机关决定文号：{ENTERED.department_no}；承办人：{ENTERED.officer}" in heard_text
    served_step(qtbot, page, "苏和")
    assert not steps.department_no.isVisible()  # a paper's service is the hand-over's: asked no 文号
    page.close()

    today.day += dt.timedelta(days=10)
    page = open_page(qtbot, case_sessions, today, case_no, supervisor)
    bar = page.pledges
    choose_fire(page)
    enter_the_steps(bar.false_steps)
    with qtbot.waitSignal(page.case_changed, timeout=5000):  # nothing said within the period: both fields empty
        QTest.keyClick(bar.false_steps.buttons[FalseStep.REVOKE], Qt.Key.Key_Space)
    page.close()
    page = open_page(qtbot, case_sessions, today, case_no, supervisor)
    bar = page.pledges
    choose_fire(page)
    QTest.keyClick(bar.buttons[PledgeAct.REVOCATION], Qt.Key.Key_Space)
    revocation = next(w for w in page.findChildren(PreviewWindow) if doc_title(w.documents[0]) != "告知承诺书")
    text = pdf_text(revocation.documents[0].pdf)
    assert "撤销行政许可决定书" in text
    assert FINDING in text
    assert f"本机关决定文号：{ENTERED.department_no}；承办人：{ENTERED.officer}" in text.replace("\r\n", "")
    assert item_row(page, FIRE)[2:] == [PLEDGE_REVOKED, f"{today.day.isoformat()} 撤销：{FINDING}"]
    assert CASE_EVENT[CaseEvent.ITEM_REVOKED] in column(page.history, 3)
    name = next(i.name for i in page.item_states.items if i.code == FIRE)
    entry = f"（部门文号{ENTERED.department_no}，承办人{ENTERED.officer}）"
    assert column(page.history, 4)[-1] == f"{name}：{FINDING}{entry}"  # the item by its name, not its code
    choose_fire(page)
    assert "因承诺不实撤销许可" in bar.state.text()
    assert [act for act, b in bar.buttons.items() if b.isVisible()] == [PledgeAct.REVOCATION]
    QTest.keyClick(bar.buttons[PledgeAct.REVOCATION], Qt.Key.Key_Space)  # reprinted: the same paper
    papers = [w.documents[0].pdf for w in page.findChildren(PreviewWindow) if w is not revocation]
    assert revocation.documents[0].pdf in papers


def enter_the_steps(steps: FalsePromiseSteps) -> None:
    """Type the brigade's 文号 and officer of the step after a false promise the window enters for it."""
    assert steps.department_no.isVisible()
    steps.department_no.setText(ENTERED.department_no)
    steps.officer.setText(ENTERED.officer)


def served_step(qtbot: QtBot, page: CasePage, recipient: str) -> None:
    """The paper whose period runs next served by hand today on ``recipient``, from the row."""
    steps = page.pledges.false_steps
    choose_fire(page)
    assert steps.buttons[FalseStep.SERVE].isVisible()
    steps.serve_way.setCurrentIndex(steps.serve_way.findData("hand"))
    steps.serve_proof.insert(recipient)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(steps.buttons[FalseStep.SERVE], Qt.Key.Key_Space)
    choose_fire(page)


def test_an_account_without_the_bodys_standing_is_told_whose_it_is(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    case_no = taken(case_sessions, DESK_1)  # no 授权 recorded: the brigade decides its item itself
    page = open_page(qtbot, case_sessions, today, case_no, DESK_1)
    choose_fire(page)
    bar = page.pledges
    assert bar.isVisible()
    assert not any(b.isVisible() for b in bar.buttons.values())
    name = next(i.name for i in page.item_states.items if i.code == FIRE)
    assert bar.why.text() == PLEDGE_NOT_HERE.format(item=name, deciding=BRIGADE)


def signed_for(sessions: sessionmaker[Session], window: Desk, brigade: Desk, case_no: str) -> None:
    """The case's items routed by ``window``, the 消防 item signed for by ``brigade``, on the desk's day."""
    with sessions.begin() as s:
        route_items(s, window, case_no, ROUTED_AT)
    with sessions.begin() as s:
        take_item_step(s, brigade, case_no, FIRE, StepRequest(ItemEvent.SIGNED), ROUTED_AT)


def test_the_brigade_is_offered_the_grant_only_once_it_signed_for_the_item(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    """Where the hall only received the 消防 item, the brigade's 签收 is its 受理: before it, the page offers what a
    department may do before signing (签收, 补正, 不予受理) and says the grant comes after; once signed for, the
    grant."""
    case_no = taken(case_sessions, DESK_1)  # no 授权 recorded: the brigade accepts and decides its item itself
    with case_sessions.begin() as s:
        actor = add_account(s, "brigade", "消防员", Role.DEPARTMENT, department=BRIGADE)
    brigade = dataclasses.replace(DESK_1, actor=actor, clerk="消防员")
    with case_sessions.begin() as s:
        route_items(s, signed_in(case_sessions, DESK_1), case_no, ROUTED_AT)
    page = open_page(qtbot, case_sessions, today, case_no, brigade)
    choose_fire(page)
    bar, steps = page.pledges, page.item_states.step_bar
    name = next(i.name for i in page.item_states.items if i.code == FIRE)
    offered = [e for e, b in steps.buttons.items() if b.isVisible()]
    assert offered == [ItemEvent.SIGNED, ItemEvent.CORRECTION, ItemEvent.REFUSED]
    assert bar.isVisible()
    assert not any(b.isVisible() for b in bar.buttons.values())
    assert bar.why.text() == PLEDGE_SIGN_FIRST.format(item=name)
    QTest.keyClick(steps.buttons[ItemEvent.SIGNED], Qt.Key.Key_Space)  # its form: 确认 has the keyboard
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(page.item_step_form.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(bar.buttons[PledgeAct.GRANT].isVisible, timeout=5000)  # the case read again
    assert not bar.why.isVisible()
    assert not steps.buttons[ItemEvent.REFUSED].isVisible()  # signed for: accepted, no longer refused


@pytest.mark.slow
def test_the_brigades_own_account_takes_every_step_from_the_page(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    """In the default standing (no 授权, the hall holds nothing) the 消防救援大队's own staff, who hold no window role,
    find the promise false with the 改正期限, then tell the applicant of the hearing, then revoke, from the page."""
    case_no = taken(case_sessions, DESK_1)
    name_the_brigades_bodies(case_sessions, DESK_1)
    with case_sessions.begin() as s:
        actor = add_account(s, "brigade", "消防员", Role.DEPARTMENT, department=BRIGADE)
    brigade = dataclasses.replace(DESK_1, actor=actor, clerk="消防员")
    signed_for(case_sessions, signed_in(case_sessions, DESK_1), brigade, case_no)
    with case_sessions.begin() as s:
        grant_on_pledge(s, brigade, case_no, FIRE, today.day, result_no="乌消安检字〔2026〕第0123号")
    page = open_page(qtbot, case_sessions, today, case_no, brigade)
    bar = page.pledges
    choose_fire(page)
    assert bar.buttons[PledgeAct.FALSE].isVisible()  # its own item: no supervisor's role is asked of its staff
    QTest.keyClick(bar.buttons[PledgeAct.FALSE], Qt.Key.Key_Space)
    assert not bar.department_no.isVisible()  # its own act: asked no 文号 nor officer
    bar.finding.insert(FINDING)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(bar.finding, Qt.Key.Key_Return)
    served_step(qtbot, page, "苏和")
    page.close()
    today.day += dt.timedelta(days=14)
    page = open_page(qtbot, case_sessions, today, case_no, brigade)
    choose_fire(page)
    steps = page.pledges.false_steps
    steps.recheck_found.setCurrentIndex(steps.recheck_found.findData("still_not"))
    steps.recheck_finding.insert("复查发现安全出口仍上锁。")
    assert not steps.department_no.isVisible()
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(steps.buttons[FalseStep.RECHECK], Qt.Key.Key_Space)
    choose_fire(page)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(steps.buttons[FalseStep.HEAR], Qt.Key.Key_Space)
    served_step(qtbot, page, "苏和")
    page.close()
    today.day += dt.timedelta(days=10)
    page = open_page(qtbot, case_sessions, today, case_no, brigade)
    choose_fire(page)
    steps = page.pledges.false_steps
    steps.said.insert("已清走通道内货物")
    steps.answer.insert("复查时安全出口仍上锁，申辩不成立")
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(steps.buttons[FalseStep.REVOKE], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: item_row(page, FIRE)[2] == PLEDGE_REVOKED, timeout=5000)  # the case read again


def test_a_check_that_finds_the_promise_kept_is_recorded_said_and_read_on_the_item(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    """The usual end of a 告知承诺: the check finds the promise kept; the item says so with the day, the check is
    no longer asked, and its 告知承诺书 still prints."""
    from counter.words.pledges import PLEDGE_CHECKED

    entrust_in(case_sessions, DESK_1, FIRE)
    case_no = taken(case_sessions, DESK_1)
    clerk = signed_in(case_sessions, DESK_1, Role.CLERK, login="clerk")
    page = open_page(qtbot, case_sessions, today, case_no, clerk)
    bar = page.pledges
    choose_fire(page)
    QTest.keyClick(bar.buttons[PledgeAct.GRANT], Qt.Key.Key_Space)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        enter_the_brigades(bar)
    for preview in page.findChildren(PreviewWindow):
        preview.close()
    choose_fire(page)
    assert bar.item is not None
    name = bar.item.name
    granted = today.day.isoformat()
    today.day += dt.timedelta(days=10)
    QTest.keyClick(bar.buttons[PledgeAct.KEPT], Qt.Key.Key_Space)
    assert not bar.finding.isVisible()  # a kept promise asks no finding
    assert QApplication.focusWidget() is bar.department_no  # but the brigade's check, entered: its 文号 first
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        enter_the_brigades(bar)
    assert page.notice.text() == PLEDGE_CHECKED.format(item=name)
    choose_fire(page)
    assert bar.state.text() == f"“{name}”已于 {granted} 依告知承诺准予，{today.day.isoformat()} 核查属实。"
    assert [act for act, b in bar.buttons.items() if b.isVisible()] == [PledgeAct.PAPER]
    page.close()


def test_a_false_finding_where_the_site_has_not_named_the_brigades_review_body_says_what_is_missing(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    """An act is its paper: the 责令限期改正通知书 made with the finding names the brigade's 复议 body, so at a site
    that has not named it the finding is refused in words naming what the office settings lack, nothing recorded; once
    the body is named the same confirmation records it with its order."""
    from counter.documents.kinds import DocumentProblem
    from counter.words.documents import document_problems_text
    from tests.actions.test_notice_pledges import granted

    entrust_in(case_sessions, DESK_1, FIRE)
    case_no = taken(case_sessions, DESK_1)
    granted(case_sessions, DESK_1, case_no)
    admin = signed_in(case_sessions, DESK_1, Role.ADMIN, login="admin")
    supervisor = signed_in(case_sessions, SUPERVISOR)
    page = open_page(qtbot, case_sessions, today, case_no, supervisor)
    bar = page.pledges
    choose_fire(page)
    QTest.keyClick(bar.buttons[PledgeAct.FALSE], Qt.Key.Key_Space)
    bar.finding.insert(FINDING)
    QTest.keyClick(bar.finding, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.notice.objectName() == "noticeError", timeout=5000)
    bodies = ("兴安盟消防救援支队", "乌兰浩特市人民政府")  # the brigade's: its 支队 or the city's government
    problem = (DocumentProblem.REVIEW_BODY_UNNAMED,)
    assert page.notice.text() == document_problems_text(problem, (("乌兰浩特市消防救援大队", bodies),))
    assert not bar.false_steps.isVisible()  # nothing recorded
    name_the_brigades_bodies(case_sessions, admin)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        enter_the_brigades(bar)
    choose_fire(page)
    assert bar.false_steps.buttons[FalseStep.SERVE].isVisible()
