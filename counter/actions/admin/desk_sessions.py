"""The hall server's desks and sessions: a desk machine registered, a clerk signed in at it, the token checked.

A session is opened only for a registered desk whose key the machine showed, and only by the accounts' own sign-in
(:func:`counter.actions.admin.accounts.sign_in`: the lockout, the trail); it then stands for that account at that
desk of this database's site, and for nothing the desk's requests say.  It ends at sign-out, at its longest life, when
idle, and at its first use after its account was disabled; a desk registered again ends every session of the old
key.  Only SHA-256 hashes of keys and tokens are stored (:mod:`counter.db.models.desk_sessions`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hmac

from sqlalchemy import Select, delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter.access.account_views import SignInResult
from counter.access.desk import Desk
from counter.access.desk_session import (
    IDLE_MINUTES,
    LONGEST_HOURS,
    DeskRegisteredMeanwhile,
    DeskSignIn,
    SessionDesk,
    SessionEnd,
)
from counter.access.lockout import SignInOutcome
from counter.access.roles import Actor
from counter.actions.admin import accounts
from counter.actions.admin.site import this_site
from counter.case.moments import stored_utc
from counter.case.numbers import DeskIdentity, check_given_desk_no
from counter.db import models
from counter.db.account_store import account_row
from counter.db.models import utcnow
from counter.db.receipts import prune_receipts

USE_NOTED_EVERY = dt.timedelta(minutes=1)
"""How often a session's last use is written: the idle end (:data:`IDLE_MINUTES`) needs no finer."""


def register_desk(session: Session, desk_no: str, key_hash: str) -> None:
    """Keep ``key_hash`` as the key of desk ``desk_no``; the sessions opened with an earlier key end now.

    Two registrations at once (two administrators' ``add-desk`` of one desk, or any two on a hall whose site has no
    identity yet) both found no row and both wrote one: the later insert waited for the first to commit, then failed
    on the unique key, a raw database error.  The rows are written in a savepoint, so that the later one is told
    :class:`DeskRegisteredMeanwhile` and keeps nothing: never a silent overwrite of the key the first was shown.

    The number is checked here, whatever face asked (:class:`BadIdentity`): a desk registered as "08" beside desk 8
    would issue desk 8's case numbers (:data:`counter.case.numbers.DESK_NO_GIVEN`).
    """
    check_given_desk_no(desk_no)
    now = utcnow()
    try:
        with session.begin_nested():
            DeskIdentity(this_site(session).code, desk_no)  # a desk number that numbers cases, or BadIdentity
            row = session.get(models.HallDesk, desk_no)
            if row is None:
                session.add(models.HallDesk(desk_no=desk_no, key_hash=key_hash, registered_at=now))
            else:
                row.key_hash, row.registered_at = key_hash, now
    except IntegrityError as err:
        raise DeskRegisteredMeanwhile(desk_no) from err
    live = models.DeskSession.ended_at.is_(None)
    session.execute(update(models.DeskSession).where(models.DeskSession.desk_no == desk_no, live).values(ended_at=now))


def desk_key_matches(session: Session, desk_no: str, key_hash: str) -> bool:
    """Whether ``key_hash`` is the key registered for desk ``desk_no``, compared in constant time."""
    row = session.get(models.HallDesk, desk_no)
    return row is not None and hmac.compare_digest(row.key_hash, key_hash)


def password_first(
    session: Session, login: str, password: str, desk_no: str, key_hash: str
) -> accounts.PasswordChecked | None:
    """The sign-in's password checked in a read, before :func:`open_session`'s transaction
    (:func:`counter.actions.admin.accounts.check_first`); None, with no password tried, for an unknown desk or key."""
    if not desk_key_matches(session, desk_no, key_hash):
        return None
    return accounts.check_first(session, login, password)


def open_session(
    session: Session,
    login: str,
    password: str,
    desk_no: str,
    key_hash: str,
    token_hash: str,
    now: dt.datetime,
    checked: accounts.PasswordChecked | None = None,
) -> DeskSignIn:
    """Sign ``login`` in at desk ``desk_no`` if the machine's key is that desk's; a session of ``token_hash`` when it
    succeeds.  An unknown desk or key tries no password, so that it neither counts towards nor reveals a lock; a wrong
    password is answered as an unknown login is."""
    row = session.get(models.HallDesk, desk_no)
    if row is None or not hmac.compare_digest(row.key_hash, key_hash):
        return DeskSignIn(SignInResult(SignInOutcome.UNKNOWN_LOGIN, login[:40]), desk_known=False)
    site = this_site(session)
    desk = Desk(DeskIdentity(site.code, desk_no), "", site_name=site.name)
    result = accounts.sign_in(session, login, password, desk, now, per_desk=True, checked=checked)
    if result.outcome is SignInOutcome.WRONG_PASSWORD:
        # one answer for a wrong password and an unknown login: the door tells nobody which logins exist (the trail
        # keeps the attempt as it was, with the attempts left)
        return DeskSignIn(dataclasses.replace(result, outcome=SignInOutcome.UNKNOWN_LOGIN, attempts_left=0))
    if result.actor is None:
        return DeskSignIn(result)
    ends = now + dt.timedelta(hours=LONGEST_HOURS)
    session.add(
        models.DeskSession(
            token_hash=token_hash, login=result.actor.login, desk_no=desk_no, made_at=now, used_at=now, ends_at=ends
        )
    )
    return DeskSignIn(result, staff_no=accounts.staff_no(session, result.actor.login))


