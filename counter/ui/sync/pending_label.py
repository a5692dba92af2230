"""The status-bar line of a township desk: what has not reached the hall yet, and since when.

Amber while cases wait, red once the oldest has waited longer than the set
number of days (``sync.warn_days``, three unless set): a township that has not
synced for a week should notice before the hall asks.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtWidgets import QLabel
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from counter.ui.cases.case_lines import local_time
from counter.ui.sync import words

log = logging.getLogger(__name__)

WARN_DAYS_KEY = "sync.warn_days"
WARN_DAYS = 3


def minute_text(at: dt.datetime) -> str:
    """A stored moment (UTC, naive from SQLite) as the desk's local date and minute."""
    return f"{local_time(at):%Y-%m-%d %H:%M}"


def warn_days(session: Session) -> int:
    from counter.db.settings_store import get_setting

    raw = get_setting(session, WARN_DAYS_KEY)
    try:
        days = int(raw) if raw is not None else WARN_DAYS
    except ValueError:
        return WARN_DAYS
    return days if days > 0 else WARN_DAYS


class PendingLabel(QLabel):
    def refresh(self, sessions: sessionmaker[Session], now: dt.datetime | None = None) -> None:
        """Read the pending count again; a hall, or nothing pending, shows nothing."""
        from counter.actions.sync import sync_status

        try:
            with sessions() as session:
                status = sync_status(session)
                days = warn_days(session)
        except SQLAlchemyError:
            log.exception("sync status not read")
            return
        if status.site_kind != "township" or not status.pending_cases or status.pending_since is None:
            self.clear()
            self.hide()
            return
        since = status.pending_since if status.pending_since.tzinfo else status.pending_since.replace(tzinfo=dt.UTC)
        moment = now or dt.datetime.now(dt.UTC)
        stale = moment - since > dt.timedelta(days=days)
        template = words.SYNC_STATUS_STALE if stale else words.SYNC_STATUS_PENDING
        self.setText(template.format(count=status.pending_cases, days=days, since=minute_text(since)))
        self.setStyleSheet(f"color: {'#b42318' if stale else '#8a4b08'}; font-weight: bold;")
        self.setProperty("stale", stale)
        self.show()
