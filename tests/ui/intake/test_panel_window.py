"""The panel as a window of its own, and its words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.catalog.stored_guide import StoredGuide
from counter.db.catalog_store import current_guide
from counter.intake.checklist import Receipt
from counter.intake.draft import DraftProblemCode
from counter.intake.outcome import Outcome, RefusalGround
from counter.intake.parties import PartyField
from counter.ui.intake import IntakePanel, open_intake, restore_intake
from counter.ui.intake.words import (
    INTAKE_ADDRESS,
    INTAKE_DRAFT_PROBLEM,
    INTAKE_ID_NO,
    INTAKE_NAME,
    INTAKE_PARTY_FIELD,
    INTAKE_RECEIPT_BUTTON,
    INTAKE_REFUSAL_GROUND,
)
from tests.ui.drafts_read import pending
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import PERSON_ID, commit, leave_unprinted, ready
from tests.ui.runners import runner_on
from tests.ui.shown_text import as_read, outcome_text


@pytest.mark.slow
def test_open_intake_shows_a_window_beside_the_main_one(
    qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide
) -> None:
    main = QWidget()
    qtbot.addWidget(main)
    main.show()
    panel = open_intake(main, runner_on(sessions), DESK, guide, lambda: TODAY)
    assert panel.isWindow()
    assert panel.isVisible()
    assert not panel.isModal()
    assert panel.windowModality() is Qt.WindowModality.NonModal
    assert panel.windowTitle() == "收件：我要开小餐馆（50平方米以下）"  # the site only receives: its papers say 收件
    assert as_read(panel.title.text()) == f"我要开小餐馆（50平方米以下）　指南第 {guide.version} 版"
    assert not panel.resubmission.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.applicant_form.id_field.edit)
    assert main.isEnabled()  # the guide stays usable while the intake is open


def test_every_code_the_panel_shows_has_its_words() -> None:
    assert set(INTAKE_PARTY_FIELD) == {f.value for f in PartyField}
    assert set(INTAKE_DRAFT_PROBLEM) == {c.value for c in DraftProblemCode}
    assert set(INTAKE_RECEIPT_BUTTON) == {r.value for r in Receipt} - {Receipt.PENDING.value}
    assert set(INTAKE_REFUSAL_GROUND) == {g.value for g in RefusalGround}
    assert set(INTAKE_NAME) == set(INTAKE_ID_NO) == set(INTAKE_ADDRESS) == {"person", "company"}


def test_an_unpublished_guide_cannot_be_taken(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        unpublished = current_guide(session, "XAM-YJS-001")
    assert unpublished is not None
    panel = IntakePanel(runner_on(sessions), DESK, unpublished, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.applicant_form.name.setText("张海军")
    panel.applicant_form.id_field.edit.setText(PERSON_ID)
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.UNPUBLISHED
    assert "指南未发布：本窗口不能受理" in outcome_text(panel.outcome_box)
    assert not panel.commit_button.isEnabled()


@pytest.mark.slow
def test_restore_intake_shows_the_draft_in_its_own_window(
    qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide
) -> None:
    main = QWidget()
    qtbot.addWidget(main)
    first = open_intake(main, runner_on(sessions), DESK, guide, lambda: TODAY)
    first.applicant_form.name.setText("王䶮")
    first.close()  # closing keeps what was typed
    info = pending(runner_on(sessions), DESK)
    assert info is not None
    assert info.draft is not None
    opened: list[IntakePanel] = []
    refused: list[Exception] = []
    restore_intake(main, runner_on(sessions), DESK, info.draft, lambda: TODAY, opened.append, refused.append)
    assert refused == []
    (again,) = opened
    assert again.isWindow()
    assert again.isVisible()
    assert again.applicant_form.name.text() == "王䶮"


def test_esc_closes_a_committed_intake_and_nothing_before(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)  # shortcuts go to the active window
    QTest.keyClick(panel.applicant_form.name, Qt.Key.Key_Escape)
    assert panel.isVisible()  # a stray Esc never throws a form away
    commit(qtbot, panel)
    assert panel.close_button.text() == "关闭（Esc）"
    QTest.keyClick(panel.print_button, Qt.Key.Key_Escape)
    assert panel.isVisible()  # nothing printed yet: it asks first
    leave_unprinted(qtbot, panel)
    qtbot.waitUntil(lambda: not panel.isVisible())
