"""Alerts for the supervisor: a bad rating has opened a rectification.

A plain model the main window can show (a badge, a banner, the 督办 page).
Alerts come from this desk's pad at once, and from every other desk when the
window calls :meth:`SupervisorAlerts.check` (on a timer or when the page
opens): rectifications are numbered, so "newer than the last one seen" finds
them all.  Nothing here reaches the clerk's status widget.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from counter.actions.ratings.record import new_rectifications, newest_rectification
from counter.actions.site.store import Unit
from counter.ratings.views import RectificationAlert


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

    def check(self, unit: Unit) -> None:
        """Take in rectifications opened at any desk since the last one seen."""
        for alert in new_rectifications(unit, self._last_id):
            self.add(alert)

    def prime(self, unit: Unit) -> None:
        """Alert only for rectifications opened from now on: the older ones are on the 督办 page already."""
        self._last_id = max(self._last_id, newest_rectification(unit))

    def acknowledge(self) -> None:
        self._unseen.clear()
        self.count_changed.emit(0)
