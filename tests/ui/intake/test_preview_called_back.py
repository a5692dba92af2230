"""The intake's outcome preview reads its grounds off the window's stack and shows the form once they answer.

The intake asks the service once what its preview is decided from (``intake.preview_grounds``).  The runner turned a
nested event loop inside the slot that asked until the answer came: what the window had queued meanwhile (a timer, a
key let through after the first moment) ran inside that slot, before it returned.  Now the slot returns at once and
the answer is handed to the panel on the window's thread; a commit asked while the read is in flight goes by the
preview of the form as it is.  Here the read answers after a pause, as a hall server far away does.
"""

from __future__ import annotations

import threading
from typing import TypeVar

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from counter.access.desk import Desk
from counter.intake.outcome import Outcome
from counter.service.intake import PREVIEW_GROUNDS
from counter.service.local import Service
from counter.service.operation import Operation
from counter.ui.intake import IntakePanel
from tests.ui.door.test_runner_thread import in_the_loop
from tests.ui.intake.conftest import MakePanel
from tests.ui.intake.helpers import ready, refuse

Req = TypeVar("Req")
Res = TypeVar("Res")


class HeldPreview:
    """The service, its preview's reads held until the test lets them go."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.clock = service.clock
        self.go = threading.Event()
        self.asked = 0

    def call(self, op: Operation[Req, Res], request: Req, desk: Desk | None = None, *, key: str = "") -> Res:
        if op is PREVIEW_GROUNDS:
            self.asked += 1
            assert self.go.wait(5)
        return self.service.call(op, request, desk, key=key)


def held(panel: IntakePanel) -> HeldPreview:
    """The panel's service from now on, its preview's reads held; the next change reads the grounds anew (as after a
    commit the server decided otherwise)."""
    runner = panel._runner
    service = HeldPreview(runner.service)
    runner.service = service
    panel.preview.reread()
    return service


def outcome(panel: IntakePanel) -> Outcome | None:
    """The outcome the panel shows now."""
    return panel.decision.outcome if panel.decision is not None else None


def test_a_change_returns_before_its_preview_answers_and_the_answer_is_shown_after(
    qtbot: QtBot, make_panel: MakePanel
) -> None:
    panel = make_panel()
    ready(qtbot, panel)
    assert outcome(panel) is Outcome.ACCEPT
    service = held(panel)
    order: list[str] = []

    def change() -> None:
        QTimer.singleShot(0, lambda: order.append("queued meanwhile"))
        refuse(panel)  # the clerk ticks 不予受理 and its ground: shown once the grounds are read
        order.append("slot returned")

    in_the_loop(qtbot, change)
    qtbot.waitUntil(lambda: len(order) == 2, timeout=10_000)
    assert order == ["slot returned", "queued meanwhile"]  # nothing ran inside the slot that asked
    assert panel.preview.in_flight
    assert outcome(panel) is Outcome.ACCEPT  # still the form as it was: the refusal is shown once read
    service.go.set()
    qtbot.waitUntil(lambda: not panel.preview.in_flight, timeout=10_000)
    assert outcome(panel) is Outcome.REFUSE  # the form as it then stood
    assert service.asked == 1  # the changes made while it was in flight decided on the desk once it answered


def test_a_commit_asked_while_the_preview_is_in_flight_goes_by_the_form_as_it_is(
    qtbot: QtBot, make_panel: MakePanel
) -> None:
    panel = make_panel()
    ready(qtbot, panel)
    service = held(panel)

    def refuse_and_commit() -> None:
        refuse(panel)
        panel.on_commit_requested()  # Ctrl+Enter at once, the button still showing the acceptance

    in_the_loop(qtbot, refuse_and_commit)
    assert panel.confirmation is None  # nothing decided on the outcome shown before the change
    assert panel.taken is None
    service.go.set()
    qtbot.waitUntil(lambda: panel.confirmation is not None and panel.confirmation.isVisible(), timeout=10_000)
    assert panel.taken is None  # a refusal is confirmed first, never taken as the acceptance it was
