"""草稿不会丢: a kept draft outlives another applicant's intake and a restart, and reopens whole from the bar.

The desk kept one draft: the next applicant's form overwrote it, that intake's commit deleted it, and the bar went on
offering it from memory.  Driven here by the clerk's keys, the desk closed and started again in between.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from counter.actions.site.store import Store
from counter.db.draft_store import load_drafts
from counter.intake.checklist import Receipt
from counter.parties.identifiers import make_id_number
from counter.service.local import InProcess
from counter.ui.intake import IntakePanel
from counter.ui.mainwindow.main_window import MainWindow
from tests.ui.conftest import start_window
from tests.ui.intake.helpers import ELSEWHERE, answer, commit, fill_person, press, refuse
from tests.ui.mainwindow.test_desk_actions import open_bundle

FIRST_ID = make_id_number("152201", dt.date(1979, 3, 8), 24)
ANSWERS = {"operator": "individual", "agent": "self"}
SECOND_ID = make_id_number("152201", dt.date(1992, 10, 1), 51)


def new_intake(qtbot: QtBot, window: MainWindow) -> IntakePanel:
    """F5 on the guide on screen: the next applicant's intake, the keyboard in its ID number."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert isinstance(panel, IntakePanel)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.applicant_form.id_field.edit)
    return panel


def typed(widget: QWidget, text: str) -> None:
    """Hanzi as an input method types them: committed into the field with the keyboard."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def half_done(qtbot: QtBot, panel: IntakePanel) -> None:
    """The first applicant's form as the clerk leaves it: typed, answered, lines ticked, a note, a refusal chosen."""
    QTest.keyClicks(panel.applicant_form.id_field.edit, FIRST_ID)
    typed(panel.applicant_form.name, "乌云其木格")
    QTest.keyClicks(panel.applicant_form.phone, "13904827391")
    answer(panel, ANSWERS)
    press(qtbot, panel, "M01", Qt.Key.Key_1)
    press(qtbot, panel, "M04", Qt.Key.Key_3)
    press(qtbot, panel, "M03", Qt.Key.Key_2)
    note = panel.checklist_view.row("M03").note_line
    qtbot.waitUntil(note.isVisible)
    typed(note.edit, "复印件不清晰")
    with qtbot.waitSignal(panel.draft_saved, timeout=5_000):
        refuse(panel, turn_to=ELSEWHERE)


@pytest.mark.slow
def test_a_kept_draft_outlives_another_applicants_intake_and_a_restart(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None
) -> None:
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    open_bundle(window, "xcg")
    first = new_intake(qtbot, window)
    half_done(qtbot, first)
    left = first.form()
    assert left.checklist.entry("M03") is not None
    assert left.refusing
    with qtbot.waitSignal(first.closed, timeout=5_000):
        first.close()  # Alt+F4: a filled intake asks, Enter closes it and keeps its draft
        question = first.close_question
        assert question is not None
        qtbot.waitUntil(question.isVisible)
        QTest.keyClick(question, Qt.Key.Key_Return)
    qtbot.waitUntil(window.draft_offer.isVisible)

    second = new_intake(qtbot, window)  # the next applicant, while the first's draft waits in the bar
    fill_person(second, name="包红梅", id_no=SECOND_ID)
    answer(second, ANSWERS)
    QTest.mouseClick(second.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(second.draft_saved, timeout=5_000):
        QTest.keyClicks(second.applicant_form.address, " 1")
    with sessions_of(db) as session:
        assert len(load_drafts(session, window.desk_actions.desk().draft_key)) == 2  # one per applicant
    commit(qtbot, second)
    qtbot.waitUntil(lambda: "乌云其木格" in window.draft_offer.label.text() and window.draft_offer.isVisible())
    with sessions_of(db) as session:
        kept = load_drafts(session, window.desk_actions.desk().draft_key)
    assert [uid for uid, _, _ in kept] == [left.uid]  # the commit ended its own draft, and no other
    second.close()
    window.close()

    again = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))  # the desk started again
    again.offer_draft()
    qtbot.waitUntil(again.draft_offer.isVisible)
    assert "乌云其木格" in again.draft_offer.label.text()
    QTest.keyClick(again.search_panel.box, Qt.Key.Key_Tab)  # the clerk goes to the bar
    assert QApplication.focusWidget() is again.draft_offer.restore_button
    QTest.keyClick(again.draft_offer.restore_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.desk_actions.intake is not None)
    restored = again.desk_actions.intake
    assert isinstance(restored, IntakePanel)
    qtbot.addWidget(restored)
    assert restored.form() == left  # whole: every field, answer, line, note and the refusal, under its own uid
    entry = restored.form().checklist.entry("M03")
    assert entry is not None
    assert (entry.receipt, entry.defect_note) == (Receipt.DEFECTIVE, "复印件不清晰")
    assert restored.applicant_form.name.text() == "乌云其木格"
    assert restored.refusal.isChecked()


def sessions_of(db: Store) -> Session:
    return db.sessions()()


@pytest.mark.slow
def test_with_several_drafts_kept_the_clerk_chooses_one_by_the_keys(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None
) -> None:
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    open_bundle(window, "xcg")
    for name, id_no in (("乌云其木格", FIRST_ID), ("包红梅", SECOND_ID)):
        panel = new_intake(qtbot, window)
        fill_person(panel, name=name, id_no=id_no)
        assert panel.drafts.save_now()
        with qtbot.waitSignal(panel.closed, timeout=5_000):
            panel.close_keeping_draft()
    bar = window.draft_offer
    qtbot.waitUntil(lambda: bar.choice.count() == 2)
    assert bar.isVisible()
    assert bar.choice.isVisible()
    assert "2 份" in bar.label.text()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is bar.choice
    chosen = next(i for i in range(2) if "乌云其木格" in bar.choice.itemText(i))
    while bar.choice.currentIndex() != chosen:
        QTest.keyClick(bar.choice, Qt.Key.Key_Down if chosen > bar.choice.currentIndex() else Qt.Key.Key_Up)
    QTest.keyClick(bar.choice, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is bar.restore_button
    QTest.keyClick(bar.restore_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.desk_actions.intake is not None and window.desk_actions.intake.isVisible())
    restored = window.desk_actions.intake
    assert isinstance(restored, IntakePanel)
    qtbot.addWidget(restored)
    assert restored.applicant_form.name.text() == "乌云其木格"
