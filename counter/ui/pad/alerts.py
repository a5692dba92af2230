"""Alerts for the supervisor: a bad rating has opened a rectification.

A plain model the main window can show (a badge, a banner, the 督办 page).
Alerts come from this desk's pad at once, and from every other desk when the
window calls :meth:`SupervisorAlerts.check` (on a timer or when the page
opens): rectifications are numbered, so "newer than the last one seen" finds
them all.  Nothing here reaches the clerk's status widget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from counter.ratings.views import RectificationAlert
from counter.service.rectifications import NEW_ALERTS, AlertsAfter
from counter.ui.door.runner import Failed, Runner, failures_to

if TYPE_CHECKING:
    from counter.access.desk import Desk


class SupervisorAlerts(QObject):
    raised = Signal(object)  # RectificationAlert
    count_changed = Signal(int)  # alerts not yet acknowledged

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unseen: list[RectificationAlert] = []
        self._last_id = 0

    def alerts(self) -> tuple[RectificationAlert, ...]:
        return tuple(self._unseen)

    def add(self, alert: RectificationAlert) -> None:
        if alert.rectification_id <= self._last_id:
            return
        self._last_id = alert.rectification_id
        self._unseen.append(alert)
        self.raised.emit(alert)
        self.count_changed.emit(len(self._unseen))

    def check(self, runner: Runner, desk: Desk | None = None, then: Callable[[], None] | None = None) -> None:
        """Take in rectifications opened at any desk since the last one seen (``ratings.new_alerts``), on the
        window's thread once the look answers; ``then`` after it, whatever it found or however it failed.

        Asked by a timer: while the clerk's own operation runs the look waits its turn, and is answered after it.
        """

        def found(alerts: Iterable[RectificationAlert]) -> None:
            self.take(alerts)
            if then is not None:
                then()

        def failed(err: Failed) -> None:  # the next look tries again
            if then is not None:
                then()

        runner.submit(NEW_ALERTS, AlertsAfter(self._last_id), desk, background=True, owner=self, answered=found,
                      failed=failures_to(failed))  # fmt: skip

    def take(self, found: Iterable[RectificationAlert]) -> None:
        """Alerts read by a look: those not seen yet are raised."""
        for alert in found:
            self.add(alert)

    def prime(self, newest: int) -> None:
        """Alert only for rectifications opened after ``newest``: the older ones are on the 督办 page already."""
        self._last_id = max(self._last_id, newest)

    def acknowledge(self) -> None:
        self._unseen.clear()
        self.count_changed.emit(0)
