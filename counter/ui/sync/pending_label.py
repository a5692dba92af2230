"""The status-bar line of a township desk: what has not reached the hall yet, and since when.

Amber while cases wait, red once the oldest has waited longer than the set
number of days (``sync.warn_days``, three unless set; the operation ``sync.read_pending``): a township that has not
synced for a week should notice before the hall asks.  Read by a timer, in the background: while a clerk's step runs
the read gives way, and the next tick reads again.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from counter.case.moments import minute_text, stored_utc
from counter.ui.door.runner import Runner, logged_only
from counter.ui.sync import words

if TYPE_CHECKING:
    from counter.sync.status import PendingSync


class PendingLabel(QLabel):
    def refresh(self, runner: Runner, now: dt.datetime | None = None) -> None:
        """Read the pending count again; a hall, or nothing pending, shows nothing."""
        from counter.service.requests import Nothing
        from counter.service.sync import READ_PENDING

        # a clerk's step running: read after it (a refused read left a township's count unshown until a tick was free)
        runner.submit(READ_PENDING, Nothing(), background=True, owner=self,
                      answered=partial(self._show, now), failed=logged_only)  # fmt: skip

    def _show(self, now: dt.datetime | None, pending: PendingSync) -> None:
        status, days = pending.status, pending.warn_days
        if status.site_kind != "township" or not status.pending_cases or status.pending_since is None:
            self.clear()
            self.hide()
            return
        since = stored_utc(status.pending_since)
        moment = now or dt.datetime.now(dt.UTC)
        stale = moment - since > dt.timedelta(days=days)
        template = words.SYNC_STATUS_STALE if stale else words.SYNC_STATUS_PENDING
        self.setText(template.format(count=status.pending_cases, days=days, since=minute_text(since)))
        self.setStyleSheet(f"color: {'#b42318' if stale else '#8a4b08'}; font-weight: bold;")
        self.setProperty("stale", stale)
        self.show()
