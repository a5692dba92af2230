"""What one intake asks of the service: its preview read once, its draft at the server every few seconds.

A hall desk's every request crosses the network.  The outcome preview was asked of the server at each answer,
material row, deferral and choice, and the draft written there 400 ms after each pause; here a 容缺 intake is driven
through the window against a service that counts what it is asked, with a clock the test moves.
"""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.catalog.stored_guide import StoredGuide
from counter.db.draft_store import load_drafts
from counter.intake.draft import draft_from_json
from counter.intake.outcome import Outcome
from counter.service.intake import KEEP_DRAFT
from counter.ui.door.runner import Runner
from counter.ui.intake import IntakePanel
from counter.ui.intake.draft_keeper import SERVER_EVERY_S, draft_place
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.deferred_intake import PAUSES, Clock, Counted, deferred, previews
from tests.ui.intake.helpers import commit, press, ready
from tests.ui.runners import runner_on


def counted_panel(qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide) -> tuple[IntakePanel, Counted]:
    runner = runner_on(sessions, lambda: TODAY)
    counted = Counted(runner.service)
    panel = IntakePanel(Runner(counted), DESK, guide, lambda: TODAY, "")
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    return panel, counted


def test_a_deferred_intake_reads_its_preview_once(
    qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide
) -> None:
    panel, counted = counted_panel(qtbot, sessions, guide)
    deferred(panel, lambda: qtbot.waitUntil(lambda: not panel.preview.in_flight, timeout=10_000))
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.DEFER
    assert commit(qtbot, panel)
    assert previews(counted) <= 1, counted.asked


def test_the_draft_is_on_the_desk_at_every_pause_and_at_the_server_every_few_seconds(
    qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide
) -> None:
    panel, counted = counted_panel(qtbot, sessions, guide)
    clock = Clock(1000.0)
    panel.drafts.clock = clock
    place = draft_place(DESK, panel.uid)
    kept: list[str] = []

    def pause() -> None:
        clock.now += 1.0  # a clerk's pause between two steps: a second
        assert panel.drafts.pause()
        kept.append(draft_from_json(place.read_text(encoding="utf-8")).applicant.id_no)
        assert stat.S_IMODE(os.stat(place).st_mode) & 0o077 == 0  # the applicant's ID number: for the user alone

    deferred(panel, pause)
    assert len(kept) == PAUSES
    assert all(kept)  # the person, on the desk from the first pause
    drafts = 1 + int((PAUSES - 1) // SERVER_EVERY_S)  # the first, then each 5 s
    assert counted.asked[KEEP_DRAFT.name] == drafts, counted.asked
    written = counted.asked[KEEP_DRAFT.name]
    panel.delivery_form.notify_phone.setText("15148201234")
    pause()
    assert counted.asked[KEEP_DRAFT.name] == written  # kept on the desk alone
    assert panel.drafts.server_timer.isActive()  # the last pause's form goes to the server when its time is up
    panel.drafts.server_timer.timeout.emit()
    assert counted.asked[KEEP_DRAFT.name] == written + 1
    assert commit(qtbot, panel)
    assert not place.exists()  # the case is taken: the desk keeps no applicant


def test_a_commit_that_fails_keeps_the_draft_at_the_server_at_once(
    qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide
) -> None:
    panel, counted = counted_panel(qtbot, sessions, guide)
    panel.drafts.clock = clock = Clock(1000.0)
    ready(qtbot, panel)
    assert panel.drafts.pause()
    clock.now += 1.0
    press(qtbot, panel, "M08", Qt.Key.Key_3)
    assert panel.drafts.pause()
    assert counted.asked[KEEP_DRAFT.name] == 1
    assert panel.drafts.save_now()  # as a commit that failed, a close or a sign-in ending keeps it
    assert counted.asked[KEEP_DRAFT.name] == 2
    assert not panel.drafts.server_timer.isActive()


def test_a_desk_that_cannot_keep_the_draft_has_the_server_keep_it_at_once(
    qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide, caplog: pytest.LogCaptureFixture
) -> None:
    """The desk's own copy cannot be written (its folder full, or taken): the pause sends the form to the server
    without waiting for the server's turn, so the typing is kept somewhere; the case is taken as ever."""
    panel, counted = counted_panel(qtbot, sessions, guide)
    panel.drafts.clock = clock = Clock(1000.0)
    ready(qtbot, panel)
    assert panel.drafts.pause()
    assert counted.asked[KEEP_DRAFT.name] == 1
    place = draft_place(DESK, panel.uid)
    place.unlink()
    place.mkdir()  # something in the file's place: the desk's copy cannot be replaced
    clock.now += 1.0  # within the server's few seconds
    press(qtbot, panel, "M08", Qt.Key.Key_3)
    assert panel.drafts.pause()
    assert counted.asked[KEEP_DRAFT.name] == 2  # at once, not when the server's time is up
    assert not panel.drafts.server_timer.isActive()
    with sessions() as s:
        (stored,) = load_drafts(s, DESK.draft_key)
    assert draft_from_json(stored[2]) == panel.form()  # the key pressed since the last write, in
    assert "draft not kept on the desk" in caplog.text
    assert commit(qtbot, panel)
    assert "the desk's draft not removed" in caplog.text  # said to the log; the case is taken all the same
