"""The sign-ins of one account at one desk of the hall, as the audit trail keeps them: the count the door locks by.

The hall server's door counts wrong passwords per desk and account (:func:`counter.actions.admin.accounts.sign_in`
with ``per_desk``), so that whoever holds one desk's key locks an account at that desk alone, never at the others
and never at the server's own command line, whose sign-in counts on the account's row.  The trail already holds every
attempt with its desk (a failure under nobody, the login typed as its subject; a lock with its end): the count is
read from it, and no table of counts is kept beside it.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from counter.access.lockout import AttemptState, SignInOutcome
from counter.audit.actions import AuditAction
from counter.db import models

#: the entry after which a desk's count starts afresh: a success there.  Not a lock that has ended: the count runs
#: on, and each lock after it is longer (:class:`counter.access.lockout.LockoutPolicy`), so that a stolen desk key
#: cannot try five passwords every quarter of an hour for ever
_BOUNDS = (AuditAction.SIGNED_IN.value,)
#: the failures counted: a wrong password, and a login no account has (so that a lock tells no login exists)
_COUNTED = frozenset({SignInOutcome.WRONG_PASSWORD.value, SignInOutcome.UNKNOWN_LOGIN.value})


def desk_attempts(session: Session, subject: str, site_code: str, desk_no: str, now: dt.datetime) -> AttemptState:
    """What the account ``subject`` (as the trail names it) remembers of its sign-ins at desk ``desk_no``: the wrong
    passwords (or tries of a login no account has) since its last success there, or the last change of the account
    anywhere (an administrator's password reset lifts the lock, as it lifts the row's), and a lock there still
    running.  ``disabled`` is the row's, and left to the caller."""
    e = models.AuditEntry
    at_desk = (e.subject == subject, e.site_code == site_code, e.desk_no == desk_no)
    bounds = or_(and_(*at_desk, e.action.in_(_BOUNDS)), e.action == AuditAction.ACCOUNT_CHANGED.value)
    bound = session.scalar(select(e.id).where(e.subject == subject, bounds).order_by(e.id.desc()).limit(1))
    after = () if bound is None else (e.id > bound,)
    failed = session.scalars(select(e.detail).where(*at_desk, *after, e.action == AuditAction.SIGN_IN_FAILED.value))
    wrong = sum(1 for detail in failed if _reason(detail) in _COUNTED)
    lock = session.scalar(
        select(e.detail)
        .where(*at_desk, *after, e.action == AuditAction.ACCOUNT_LOCKED.value)
        .order_by(e.id.desc())
        .limit(1)
    )
    until = None if lock is None else _until(lock)
    return AttemptState(wrong, until if until is not None and now < until else None)


def _until(detail: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(json.loads(detail)["locked_until"]))
    except (ValueError, KeyError, TypeError):
        return None


def _reason(detail: str) -> str:
    try:
        found = json.loads(detail)
    except ValueError:
        return ""
    return str(found.get("reason", "")) if isinstance(found, dict) else ""
