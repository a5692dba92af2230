"""第一项 per item at the window: a box for each 行政许可 applied for, none for the tax office's item, none ticked
beforehand; the confirmation and the stored case name only the licences ticked (行政许可法 第三十二条第一款第一项)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.db.case_store import case_view
from counter.intake.no_licence import MARK
from counter.intake.outcome import Outcome, Reason, ReasonCode, RefusalGround
from counter.ui.cases.case_fields import CaseFields
from counter.ui.intake import IntakePanel
from counter.ui.intake.refusal_confirm import RefusalConfirmation
from tests.ui.intake.helpers import commit, fill_person
from tests.ui.shown_text import outcome_text

FOOD = "152201-YJS008-02"  # 食品经营许可, of 我要开小餐馆; 152201-YJS008-04 is the 涉税事项 (其他行政权力)


def test_only_licences_are_offered_and_none_is_ticked_for_the_clerk(qtbot: QtBot, refusing_panel: IntakePanel) -> None:
    panel = refusing_panel
    fill_person(panel)
    panel.refusal.setChecked(True)
    panel.refusal.grounds[RefusalGround.NO_LICENCE_NEEDED].click()
    boxes = panel.refusal.no_licence_boxes
    assert list(boxes) == ["152201-YJS008-01", FOOD, "152201-YJS008-03"]  # the tax item is no 行政许可
    assert panel.refusal.no_licence_line.isVisible()
    assert not panel.refusal.turn_to_line.isVisible()
    assert not any(box.isChecked() for box in boxes.values())
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.INCOMPLETE
    assert panel.decision.reasons == (Reason(ReasonCode.NO_LICENCE_ITEMS_MISSING),)
    assert "须逐项选定不需要取得行政许可的事项" in outcome_text(panel.outcome_box)
    boxes[FOOD].setChecked(True)
    refused = panel.decision
    assert refused is not None
    assert refused.outcome is Outcome.REFUSE
    assert refused.turn_to == f"{FOOD}：{MARK}"
    panel.situations.option_button("signboard", "no").click()  # no 户外招牌 applied for: its box goes
    assert not boxes["152201-YJS008-03"].isVisible()


def test_the_licence_ticked_is_what_the_confirmation_and_the_case_say(
    qtbot: QtBot, sessions: sessionmaker[Session], refusing_panel: IntakePanel
) -> None:
    panel = refusing_panel
    fill_person(panel)
    panel.refusal.setChecked(True)
    panel.refusal.grounds[RefusalGround.NO_LICENCE_NEEDED].click()
    panel.refusal.no_licence_boxes[FOOD].setChecked(True)
    dialog = RefusalConfirmation(RefusalGround.NO_LICENCE_NEEDED, panel.refusal.turn_to(), panel.bundle.items)
    qtbot.addWidget(dialog)
    basis = dialog.lines["依据"].text().splitlines()
    assert "食品经营许可：《中华人民共和国行政许可法》第三十二条第一款第一项" in basis
    assert any(line.startswith("新办纳税人涉税事项：不属于行政许可") for line in basis)
    assert "有权机关" not in dialog.lines
    case_no = commit(qtbot, panel)
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    assert view.refusal_ground == RefusalGround.NO_LICENCE_NEEDED.value
    assert view.turn_to == f"{FOOD}：{MARK}"
    fields = CaseFields()  # the case's page: the ground with the licence it was found of, and nobody to turn to
    qtbot.addWidget(fields)
    fields.show_case(view, panel.bundle.situations, may_see_full=False)
    assert fields.fields["refusal_ground"].text() == f"申请事项依法不需要取得行政许可：{FOOD}"
    assert not fields.fields["turn_to"].isVisibleTo(fields)
