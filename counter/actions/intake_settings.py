"""The hall's intake setting: how many working days a deferred material must be due before the promise.

Kept in the database (``intake.deferral_margin_days``), so every desk of a hall decides alike; read by
:func:`counter.actions.intake.take_intake` and its preview when the caller gives no policy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.actions.acting import this_desk
from counter.actions.audit import record_at_desk
from counter.actions.guard import require
from counter.audit.actions import AuditAction
from counter.catalog.model import TimeLimit, TimeUnit
from counter.db.settings_store import get_setting, put_setting
from counter.intake.outcome import DeferralPolicy

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.actions.desk import Desk

DEFERRAL_MARGIN_KEY = "intake.deferral_margin_days"
MARGIN_MAX = 20  # a margin longer than any promise would forbid every deferral: a typing error, not a policy


class MarginRefused(ValueError):
    """A margin outside 0..MARGIN_MAX working days."""


def deferral_policy(session: Session) -> DeferralPolicy:
    """The hall's margin; the default (two working days) when none is set or the stored one is unusable."""
    raw = get_setting(session, DEFERRAL_MARGIN_KEY)
    default = DeferralPolicy()
    if raw is None:
        return default
    try:
        days = int(raw)
    except ValueError:
        return default
    return DeferralPolicy(TimeLimit(days, TimeUnit.WORKING_DAY)) if 0 <= days <= MARGIN_MAX else default


def save_deferral_margin(session: Session, days: int, *, desk: Desk | None = None) -> None:
    """Set the hall's margin, changed at ``desk`` (this machine's when not given), on the audit trail."""
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    if not 0 <= days <= MARGIN_MAX:
        raise MarginRefused(str(days))
    before = get_setting(session, DEFERRAL_MARGIN_KEY)
    put_setting(session, DEFERRAL_MARGIN_KEY, str(days))
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, DEFERRAL_MARGIN_KEY, {"from": before, "to": str(days)})
