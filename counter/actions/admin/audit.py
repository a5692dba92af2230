"""Recording actions in the audit trail, with who, when, where and what (the check of it: :mod:`.trail_check`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from counter.access.roles import Actor
from counter.audit.actions import AuditAction
from counter.case.numbers import DeskIdentity
from counter.db import audit_store

if TYPE_CHECKING:
    from counter.access.desk import Desk


def record(
    session: Session,
    actor: Actor,
    desk: DeskIdentity,
    action: AuditAction,
    subject: str = "",
    detail: Mapping[str, Any] | None = None,
    clerk: str = "",
    at: dt.datetime | None = None,
    row: Mapping[str, object] | None = None,
) -> None:
    """Append an entry in the caller's transaction: the low-level recorder the actions share.

    It takes the account and the desk's identity apart because sign-in records
    an account that is not yet the desk's (and a failed one, nobody).  It is
    not an action: a face never calls it, and an action taken at a desk records
    with :func:`record_at_desk`.  ``clerk`` names who acted where nobody signs
    in (a database without accounts); a signed-in actor is named by its login.
    Personal data never goes into ``detail`` whole: mask it first
    (``counter.parties.identifiers``).
    """
    who = actor.login or clerk
    audit_store.append(session, who, desk.site_code, desk.desk_no, action.value, subject, detail or {}, at, row)


def record_at_desk(
    session: Session,
    desk: Desk,
    action: AuditAction,
    subject: str = "",
    detail: Mapping[str, Any] | None = None,
    at: dt.datetime | None = None,
    row: Mapping[str, object] | None = None,
) -> None:
    """:func:`record` for an action taken at a desk: its account, identity and clerk (``row``: see
    :func:`counter.db.audit_store.append`)."""
    record(session, desk.actor, desk.identity, action, subject, detail, clerk=desk.clerk, at=at, row=row)
