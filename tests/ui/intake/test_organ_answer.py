"""The intake form says, before the commit, that the paper waits for the 司法局's answer, and who gives it where.

我要办理新车上牌's licence is entrusted to the hall by the catalog; at a hall whose administrator has not answered
whether it is a 行政机关 that may be entrusted (许可法 第二十四条第一款), the form offered 受理 and the receipt then
refused to print.  The outcome is now 未完成 with the reason in the window's words, the commit greyed; answered in
单位信息, the same form is taken.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.documents import office_settings, save_office_settings
from counter.db.catalog_store import current_guide
from counter.documents.acceptance import OrganAnswer
from counter.intake.outcome import Outcome
from counter.ui.intake import IntakePanel
from tests.entrusted import with_agreements
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import commit, fill_person
from tests.ui.runners import runner_on
from tests.ui.shown_text import outcome_text

NEW_CAR = "XAM-YJS-055"  # 我要办理新车上牌


def test_the_form_says_the_receipt_waits_for_the_answer_and_commits_once_it_is_given(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:  # the hall's agreement with the 车管所: its receipt would accept in the 车管所's name
        agreed = with_agreements(office_settings(s, DESK.identity.site_code))
        save_office_settings(s, DESK.identity.site_code, agreed, desk=DESK)
    with sessions() as s:
        guide = current_guide(s, NEW_CAR)
    assert guide is not None
    panel = IntakePanel(runner_on(sessions), DESK, guide, lambda: TODAY, "")
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    fill_person(panel)
    for situation in guide.bundle.situations:
        if situation.options:
            panel.situations.option_button(situation.code, situation.options[0].code).click()
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)

    waiting = panel.decision
    assert waiting is not None
    assert waiting.outcome is Outcome.INCOMPLETE
    assert not panel.commit_button.isEnabled()
    said = outcome_text(panel.outcome_box)
    assert "司法局" in said
    assert "请管理员先在“单位信息”中设定“本单位是否为行政机关”" in said
    assert "counter" not in said

    with sessions.begin() as s:
        office = office_settings(s, DESK.identity.site_code)
        answered = dataclasses.replace(office, administrative_organ=OrganAnswer.YES.value)
        save_office_settings(s, DESK.identity.site_code, answered, desk=DESK)
    panel.refresh_decision()
    taken = panel.decision
    assert taken is not None
    assert taken.outcome is Outcome.ACCEPT, outcome_text(panel.outcome_box)
    assert commit(qtbot, panel)
