"""Never lose typing: the form saved as the clerk types, offered back, restored exactly."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.db.draft_store import load_drafts, save_draft
from counter.intake.draft import DraftProblemCode, draft_from_json
from counter.intake.outcome import Outcome, RefusalGround
from counter.intake.parties import Delivery
from counter.ui.intake import IntakePanel
from counter.ui.intake.draft_keeper import DRAFT_DELAY_MS
from counter.words.database import DB_FAULT
from tests.ui.drafts_read import discarded, pending, restored
from tests.ui.intake.conftest import DESK, TODAY, MakePanel
from tests.ui.intake.helpers import AGENT_ID, answer, commit, fill_person, press, refuse
from tests.ui.intake.test_no_licence_choice import FOOD
from tests.ui.runners import runner_on


def stored_draft(sessions: sessionmaker[Session]) -> str | None:
    with sessions() as session:
        found = load_drafts(session, DESK.draft_key)
    assert len(found) <= 1, "one intake, one draft"
    return found[0][2] if found else None


@pytest.mark.slow
def test_the_draft_is_saved_a_moment_after_typing(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    assert panel.drafts.timer.interval() == DRAFT_DELAY_MS
    with qtbot.waitSignal(panel.draft_saved, timeout=5_000):
        QTest.keyClicks(panel.applicant_form.phone, "13904821234")
    saved = stored_draft(sessions)
    assert saved is not None
    assert draft_from_json(saved).applicant.phone == "13904821234"
    assert panel.status.text().startswith("草稿已保存")


def busy_form(qtbot: QtBot, panel: IntakePanel) -> None:
    """A form with something in every part, half finished, as a clerk leaves it."""
    fill_person(panel, name="王䶮")
    answer(panel, {"operator": "individual", "agent": "agent"})
    agent = panel.agent_form
    agent.setChecked(True)
    agent.id_field.edit.setText(AGENT_ID)
    agent.name.setText("李𬭚")
    agent.authorisation.setText("授权委托书一份")
    panel.delivery_form.buttons["post"].click()
    panel.delivery_form.address.setText("兴安北大路1号")
    panel.delivery_form.notify_phone.setText("15148201234")
    press(qtbot, panel, "M04", Qt.Key.Key_1)
    panel.checklist_view.row("M04").details.copies.setValue(3)
    press(qtbot, panel, "M05", Qt.Key.Key_2)
    panel.checklist_view.row("M05").note.insert("租赁合同未签字")
    press(qtbot, panel, "M08", Qt.Key.Key_3)
    panel.deferral.asked.setChecked(True)
    panel.deferral.pledge_signed.setChecked(True)
    panel.refusal.grounds[RefusalGround.NOT_IN_REMIT].click()
    panel.refusal.turn_to_fields["152201-YJS008-01"].setText("海拉尔区市场监督管理局")  # typed, box left off


@pytest.mark.slow
def test_a_draft_is_restored_into_a_new_panel_identically(
    qtbot: QtBot, sessions: sessionmaker[Session], make_panel: MakePanel
) -> None:
    first = make_panel(previous_case_no="XAM01-20250301-08-0003")
    busy_form(qtbot, first)
    with qtbot.waitSignal(first.draft_saved, timeout=5_000):
        pass
    info = pending(runner_on(sessions), DESK)
    assert info is not None
    assert info.draft is not None
    assert info.problem is None
    assert info.draft == first.form()
    local = info.saved_at.astimezone()
    assert info.offer_text() == f"上次未完成的受理（保存于 {local:%H:%M}）：我要开小餐馆（50平方米以下），王䶮"
    again = restored(runner_on(sessions), DESK, info.draft, lambda: TODAY)
    qtbot.addWidget(again)
    again.show()
    assert again.form() == first.form()
    rows = again.checklist_view.rows.values()
    assert rows
    assert all(row.isVisible() for row in rows)  # made before the window showed, shown with it
    assert again.applicant_form.name.text() == "王䶮"
    assert again.resubmission.text() == "补正后重新提交，原办件：XAM01-20250301-08-0003"
    assert again.situations.option_button("agent", "agent").isChecked()
    assert again.checklist_view.row("M05").note.text() == "租赁合同未签字"
    assert again.checklist_view.row("M04").details.copies.value() == 3
    assert again.delivery_form.delivery() is Delivery.POST
    assert again.refusal.turn_to_fields["152201-YJS008-01"].text() == "海拉尔区市场监督管理局"
    assert again.refusal.turn_to_fields["152201-YJS008-02"].text() == ""
    assert not again.refusal.isChecked()
    assert again.decision == first.decision
    assert again.decision is not None
    assert again.decision.outcome is Outcome.INCOMPLETE
    assert not again.drafts.timer.isActive()  # restoring is not typing


@pytest.mark.slow
def test_restoring_does_not_fill_from_earlier_cases(
    qtbot: QtBot, sessions: sessionmaker[Session], make_panel: MakePanel
) -> None:
    taken = make_panel()
    fill_person(taken)
    refuse(taken)
    commit(qtbot, taken)  # the applicant is now known, with a phone
    first = make_panel()
    first.applicant_form.id_field.edit.setText(taken.applicant_form.id_field.text())
    first.applicant_form.phone.clear()  # filled by 一证办理, then cleared by the clerk
    assert first.drafts.save_now()
    info = pending(runner_on(sessions), DESK)
    assert info is not None
    assert info.draft is not None
    again = restored(runner_on(sessions), DESK, info.draft, lambda: TODAY)
    qtbot.addWidget(again)
    assert again.applicant_form.phone.text() == ""


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"format": 1, "applicant": {"name": "王', "草稿内容已损坏"),
        (json.dumps({"format": 7}), "草稿由其他版本的程序保存"),
        (json.dumps({"format": 1, "entries": []}), "草稿缺少或写错了“bundle_code”"),
    ],
)
def test_a_corrupted_draft_is_discarded_with_a_message(
    sessions: sessionmaker[Session], content: str, reason: str
) -> None:
    with sessions.begin() as session:
        save_draft(session, DESK.draft_key, "a" * 32, content)
    info = pending(runner_on(sessions), DESK)
    assert info is not None
    assert info.draft is None
    assert info.problem_text() == f"上次未完成的受理草稿无法恢复，已丢弃：{reason}"
    assert stored_draft(sessions) is None
    assert pending(runner_on(sessions), DESK) is None  # the next start is clean


def test_a_draft_whose_guide_version_is_gone_is_discarded(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    fill_person(panel)
    assert panel.drafts.save_now()
    saved = stored_draft(sessions)
    assert saved is not None
    with sessions.begin() as session:
        gone = saved.replace('"guide_version_id": ', '"guide_version_id": 9999')
        save_draft(session, DESK.draft_key, panel.uid, gone)
    info = pending(runner_on(sessions), DESK)
    assert info is not None
    assert info.problem is DraftProblemCode.GUIDE_MISSING
    assert "所依据的指南版本已不存在" in info.problem_text()


def test_committing_drops_the_draft_and_saves_no_new_one(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    fill_person(panel)
    refuse(panel)
    assert panel.drafts.timer.isActive()
    commit(qtbot, panel)
    assert not panel.drafts.timer.isActive()
    assert not panel.drafts.save_now()
    assert stored_draft(sessions) is None


def test_cancelling_asks_twice_then_drops_the_draft(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    fill_person(panel)
    assert panel.drafts.save_now()
    QTest.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert panel.cancel_button.text() == "确认放弃？再按一次"
    assert stored_draft(sessions) is not None
    with qtbot.waitSignal(panel.cancelled, timeout=5_000):
        QTest.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert stored_draft(sessions) is None
    assert not panel.isVisible()


def test_typing_after_a_first_cancel_press_disarms_it(qtbot: QtBot, panel: IntakePanel) -> None:
    QTest.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    panel.applicant_form.name.setText("张")
    assert panel.cancel_button.text() == "放弃本次收件"  # the site only receives: its act is 收件
    assert not panel.cancel_armed


def test_closing_the_window_saves_what_is_waiting(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    panel.applicant_form.name.setText("张海军")
    assert panel.drafts.timer.isActive()
    assert stored_draft(sessions) is None
    panel.close()  # the question comes up, and the draft is written before it
    saved = stored_draft(sessions)
    assert saved is not None
    assert draft_from_json(saved).applicant.name == "张海军"


def test_a_filled_intake_asks_before_closing_and_an_empty_one_does_not(qtbot: QtBot, make_panel: MakePanel) -> None:
    empty = make_panel()
    empty.close()
    assert not empty.isVisible()
    assert empty.close_question is None

    filled = make_panel()
    filled.applicant_form.name.setText("张海军")
    filled.close()  # as Alt+F4 or the title bar's button close it
    question = filled.close_question
    assert question is not None
    qtbot.waitUntil(question.isVisible)
    assert filled.isVisible()
    with qtbot.waitSignal(filled.closed):
        QTest.keyClick(question, Qt.Key.Key_Return)  # 关闭，保留草稿: the default
    assert not filled.isVisible()


def test_the_clerk_can_discard_the_offered_draft(sessions: sessionmaker[Session], panel: IntakePanel) -> None:
    panel.applicant_form.name.setText("张海军")
    assert panel.drafts.save_now()
    discarded(runner_on(sessions), DESK, panel.uid)
    assert pending(runner_on(sessions), DESK) is None


def test_a_draft_that_cannot_be_saved_is_said_and_the_form_kept(
    sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    with sessions.begin() as session:
        session.execute(text("DROP TABLE intake_draft"))
    panel.applicant_form.name.setText("张海军")
    assert not panel.drafts.save_now()
    assert panel.status.text() == f"草稿未能保存（{DB_FAULT['other']}）；表单内容仍在本窗口中，请暂勿关闭窗口"
    assert panel.applicant_form.name.text() == "张海军"


def test_a_saved_time_is_shown_in_local_time(sessions: sessionmaker[Session], panel: IntakePanel) -> None:
    before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    panel.applicant_form.name.setText("张海军")
    assert panel.drafts.save_now()
    info = pending(runner_on(sessions), DESK)
    assert info is not None
    assert info.saved_at.tzinfo is not None
    assert before <= info.saved_at <= dt.datetime.now(dt.UTC)


@pytest.mark.slow
def test_a_refusal_for_a_licence_not_needed_is_restored_with_its_items_ticked(
    qtbot: QtBot, sessions: sessionmaker[Session], refusing_panel: IntakePanel
) -> None:
    """不予受理 because an item needs no licence (第三十二条第一款第一项), the item ticked, left unfinished: the
    restored form refuses on the same ground for the same item, not for none (which is no refusal at all)."""
    first = refusing_panel
    fill_person(first)
    first.refusal.setChecked(True)
    first.refusal.grounds[RefusalGround.NO_LICENCE_NEEDED].click()
    with qtbot.waitSignal(first.draft_saved, timeout=5_000):
        first.refusal.no_licence_boxes[FOOD].setChecked(True)
    assert first.decision is not None
    assert first.decision.outcome is Outcome.REFUSE
    info = pending(runner_on(sessions), DESK)
    assert info is not None
    assert info.draft is not None
    again = restored(runner_on(sessions), DESK, info.draft, lambda: TODAY)
    qtbot.addWidget(again)
    again.show()
    assert again.refusal.isChecked()
    assert again.refusal.ground() is RefusalGround.NO_LICENCE_NEEDED
    assert again.refusal.no_licence_line.isVisible()
    assert [code for code, box in again.refusal.no_licence_boxes.items() if box.isChecked()] == [FOOD]
    assert again.form() == first.form()
    assert again.decision == first.decision
