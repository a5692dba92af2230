"""重新提交（补正后）: the applicant back with the papers a 补正通知书 listed finds the first visit carried.

The first visit is a company's 我要开小餐馆 by an agent with his ID and 委托书, three situations answered and 13
lines: eight received, two defective (with their notes), two 容缺 materials not handed in, the optional 营业执照
not handed in.  The desk's 重新提交（补正后） opens the answer's intake with all of it, the keyboard on the first
line the notice listed; the clerk keys only those four lines and Ctrl+Enter.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from benchmarks.bench_keystrokes import Keyboard
from counter.actions.cases.case_reads import case_view
from counter.case.status import CaseStatus
from counter.intake.checklist import Receipt, ReceivedMedium
from counter.intake.outcome import Outcome, RefusalGround
from counter.ui.mainwindow.desk_actions import DeskActions
from tests.codes import make_credit_code, make_org_code
from tests.ui.intake.conftest import BUNDLE, DESK, TODAY, MakePanel
from tests.ui.intake.helpers import AGENT_ID, answer, commit, press, ready, refuse
from tests.ui.intake.test_refusal import LONG_OFFICE, insist
from tests.ui.runners import runner_on

COMPANY_CODE = make_credit_code("91152201" + make_org_code("MA0R5B2K"))
COMPANY_WITH_SIGNBOARD = {"operator": "company", "agent": "agent", "signboard": "yes"}
NOTES = {"M05": "租赁合同已过期", "M11": "缺负责人签字"}
LISTED = ("M05", "M08", "M09", "M11")  # what the 补正通知书 asked for: the lines the answer opens
#: the keys of the answer, the intake open to Ctrl+Enter: 1 on M05 (the keyboard on M06), Down, Down, 1 on M08,
#: 1 on M09 (on M10), Down, 1 on M11, Ctrl+Enter.  The blank form it opened before took 24 keys and 44 typed
#: characters to the same point (the credit code, the agent's ID number and the 委托书 typed, 一证办理 filling the
#: rest, the kind, the agent box and the three situations chosen, 全部已收取).
ANSWER_KEYS = 8


def first_visit(qtbot: QtBot, make_panel: MakePanel) -> str:
    """The 补正 of the first visit, as the clerk left it (filled directly: only the answer's keys are counted)."""
    panel = make_panel()
    form = panel.applicant_form
    form.kind_buttons["company"].click()
    form.id_field.edit.setText(COMPANY_CODE)
    form.name.setText("兴安盟草原好味餐饮有限公司")
    form.legal_rep.setText("包海军")
    form.phone.setText("04828261234")
    form.address.setText("乌兰浩特市兴安北大路18号")
    panel.agent_form.setChecked(True)
    panel.agent_form.id_field.edit.setText(AGENT_ID)
    panel.agent_form.name.setText("周代办")
    panel.agent_form.authorisation.setText("授权委托书第5号")
    answer(panel, COMPANY_WITH_SIGNBOARD)
    panel.checklist_view.all_received_button.click()
    for code, note in NOTES.items():
        press(qtbot, panel, code, Qt.Key.Key_2)
        panel.checklist_view.row(code).note.setText(note)
    for code in ("M08", "M09"):
        press(qtbot, panel, code, Qt.Key.Key_3)
    assert len(panel.checklist_view.rows) == 13
    return commit(qtbot, panel)


@pytest.mark.slow  # two commits, each previewed at every change: over two seconds
def test_the_answer_to_a_correction_opens_with_the_first_visit_and_takes_only_the_listed_papers(
    qtbot: QtBot, sessions: sessionmaker[Session], make_panel: MakePanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    corrected = first_visit(qtbot, make_panel)
    with sessions() as session:
        first = case_view(session, corrected)
    assert first is not None
    assert first.status is CaseStatus.CORRECTION_ISSUED
    window = QWidget()
    qtbot.addWidget(window)
    desk = DeskActions(window, runner_on(sessions), lambda: TODAY)
    monkeypatch.setattr(desk, "desk", lambda: DESK)

    desk.on_resubmit_requested(corrected, BUNDLE)  # the case page's 重新提交（补正后）
    panel = desk.intake
    assert panel is not None
    qtbot.addWidget(panel)
    view = panel.checklist_view
    qtbot.waitUntil(lambda: panel.isActiveWindow() and view.row("M05").hasFocus())
    form, agent = panel.applicant_form, panel.agent_form
    assert form.kind_buttons["company"].isChecked()
    assert (form.id_field.text(), form.name.text(), form.legal_rep.text(), form.phone.text(), form.address.text()) == (
        COMPANY_CODE, "兴安盟草原好味餐饮有限公司", "包海军", "04828261234", "乌兰浩特市兴安北大路18号"
    )  # fmt: skip
    assert agent.isChecked()
    assert (agent.id_field.edit.text(), agent.name.text(), agent.authorisation.text()) == (
        AGENT_ID, "周代办", "授权委托书第5号"
    )  # fmt: skip
    assert panel.form().checklist.answers_dict() == COMPANY_WITH_SIGNBOARD
    carried = {e.code: e for e in panel.form().checklist.entries}
    assert len(carried) == 13
    assert sorted(c for c, e in carried.items() if e.receipt is Receipt.PENDING) == sorted(LISTED)
    assert carried["M12"].receipt is Receipt.MISSING  # optional: not asked for by the notice
    for line in first.materials:
        if line.receipt == Receipt.RECEIVED:
            entry = carried[line.code]
            assert (entry.receipt, entry.originals, entry.copies, entry.medium) == (
                Receipt.RECEIVED, line.originals, line.copies, ReceivedMedium(line.medium)
            ), line.code  # fmt: skip
    assert sum(e.receipt is Receipt.RECEIVED for e in carried.values()) == 8

    keys = Keyboard()
    rows = list(view.rows.values())
    for code in LISTED:
        keys.arrow_to(rows, view.row(code), code, Qt.Key.Key_Down, Qt.Key.Key_Up)
        keys.key(Qt.Key.Key_1, "1")
    taken: list[str] = []
    panel.case_taken.connect(taken.append)
    keys.key(Qt.Key.Key_Return, "Ctrl+Enter", Qt.KeyboardModifier.ControlModifier)
    keys.wait_until(lambda: bool(taken), "the answer taken")
    print(f"the answer to a 补正: {keys.count.overhead} keys ({' '.join(keys.count.keys)})")
    assert (keys.count.overhead, keys.count.data) == (ANSWER_KEYS, 0), keys.count.keys

    with sessions() as session:
        answered = case_view(session, taken[0])
        old = case_view(session, corrected)
    assert answered is not None
    assert old is not None
    assert (answered.status, answered.previous_case_no, old.status) == (
        CaseStatus.ACCEPTED, corrected, CaseStatus.RESUBMITTED
    )  # fmt: skip
    assert (answered.applicant_id_no, answered.legal_rep, answered.agent_id_no, answered.agent_authorisation) == (
        COMPANY_CODE, "包海军", AGENT_ID, "授权委托书第5号"
    )  # fmt: skip
    assert answered.answers == first.answers
    was = {line.code: line for line in first.materials}
    for line in answered.materials:
        assert line.receipt == (Receipt.MISSING if line.code == "M12" else Receipt.RECEIVED), line.code
        if was[line.code].receipt == Receipt.RECEIVED:  # the first visit's lines, as received and checked then
            assert (line.originals, line.copies, line.medium) == (
                was[line.code].originals, was[line.code].copies, was[line.code].medium
            ), line.code  # fmt: skip


@pytest.mark.slow  # two commits, each previewed at every change
def test_the_answer_to_a_case_forwarded_on_insistence_is_received_again_without_asking(
    qtbot: QtBot, sessions: sessionmaker[Session], make_panel: MakePanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Told the window's finding, the applicant insisted, and a material was missing: the hall's 补齐材料告知书.  The
    answer's intake opens carrying the finding, the refusal off: its preview is the 收件 and its commit asks
    nothing, and the new case keeps the finding (received and forwarded, never accepted in a department's name)."""
    panel = make_panel()
    ready(qtbot, panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, LONG_OFFICE)
    insist(qtbot, panel)
    press(qtbot, panel, "M05", Qt.Key.Key_3)
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.CORRECT
    corrected = commit(qtbot, panel)
    window = QWidget()
    qtbot.addWidget(window)
    desk = DeskActions(window, runner_on(sessions), lambda: TODAY)
    monkeypatch.setattr(desk, "desk", lambda: DESK)

    desk.on_resubmit_requested(corrected, BUNDLE)
    again = desk.intake
    assert again is not None
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.isActiveWindow() and again.checklist_view.row("M05").hasFocus())
    assert again.insisted
    assert not again.refusal.isChecked()
    carried = again.request().refusal
    assert carried is not None
    assert (carried.ground, carried.insists) == (RefusalGround.NOT_IN_REMIT, True)
    press(qtbot, again, "M05", Qt.Key.Key_1)
    assert again.decision is not None
    assert again.decision.outcome is Outcome.ACCEPT
    answered = commit(qtbot, again)
    assert again.confirmation is None  # not asked again
    with sessions() as session:
        view = case_view(session, answered)
    assert view is not None
    assert (view.previous_case_no, view.outcome, view.refusal_ground) == (corrected, "accept", "not_in_remit")
