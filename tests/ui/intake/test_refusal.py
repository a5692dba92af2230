"""不予受理 is deliberate: no ground chosen beforehand, the notice read back before it is issued, Enter goes back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.case.status import CaseStatus
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.documents.item_law import refusal_basis
from counter.intake.outcome import Outcome, Refusal, RefusalGround
from counter.ui.cases.case_fields import CaseFields
from counter.ui.intake import IntakePanel
from counter.ui.intake.refusal_confirm import RefusalConfirmation
from counter.ui.keyboard.keys_on_screen import KeysOnScreen
from tests.entrusted import RESTAURANT_ITEMS, entrust_in
from tests.ui.drafts_read import pending, restored
from tests.ui.intake.conftest import DESK, TODAY, MakePanel
from tests.ui.intake.helpers import commit, fill_person, ready, refuse
from tests.ui.runners import runner_on
from tests.ui.shown_text import outcome_text

LONG_OFFICE = "兴安盟行政审批和政务服务局（兴安盟数据局）科尔沁右翼前旗分局食品经营许可审批科"
NOTICE_LINES = {  # 小餐馆: where the clerk sends each item, as the hall's 告知 prints it
    "有权机关": f"市场主体设立登记、食品经营许可、户外招牌设置审批、新办纳税人涉税事项：请向{LONG_OFFICE}申请。",
}
ITEMS = ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03", "152201-YJS008-04")


def stored(office: str) -> str:
    """The bodies as the case keeps them: the same one typed for every item (counter.intake.turn_to)."""
    return "\n".join(f"{code}：{office}" for code in ITEMS)


def cases_stored(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        count = session.scalar(text('SELECT count(*) FROM "case"'))
    assert isinstance(count, int)
    return count


def active(qtbot: QtBot, panel: IntakePanel) -> None:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)  # shortcuts go to the active window


def ask_to_commit(qtbot: QtBot, panel: IntakePanel) -> RefusalConfirmation:
    """Ctrl+Enter on a refusal: the confirmation, with the keyboard on 返回修改."""
    active(qtbot, panel)
    QTest.keyClick(panel.applicant_form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.confirmation
    assert dialog is not None
    assert dialog.isVisible()
    # on 返回修改, and taking keys: until the dialog's first turn on screen is through, keys wait for it, in order
    # (counter.ui.keyboard.keys_on_screen), and a Tab pressed then would not yet have moved the focus when looked at
    waiting = dialog.findChild(KeysOnScreen)
    assert waiting is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.back_button and not waiting._watching)
    return dialog


def test_no_ground_is_chosen_for_the_clerk(qtbot: QtBot, panel: IntakePanel) -> None:
    fill_person(panel)
    panel.refusal.setChecked(True)
    assert not any(button.isChecked() for button in panel.refusal.grounds.values())
    assert panel.refusal.ground() is None
    assert panel.form().refusal_ground is None
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.INCOMPLETE
    assert panel.commit_button.text() == "出具申请事项告知书\nCtrl+Enter"  # the hall only receives: it decides nothing
    assert not panel.commit_button.isEnabled()


def test_committing_without_a_ground_is_refused_and_the_cursor_goes_to_the_grounds(
    qtbot: QtBot, sessions: sessionmaker[Session], refusing_panel: IntakePanel
) -> None:
    panel = refusing_panel
    fill_person(panel)
    panel.refusal.setChecked(True)
    active(qtbot, panel)
    QTest.keyClick(panel.applicant_form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.message.isVisible()
    assert panel.message.text() == "请先选定不予受理的法定理由，再出具通知书。"
    first = panel.refusal.grounds[RefusalGround.NO_LICENCE_NEEDED]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    assert panel.confirmation is None
    assert not panel.committed
    assert cases_stored(sessions) == 0
    QTest.keyClick(first, Qt.Key.Key_Space)  # chosen from the keyboard where the cursor landed
    assert panel.refusal.ground() is RefusalGround.NO_LICENCE_NEEDED
    assert not panel.message.isVisible()
    assert not panel.commit_button.isEnabled()  # 第一项 waits for the licences it is found of
    panel.refusal.no_licence_boxes["152201-YJS008-02"].setChecked(True)
    assert panel.commit_button.isEnabled()


@pytest.mark.slow
def test_the_confirmation_repeats_the_notice_and_enter_goes_back(
    qtbot: QtBot, sessions: sessionmaker[Session], make_panel: MakePanel
) -> None:
    # the departments' 授权: three of them, who never refuse on one paper together (one paper, one body), so the
    # notice is the hall's 告知 and the dialog repeats its finding
    entrust_in(sessions, DESK, *RESTAURANT_ITEMS)
    panel = make_panel()  # the intake reads the site's standing as it opens
    fill_person(panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, LONG_OFFICE)
    dialog = ask_to_commit(qtbot, panel)
    assert dialog.isModal()
    assert {caption: label.text() for caption, label in dialog.lines.items()} == {
        "核对意见": "申请事项可能不属于所涉事项实施部门的职权范围",
        "有权机关": NOTICE_LINES["有权机关"],
    }
    assert dialog.back_button.isDefault()
    with qtbot.waitSignal(dialog.finished) as finished:
        QTest.keyClick(dialog.back_button, Qt.Key.Key_Return)
    assert finished.args == [QDialog.DialogCode.Rejected.value]
    assert not dialog.isVisible()
    assert not panel.committed
    assert cases_stored(sessions) == 0
    assert all(field.text() == LONG_OFFICE for field in panel.refusal.turn_to_fields.values())  # as it was
    dialog = ask_to_commit(qtbot, panel)
    with qtbot.waitSignal(dialog.rejected):
        QTest.keyClick(dialog.back_button, Qt.Key.Key_Escape)
    assert cases_stored(sessions) == 0


@pytest.mark.slow
def test_a_window_that_only_receives_confirms_its_notice_of_what_it_found(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    """No department entrusted the window: its paper is the 申请事项告知书, which decides nothing, and the dialog
    repeats that paper's finding, not a 不予受理通知书's reason and basis."""
    fill_person(panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, LONG_OFFICE)
    dialog = ask_to_commit(qtbot, panel)
    assert dialog.windowTitle() == "出具申请事项告知书"
    assert {caption: label.text() for caption, label in dialog.lines.items()} == {
        "核对意见": "申请事项可能不属于所涉事项实施部门的职权范围",
        "有权机关": NOTICE_LINES["有权机关"],
    }
    with qtbot.waitSignal(dialog.rejected):
        QTest.keyClick(dialog.back_button, Qt.Key.Key_Escape)
    assert cases_stored(sessions) == 0


def test_an_applicant_who_insists_goes_on_as_a_receipt_and_nothing_is_issued(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    """The window that only receives asks whether the applicant insists: Alt+K takes the refusal off and leaves the
    form to be taken as 收件; no 申请事项告知书, no case yet."""
    fill_person(panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, LONG_OFFICE)
    dialog = ask_to_commit(qtbot, panel)
    assert dialog.insist_button is not None
    assert dialog.insist_button.text() == "申请人坚持办理：按收件办理并转送(&K)"
    with qtbot.waitSignal(dialog.finished):
        QTest.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert not panel.refusal.isChecked()
    assert cases_stored(sessions) == 0


def insist(qtbot: QtBot, panel: IntakePanel) -> None:
    """Ctrl+Enter on the refusal, and Alt+K: the applicant insists."""
    dialog = ask_to_commit(qtbot, panel)
    with qtbot.waitSignal(dialog.finished):
        QTest.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)


def test_the_finding_insisted_on_goes_with_the_receipt_and_the_case_keeps_it(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    """Insisting, the 收件 request carries the finding the applicant insisted on, so the case is kept as forwarded on
    insistence (counter.intake.outcome.forwarded_case): taken, not withdrawn, with the finding; a refusal
    ticked anew is the clerk's own again, asked again."""
    ready(qtbot, panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, LONG_OFFICE)
    insist(qtbot, panel)
    insisted = panel.request().refusal
    assert insisted is not None
    assert (insisted.ground, insisted.insists) == (RefusalGround.NOT_IN_REMIT, True)
    panel.refusal.setChecked(True)
    assert panel.request().refusal == Refusal(RefusalGround.NOT_IN_REMIT, stored(LONG_OFFICE))  # asked again
    insist(qtbot, panel)
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.ACCEPT
    case_no = commit(qtbot, panel)
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    assert view.status is CaseStatus.ACCEPTED  # received and forwarded, never withdrawn
    assert (view.refusal_ground, view.outcome) == ("not_in_remit", "accept")
    fields = CaseFields()  # the case's page: the finding, named as what the window found, never as a refusal's
    qtbot.addWidget(fields)
    fields.show_case(view, panel.bundle.situations, may_see_full=False, received=True)
    assert fields.keys["refusal_ground"].text().startswith("窗口核对意见（申请人坚持办理，已按收件转送实施部门）")
    assert fields.fields["refusal_ground"].text() == "申请事项依法不属于本行政机关职权范围"


