"""Recording actions in the audit trail, with who, when, where and what."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from counter.access.roles import Actor
from counter.audit.actions import AuditAction
from counter.case.numbers import DeskIdentity
from counter.db import audit_store


def record(
    session: Session,
    actor: Actor,
    desk: DeskIdentity,
    action: AuditAction,
    subject: str = "",
    detail: Mapping[str, Any] | None = None,
    clerk: str = "",
    at: dt.datetime | None = None,
) -> None:
    """Append an entry in the caller's transaction.

    ``clerk`` names who acted where nobody signs in (a database without
    accounts); a signed-in actor is named by its login.  Personal data never
    goes into ``detail`` whole: mask it first (``counter.identifiers``).
    """
    who = actor.login or clerk
    audit_store.append(session, who, desk.site_code, desk.desk_no, action.value, subject, detail or {}, at)
