"""The database file's health at start, and the daily backup once the window shows.

Before anything else reads it, an SQLite desk's file gets ``PRAGMA quick_check``
(about a millisecond); only a damaged file loads the dialog
(:mod:`counter.ui.damaged_db`).  The daily backup runs on its own thread after
the window shows; SQLAlchemy is imported there, not before.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import TYPE_CHECKING

from counter.actions.startup import sqlite_path
from counter.backup.check import quick_check

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def check_at_start(app: QApplication, url: str, exit_when_ready: bool) -> bool:
    """Whether the desk may go on with its database: intact, or restored from a backup now."""
    path = sqlite_path(url)
    if path is None or not path.exists() or quick_check(path):
        return True
    from counter.ui.damaged_db import offer_restore

    return offer_restore(app, url, path, exit_when_ready)


def _daily_backup(url: str) -> None:
    from counter.actions.backup import backup_if_due

    try:
        backup_if_due(url, dt.datetime.now())
    except Exception:  # the desk works on without it; the log says why
        log.exception("daily backup failed")


def start_daily_backup(url: str) -> threading.Thread:
    """The daily automatic backup, off the window's thread (a copy already taken today: nothing)."""
    thread = threading.Thread(target=_daily_backup, args=(url,), name="daily-backup")
    thread.start()
    return thread
