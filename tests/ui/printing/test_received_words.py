"""At a hall that only receives, the screens say what its papers say: 收件, 收件凭证, 补齐材料告知书, 申请事项告知书.

The hall decides nothing of the items it receives for their departments (行政许可法 第二十六条): its papers say so,
while the screens went on calling its acts 受理 / 容缺受理 / 补正 / 不予受理 — the headline over a line that said 收件,
the confirmation that the case was "登记为不予受理", the case page's 不予受理理由, F6's line naming a 不予受理通知书, a
defect's note "印在补正通知书上".  Each screen of the four outcomes is walked here and its text read.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.unprinted_papers import unprinted_cases
from counter.db.catalog_store import current_guide
from counter.documents.kinds import DocumentKind
from counter.documents.outcome_papers import UnprintedCase
from counter.intake.outcome import Outcome
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_RECEIVED_CONFIRM_INTRO
from counter.words.unprinted_papers import unprinted_list_text
from tests.ui.intake.conftest import BUNDLE
from tests.ui.intake.deferred_intake import deferred
from tests.ui.intake.helpers import press, ready, refuse
from tests.ui.printing.helpers import DESK, TODAY
from tests.ui.printing.test_case_page import page_of
from tests.ui.runners import runner_on

#: the hall's own acts where it decides: never said of a hall that only receives
DECIDING = (
    "不予受理",
    "受理凭证",
    "补正通知书",
    "补齐补正通知书",
    "受理结果",
    "受理日期",
    "本次受理",
    "办结受理",
    "受理：",
)
#: the outcome headlines of a deciding hall
DECIDING_HEADLINES = {"受理", "容缺受理", "补正", "不予受理"}


def texts(*widgets: QWidget) -> list[str]:
    """Every visible label's and button's text in ``widgets``, as a clerk reads the screen."""
    found: list[str] = []
    for widget in widgets:
        for child in (widget, *widget.findChildren(QWidget)):
            if not child.isVisible():
                continue
            if isinstance(child, QLabel | QAbstractButton):
                found.append(child.text())
            placeholder = getattr(child, "placeholderText", None)
            if callable(placeholder) and placeholder():
                found.append(placeholder())
    return [t for t in found if t]


def deciding_words(said: list[str]) -> list[str]:
    return [t for t in said if any(word in t for word in DECIDING)]


def new_panel(qtbot: QtBot, sessions: sessionmaker[Session]) -> IntakePanel:
    with sessions() as s:
        guide = current_guide(s, BUNDLE)
    assert guide is not None
    panel = IntakePanel(runner_on(sessions, lambda: TODAY), DESK, guide, lambda: TODAY, "")
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    return panel


def screen(panel: IntakePanel) -> list[str]:
    """The intake's words of the hall's act: its day, its outcome and the refusal's box, the button, the lines."""
    boxes = [panel.outcome_group.title(), panel.refusal.title(), panel.day_label.text(), panel.windowTitle()]
    return boxes + texts(panel.outcome_box, panel.commit_button, panel.cancel_button, panel.checklist_view)


@pytest.mark.slow
def test_no_intake_screen_of_the_four_outcomes_names_an_act_the_hall_does_not_make(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    accepted = new_panel(qtbot, sessions)
    ready(qtbot, accepted)
    press(qtbot, accepted, "M04", Qt.Key.Key_2)  # a defect: its note is told on the hall's 补齐材料告知书
    note = accepted.checklist_view.row("M04").note
    assert note.placeholderText() == "写明问题所在（印在补齐材料告知书上）"
    note.setText("复印件不清晰")
    assert accepted.decision is not None
    assert accepted.decision.outcome is Outcome.CORRECT
    said = screen(accepted)
    assert accepted.outcome_box.headline.text() not in DECIDING_HEADLINES
    assert any("补齐材料告知书" in t for t in said)
    assert deciding_words(said) == []
    press(qtbot, accepted, "M04", Qt.Key.Key_1)
    again = accepted.decision
    assert again is not None
    assert again.outcome is Outcome.ACCEPT
    assert accepted.outcome_box.headline.text() == "收件"
    assert accepted.outcome_group.title() == "收件结果"
    assert accepted.day_label.text().startswith("收件日期：")
    assert accepted.refusal.title() == "告知：出具申请事项告知书"
    assert deciding_words(screen(accepted)) == []
    assert accepted.cancel_button.text() == "放弃本次收件"
    press(qtbot, accepted, "M08", Qt.Key.Key_6)  # 容缺 asked: the commit waits, its button naming the act only
    qtbot.waitUntil(accepted.commit_reason.isVisible)
    assert accepted.commit_button.text().startswith("办结收件")
    question = accepted.ask_before_closing()
    assert (question.windowTitle(), question.escapeButton().text()) == ("关闭收件", "继续收件")
    assert deciding_words([question.text()]) == []
    question.reject()

    deferring = new_panel(qtbot, sessions)
    deferred(deferring, lambda: None)
    assert deferring.decision is not None
    assert deferring.decision.outcome is Outcome.DEFER
    assert deferring.outcome_box.headline.text() not in DECIDING_HEADLINES
    assert deciding_words(screen(deferring)) == []

    refusing = new_panel(qtbot, sessions)
    ready(qtbot, refusing)
    refuse(refusing)
    assert refusing.decision is not None
    assert refusing.decision.outcome is Outcome.REFUSE
    assert refusing.outcome_box.headline.text() not in DECIDING_HEADLINES
    assert deciding_words(screen(refusing)) == []
    QTest.mouseClick(refusing.commit_button, Qt.MouseButton.LeftButton)
    confirmation = refusing.confirmation
    assert confirmation is not None
    qtbot.waitUntil(confirmation.isVisible)
    said = texts(confirmation)
    assert INTAKE_RECEIVED_CONFIRM_INTRO in said
    assert [t for t in said if "不予受理" in t] == []


@pytest.mark.slow
@pytest.mark.parametrize("label", ["受理", "容缺受理", "补正（委托代理人办理）", "撤回申请"])
def test_the_case_page_of_each_outcome_names_no_act_the_hall_does_not_make(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], label: str
) -> None:
    page = page_of(qtbot, sessions, cases[label])
    said = texts(page.number, page.status, page.subtitle, page.details_fields, page.documents)
    assert said
    assert deciding_words(said) == []
    assert [t for t in said if t in ("受理日期：", "不予受理理由：")] == []


def test_f6s_line_names_the_papers_a_hall_that_only_receives_prints() -> None:
    cases = (
        UnprintedCase("XAM01-20261120-08-0004", (DocumentKind.REFUSAL,), TODAY, only_received=True),
        UnprintedCase("XAM01-20261120-08-0003", (DocumentKind.CORRECTION,), TODAY, only_received=True),
        UnprintedCase("XAM01-20261120-08-0002", (DocumentKind.RECEIPT,), TODAY),
    )
    said = unprinted_list_text(cases)
    assert "0004（申请事项告知书）" in said
    assert "0003（补齐材料告知书）" in said
    assert "0002（受理凭证）" in said  # where the hall accepts in the departments' name, the kind's own name
    assert "不予受理" not in said


def test_f6s_line_for_the_demos_cases_names_the_halls_own_papers(
    sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    """The demo's hall receives for the departments: each flagged case is read so, and its papers named so."""
    with sessions() as session:
        flagged = unprinted_cases(session, DESK, TODAY)
    assert flagged
    assert all(case.only_received for case in flagged)
    said = unprinted_list_text(flagged)
    assert "不予受理" not in said
    assert "受理凭证" not in said