@pytest.mark.slow
def test_a_restored_form_keeps_the_finding_insisted_on_and_is_not_asked_again(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    """The form is saved once the applicant insists; put back after a crash, it is the same form: the refusal off,
    the finding kept, and its commit takes the materials as 收件 without the confirmation asking again."""
    ready(qtbot, panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, LONG_OFFICE)
    with qtbot.waitSignal(panel.draft_saved, timeout=5_000):
        insist(qtbot, panel)
    info = pending(runner_on(sessions), DESK)
    assert info is not None
    assert info.draft is not None
    assert info.draft.insisted
    again = restored(runner_on(sessions), DESK, info.draft, lambda: TODAY)
    qtbot.addWidget(again)
    again.show()
    assert not again.refusal.isChecked()
    assert again.form() == panel.form()
    assert again.request().refusal == Refusal(RefusalGround.NOT_IN_REMIT, stored(LONG_OFFICE), insists=True)
    assert again.decision is not None
    assert again.decision.outcome is Outcome.ACCEPT
    case_no = commit(qtbot, again)
    assert again.confirmation is None  # not asked again
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    assert view.status is CaseStatus.ACCEPTED  # received and forwarded
    assert (view.refusal_ground, view.outcome) == ("not_in_remit", "accept")


def test_a_window_that_only_receives_shows_no_red_refusal(
    qtbot: QtBot, sessions: sessionmaker[Session], make_panel: MakePanel
) -> None:
    """Its paper says it refuses nothing: the headline says 申请事项告知, not a red 不予受理.  Entrusted by every
    department of the bundle, a refusal of several departments' items together is still no one body's act (one
    paper per issuing body, :func:`counter.documents.acceptance.hall_accepts`): the hall's 告知 again, never red
    (from the next intake: an intake reads the site's standing as it opens, and its commit as it commits)."""
    panel = make_panel()
    fill_person(panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, LONG_OFFICE)
    box = panel.outcome_box
    assert box.headline.text() == "申请事项告知"
    assert "#c53030" not in box.headline.styleSheet()  # the refusal's red
    assert "本窗口只负责收件，不作决定" in box.summary.text()
    assert "不予受理" not in box.summary.text() + box.reasons.text()
    entrust_in(sessions, DESK, *RESTAURANT_ITEMS)
    panel = make_panel()
    fill_person(panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, LONG_OFFICE)
    box = panel.outcome_box
    assert box.headline.text() == "申请事项告知"
    assert "#c53030" not in box.headline.styleSheet()


@pytest.mark.slow
@pytest.mark.parametrize("keys", ["tab-enter", "alt-y"])
def test_choosing_to_issue_commits_the_words_shown(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel, keys: str
) -> None:
    fill_person(panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, f"  {LONG_OFFICE} ")
    dialog = ask_to_commit(qtbot, panel)
    assert dialog.lines["有权机关"].text() == NOTICE_LINES["有权机关"]  # as stored: trimmed
    with qtbot.waitSignal(panel.case_taken, timeout=10_000) as taken:
        if keys == "tab-enter":
            QTest.keyClick(dialog.back_button, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is dialog.confirm_button
            QTest.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
        else:
            QTest.keyClick(dialog, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    with sessions() as session:
        view = case_view(session, taken.args[0])
    assert view is not None
    assert view.status is CaseStatus.WITHDRAWN  # the applicant, told the finding, did not insist
    assert (view.refusal_ground, view.turn_to) == ("not_in_remit", stored(LONG_OFFICE))


def test_the_office_field_shows_a_long_name_whole_and_keeps_it_one_line(qtbot: QtBot, panel: IntakePanel) -> None:
    fill_person(panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT)
    assert list(panel.refusal.turn_to_fields) == list(ITEMS)  # a box for each item, in the guide's order
    *others, field = panel.refusal.turn_to_fields.values()
    for other in others:
        other.setPlainText(LONG_OFFICE)
    assert field.isVisible()
    assert field.height() >= 2 * field.fontMetrics().lineSpacing()
    column = panel.refusal.contentsRect().width()
    assert field.width() >= column * 0.8  # the column's width, not a box beside two labels
    field.insertPlainText("兴安盟")
    QTest.keyClick(field, Qt.Key.Key_Return)  # no line break in a name
    clipboard = QApplication.clipboard()
    clipboard.setText("科尔沁右翼前旗\n市场监督管理局")
    field.paste()
    assert field.text() == "兴安盟科尔沁右翼前旗市场监督管理局"
    field.setPlainText(LONG_OFFICE)
    qtbot.waitUntil(lambda: field.verticalScrollBar().maximum() == 0)  # all of it in view
    assert field.horizontalScrollBar().maximum() == 0
    assert panel.decision is not None
    assert panel.decision.turn_to == stored(LONG_OFFICE)
    field.setPlainText("   ")  # validated as before: blank is no office, and the item is named
    assert panel.decision.outcome is Outcome.INCOMPLETE
    assert "须逐项写明有权机关：“新办纳税人涉税事项”应当向哪个行政机关申请" in outcome_text(panel.outcome_box)


def test_a_bundle_without_a_licence_is_not_refused_under_the_licensing_law(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    with sessions() as session:
        benefit = current_guide(session, "XAM-YJS-078")  # 最低生活保障: a 行政给付, no 行政许可 among its items
    assert benefit is not None
    items = benefit.bundle.items
    dialog = RefusalConfirmation(RefusalGround.NOT_IN_REMIT, "", items)
    qtbot.addWidget(dialog)
    basis = dialog.lines["依据"].text().splitlines()
    assert not any("行政许可法" in line for line in basis)
    assert basis == [f"{item.name}：本事项设定依据：{item.legal_basis}" for item in items]  # each its own
    assert basis == [f"{item.name}：{refusal_basis(item, RefusalGround.NOT_IN_REMIT)}" for item in items]  # as printed


def test_the_boxes_follow_the_items_applied_for(qtbot: QtBot, panel: IntakePanel) -> None:
    """No signboard: no 户外招牌 item, so no box asks where to apply for it; a box hidden keeps what was typed."""
    fill_person(panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, LONG_OFFICE)
    signboard = panel.refusal.turn_to_fields["152201-YJS008-03"]
    assert signboard.isVisible()
    panel.situations.option_button("signboard", "no").click()
    assert not signboard.isVisible()
    assert [code for code, field in panel.refusal.turn_to_fields.items() if field.isVisible()] == [
        "152201-YJS008-01",
        "152201-YJS008-02",
        "152201-YJS008-04",
    ]
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.REFUSE
    assert "152201-YJS008-03" not in panel.decision.turn_to
    panel.situations.option_button("signboard", "yes").click()
    assert signboard.isVisible()
    assert signboard.text() == LONG_OFFICE


@pytest.mark.slow
def test_a_hall_holding_the_items_confirms_where_each_applies_and_keeps_it(
    qtbot: QtBot, sessions: sessionmaker[Session], refusing_panel: IntakePanel
) -> None:
    """第二项 at a hall that holds the items' power: the confirmation before the refusal is issued names, for each
    body the clerk typed, the items to apply for there (as the notice prints it), and the case keeps them."""
    panel = refusing_panel
    fill_person(panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, "")
    offices = {
        code: "兴安盟市场监督管理局" if code != "152201-YJS008-04" else "国家税务总局乌兰浩特市税务局"
        for code, field in panel.refusal.turn_to_fields.items()
        if field.isVisibleTo(panel.refusal)
    }
    for code, office in offices.items():
        panel.refusal.turn_to_fields[code].insertPlainText(office)
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.REFUSE
    with qtbot.waitSignal(panel.case_taken, timeout=10_000) as taken:
        QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
        confirmation = panel.confirmation
        assert confirmation is not None
        assert confirmation.isVisible()
        said = confirmation.lines["有权机关"].text().splitlines()
        QTest.mouseClick(confirmation.confirm_button, Qt.MouseButton.LeftButton)
    names = {item.code: item.name for item in panel.bundle.items}
    market = [names[code] for code, office in offices.items() if office == "兴安盟市场监督管理局"]
    assert len(said) == 2
    assert all(name in said[0] for name in market)
    assert "兴安盟市场监督管理局" in said[0]
    assert names["152201-YJS008-04"] in said[1]
    assert "国家税务总局乌兰浩特市税务局" in said[1]
    with sessions() as session:
        view = case_view(session, taken.args[0])
    assert view is not None
    assert view.turn_to == panel.decision.turn_to
    assert "国家税务总局乌兰浩特市税务局" in view.turn_to
