"""After a commit the intake panel offers the paper the outcome hands over, and nothing before."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.db import models
from counter.db.catalog_store import current_guide
from counter.documents.kinds import DocumentKind
from counter.intake.outcome import Outcome, RefusalGround
from counter.service.documents import RECORD_PRINT
from counter.ui.door.runner import failed
from counter.ui.intake import IntakePanel
from counter.ui.printing.preview_window import PreviewWindow
from counter.ui.printing.words import PRINTING_NOT_RECORDED, PRINTING_UNPRINTED_CLOSE
from counter.ui.words import RUNNER_BUSY
from tests.cups_server import Cups
from tests.entrusted import RESTAURANT_ITEMS, entrust_in
from tests.ui.called_back import Holding, in_the_event_loop, when
from tests.ui.failing import LOCKED, failing
from tests.ui.intake.helpers import commit, fill_person, press, ready, refuse
from tests.ui.printing.conftest import Queue
from tests.ui.printing.helpers import DESK, TODAY, pdf_text, wait_for_jobs
from tests.ui.runners import runner_on

BUNDLE = "XAM-YJS-008"  # 我要开小餐馆（50平方米以下）
PRINT_TIMEOUT_MS = 20_000


def made_panel(sessions: sessionmaker[Session]) -> IntakePanel:
    with sessions() as session:
        stored = current_guide(session, BUNDLE)
    assert stored is not None
    panel = IntakePanel(runner_on(sessions), DESK, stored, lambda: TODAY)
    panel.resize(1280, 800)
    panel.show()
    return panel


@pytest.fixture
def panel(qtbot: QtBot, sessions: sessionmaker[Session]) -> IntakePanel:
    made = made_panel(sessions)
    qtbot.addWidget(made)
    return made


def take(qtbot: QtBot, panel: IntakePanel, outcome: Outcome) -> str:
    """Fill the panel so that it comes to ``outcome``, and commit."""
    if outcome is Outcome.REFUSE:
        fill_person(panel)
        refuse(panel, RefusalGround.NOT_IN_REMIT, "呼伦贝尔市海拉尔区市场监督管理局")
    else:
        ready(qtbot, panel)
    if outcome is Outcome.DEFER:
        press(qtbot, panel, "M08", Qt.Key.Key_3)
        QTest.keyClick(panel.deferral.asked, Qt.Key.Key_Space)
        panel.deferral.no_bad_credit.setChecked(True)
        panel.deferral.pledge_signed.setChecked(True)
    if outcome is Outcome.CORRECT:
        press(qtbot, panel, "M05", Qt.Key.Key_3)
    assert panel.decision is not None
    assert panel.decision.outcome is outcome
    return commit(qtbot, panel)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("outcome", "kinds"),
    [
        (Outcome.ACCEPT, (DocumentKind.RECEIPT,)),
        (Outcome.DEFER, (DocumentKind.DEFERRAL, DocumentKind.PLEDGE, DocumentKind.RECEIPT)),
        (Outcome.CORRECT, (DocumentKind.CORRECTION,)),
        (Outcome.REFUSE, (DocumentKind.REFUSAL,)),
    ],
)
def test_print_opens_the_notices_of_the_outcome(
    qtbot: QtBot, panel: IntakePanel, outcome: Outcome, kinds: tuple[DocumentKind, ...]
) -> None:
    assert not panel.print_button.isVisible()  # nothing to print before the case is taken
    case_no = take(qtbot, panel, outcome)
    assert panel.print_button.isVisible()
    assert panel.print_button.hasFocus()  # the applicant is waiting for the paper: Space prints too
    QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    [window] = panel.findChildren(PreviewWindow)
    assert window.isVisible()
    assert tuple(made.kind for made in window.documents) == kinds
    assert {made.case_no for made in window.documents} == {case_no}
    assert not any(made.reprint for made in window.documents)


def test_ctrl_p_before_the_commit_makes_no_paper_and_takes_no_case(
    qtbot: QtBot, panel: IntakePanel, sessions: sessionmaker[Session]
) -> None:
    """Ctrl+P pressed while the form is still filled in (out of habit, before Ctrl+Enter): no paper for a case not
    taken yet, no number spent, the form as it was."""
    ready(qtbot, panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    typed = panel.form()
    count = select(func.count()).select_from(models.Case)
    with sessions() as session:
        before = session.scalar(count)
    QTest.keyClick(panel.applicant_form.name, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert panel.findChildren(PreviewWindow) == []
    assert panel.taken is None
    assert panel.form() == typed
    assert not panel.print_button.isVisible()
    with sessions() as session:
        assert session.scalar(count) == before


@pytest.mark.slow
def test_ctrl_p_after_the_commit_opens_the_same_paper_again(qtbot: QtBot, panel: IntakePanel) -> None:
    take(qtbot, panel, Outcome.ACCEPT)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)  # shortcuts go to the active window
    QTest.keyClick(panel.print_button, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    [first] = panel.findChildren(PreviewWindow)
    QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    [second] = [w for w in panel.findChildren(PreviewWindow) if w is not first]
    assert second.documents[0].reprint
    assert second.documents[0].pdf == first.documents[0].pdf


def open_paper(panel: IntakePanel) -> PreviewWindow:
    QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    [window] = panel.findChildren(PreviewWindow)
    return window


def print_paper(qtbot: QtBot, window: PreviewWindow) -> bool:
    with qtbot.waitSignal(window.print_finished, timeout=PRINT_TIMEOUT_MS) as finished:
        QTest.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    complete = finished.args[0]
    assert isinstance(complete, bool)
    return complete


@pytest.mark.slow
@pytest.mark.parametrize("entrusted", [False, True], ids=["received", "entrusted"])
def test_the_refusal_notice_says_what_the_confirmation_showed(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel, entrusted: bool
) -> None:
    """The window's 申请事项告知书 where it only receives, the departments' 不予受理通知书 where they entrusted it."""
    if entrusted:
        entrust_in(sessions, DESK, *RESTAURANT_ITEMS)
    office = "兴安盟行政审批和政务服务局（兴安盟数据局）科尔沁右翼前旗分局食品经营许可审批科"
    fill_person(panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, office)
    QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    dialog = panel.confirmation
    assert dialog is not None
    shown = [label.text() for label in dialog.lines.values()]
    with qtbot.waitSignal(panel.case_taken, timeout=10_000):
        QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    [notice] = open_paper(panel).documents
    assert notice.kind is DocumentKind.REFUSAL
    printed = "".join(pdf_text(notice.pdf).split())  # the notice wraps long lines
    # a basis line ("items：basis") is a row of the notice's 所涉事项及依据 table: its parts stand in their cells
    for line in shown:
        for part in re.split(r"[\n：]", line):
            assert "".join(part.split()) in printed
    assert any(line.endswith(f"：请向{office}申请。") for line in shown)  # each item, the body typed for it


@pytest.mark.slow
def test_the_committed_intake_closes_once_its_paper_is_printed(
    qtbot: QtBot, panel: IntakePanel, queue: Queue, cups: Cups
) -> None:
    take(qtbot, panel, Outcome.ACCEPT)
    window = open_paper(panel)
    cups.run("cupsdisable", queue.name)
    assert not print_paper(qtbot, window)
    assert panel.isVisible()  # the paper did not come out: printing again starts here
    assert window.isVisible()
    cups.run("cupsenable", queue.name)
    assert print_paper(qtbot, window)
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert not isValid(window) or not window.isVisible()  # no preview left behind the desk for the day


@pytest.mark.slow
def test_an_intake_whose_print_was_not_recorded_stays_open_saying_so(
    qtbot: QtBot, panel: IntakePanel, queue: Queue
) -> None:
    """The paper came out, its record did not (the database locked): the preview closes as after any print, and the
    intake, rather than closing with it, says so for the clerk to check the print count; no print is asked again, and
    the next Esc closes it without asking about papers."""
    take(qtbot, panel, Outcome.ACCEPT)
    window = open_paper(panel)
    failing(panel._runner, LOCKED, RECORD_PRINT)
    assert print_paper(qtbot, window)
    qtbot.waitUntil(lambda: not isValid(window))
    assert panel.isVisible()
    assert panel.message.isVisible()
    assert panel.message.text() == failed(LOCKED, PRINTING_NOT_RECORDED).message
    assert len(wait_for_jobs(queue.folder, 1)) == 1
    panel.close()
    assert not panel.isVisible()
    assert panel.unprinted_question is None


@pytest.mark.slow
def test_esc_on_the_preview_gives_the_keyboard_back_to_the_intake(qtbot: QtBot, panel: IntakePanel) -> None:
    """The preview belongs to the desk's main window, not to the intake that opened it: closed, it hands the
    keyboard back to the intake, where the clerk closes it with Esc, rather than to the desk behind or to nothing."""
    desk = QMainWindow()
    qtbot.addWidget(desk)
    desk.show()
    panel.setParent(desk, Qt.WindowType.Window)
    panel.show()
    take(qtbot, panel, Outcome.ACCEPT)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    QTest.keyClick(panel.print_button, Qt.Key.Key_Space)
    [window] = desk.findChildren(PreviewWindow)
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.print_button, Qt.Key.Key_Escape)  # papers not printed: asked first
    question = window.close_question
    assert question is not None
    qtbot.waitUntil(question.isVisible)
    [leave] = [b for b in question.buttons() if b.text() == PRINTING_UNPRINTED_CLOSE]
    QTest.mouseClick(leave, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())
    qtbot.waitUntil(panel.isActiveWindow)
    assert QApplication.focusWidget() is panel.print_button
    panel.setParent(None)  # the fixture's panel again, closed by its own fixture rather than with the desk


@pytest.mark.slow
def test_the_papers_are_called_back_a_press_meanwhile_said_busy_and_made_once(qtbot: QtBot, panel: IntakePanel) -> None:
    """The print press returns while the papers are made (no event loop turns inside it); pressed again meanwhile,
    the panel says it is busy, and the papers open once, in the outcome's order, when they come."""
    take(qtbot, panel, Outcome.DEFER)
    held = Holding(panel._runner, "documents.make_case_papers")
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)  # returns while the papers are held
        seen["opened"] = panel.findChildren(PreviewWindow)
        when(held.asked.is_set, lambda: again(application))

    def again(application: QEventLoop) -> None:
        QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)  # pressed again while they are made
        seen["again"] = panel.message.text() if panel.message.isVisible() else ""
        held.release()
        when(lambda: bool(panel.findChildren(PreviewWindow)), application.quit)

    in_the_event_loop(steps)
    assert seen["opened"] == [], "the press waited for the papers"
    assert seen["again"] == RUNNER_BUSY
    assert held.answered == 1
    [window] = panel.findChildren(PreviewWindow)
    kinds = (DocumentKind.DEFERRAL, DocumentKind.PLEDGE, DocumentKind.RECEIPT)
    assert tuple(made.kind for made in window.documents) == kinds


@pytest.mark.slow
def test_papers_made_for_a_closed_intake_open_nowhere(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    panel = made_panel(sessions)  # deleted by the test
    take(qtbot, panel, Outcome.ACCEPT)
    runner = panel._runner
    held = Holding(runner, "documents.make_case_papers")

    def steps(application: QEventLoop) -> None:
        QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
        when(held.asked.is_set, lambda: closed(application))

    def closed(application: QEventLoop) -> None:
        panel.deleteLater()  # the intake closed while its papers were made
        held.release()
        when(lambda: not runner.running and held.answered == 1, application.quit)

    in_the_event_loop(steps)
    assert held.answered == 1
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewWindow) and isValid(w)]
