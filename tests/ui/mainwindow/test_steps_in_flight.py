"""A clerk's step pressed while another is still answered (a hall server far away, a database slow): the second
neither takes the first's place nor loses what the desk holds."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from counter.access.desk import Desk
from counter.actions.site.store import Store
from counter.service.cases import DAY_LISTS
from counter.service.catalog import READ_GUIDE
from counter.service.intake import READ_CURRENT_GUIDE, TAKE_INTAKE
from counter.service.local import InProcess
from counter.service.operation import Operation
from counter.ui.door.runner import Runner
from counter.ui.intake import IntakePanel
from counter.ui.mainwindow.main_window import MainWindow
from counter.words.database import fault_text
from tests.ui.conftest import start_window
from tests.ui.door.test_runner_thread import in_the_loop
from tests.ui.failing import LOCKED, failing
from tests.ui.held_service import held
from tests.ui.intake.helpers import answer, fill_person
from tests.ui.mainwindow.test_desk_actions import open_bundle


@pytest.mark.slow
def test_restore_pressed_while_f5_opens_an_intake_keeps_the_draft_offered(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None
) -> None:
    """恢复 while F5's guide is still read restores nothing then: the unfinished intake stays offered, not dropped."""
    first = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    open_bundle(first, "xcg")
    QTest.keyClick(first, Qt.Key.Key_F5)
    left = first.desk_actions.intake
    assert left is not None
    qtbot.addWidget(left)
    left.applicant_form.name.setText("乌云其木格")
    assert left.drafts.save_now()  # the power goes: the next start finds the draft
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    window.offer_draft()
    qtbot.waitUntil(window.draft_offer.isVisible)
    open_bundle(window, "xcg")
    qtbot.waitUntil(lambda: window.guide_view.bundle is not None)  # the guide shown: F5 is not held behind it
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # F5 goes to the active window
    service = held(window.runner, READ_CURRENT_GUIDE)

    def f5_then_restore() -> None:
        window.on_intake_requested()  # F5: the next applicant's intake, its guide held
        QTest.mouseClick(window.draft_offer.restore_button, Qt.MouseButton.LeftButton)

    in_the_loop(qtbot, f5_then_restore)
    service.go.set()
    qtbot.waitUntil(lambda: window.desk_actions.intake is not None, timeout=10_000)
    opened = window.desk_actions.intake
    assert isinstance(opened, IntakePanel)
    qtbot.addWidget(opened)
    assert opened.applicant_form.name.text() == ""  # F5's intake, the next applicant's
    assert service.asked == [READ_CURRENT_GUIDE.name]
    assert window.draft_offer.chosen()  # still the desk's, to restore
    assert window.draft_offer.isVisible()
    assert "上次未完成的受理" in window.draft_offer.label.text()
    assert window.draft_offer.restore_button.isEnabled()


@pytest.mark.slow
def test_f9_pressed_while_the_intake_commits_sends_that_case_though_the_day_is_unread(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Ctrl+Enter then F9 at once, the database too busy to list the day: the case just taken is the one rated."""
    window.start_pad()
    pad = window.desk_actions.pad
    assert pad is not None
    qtbot.addWidget(pad.pad)
    open_bundle(window, "xcg")
    qtbot.waitUntil(lambda: window.guide_view.bundle is not None)
    window.on_intake_requested()  # F5
    qtbot.waitUntil(lambda: window.desk_actions.intake is not None, timeout=10_000)
    panel = window.desk_actions.intake
    assert panel is not None
    qtbot.addWidget(panel)
    fill_person(panel)
    answer(panel, {"operator": "individual", "agent": "self"})
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    failing(window.runner, LOCKED, DAY_LISTS)
    service = held(window.runner, TAKE_INTAKE)
    taken: list[str] = []
    panel.case_taken.connect(taken.append)

    def commit_then_f9() -> None:
        QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)  # held: no case number yet
        window.desk_actions.send_to_pad()  # F9 at once: the day's cases asked behind the commit

    in_the_loop(qtbot, commit_then_f9)
    assert window.desk_actions.last_case_no == ""
    service.go.set()
    qtbot.waitUntil(lambda: pad.pad.case is not None, timeout=10_000)
    assert pad.pad.case is not None
    assert taken == [pad.pad.case.case_no]


def test_the_intake_button_clicked_while_f5_reads_the_guide_opens_one_intake(qtbot: QtBot, window: MainWindow) -> None:
    """The keys typed after F5 wait for the intake; a click on 受理 does not, and asks for no second one."""
    open_bundle(window, "xcg")
    qtbot.waitUntil(lambda: window.guide_view.bundle is not None)
    service = held(window.runner, READ_CURRENT_GUIDE)

    def f5_then_click() -> None:
        window.on_intake_requested()  # F5: its guide held
        QTest.mouseClick(window.intake_button, Qt.MouseButton.LeftButton)

    in_the_loop(qtbot, f5_then_click)
    service.go.set()
    qtbot.waitUntil(lambda: window.desk_actions.intake is not None, timeout=10_000)
    opened = window.desk_actions.intake
    assert opened is not None
    qtbot.addWidget(opened)
    qtbot.wait(100)
    assert service.asked == [READ_CURRENT_GUIDE.name]
    assert window.findChildren(IntakePanel) == [opened]


class OneGuideAway:
    """The guide of ``away`` unread (the database locked as it was asked), every other read answered; each read
    held until :attr:`go` is set."""

    def __init__(self, runner: Runner, away: str) -> None:
        self.service = runner.service
        self.clock = self.service.clock
        self.away = away
        self.go = threading.Event()
        runner.service = self

    def call(self, op: Operation[Any, Any], request: Any, desk: Desk | None = None, *, key: str = "") -> Any:
        if op is READ_GUIDE:
            assert self.go.wait(10)
            if request.wanted == self.away:
                raise LOCKED
        return self.service.call(op, request, desk, key=key)


def test_a_guide_unread_after_another_was_chosen_leaves_the_other_shown_and_says_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The clerk moved on to the next hit before the first guide answered: the first's fault is not hers to read."""
    service = OneGuideAway(window.runner, "T-YJS-006")

    def choose_two() -> None:
        window.on_bundle_chosen("T-YJS-006")  # its read will fail
        window.on_bundle_chosen("T-YJS-008")  # the clerk's next hit, asked behind it

    in_the_loop(qtbot, choose_two)
    service.go.set()
    qtbot.waitUntil(lambda: window.guide_view.bundle is not None, timeout=10_000)
    shown = window.guide_view.bundle
    assert shown is not None
    assert shown.code == "T-YJS-008"
    assert fault_text("locked") not in window.statusBar().currentMessage()
