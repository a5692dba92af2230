"""The hall's pad devices: registered at the server with a key (the administrator, ``counter serve add-pad``), paired
to a desk and retired (a supervisor, recorded in the audit trail), and found by the key a pad shows.

Only the key's SHA-256 is kept, as a desk's (:mod:`counter.db.models.pads`).  A desk has at most one pad: pairing
another to it replaces the one it had, which then shows nothing until paired again.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.pads import PadFound, PadProblem, PadRefused, PadView, check_pad_name
from counter.access.roles import Permission
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.audit.actions import AuditAction
from counter.db import models
from counter.db.models import utcnow


def register_pad(session: Session, name: str, key_hash: str) -> None:
    """Keep ``key_hash`` as the key of pad ``name``: a new pad, or a new key for one registered before (a device
    replaced under the same name, or one retired and taken into use again, paired to nothing until a supervisor
    pairs it)."""
    check_pad_name(name)
    row = session.get(models.HallPad, name)
    if row is None:
        session.add(models.HallPad(name=name, key_hash=key_hash, registered_at=utcnow()))
        return
    row.key_hash, row.registered_at, row.retired_at = key_hash, utcnow(), None


def pad_of_key(session: Session, key_hash: str) -> PadFound | None:
    """The live pad whose key hashes to ``key_hash``, with the desk it is paired to; None for any other key (a retired
    pad's included)."""
    pad = models.HallPad
    row = session.scalars(select(pad).where(pad.key_hash == key_hash, pad.retired_at.is_(None))).first()
    return None if row is None else PadFound(row.name, row.desk_no or "")


def paired_pad(session: Session, desk_no: str) -> str:
    """The name of the live pad paired to desk ``desk_no``; "" when it has none (its pad window is its own)."""
    pad = models.HallPad
    found = session.scalars(select(pad.name).where(pad.desk_no == desk_no, pad.retired_at.is_(None))).first()
    return found or ""


def _live_pad(session: Session, name: str) -> models.HallPad:
    check_pad_name(name)
    row = session.get(models.HallPad, name)
    if row is None:
        raise PadRefused(PadProblem.NO_PAD, name)
    if row.retired_at is not None:
        raise PadRefused(PadProblem.RETIRED, name)
    return row


def pair_pad(session: Session, desk: Desk, name: str, desk_no: str, now: dt.datetime) -> None:
    """Pair pad ``name`` to desk ``desk_no`` (a desk registered at the server): the desk's rating requests are the
    pad's from now on; a pad the desk had is replaced and the pad's former desk left without one.  A supervisor's
    act (the 好差评 standing), recorded."""
    require(session, desk.actor, Permission.RECTIFY)
    row = _live_pad(session, name)
    if session.get(models.HallDesk, desk_no) is None:
        raise PadRefused(PadProblem.NO_DESK, name, desk_no)
    if row.desk_no == desk_no:
        return
    before = session.scalars(select(models.HallPad).where(models.HallPad.desk_no == desk_no)).first()
    if before is not None:
        before.desk_no = None
        session.flush()  # the desk's one pad: the replaced one lets go of it first
    detail: dict[str, object] = {"pad": "paired", "desk": desk_no, "from_desk": row.desk_no or ""}
    if before is not None:
        detail["replaces"] = before.name
    row.desk_no = desk_no
    record_at_desk(session, desk, AuditAction.SETTING_CHANGED, f"pad:{name}", detail, at=now)


def retire_pad(session: Session, desk: Desk, name: str, now: dt.datetime) -> None:
    """Retire pad ``name`` (lost, broken, taken out of the hall): its key opens nothing and its desk has no pad.  A
    supervisor's act, recorded."""
    require(session, desk.actor, Permission.RECTIFY)
    row = _live_pad(session, name)
    detail = {"pad": "retired", "desk": row.desk_no or ""}
    row.desk_no, row.retired_at = None, now
    record_at_desk(session, desk, AuditAction.SETTING_CHANGED, f"pad:{name}", detail, at=now)


def list_pads(session: Session) -> list[PadView]:
    """Every pad registered, by name: where each is paired, and which are retired."""
    rows = session.scalars(select(models.HallPad).order_by(models.HallPad.name))
    return [PadView(row.name, row.desk_no or "", row.retired_at is not None) for row in rows]


def pad_heard(session: Session, name: str, until: dt.datetime) -> None:
    """Pad ``name`` was heard from, and is to be heard from again by ``until`` (the end of the ask it holds, or, when
    it took a request to show, the moment by which it asks again): past that and a grace, the desk that asked is told
    it went away."""
    row = session.get(models.HallPad, name)
    if row is not None:
        row.heard_until = until
