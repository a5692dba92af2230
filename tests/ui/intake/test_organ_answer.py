"""An entrusted licence at a hall not yet known to be a 行政机关 is received: the form takes it, and says 收件.

我要办理新车上牌's licence is entrusted to the hall by the catalog and the agreement recorded; at a hall whose
administrator has not answered whether it is a 行政机关 that may be entrusted (许可法 第二十四条第一款), the form
greyed its commit until the answer came, and the applicant waited or went home.  A window may always receive
(第二十六条): the form now offers the 收件 at once and commits it; answered "yes", the next form accepts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.documents import office_settings, save_office_settings
from counter.db.catalog_store import current_guide
from counter.intake.outcome import Outcome
from counter.ui.intake import IntakePanel
from tests.entrusted import with_agreements
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import commit, fill_person
from tests.ui.runners import runner_on
from tests.ui.shown_text import outcome_text

NEW_CAR = "XAM-YJS-055"  # 我要办理新车上牌


def test_the_form_takes_an_entrusted_licence_as_received_while_the_answer_is_pending(
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

    received = panel.decision
    assert received is not None
    assert received.outcome is Outcome.ACCEPT, outcome_text(panel.outcome_box)
    assert panel.commit_button.isEnabled()
    said = outcome_text(panel.outcome_box)
    assert "收件" in said
    assert "司法局" not in said  # nothing waits for the answer
    assert commit(qtbot, panel)
