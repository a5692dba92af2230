"""The headline never says more than the button can do: wherever Ctrl+Enter does nothing, the headline is grey and
says why; wherever the headline shows an outcome's colour, Ctrl+Enter commits it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.db.catalog_store import current_guide
from counter.intake.outcome import Outcome
from counter.ui.intake import IntakePanel
from counter.ui.intake.style import OUTCOME_COLOURS
from tests.id_card_player import good_read, playing, sample_card
from tests.ui.intake.conftest import DESK, TODAY, MakePanel
from tests.ui.intake.helpers import answer, fill_person, press
from tests.ui.intake.test_card_reader import press_f2, use_reader
from tests.ui.runners import runner_on

GREY = OUTCOME_COLOURS[Outcome.INCOMPLETE][0]


def agree(panel: IntakePanel, state: str) -> bool:
    """Ctrl+Enter and the headline say the same; returns whether the commit is open."""
    enabled = panel.commit_button.isEnabled()
    grey = GREY in panel.outcome_box.headline.styleSheet()
    assert enabled is not grey, f"{state}: headline {panel.outcome_box.headline.text()!r}, button enabled {enabled}"
    return enabled


@pytest.mark.slow
def test_the_headline_and_the_button_agree_as_the_form_fills(qtbot: QtBot, make_panel: MakePanel) -> None:
    panel = make_panel()
    assert not agree(panel, "blank")
    answer(panel)
    assert not agree(panel, "situations answered, nothing checked")
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    assert not agree(panel, "everything received, nobody named")
    fill_person(panel)
    assert agree(panel, "ready")
    assert panel.outcome_box.headline.text() == "收件"  # the hall receives for the departments: its 收件凭证
    panel.applicant_form.name.clear()
    assert not agree(panel, "no name")
    assert panel.outcome_box.headline.text() == "暂不能出具"
    panel.applicant_form.name.setText("张海军")
    assert agree(panel, "the name again")
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    press(qtbot, panel, "M08", Qt.Key.Key_6)
    assert not agree(panel, "容缺 asked, its conditions open")
    QTest.keyClick(panel.deferral.no_bad_credit, Qt.Key.Key_Space)
    QTest.keyClick(panel.deferral.pledge_signed, Qt.Key.Key_Space)
    assert agree(panel, "容缺 confirmed")
    panel.applicant_form.name.setText("张" * 300)
    assert not agree(panel, "a name the desk will not take")
    panel.applicant_form.name.setText("张海军")
    assert agree(panel, "the name put right")


@pytest.mark.slow
def test_an_expired_card_turns_neither_the_field_nor_the_headline_green(qtbot: QtBot, panel: IntakePanel) -> None:
    card = sample_card(until=dt.date(2025, 1, 2))  # before TODAY
    form = panel.applicant_form
    answer(panel)
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    with playing(good_read(card)) as player:
        use_reader(player.port)
        with qtbot.waitSignal(form.card_line.card_read, timeout=5000):
            press_f2(qtbot, panel)
    QTest.keyClicks(form.phone, "13904821234")
    assert form.id_field.message.property("role") == "field-error"  # not 号码有效 in green
    assert not agree(panel, "an expired card")
    assert panel.outcome_box.headline.text() == "暂不能出具"
    assert "身份证已过期" in panel.outcome_box.parties.text()
    QTest.keyClick(panel.commit_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not panel.committed
    form.id_field.edit.setText(card.id_no[:-1])
    form.id_field.edit.setText(card.id_no)  # the same number typed again: still the expired card's
    assert not agree(panel, "the expired card's number typed")


def test_a_household_without_its_address_is_not_a_green_accept(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    """078 (最低生活保障): 家庭住址 empty left a big green 受理 over a greyed 办结受理."""
    with sessions() as session:
        relief = current_guide(session, "XAM-YJS-078")
    assert relief is not None
    panel = IntakePanel(runner_on(sessions), DESK, relief, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.show()
    fill_person(panel)
    for situation in panel.bundle.situations:
        panel.situations.option_button(situation.code, situation.options[0].code).click()
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    lines = panel.subject_form.lines
    lines["head"].setText("张海军")
    lines["members"].setText("3")
    assert not agree(panel, "078 without 家庭住址")
    assert "家庭住址" in panel.outcome_box.parties.text()
    lines["address"].setText("兴安盟乌兰浩特市和平街道民主路18号")
    assert agree(panel, "078 whole")
