"""第七十八条 in the window's refusal choice: offered for a bundle with a 行政许可, reached from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.db.catalog_store import current_guide
from counter.intake.outcome import Outcome, RefusalGround
from counter.ui.intake import IntakePanel
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import fill_person
from tests.ui.runners import runner_on


def test_false_materials_is_chosen_with_the_arrow_keys(qtbot: QtBot, refusing_panel: IntakePanel) -> None:
    panel = refusing_panel
    fill_person(panel)
    panel.refusal.setChecked(True)
    button = panel.refusal.grounds[RefusalGround.FALSE_MATERIALS]
    assert button.isVisible()
    assert button.text() == "隐瞒有关情况或者提供虚假材料（第七十八条）"
    remit = panel.refusal.grounds[RefusalGround.NOT_IN_REMIT]
    remit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is remit)
    QTest.keyClick(remit, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert panel.refusal.ground() is RefusalGround.FALSE_MATERIALS
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.REFUSE


def test_a_bundle_without_a_licence_offers_only_not_this_offices_remit(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    with sessions() as session:
        relief = current_guide(session, "XAM-YJS-078")  # 最低生活保障: 行政给付 only
    assert relief is not None
    panel = IntakePanel(runner_on(sessions), DESK, relief, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.show()
    panel.refusal.setChecked(True)
    shown = [ground for ground, button in panel.refusal.grounds.items() if button.isVisible()]
    assert shown == [RefusalGround.NOT_IN_REMIT]
