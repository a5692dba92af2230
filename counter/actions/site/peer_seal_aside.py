"""Setting aside a row of ``peer_seal`` that the township it names never signed.

Why.  ``audit verify`` at a hall names such a row for what it is — written into the hall's database, not sent by the
township (:mod:`counter.audit.peer_seals`).  The table is insert-only, so the row stays; once an administrator has
looked into it, they set it aside here.  The rows set aside are a setting whose every change is in the hall's trail,
and verify reads them from the trail, so a row set aside by writing the settings table is named still.  Only a row
that is not the township's signed seal can be set aside: two seals the township did sign under one number remain its
own doing, whatever an administrator says.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.sync.sync_seals import township_signed
from counter.audit.actions import AuditAction
from counter.audit.peer_seals import SET_ASIDE, NotSetAside, parse_set_aside, set_aside_text
from counter.db import models
from counter.db.setting_trail import recorded_setting
from counter.db.settings_store import get_setting, put_setting


def set_aside_peer_seal(session: Session, desk: Desk, site: str, no: int, digest: str) -> bool:
    """Set aside the row ``site`` number ``no`` with ``digest``; False when it was set aside already.  The caller
    commits; :class:`NotSetAside` for a row not held or one the township signed."""
    require(session, desk.actor, Permission.CHANGE_SETTINGS)
    s = models.PeerSeal
    row = session.scalar(select(s).where(s.site_code == site, s.no == no, s.digest == digest))
    if row is None:
        raise NotSetAside(signed=False)
    if township_signed(session)(site, no, digest, row.payload, row.signature):
        raise NotSetAside(signed=True)
    before = get_setting(session, SET_ASIDE)
    rows = parse_set_aside(recorded_setting(session, SET_ASIDE))  # as the trail has it, as verify reads it
    if (site, no, digest) in rows:
        return False
    after = set_aside_text(rows | {(site, no, digest)})
    put_setting(session, SET_ASIDE, after)
    record_at_desk(session, desk, AuditAction.SETTING_CHANGED, SET_ASIDE, {"from": before, "to": after})
    return True
