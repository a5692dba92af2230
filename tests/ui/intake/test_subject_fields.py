"""The newborn of 052 asked in the intake, by keyboard, right after the applicant: checked, committed, kept."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.intake.draft import draft_from_json, draft_to_json
from counter.ui.intake import IntakePanel
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import fill_person
from tests.ui.runners import runner_on
from tests.ui.shown_text import outcome_text

NEWBORN = "XAM-YJS-052"
MakeNewborn = Callable[[], IntakePanel]


@pytest.fixture
def newborn(qtbot: QtBot, sessions: sessionmaker[Session]) -> MakeNewborn:
    with sessions() as session:
        guide = current_guide(session, NEWBORN)
    assert guide is not None

    def make() -> IntakePanel:
        panel = IntakePanel(runner_on(sessions), DESK, guide, lambda: TODAY)
        qtbot.addWidget(panel)
        panel.resize(1280, 800)
        panel.show()
        return panel

    return make


def tab(qtbot: QtBot, start: QWidget) -> QWidget:
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    QTest.keyClick(start, Qt.Key.Key_Tab)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def hand_in_everything(panel: IntakePanel) -> None:
    for situation in panel.bundle.situations:
        panel.situations.option_button(situation.code, situation.options[0].code).click()
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)


@pytest.mark.slow
def test_the_newborn_is_typed_after_the_applicant_and_kept_with_the_case(
    qtbot: QtBot, newborn: MakeNewborn, sessions: sessionmaker[Session]
) -> None:
    panel = newborn()
    qtbot.waitUntil(panel.isActiveWindow)
    form = panel.subject_form
    assert form.isVisible()
    assert form.title() == "新生儿"
    fill_person(panel, name="其其格")
    hand_in_everything(panel)
    name = form.lines["name"]
    assert tab(qtbot, panel.applicant_form.address) is name  # right after the applicant's last field
    name.insert("阿依古丽・买买提")  # as the input method commits it: the dot it offers, not the ID card's
    QTest.keyClick(name, Qt.Key.Key_Tab)
    male = form.choices["sex"].buttons["male"]
    assert QApplication.focusWidget() is male
    QTest.keyClick(male, Qt.Key.Key_Space)
    QTest.keyClick(male, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.lines["birth_date"]
    QTest.keyClicks(form.lines["birth_date"], "20250301")
    QTest.keyClick(form.lines["birth_date"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.lines["birth_certificate_no"]
    QTest.keyClicks(form.lines["birth_certificate_no"], "q150123456")
    QTest.keyClick(form.lines["birth_certificate_no"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.agent_form  # and on to the agent's box, as before
    qtbot.waitUntil(panel.commit_button.isEnabled)
    with qtbot.waitSignal(panel.case_taken) as taken:
        QTest.keyClick(panel.agent_form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with sessions() as session:
        view = case_view(session, taken.args[0])
    assert view is not None
    assert view.subject == (("name", "阿依古丽·买买提"), ("sex", "male"), ("birth_date", "2025-03-01"),
                            ("birth_certificate_no", "Q150123456"))  # fmt: skip


def test_an_accepted_case_waits_for_the_newborn_and_says_what_is_missing(qtbot: QtBot, newborn: MakeNewborn) -> None:
    panel = newborn()
    fill_person(panel, name="其其格")
    hand_in_everything(panel)
    form = panel.subject_form
    form.lines["birth_date"].setText("2099-01-01")
    assert not panel.commit_button.isEnabled()
    shown = outcome_text(panel.outcome_box)
    assert "新生儿信息还需完善" in shown
    assert "新生儿姓名：受理时必须填写" in shown
    assert "出生日期：不能晚于今天" in shown
    form.lines["name"].setText("图雅")
    form.choices["sex"].buttons["female"].click()
    form.lines["birth_date"].setText("2025-03-01")
    form.lines["birth_certificate_no"].setText("Q150123456")
    qtbot.waitUntil(panel.commit_button.isEnabled)
    assert "新生儿信息还需完善" not in outcome_text(panel.outcome_box)


def test_the_draft_keeps_the_newborn(qtbot: QtBot, newborn: MakeNewborn) -> None:
    panel = newborn()
    panel.subject_form.lines["name"].setText("图雅")
    panel.subject_form.choices["sex"].buttons["female"].click()
    draft = draft_from_json(draft_to_json(panel.form()))
    assert draft.subject == (("name", "图雅"), ("sex", "female"))
    again = newborn()
    again.apply_draft(draft)
    assert again.subject_form.values() == (("name", "图雅"), ("sex", "female"))
    assert again.form() == dataclasses.replace(panel.form(), uid=again.uid)  # another intake: its own uid


def test_a_bundle_without_a_subject_asks_nothing_more(qtbot: QtBot, panel: IntakePanel) -> None:
    qtbot.waitUntil(panel.isActiveWindow)
    assert panel.subject_form.isHidden()
    assert panel.form().subject == ()
    assert tab(qtbot, panel.applicant_form.address) is not panel.subject_form
