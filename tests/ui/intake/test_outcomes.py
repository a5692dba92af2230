"""The live outcome and the commit: each of the four outcomes, and what stops or breaks a commit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.case.status import CaseStatus
from counter.db.case_store import case_view
from counter.db.draft_store import load_drafts
from counter.intake.outcome import Outcome, RefusalGround
from counter.ui.intake import IntakePanel
from counter.ui.intake.style import OUTCOME_COLOURS
from counter.words.intake import OUTCOME_SUMMARY, OUTCOME_SUMMARY_HELD
from tests.ui.intake.conftest import DESK, MakePanel
from tests.ui.intake.helpers import answer, commit, fill_person, press, ready
from tests.ui.shown_text import outcome_text


def outcome(panel: IntakePanel) -> Outcome | None:
    return panel.decision.outcome if panel.decision is not None else None


def shown(panel: IntakePanel) -> str:
    return outcome_text(panel.outcome_box)


def test_all_received_is_accepted_and_committing_stores_every_line(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    ready(qtbot, panel)
    assert outcome(panel) is Outcome.ACCEPT
    assert panel.outcome_box.headline.text() == "收件"  # the hall receives for the departments
    assert OUTCOME_COLOURS[Outcome.ACCEPT][0] in panel.outcome_box.headline.styleSheet()
    assert "申请材料齐全、符合法定形式" in shown(panel)
    assert "承诺办结日期：2025年3月13日" in shown(panel)  # five working days from Thursday 6 March
    assert panel.commit_button.text() == "收件，出具收件凭证\nCtrl+Enter"  # the hall only receives the items
    panel.drafts.save_now()
    case_no = commit(qtbot, panel)
    assert case_no.startswith("XAM01-20250306-08-")
    assert panel.case_no_label.text() == case_no
    assert panel.case_no_label.isVisible()
    assert not panel.commit_button.isVisible()
    assert not panel.parties_column.isEnabled()
    with sessions() as session:
        view = case_view(session, case_no)
        drafts = load_drafts(session, DESK.draft_key)
    assert view is not None
    assert view.status is CaseStatus.ACCEPTED
    assert view.applicant_name == "张海军"
    lines = {m.code: (m.receipt, m.originals, m.copies, m.medium) for m in view.materials}
    assert lines == {
        "M01": ("received", 1, 0, "paper"),
        "M04": ("received", 1, 1, "paper"),
        "M05": ("received", 1, 1, "paper"),
        "M06": ("received", 1, 0, "paper"),
        "M07": ("received", 1, 0, "paper"),
        "M08": ("received", 1, 0, "paper"),
        "M09": ("received", 1, 1, "paper"),
        "M12": ("missing", 0, 0, ""),
    }
    assert drafts == []  # taken in the same transaction as the case


def test_deferrable_materials_missing_with_the_promise_are_deferred(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    ready(qtbot, panel)
    press(qtbot, panel, "M08", Qt.Key.Key_3)
    press(qtbot, panel, "M09", Qt.Key.Key_3)
    assert outcome(panel) is Outcome.CORRECT
    assert "申请人未申请容缺受理" in shown(panel)
    QTest.keyClick(panel.deferral.asked, Qt.Key.Key_Space)  # the applicant asks
    assert outcome(panel) is Outcome.CORRECT
    assert "申请人未确认无不良信用记录，不能容缺受理" in shown(panel)
    assert "申请人未签署承诺书，不能容缺受理" in shown(panel)
    panel.deferral.no_bad_credit.setChecked(True)
    panel.deferral.pledge_signed.setChecked(True)
    assert outcome(panel) is Outcome.DEFER
    assert panel.outcome_box.headline.text() == "容缺收件"  # the hall receives; the departments decide
    # the guide's three working days (11 March), whole: 食品经营许可's promise moves to the case's 13 March instead
    assert "容缺材料到期日 2025年3月11日：食品安全管理制度文本" in shown(panel)
    assert "容缺材料到期日 2025年3月11日：从业人员健康证明" in shown(panel)
    assert panel.commit_button.text() == "收件，出具容缺后补材料告知书\nCtrl+Enter"
    case_no = commit(qtbot, panel)
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    assert view.status is CaseStatus.AWAITING_DEFERRED
    assert {m.code: m.due_on for m in view.deferred_open()} == {
        "M08": dt.date(2025, 3, 11),
        "M09": dt.date(2025, 3, 11),
    }


def test_one_required_material_missing_asks_for_correction_listing_it(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    ready(qtbot, panel)
    press(qtbot, panel, "M05", Qt.Key.Key_3)
    assert outcome(panel) is Outcome.CORRECT
    assert panel.decision is not None
    assert [m.code for m in panel.decision.missing] == ["M05"]
    assert panel.outcome_box.headline.text() == "一次性告知"  # the hall's 补齐材料告知书, no 补正 of its own
    assert "必要材料未提交：经营场所使用证明" in shown(panel)
    assert "补正期限：2025年3月27日" in shown(panel)
    assert panel.commit_button.text() == "出具补齐材料告知书\nCtrl+Enter"
    case_no = commit(qtbot, panel)
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    assert view.status is CaseStatus.CORRECTION_ISSUED
    assert view.correction_due == dt.date(2025, 3, 27)


def test_a_refusal_needs_its_ground_and_the_office_to_turn_to(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    fill_person(panel)
    panel.refusal.setChecked(True)
    assert outcome(panel) is Outcome.INCOMPLETE  # no ground chosen for the clerk
    assert "不予受理须选定法定理由" in shown(panel)
    # a refusal asks no material checked: the line says to see to what is listed, not to the materials
    assert panel.outcome_box.summary.text() == OUTCOME_SUMMARY_HELD
    panel.refusal.grounds[RefusalGround.NO_LICENCE_NEEDED].click()
    assert outcome(panel) is Outcome.INCOMPLETE  # found of the licences ticked, one by one
    panel.refusal.no_licence_boxes["152201-YJS008-02"].setChecked(True)
    # the window only receives: whether a licence is needed is the 市场监督管理局's to find, on its own 不予受理
    assert outcome(panel) is Outcome.INCOMPLETE
    assert "只负责收件，不作决定，也不退回申请材料" in shown(panel)
    assert "材料尚未核对完毕" not in shown(panel)
    assert "乌兰浩特市市场监督管理局" in shown(panel)
    panel.refusal.grounds[RefusalGround.NOT_IN_REMIT].click()
    assert panel.refusal.turn_to_line.isVisible()
    assert outcome(panel) is Outcome.INCOMPLETE
    assert "须逐项写明有权机关：“市场主体设立登记”应当向哪个行政机关申请" in shown(panel)
    assert not panel.commit_button.isEnabled()
    bodies = {
        "152201-YJS008-01": "呼伦贝尔市海拉尔区市场监督管理局",
        "152201-YJS008-02": "呼伦贝尔市海拉尔区市场监督管理局",
        "152201-YJS008-03": "呼伦贝尔市海拉尔区城市管理综合行政执法局",
    }
    for code, body in bodies.items():
        panel.refusal.turn_to_fields[code].insertPlainText(body)
    assert outcome(panel) is Outcome.INCOMPLETE  # the tax item is not yet told where to go
    assert "“新办纳税人涉税事项”应当向哪个行政机关申请" in shown(panel)
    bodies["152201-YJS008-04"] = "国家税务总局呼伦贝尔市海拉尔区税务局"
    panel.refusal.turn_to_fields["152201-YJS008-04"].insertPlainText(bodies["152201-YJS008-04"])
    assert outcome(panel) is Outcome.REFUSE
    assert panel.outcome_box.headline.text() == "申请事项告知"  # the window only receives: its paper refuses nothing
    case_no = commit(qtbot, panel)
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    assert view.status is CaseStatus.WITHDRAWN  # the window refused nothing: the applicant did not insist
    assert view.refusal_ground == "not_in_remit"
    assert view.turn_to == "\n".join(f"{code}：{body}" for code, body in bodies.items())


def test_commit_is_disabled_while_anything_is_pending_or_missing(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    fill_person(panel)
    answer(panel)
    assert not panel.commit_button.isEnabled()
    assert panel.outcome_box.headline.text() == "未完成"
    assert panel.commit_button.text() == "办结收件\nCtrl+Enter"  # nothing to name yet; the site only receives
    assert OUTCOME_COLOURS[Outcome.INCOMPLETE][0] in panel.outcome_box.headline.styleSheet()
    assert "尚未核对：经营场所使用证明" in shown(panel)
    assert panel.outcome_box.summary.text() == OUTCOME_SUMMARY[Outcome.INCOMPLETE]  # materials are what is left
    QTest.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    for code in ("M01", "M04", "M05", "M06", "M07", "M08"):
        press(qtbot, panel, code, Qt.Key.Key_1)
    assert not panel.commit_button.isEnabled()  # one line still pending
    press(qtbot, panel, "M09", Qt.Key.Key_1)
    assert panel.commit_button.isEnabled()
    panel.applicant_form.name.clear()
    assert not panel.commit_button.isEnabled()  # decided, but the applicant has no name
    assert "申请人姓名或名称：必须填写" in shown(panel)
    with sessions() as session:
        assert session.scalar(text('SELECT count(*) FROM "case"')) == 0


def test_ctrl_enter_commits(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    row = panel.checklist_view.row("M04")
    row.setFocus()
    with qtbot.waitSignal(panel.case_taken, timeout=10_000):
        QTest.keyClick(row, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.finished


def test_dates_beyond_the_holiday_data_are_flagged(qtbot: QtBot, make_panel: MakePanel) -> None:
    panel = make_panel(today=dt.date(2026, 12, 29))
    ready(qtbot, panel)
    assert panel.decision is not None
    assert panel.decision.beyond_calendar_data
    assert panel.outcome_box.beyond.isVisible()
    # which dates are provisional, and why: the warning names the last day of holiday data
    assert panel.outcome_box.beyond.text() == (
        "⚠ 节假日安排只到2026年12月31日，此后的日期按法定节假日推算，为暂定日期，"
        "以国务院办公厅公布的节假日安排为准（文书上注明）"
    )
    assert panel.outcome_box.beyond.text() in outcome_text(panel.outcome_box)


def test_before_the_situations_are_answered_the_box_asks_for_them_not_for_every_material(panel: IntakePanel) -> None:
    reasons = panel.outcome_box.reasons.text().split("<br>")
    assert reasons == [
        "• 尚未确认情形：以什么形式经营？",
        "• 尚未确认情形：是否委托他人代办？",
        "• 尚未确认情形：是否设置户外招牌？",
        "• 先回答办理情形，再逐项核对所需材料",
    ]
    answer(panel)
    assert "尚未核对：经营场所使用证明" in shown(panel)
    assert "先回答办理情形" not in shown(panel)
