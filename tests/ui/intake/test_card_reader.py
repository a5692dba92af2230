"""读卡 (F2) on the real intake panel: a pseudo-terminal plays the applicant's card, the form fills and commits."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.db.case_store import case_view
from counter.host.devices.id_reader import SerialReader
from counter.host.machine.desk_config import load_desk_config, save_desk_config
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_CARD_EXPIRED, INTAKE_CARD_FAULT
from tests.id_card_player import good_read, playing, pulled_read, sample_card
from tests.ui.intake.conftest import TODAY
from tests.ui.intake.helpers import answer, commit
from tests.ui.shown_text import as_read


def use_reader(port: str) -> None:
    save_desk_config(replace(load_desk_config(), clerk="乌云", id_reader="serial", id_reader_at=port))


def press_f2(qtbot: QtBot, panel: IntakePanel) -> None:
    """F2 with the keyboard in the ID field, where the intake opens."""
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    edit = panel.applicant_form.id_field.edit
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(edit.hasFocus)
    QTest.keyClick(edit, Qt.Key.Key_F2)


def test_a_card_on_the_reader_fills_the_applicant_and_the_intake_commits(
    qtbot: QtBot, panel: IntakePanel, sessions: sessionmaker[Session]
) -> None:
    card = sample_card()
    line = panel.applicant_form.card_line
    with playing(good_read(card)) as player:
        use_reader(player.port)
        with qtbot.waitSignal(line.card_read, timeout=5000):
            press_f2(qtbot, panel)
    form = panel.applicant_form
    assert (form.id_field.text(), form.name.text(), form.address.text()) == (card.id_no, card.name, card.address)
    facts = "男　蒙古族　出生 1980年1月2日　签发机关 乌兰浩特市公安局　有效期 2015年1月2日至2035年1月2日"
    assert facts in as_read(line.message.text())
    assert line.card is not None
    assert line.card.photo == card.photo
    assert form.phone.hasFocus()  # the card has no phone: the keyboard is where the clerk types next
    QTest.keyClicks(form.phone, "13904821234")
    answer(panel)
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    case_no = commit(qtbot, panel)
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    assert (view.applicant_id_no, view.applicant_name, view.applicant_address) == (card.id_no, card.name, card.address)


def test_an_expired_card_is_flagged(qtbot: QtBot, panel: IntakePanel) -> None:
    card = sample_card(until=TODAY - dt.timedelta(days=1))
    line = panel.applicant_form.card_line
    with playing(good_read(card)) as player:
        use_reader(player.port)
        with qtbot.waitSignal(line.card_read, timeout=5000):
            press_f2(qtbot, panel)
    assert line.message.text().startswith(INTAKE_CARD_EXPIRED.format(until="2025年3月5日"))
    assert line.message.property("role") == "field-error"


@pytest.mark.slow
def test_a_reader_that_never_answers_leaves_the_form_as_it_was_and_the_window_working(
    qtbot: QtBot, panel: IntakePanel
) -> None:
    form, line = panel.applicant_form, panel.applicant_form.card_line
    form.name.setText("张海军")
    with playing([]) as player:
        line.reader = lambda: SerialReader(player.port, timeout=0.3)
        press_f2(qtbot, panel)
        assert line.running is not None
        assert line.running.isRunning()
        QTest.keyClicks(form.phone, "139")  # the clerk types on meanwhile
        qtbot.waitUntil(lambda: line.running is None, timeout=5000)
    assert line.message.text() == INTAKE_CARD_FAULT["no_answer"]
    assert (form.name.text(), form.phone.text(), form.id_field.text()) == ("张海军", "139", "")


def test_a_card_pulled_mid_read_says_so_and_changes_nothing(qtbot: QtBot, panel: IntakePanel) -> None:
    form, line = panel.applicant_form, panel.applicant_form.card_line
    form.address.setText("乌兰浩特市")
    with playing(pulled_read()) as player:
        use_reader(player.port)
        press_f2(qtbot, panel)
        qtbot.waitUntil(lambda: line.running is None, timeout=5000)
    assert line.message.text() == INTAKE_CARD_FAULT["removed"]
    assert (form.address.text(), form.name.text()) == ("乌兰浩特市", "")


def test_a_desk_without_a_reader_says_so(qtbot: QtBot, panel: IntakePanel) -> None:
    press_f2(qtbot, panel)
    assert panel.applicant_form.card_line.message.text() == INTAKE_CARD_FAULT["not_set_up"]
    assert panel.applicant_form.card_line.running is None