def find_session(session: Session, token_hash: str, key_hash: str, now: dt.datetime) -> SessionDesk | SessionEnd:
    """Whom ``token_hash`` stands for now, asked by the machine of the desk key ``key_hash``, its use noted; else why
    not, the session ended if it must be.  A token shown with another desk's key (or none) opens nothing.

    The use is written at most once a minute (:data:`USE_NOTED_EVERY`): every request a desk makes is checked here,
    and a read that wrote the session's row each time made every read a write at the hall's database; the idle end,
    counted in minutes, is as good with the minute's first use.
    """
    found = session.execute(_session_of(token_hash)).one_or_none()
    if found is None:
        return SessionEnd.UNKNOWN
    row, desk, _held = found  # the account's row held, so that account_row below finds it without asking again
    if desk is None or not hmac.compare_digest(desk.key_hash, key_hash):
        return SessionEnd.UNKNOWN
    if row.ended_at is not None:
        return SessionEnd.SIGNED_OUT
    end = _end(session, row, now)
    if end is not None:
        row.ended_at = now
        return end
    account = account_row(session, row.login)
    assert account is not None  # checked by _end
    if now - stored_utc(row.used_at) >= USE_NOTED_EVERY:
        row.used_at = now
    site = this_site(session)
    return SessionDesk(account.login, account.name, account.roles, account.staff_no, row.desk_no, site.code, site.name)


def _session_of(token_hash: str) -> Select[models.DeskSession, models.HallDesk, models.Account]:
    """The session of ``token_hash`` with its desk's and its account's rows (each None when gone), in one query:
    every request a desk makes at the server is checked by it, and three reads of a row each cost as much processor
    time as the request's own work."""
    sessions, desks, accounts_ = models.DeskSession, models.HallDesk, models.Account
    return (
        select(sessions, desks, accounts_)
        .outerjoin(desks, desks.desk_no == sessions.desk_no)
        .outerjoin(accounts_, accounts_.login == sessions.login)
        .where(sessions.token_hash == token_hash)
    )


def _end(session: Session, row: models.DeskSession, now: dt.datetime) -> SessionEnd | None:
    if now >= stored_utc(row.ends_at):
        return SessionEnd.EXPIRED
    if now - stored_utc(row.used_at) > dt.timedelta(minutes=IDLE_MINUTES):
        return SessionEnd.IDLE
    account = account_row(session, row.login)
    if account is None or account.disabled:
        return SessionEnd.ACCOUNT_DISABLED
    return None


def end_session(session: Session, token_hash: str, key_hash: str, idle: bool, now: dt.datetime) -> None:
    """Sign out: the session of ``token_hash`` ends, recorded in its desk's trail; an ended or unknown one is left,
    and so is one whose desk's key is not ``key_hash`` (a token alone, off its machine, signs nobody out)."""
    row = session.get(models.DeskSession, token_hash)
    if row is None or row.ended_at is not None:
        return
    desk = session.get(models.HallDesk, row.desk_no)
    if desk is None or not hmac.compare_digest(desk.key_hash, key_hash):
        return
    row.ended_at = now
    account = account_row(session, row.login)
    if account is None:
        return
    site = this_site(session)
    actor = Actor(account.login, account.name, account.roles)
    accounts.sign_out(session, Desk(DeskIdentity(site.code, row.desk_no), account.name, actor), idle=idle)


#: how long a session's row stays after it ended (signed out, expired, idle, disabled): its sign-in and sign-out are
#: in the audit trail for good; the row is kept a week, for the support's questions about a desk's last days
ENDED_KEPT_DAYS = 7


def prune_sessions(session: Session, now: dt.datetime) -> int:
    """Drop the sessions that ended (or could last no longer) more than :data:`ENDED_KEPT_DAYS` ago; how many went.

    A session left idle is never ended by a request; its longest life (``ends_at``) bounds it all the same."""
    before = now - dt.timedelta(days=ENDED_KEPT_DAYS)
    Row = models.DeskSession  # noqa: N806 (a table, named as one)
    done = session.execute(delete(Row).where(or_(Row.ends_at < before, Row.ended_at < before)))
    return int(getattr(done, "rowcount", 0) or 0)


def prune(session: Session, now: dt.datetime, receipts_kept: dt.timedelta) -> tuple[int, int]:
    """The hall's keeping: the sessions past theirs (:func:`prune_sessions`) and the idempotency receipts older than
    ``receipts_kept`` dropped; how many of each."""
    return prune_sessions(session, now), prune_receipts(session, receipts_kept, now)
