"""The intake's Ctrl+Enter while the database makes it wait: the panel says it is saving, paints and takes keys,
and a second Ctrl+Enter takes nothing twice.

Before, the window waited on its own thread: a desk whose database was held (another desk's long write on a
township's file, a hall's row lock) froze until the lock went, and the clerk pressing again was never told.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.site.store import Store
from counter.db import models
from counter.host.database.database_faults import DbFault
from counter.service.intake import DROP_DRAFT, TAKE_INTAKE, DraftOf
from counter.ui.door.runner import Failed
from counter.ui.intake import IntakePanel
from counter.ui.intake.style import STYLE
from counter.ui.intake.words import INTAKE_SAVING, INTAKE_WAITING_TO_COMMIT
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.words import RUNNER_WAITING
from tests.ui.door.test_runner_thread import in_the_loop
from tests.ui.intake.helpers import ready
from tests.ui.pad.test_elderly_rules import LEAST_RATIO, contrast, rules

HELD_MS = 800


@pytest.mark.slow
def test_a_commit_waiting_on_the_database_says_so_and_a_second_press_takes_nothing_twice(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    ready(qtbot, panel)
    assert panel.commit_button.isEnabled()
    seen: list[tuple[str, bool]] = []
    busy: list[str] = []
    typed_at: list[float] = []

    def meanwhile() -> None:  # what the clerk sees, and does, while the intake is being saved
        seen.append((panel.commit_button.text(), panel.commit_button.isEnabled()))
        busy.append(panel.commit_button.property("busy"))
        typed_at.append(time.monotonic())
        QTest.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # pressed again

    with sessions.begin() as holder:  # another desk's write holds the township's file
        holder.execute(text("CREATE TABLE hold_the_file (x INTEGER)"))
        QTimer.singleShot(300, meanwhile)
        QTimer.singleShot(HELD_MS, holder.rollback)
        with qtbot.waitSignal(panel.case_taken, timeout=15_000):
            in_the_loop(qtbot, lambda: QTest.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier))
    assert seen == [(INTAKE_SAVING, False)]  # said, and not pressable twice, while it waited
    assert "Ctrl+Enter" not in seen[0][0]  # a greyed button naming its key asked for a second press
    assert busy == ["true"]  # drawn to be read (test_the_saving_button_reads_at_4_5_to_1), not as a greyed button
    assert panel.commit_button.property("busy") == "false"
    assert typed_at  # the window took keys during the wait
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.Case)) == 1  # one intake, not two
    assert panel.finished


@pytest.mark.slow
def test_the_desk_s_status_bar_says_it_is_waiting_while_a_step_is_saved(
    qtbot: QtBot, window: MainWindow, db: Store
) -> None:
    seen: list[str] = []
    dropped: list[object] = []
    with db.sessions().begin() as holder:
        holder.execute(text("CREATE TABLE hold_the_file (x INTEGER)"))
        QTimer.singleShot(500, lambda: seen.append(window.statusBar().currentMessage()))
        QTimer.singleShot(HELD_MS, holder.rollback)
        in_the_loop(qtbot, lambda: window.runner.submit(DROP_DRAFT, DraftOf("a" * 32), window.desk_actions.desk(),
                                                         owner=window, answered=dropped.append))  # fmt: skip
        qtbot.waitUntil(lambda: bool(dropped), timeout=10_000)
    assert seen == [RUNNER_WAITING]
    assert window.statusBar().currentMessage() == ""  # said no longer once the step is done


def test_the_saving_button_reads_at_4_5_to_1() -> None:
    """The 适老化 rule the pad keeps (tests/ui/pad/test_elderly_rules.py), for the one disabled button that speaks: the
    greyed commit button's pale text (1.5:1) is for a button not yet usable, not for 正在保存…… 请稍候."""
    sheet = rules(STYLE)
    greyed = sheet["QPushButton#commit:disabled"]
    saving = sheet['QPushButton#commit[busy="true"]:disabled']
    assert contrast(greyed["color"], greyed["background"]) < LEAST_RATIO
    assert contrast(saving["color"], saving["background"]) >= LEAST_RATIO


def test_an_intake_waiting_for_its_server_says_so_on_its_button_and_commits_once_back(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shot of a hall desk whose server went away mid-intake showed the greyed 收件，出具… / Ctrl+Enter: a key the
    button would not take while the intake waited to commit by itself."""
    ready(qtbot, panel)
    named = panel.commit_button.text()
    panel.reconnector.timer.setInterval(600_000)  # no probe of its own: the test says when the server is back
    service = panel._runner.service
    call = service.call

    def away(operation: object, *args: object, **kwargs: object) -> object:
        if operation is TAKE_INTAKE:
            raise Failed("连不上大厅服务器", DbFault.UNREACHABLE, "ServerUnreachable", connection_lost=True)
        return call(operation, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "call", away)
    panel.commit_button.click()
    assert panel.reconnector.waiting
    assert (panel.commit_button.text(), panel.commit_button.isEnabled()) == (INTAKE_WAITING_TO_COMMIT, False)
    assert "Ctrl+Enter" not in panel.commit_button.text()
    assert panel.commit_button.property("busy") == "true"  # drawn to be read, as while saving
    monkeypatch.setattr(service, "call", call)
    with qtbot.waitSignal(panel.case_taken, timeout=15_000):
        panel.reconnector.stop()
        panel.on_reconnected()
    assert panel.commit_button.property("busy") == "false"
    assert named != INTAKE_WAITING_TO_COMMIT
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.Case)) == 1
