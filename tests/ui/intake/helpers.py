"""What a clerk does on the intake panel, step by step, for the tests."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter.catalog.model import Bundle, ItemType
from counter.intake.checklist import Receipt
from counter.intake.no_licence import no_licence_text
from counter.intake.outcome import RefusalGround
from counter.parties.identifiers import make_id_number
from counter.ui.intake import IntakePanel
from tests.ui.shown_text import outcome_text

PERSON_ID = make_id_number("152201", dt.date(1985, 5, 5), 11)
AGENT_ID = make_id_number("150702", dt.date(1990, 6, 15), 37)
SMALL_RESTAURANT = {"operator": "individual", "agent": "self", "signboard": "no"}


def fill_person(panel: IntakePanel, name: str = "张海军", id_no: str = PERSON_ID, phone: str = "13904821234") -> None:
    form = panel.applicant_form
    form.id_field.edit.setText(id_no)
    form.name.setText(name)
    form.phone.setText(phone)
    form.address.setText("兴安盟乌兰浩特市和平街道民主路18号")


def answer(panel: IntakePanel, answers: dict[str, str] | None = None) -> None:
    for situation, option in (answers or SMALL_RESTAURANT).items():
        panel.situations.option_button(situation, option).click()


def ready(qtbot: QtBot, panel: IntakePanel) -> None:
    """A person at the desk, the situations asked, every material handed in."""
    fill_person(panel)
    answer(panel)
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)


def press(qtbot: QtBot, panel: IntakePanel, code: str, key: Qt.Key) -> None:
    """Focus a material row and press one key, as a clerk at the keyboard."""
    row = panel.checklist_view.row(code)
    row.setFocus()
    QTest.keyClick(row, key)


def receipts(panel: IntakePanel) -> dict[str, Receipt]:
    checklist = panel.form().checklist
    return {e.code: e.receipt for e in checklist.entries}


def all_licences(bundle: Bundle) -> str:
    """第一项 found of every 行政许可 of the bundle (counter.intake.no_licence): the tests' shorthand for a refusal."""
    return no_licence_text(item.code for item in bundle.items if item.item_type is ItemType.LICENSING)


#: where the tests' shorthand refusal sends the applicant (第二项, a body for every item)
ELSEWHERE = "呼伦贝尔市海拉尔区政务服务中心"


def refuse(panel: IntakePanel, ground: RefusalGround | None = None, turn_to: str = "") -> None:
    """Tick 不予受理 and choose its ground (none is chosen beforehand).  Without one, the tests' shorthand: 第二项,
    the same body for every item — the 告知 a hall that only receives may give (第一项 and 第七十八条 are the
    licensing department's to find there: counter.documents.outcome_preview.printable)."""
    if ground is None:
        ground, turn_to = RefusalGround.NOT_IN_REMIT, turn_to or ELSEWHERE
    panel.refusal.setChecked(True)
    panel.refusal.grounds[ground].click()
    if ground is RefusalGround.NO_LICENCE_NEEDED:  # found of licences one by one: the tests' shorthand ticks all
        for box in panel.refusal.no_licence_boxes.values():
            box.setChecked(box.isVisibleTo(panel.refusal))
    if turn_to:  # the same body for every item: the tests' shorthand, each box typed in as the clerk would
        for field in panel.refusal.turn_to_fields.values():
            field.insertPlainText(turn_to)


def commit(qtbot: QtBot, panel: IntakePanel) -> str:
    """Press the commit button; a refusal's confirmation is answered with 确认出具."""
    assert panel.commit_button.isEnabled(), outcome_text(panel.outcome_box)
    with qtbot.waitSignal(panel.case_taken, timeout=10_000) as taken:
        QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
        if panel.confirmation is not None and panel.confirmation.isVisible():
            QTest.mouseClick(panel.confirmation.confirm_button, Qt.MouseButton.LeftButton)
    case_no = taken.args[0]
    assert isinstance(case_no, str)
    return case_no


def leave_unprinted(qtbot: QtBot, panel: IntakePanel, reason: str = "申请人已离开，改日领取") -> None:
    """Esc was pressed on a committed intake whose papers were not printed: the clerk closes it, saying why."""
    question = panel.unprinted_question
    assert question is not None
    qtbot.waitUntil(question.isActiveWindow)
    event = QInputMethodEvent()
    event.setCommitString(reason)  # as an input method types it
    QApplication.sendEvent(question.reason, event)
    QTest.keyClick(question.reason, Qt.Key.Key_Return)  # the reason given, Enter closes
