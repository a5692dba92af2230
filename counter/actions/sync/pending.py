"""What a township desk has not sent to the hall yet, and after how many days that is too long.

The status-bar line reads both in one unit of work: the pending count of
:func:`counter.actions.sync.sync_status.sync_status`, and the number of days (``sync.warn_days``, three unless set)
after which the line turns red.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.actions.sync.sync_status import sync_status
from counter.db.settings_store import get_setting
from counter.sync.status import PendingSync

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit

WARN_DAYS_KEY = "sync.warn_days"
WARN_DAYS = 3


def warn_days(unit: Unit) -> int:
    raw = get_setting(unit, WARN_DAYS_KEY)
    try:
        days = int(raw) if raw is not None else WARN_DAYS
    except ValueError:
        return WARN_DAYS
    return days if days > 0 else WARN_DAYS


def pending_sync(unit: Unit) -> PendingSync:
    return PendingSync(sync_status(unit), warn_days(unit))
