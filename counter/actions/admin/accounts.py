"""Account actions: add, list, disable, set a password; sign in, sign out, confirm a password at the screen lock.

While the database has no account it belongs to one desk and nobody signs in.
The first account added must be an administrator; from then on every action
needs a signed-in actor, and managing accounts needs
:attr:`Permission.MANAGE_ACCOUNTS` (checked by :func:`require`).

One function per user action; the caller owns the session and commits once.
Sign-in is the exception to "nothing is kept when it fails": a wrong password
must be counted and a lock must hold, so :func:`sign_in` and
:func:`check_password` write the count, the lock and the audit entry and
*return* the refusal instead of raising it.  Call them inside
``with sessions.begin() as session:`` and act on the result after the block,
so the transaction commits whatever the outcome::

    with sessions.begin() as session:
        result = sign_in(session, login, password, desk, now)
    if not result.signed_in:
        show(sign_in_text(result))

No password, and no hash, ever goes into the audit trail, the log or a
returned value; the login does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from counter.access.account_rules import AccountProblem, name_looks_taken, new_account_problems, normalise_login
from counter.access.account_views import AccountInfo, NewAccount, Problem, SignInResult
from counter.access.desk import Desk
from counter.access.lockout import Decision, SignInOutcome, decide
from counter.access.not_permitted import NotPermitted
from counter.access.passwords import dummy_hash, hash_password, needs_rehash, password_problems
from counter.access.passwords import verify_password as password_matches
from counter.access.roles import Actor, Permission, Role
from counter.actions.admin.acting import system_desk
from counter.actions.admin.audit import record, record_at_desk
from counter.actions.admin.guard import accounts_exist, require
from counter.audit.actions import AuditAction
from counter.db import account_store
from counter.db.account_store import account_row
from counter.db.models import utcnow
from counter.db.sign_in_trail import desk_attempts
from counter.parties.text import TextField, clean_text

_LOGIN_IN_AUDIT = 40  # what was typed as a login is kept, cut to a login's length


def add_account(session: Session, desk: Desk, new: NewAccount, now: dt.datetime | None = None) -> tuple[Problem, ...]:
    """Add an account; returns every problem, and adds nothing unless there are none.

    Raises :class:`NotPermitted` unless the desk's actor may manage accounts
    (anyone may, while the database has none: that is how the first one is made).
    """
    require(session, desk.actor, Permission.MANAGE_ACCOUNTS)
    login = normalise_login(new.login)
    first = not accounts_exist(session)
    problems: list[Problem] = list(
        new_account_problems(
            login, new.name, new.staff_no, new.roles, new.password, first=first, department=new.department
        )
    )
    if login and account_store.account_row(session, login) is not None:
        problems.insert(0, AccountProblem.LOGIN_TAKEN)
    others = [n for a in account_store.all_accounts(session) for n in (a.name, a.login)]
    if not problems and name_looks_taken(new.name, others):
        problems.append(AccountProblem.NAME_LOOKS_TAKEN)
    if problems:
        return tuple(problems)
    name = clean_text(new.name, TextField.PERSON_NAME)
    account_store.insert_account(
        session,
        login,
        name,
        new.staff_no.strip(),
        new.roles,
        hash_password(new.password),
        now or utcnow(),
        new.department.strip(),
    )
    detail = {"name": name, "roles": account_store.roles_text(new.roles), "first": first}
    if new.department.strip():
        detail["department"] = new.department.strip()
    record_at_desk(session, desk, AuditAction.ACCOUNT_ADDED, login, detail, at=now)
    return ()


def list_accounts(session: Session, desk: Desk, now: dt.datetime | None = None) -> list[AccountInfo]:
    """Every account, by login, for whoever manages accounts; a lock that has ended by ``now`` shows as none."""
    require(session, desk.actor, Permission.MANAGE_ACCOUNTS)
    moment = now or utcnow()
    return [
        AccountInfo(
            login=row.login,
            name=row.name,
            staff_no=row.staff_no,
            roles=row.roles,
            disabled=row.disabled,
            locked_until=row.locked_until if row.locked_until and row.locked_until > moment else None,
            last_login_at=row.last_login_at,
            created_at=row.created_at,
            department=row.department,
        )
        for row in account_store.all_accounts(session)
    ]


def disable_account(session: Session, desk: Desk, login: str, now: dt.datetime | None = None) -> tuple[Problem, ...]:
    """Disable an account (kept for the audit trail, never deleted); refuses the last enabled administrator."""
    require(session, desk.actor, Permission.MANAGE_ACCOUNTS)
    login = normalise_login(login)
    row = account_store.account_row(session, login)
    if row is None:
        return (AccountProblem.UNKNOWN_LOGIN,)
    if row.disabled:
        return (AccountProblem.ALREADY_DISABLED,)
    if Role.ADMIN in row.roles and account_store.enabled_admins(session) == [login]:
        return (AccountProblem.LAST_ADMIN,)
    account_store.set_disabled(session, login, True)
    record_at_desk(session, desk, AuditAction.ACCOUNT_CHANGED, login, {"change": "disabled"}, at=now)
    return ()


def set_password(
    session: Session, desk: Desk, login: str, password: str, now: dt.datetime | None = None
) -> tuple[Problem, ...]:
    """Give an account a new password, and lift its lock.

    An administrator may set anyone's; a signed-in account may set its own
    (the window confirms the current one with :func:`check_password` first).
    An administrator's reset ends the account's sessions at the hall's desks: it is what is done when a password
    is known to others, and a token signed in with the old one would otherwise stand for the account all day.
    """
    login = normalise_login(login)
    if not (desk.actor.signed_in and desk.actor.login == login):
        require(session, desk.actor, Permission.MANAGE_ACCOUNTS)
    row = account_store.account_row(session, login)
    if row is None:
        return (AccountProblem.UNKNOWN_LOGIN,)
    if desk.actor.login == login and row.disabled:
        raise NotPermitted(Permission.MANAGE_ACCOUNTS, signed_in=True)
    problems = password_problems(password, login)
    if problems:
        return problems
    account_store.set_password_hash(session, login, hash_password(password))
    if desk.actor.login != login:
        account_store.end_sessions(session, login, now or utcnow())
    record_at_desk(session, desk, AuditAction.ACCOUNT_CHANGED, login, {"change": "password"}, at=now)
    return ()


def staff_no(session: Session, login: str) -> str:
    """The staff number (工号) of the account signed in at the desk, shown on the review pad; "" when none."""
    row = account_row(session, normalise_login(login))
    return row.staff_no if row is not None else ""


@dataclasses.dataclass(frozen=True)
class PasswordChecked:
    """A password checked before the writing unit of work of its sign-in: the login as normalised, the hash it was
    checked against (None: no such account, checked against a dummy all the same) and whether it matched.  Taken by
    :func:`sign_in` only while the account still holds that hash."""

    login: str
    stored: str | None
    matches: bool


def check_first(session: Session, typed: str, password: str) -> PasswordChecked:
    """The password checked in a read, with no transaction writing: the hall's door, whose write transaction would
    otherwise hold SQLite's one write lock, and a PostgreSQL connection, for as long as the hash takes (a quarter of a
    second, longer on a loaded machine at the lowest priority)."""
    login = normalise_login(typed)
    stored = account_store.password_hash_of(session, login) if login else None
    return PasswordChecked(login, stored, password_matches(password, stored or dummy_hash()) and stored is not None)


def sign_in(
    session: Session,
    login: str,
    password: str,
    desk: Desk,
    now: dt.datetime,
    *,
    per_desk: bool = False,
    checked: PasswordChecked | None = None,
) -> SignInResult:
    """Try to sign in at ``desk``, applying the lockout; commit whatever it returns (see the module's docstring).

    Whoever ``desk`` names as acting is not asked: the account that signs in is
    the one in the result, recorded in that desk's trail.

    ``per_desk``: the hall server's door.  Wrong passwords there count per desk and account, read from the trail
    (:mod:`counter.db.sign_in_trail`), and lock the account at that desk alone: whoever holds one desk's key cannot
    lock an account everywhere, nor the administrator out of the server's own command line, whose sign-in counts on
    the account's row as a desk without a server does.  The row is written by the door only on a success.
    """
    return _attempt(session, login, password, desk, now, via="sign_in", per_desk=per_desk, checked=checked)


def check_password(
    session: Session, login: str, password: str, now: dt.datetime, desk: Desk | None = None
) -> SignInResult:
    """Confirm the signed-in clerk's password at the idle screen lock, under the same lockout as :func:`sign_in`.

    With ``desk`` the attempt is recorded in that desk's audit trail, as a
    sign-in is; without it only the count and the lock are kept.  Commit
    whatever it returns.
    """
    return _attempt(session, login, password, desk, now, via="screen_lock")


def sign_in_shown(
    session: Session, login: str, password: str, desk: Desk, now: dt.datetime
) -> tuple[SignInResult, str]:
    """A desk's sign-in (:func:`sign_in`), and the staff number (工号) the pad shows when it succeeded ("")."""
    return _with_staff_no(session, sign_in(session, login, password, desk, now))


def unlock(
    session: Session, login: str, password: str, now: dt.datetime, desk: Desk | None
) -> tuple[SignInResult, str]:
    """The screen lock's check (:func:`check_password`), and the staff number the pad shows when it succeeded."""
    return _with_staff_no(session, check_password(session, login, password, now, desk))


def _with_staff_no(session: Session, result: SignInResult) -> tuple[SignInResult, str]:
    return result, "" if result.actor is None else staff_no(session, result.actor.login)


def sign_out(session: Session, desk: Desk, idle: bool = False) -> None:
    """Record that the desk's account left it (``idle``: the screen lock signed it out)."""
    if desk.actor.signed_in:
        record_at_desk(session, desk, AuditAction.SIGNED_OUT, desk.actor.login, {"idle": idle})


def _attempt(
    session: Session,
    typed: str,
    password: str,
    desk: Desk | None,
    now: dt.datetime,
    via: str,
    per_desk: bool = False,
    checked: PasswordChecked | None = None,
) -> SignInResult:
    login = normalise_login(typed)
    row = account_store.account_row(session, login) if login else None
    stored = account_store.password_hash_of(session, login) if row else None
    if checked is not None and (checked.login, checked.stored) == (login, stored):
        password_ok = checked.matches  # checked before this transaction, against the hash it still holds
    else:
        # the password is checked in every case, against a dummy for an unknown login, so
        # the time an answer takes tells nothing about which logins exist
        password_ok = password_matches(password, stored or dummy_hash()) and stored is not None
    counted = per_desk and desk is not None
    attempts = row.attempts if row else None
    if desk is not None and counted:
        where = desk.identity
        at_desk = desk_attempts(session, login[:_LOGIN_IN_AUDIT], where.site_code, where.desk_no, now)
        # a disabled account is told so only with its own password: with a wrong one it is counted and answered as
        # any login, so that the door's answer tells nobody which logins exist
        disabled = row is not None and row.attempts.disabled and password_ok
        attempts = at_desk if row is None else dataclasses.replace(at_desk, disabled=disabled)
    decision = decide(attempts, password_ok, now)
    if row is None and decision.state is not None:
        decision = _unknown_at_door(decision)
    if decision.signed_in and not account_store.as_recorded(session, login):
        # the row says what the trail never recorded (a role, a hash, the account itself planted by SQL): it is
        # not honoured, and nothing is written from it — the rehash below would record the planted row as true
        decision = Decision(SignInOutcome.ACCOUNT_ALTERED, None)
    kept = decision.signed_in or (not counted and decision.state != attempts)  # the door's count is the trail's
    if row is not None and decision.state is not None and kept:
        account_store.store_attempt(session, login, decision.state, now if decision.signed_in else None)
    result = _result(decision, login[:_LOGIN_IN_AUDIT], row)
    rehash = decision.signed_in and stored is not None and needs_rehash(stored)
    if rehash and result.actor is not None and account_store.may_set_password_hash(session):
        # the stored hash is part of the account's recorded state: the new one is recorded like any change.  A
        # login granted less than the tables may not write it (a hall's old desk role): the hash waits for a sign-in
        # on the owner's login
        account_store.set_password_hash(session, login, hash_password(password))
        rehashed = {"change": "password_rehashed", "via": via}
        record(session, result.actor, (desk or system_desk(None)).identity, AuditAction.ACCOUNT_CHANGED, login,
               rehashed, at=now)  # fmt: skip
    if desk is not None:
        _audit(session, desk, result, decision, via, now)
    return result


def _unknown_at_door(decision: Decision) -> Decision:
    """A login no account has, tried at the door: counted and locked at the desk as an account's wrong passwords
    are, so that LOCKED (after five at one desk) tells nothing about which logins exist; until then an unknown
    login, kept so in the trail."""
    if decision.outcome is SignInOutcome.LOCKED:
        return decision
    return dataclasses.replace(decision, outcome=SignInOutcome.UNKNOWN_LOGIN, attempts_left=0)


def _result(decision: Decision, login: str, row: account_store.AccountRow | None) -> SignInResult:
    actor = Actor(row.login, row.name, row.roles) if decision.signed_in and row else None
    return SignInResult(decision.outcome, login, actor, decision.attempts_left, decision.locked_until)


def _audit(session: Session, at: Desk, result: SignInResult, decision: Decision, via: str, now: dt.datetime) -> None:
    """Successes are recorded under the account; failures under nobody, with the login typed as the subject (a lock
    by its last failure's reason: a wrong password, or at the door an unknown login)."""
    desk = at.identity
    if result.actor is not None:
        record(session, result.actor, desk, AuditAction.SIGNED_IN, result.login, {"via": via}, at=now)
        return
    nobody = Actor("", "", frozenset())
    detail: dict[str, object] = {"via": via, "reason": result.outcome.value}
    if result.outcome is SignInOutcome.WRONG_PASSWORD:
        detail["attempts_left"] = result.attempts_left
    if decision.newly_locked:
        detail["reason"] = SignInOutcome.WRONG_PASSWORD.value
    record(session, nobody, desk, AuditAction.SIGN_IN_FAILED, result.login, detail, at=now)
    if decision.newly_locked and result.locked_until is not None:
        until = {"via": via, "locked_until": result.locked_until.astimezone(dt.UTC).isoformat()}
        record(session, nobody, desk, AuditAction.ACCOUNT_LOCKED, result.login, until, at=now)


def own_department(session: Session, desk: Desk) -> str:
    """The department whose items the desk's account works (a department's staff given one); empty: any or none."""
    return account_store.account_department(session, desk.actor.login) if desk.actor.signed_in else ""
