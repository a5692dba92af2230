"""What one intake asks of the service: its preview read once.

A hall desk's every request crosses the network.  The outcome preview was asked of the server at each answer,
material row, deferral and choice; here a 容缺 intake is driven through the window against a service that counts what
it is asked.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.catalog.stored_guide import StoredGuide
from counter.intake.outcome import Outcome
from counter.service.intake import PREVIEW_GROUNDS, PREVIEW_INTAKE
from counter.service.local import Service
from counter.service.operation import Operation
from counter.ui.intake import IntakePanel
from counter.ui.runner import Runner
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import commit, press, ready
from tests.ui.runners import runner_on

Req = TypeVar("Req")
Res = TypeVar("Res")


class Counted:
    """The desk's service, each operation it is asked counted by name."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.asked: Counter[str] = Counter()

    def call(self, op: Operation[Req, Res], request: Req, desk: Desk | None = None, *, key: str = "") -> Res:
        self.asked[op.name] += 1
        return self.service.call(op, request, desk, key=key)


def counted_panel(qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide) -> tuple[IntakePanel, Counted]:
    runner = runner_on(sessions)
    counted = Counted(runner.service)
    panel = IntakePanel(Runner(counted), DESK, guide, lambda: TODAY, "")
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    return panel, counted


def previews(counted: Counted) -> int:
    return counted.asked[PREVIEW_INTAKE.name] + counted.asked[PREVIEW_GROUNDS.name]


def deferred(qtbot: QtBot, panel: IntakePanel, pause: Any) -> None:
    """A 容缺 intake as a clerk fills it: the person, the situations, every material, two missing and deferred, the
    applicant's request, credit and pledge; the clerk pausing after each step."""
    ready(qtbot, panel)
    pause()
    for code in ("M08", "M09"):
        press(qtbot, panel, code, Qt.Key.Key_3)
        pause()
    QTest.keyClick(panel.deferral.asked, Qt.Key.Key_Space)
    pause()
    panel.deferral.no_bad_credit.setChecked(True)
    pause()
    panel.deferral.pledge_signed.setChecked(True)
    pause()


def test_a_deferred_intake_reads_its_preview_once(
    qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide
) -> None:
    panel, counted = counted_panel(qtbot, sessions, guide)
    deferred(qtbot, panel, lambda: qtbot.waitUntil(lambda: not panel.preview.in_flight, timeout=10_000))
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.DEFER
    assert commit(qtbot, panel)
    assert previews(counted) <= 1, counted.asked
