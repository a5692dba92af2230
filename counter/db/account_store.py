"""Accounts in the database: read as plain rows, written field by field in the caller's transaction.

Roles are stored comma-separated, in the order of :class:`Role`.  Times are
stored in UTC; SQLite hands them back without a zone, so they are read back as
UTC.  The password hash leaves this module only through :func:`password_hash_of`.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from counter.access.lockout import AttemptState
from counter.access.roles import Role
from counter.audit.state import RowAltered, SubjectKind
from counter.case.moments import stored_utc
from counter.db import models
from counter.db.audit_state import check_as_recorded
from counter.db.row_marks import mark_account


@dataclass(frozen=True, slots=True)
class AccountRow:
    login: str
    name: str
    staff_no: str
    roles: frozenset[Role]
    disabled: bool
    failed_logins: int
    department: str
    locked_until: dt.datetime | None
    created_at: dt.datetime
    last_login_at: dt.datetime | None

    @property
    def attempts(self) -> AttemptState:
        return AttemptState(self.failed_logins, self.locked_until, self.disabled)


def roles_text(roles: frozenset[Role]) -> str:
    return ",".join(role.value for role in Role if role in roles)


@functools.lru_cache(maxsize=64)
def roles_of(stored: str) -> frozenset[Role]:
    """The roles of an account as stored (comma-separated, :func:`roles_text`); an unknown word grants nothing."""
    known = {role.value: role for role in Role}
    return frozenset(known[word] for word in stored.split(",") if word in known)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return stored_utc(value)


def _row(account: models.Account) -> AccountRow:
    created = _utc(account.created_at)
    assert created is not None
    return AccountRow(
        login=account.login,
        name=account.name,
        staff_no=account.staff_no,
        roles=roles_of(account.roles),
        disabled=account.disabled,
        failed_logins=account.failed_logins,
        department=account.department,
        locked_until=_utc(account.locked_until),
        created_at=created,
        last_login_at=_utc(account.last_login_at),
    )


def account_row(session: Session, login: str) -> AccountRow | None:
    account = session.get(models.Account, login)
    return None if account is None else _row(account)


def all_accounts(session: Session) -> list[AccountRow]:
    return [_row(a) for a in session.scalars(select(models.Account).order_by(models.Account.login))]


def password_hash_of(session: Session, login: str) -> str | None:
    return session.scalar(select(models.Account.password_hash).where(models.Account.login == login))


def enabled_admins(session: Session) -> list[str]:
    """Logins of the enabled accounts holding the admin role."""
    enabled = select(models.Account.login, models.Account.roles).where(models.Account.disabled.is_(False))
    return [login for login, roles in session.execute(enabled) if Role.ADMIN in roles_of(roles)]


def insert_account(
    session: Session,
    login: str,
    name: str,
    staff_no: str,
    roles: frozenset[Role],
    password_hash: str,
    created_at: dt.datetime,
    department: str = "",
) -> None:
    session.add(
        models.Account(
            login=login,
            name=name,
            staff_no=staff_no,
            roles=roles_text(roles),
            department=department,
            password_hash=password_hash,
            disabled=False,
            failed_logins=0,
            locked_until=None,
            created_at=created_at.astimezone(dt.UTC),
        )
    )
    session.flush()
    mark_account(session, login)


def set_disabled(session: Session, login: str, disabled: bool) -> None:
    """Raises :class:`RowAltered` when the account is not as the trail last recorded it (so for the next two)."""
    check_as_recorded(session, SubjectKind.ACCOUNT, login)
    session.execute(update(models.Account).where(models.Account.login == login).values(disabled=disabled))
    mark_account(session, login)


def set_password_hash(session: Session, login: str, password_hash: str) -> None:
    """A new password also lifts a lock and clears the count: an administrator's reset lets the clerk back in."""
    check_as_recorded(session, SubjectKind.ACCOUNT, login)
    session.execute(
        update(models.Account)
        .where(models.Account.login == login)
        .values(password_hash=password_hash, failed_logins=0, locked_until=None)
    )
    mark_account(session, login)


def end_sessions(session: Session, login: str, now: dt.datetime) -> None:
    """End every live session of ``login`` at the hall's desks (none on a database without a server)."""
    live = models.DeskSession.ended_at.is_(None)
    session.execute(update(models.DeskSession).where(models.DeskSession.login == login, live).values(ended_at=now))


def store_attempt(session: Session, login: str, state: AttemptState, signed_in_at: dt.datetime | None) -> None:
    """Keep the count and lock an attempt left behind, and the time of a successful sign-in."""
    values: dict[str, object] = {
        "failed_logins": state.failed_logins,
        "locked_until": None if state.locked_until is None else state.locked_until.astimezone(dt.UTC),
    }
    if signed_in_at is not None:
        values["last_login_at"] = signed_in_at.astimezone(dt.UTC)
    session.execute(update(models.Account).where(models.Account.login == login).values(**values))


def may_set_password_hash(session: Session) -> bool:
    """Whether this connection may write a password hash: not a login granted less than the tables (a hall's old
    desk role, retired as the 运维手册 says, kept it from the column)."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    return bool(session.scalar(text("SELECT has_column_privilege('account', 'password_hash', 'UPDATE')")))


def as_recorded(session: Session, login: str) -> bool:
    """Whether the account is as the trail last recorded it: what a sign-in asks before it lets the account in."""
    try:
        check_as_recorded(session, SubjectKind.ACCOUNT, login)
    except RowAltered:
        return False
    return True


def account_department(session: Session, login: str) -> str:
    """The department an account's steps are confined to; empty for none (or no such account)."""
    return session.scalar(select(models.Account.department).where(models.Account.login == login)) or ""
