"""One typical 容缺 intake driven through the window, and the service that counts what it asks: shared by the test of
its requests (tests/ui/intake/test_intake_requests.py) and the benchmark against a hall server
(benchmarks/bench_intake_requests.py), so that both measure the same steps.

The steps are those of the shipped 小餐馆 guide: the person, the situations, every material, two missing and deferred,
the applicant's request, credit and pledge, the clerk pausing after each.  Nothing here needs a test's ``qtbot``: the
benchmark drives the panel without one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from counter.access.desk import Desk
from counter.service.intake import PREVIEW_GROUNDS
from counter.service.local import Service
from counter.service.operation import Operation
from counter.ui.intake import IntakePanel
from tests.ui.intake.helpers import answer, fill_person

Req = TypeVar("Req")
Res = TypeVar("Res")

#: the clerk's pauses in :func:`deferred`, one after each step
PAUSES = 8


class Counted:
    """The desk's service, each operation it is asked counted by name."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.clock = service.clock
        self.asked: Counter[str] = Counter()

    def call(self, op: Operation[Req, Res], request: Req, desk: Desk | None = None, *, key: str = "") -> Res:
        self.asked[op.name] += 1
        return self.service.call(op, request, desk, key=key)


class Clock:
    """The draft keeper's monotonic seconds, moved by the caller: a pause costs no sleep."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def previews(counted: Counted) -> int:
    """The outcome previews asked of the service, of either kind."""
    return counted.asked[PREVIEW_GROUNDS.name]


def deferred(panel: IntakePanel, pause: Callable[[], None]) -> None:
    """A typical 容缺 intake, step by step, ``pause`` called after each (:data:`PAUSES` in all)."""
    fill_person(panel)
    pause()
    answer(panel)
    pause()
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    pause()
    for code in ("M08", "M09"):
        row = panel.checklist_view.row(code)
        row.setFocus()
        QTest.keyClick(row, Qt.Key.Key_3)
        pause()
    QTest.keyClick(panel.deferral.asked, Qt.Key.Key_Space)
    pause()
    panel.deferral.no_bad_credit.setChecked(True)
    pause()
    panel.deferral.pledge_signed.setChecked(True)
    pause()
