"""叫下一号 (Ctrl+N) on the real intake panel against a local stub of the hall's queue system: the ticket called goes
with the case, and the case page shows it with the wait."""

from __future__ import annotations

import dataclasses
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.db.case_store import case_view
from counter.host.machine.desk_config import load_desk_config, save_desk_config
from counter.ui.cases.case_fields import CaseFields
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_QUEUE_CALLED, INTAKE_QUEUE_FAULT
from tests.queue_stub import QueueStub, queue_server
from tests.ui.intake.helpers import commit, ready


def press_ctrl_n(qtbot: QtBot, panel: IntakePanel) -> None:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    edit = panel.applicant_form.id_field.edit
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(edit.hasFocus)
    QTest.keyClick(edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.slow
def test_the_number_called_goes_with_the_case_and_its_page_shows_the_wait(
    qtbot: QtBot, panel: IntakePanel, sessions: sessionmaker[Session]
) -> None:
    stub = QueueStub([("A023", "2026-11-25T09:00:00+08:00", "2026-11-25T09:12:40+08:00")])
    with queue_server(stub) as address:
        save_desk_config(replace(load_desk_config(), queue_at=address))
        with qtbot.waitSignal(panel.queue_line.called, timeout=5000):
            press_ctrl_n(qtbot, panel)
    assert stub.asked == [{"site": "XAM01", "desk": "8"}]
    assert "A023" in panel.queue_line.message.text()
    ready(qtbot, panel)
    case_no = commit(qtbot, panel)
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    assert (view.queue_ticket, view.queue_waited_s) == ("A023", 760)
    fields = CaseFields()
    qtbot.addWidget(fields)
    fields.show_case(view, (), may_see_full=False)
    assert fields.fields["queue_ticket"].text() == "A023（等候 13 分钟）"
    fields.show_case(dataclasses.replace(view, queue_ticket="", queue_waited_s=None), (), may_see_full=False)
    assert fields.fields["queue_ticket"].isHidden()  # a case taken without a call shows no such line


@pytest.mark.slow
def test_with_nobody_waiting_no_ticket_is_kept(qtbot: QtBot, panel: IntakePanel) -> None:
    with queue_server(QueueStub([])) as address:
        save_desk_config(replace(load_desk_config(), queue_at=address))
        press_ctrl_n(qtbot, panel)
        qtbot.waitUntil(lambda: panel.queue_line.running is None, timeout=5000)
    assert panel.queue_line.message.text() == INTAKE_QUEUE_FAULT["nobody_waiting"]
    assert panel.queue_line.ticket is None
    assert panel.request().ticket is None


def test_a_desk_without_a_queue_system_says_so(qtbot: QtBot, panel: IntakePanel) -> None:
    press_ctrl_n(qtbot, panel)
    assert panel.queue_line.message.text() == INTAKE_QUEUE_FAULT["not_set_up"]


@pytest.mark.slow
def test_a_ticket_whose_times_run_backwards_is_kept_without_a_wait(
    qtbot: QtBot, panel: IntakePanel, sessions: sessionmaker[Session]
) -> None:
    """The queue system's clock put right between taking and calling the ticket: the number called is said and kept
    with the case, no wait is made up from the two times."""
    stub = QueueStub([("A024", "2026-11-25T09:20:00+08:00", "2026-11-25T09:12:40+08:00")])
    with queue_server(stub) as address:
        save_desk_config(replace(load_desk_config(), queue_at=address))
        with qtbot.waitSignal(panel.queue_line.called, timeout=5000):
            press_ctrl_n(qtbot, panel)
    assert panel.queue_line.message.text() == INTAKE_QUEUE_CALLED.format(ticket="A024")
    ready(qtbot, panel)
    case_no = commit(qtbot, panel)
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    assert (view.queue_ticket, view.queue_waited_s) == ("A024", None)
