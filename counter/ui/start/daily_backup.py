"""The daily backup, once the window shows: on its own thread, never holding up the window.

Work on the database file itself, not through the service (:mod:`counter.host.database.backups`): a copy made online,
the program's own, logged and not audited.  (The file's health is checked where it is first opened for work.)
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

log = logging.getLogger(__name__)


def _daily_backup(url: str) -> None:
    from counter.host.database.backups import backup_if_due

    try:
        backup_if_due(url, dt.datetime.now())
    except Exception:  # the desk works on without it; the log says why
        log.exception("daily backup failed")


def start_daily_backup(url: str) -> threading.Thread:
    """The daily automatic backup, off the window's thread (a copy already taken today: nothing)."""
    thread = threading.Thread(target=_daily_backup, args=(url,), name="daily-backup")
    thread.start()
    return thread
