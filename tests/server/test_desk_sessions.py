"""The hall server's sessions in process, on the server's clock: idle and longest ends, a desk registered again.

The server process cannot be asked at another time of day; its operations can (the call's moment is the context
the server makes from its own clock, never a field of the request: tests/server/moment.py sets it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.desk_session import IDLE_MINUTES, LONGEST_HOURS, SessionDesk, SessionEnd
from counter.access.lockout import SignInOutcome
from counter.access.roles import Actor, Role
from counter.actions.admin.desk_sessions import register_desk
from counter.case.numbers import BadIdentity, DeskIdentity
from counter.db import models
from counter.service.admin import (
    ADD_ACCOUNT,
    DISABLE_ACCOUNT,
    SET_PASSWORD,
    SIGN_IN,
    AccountLogin,
    NewPassword,
    SignIn,
)
from counter.service.hall import (
    END_SESSION,
    FIND_SESSION,
    OPEN_SESSION,
    REGISTER_DESK,
    DeskKey,
    EndSession,
    FindSession,
    OpenSession,
)
from counter.service.local import InProcess, serve
from tests.conftest import made_database
from tests.server.moment import at as asked_at

PASSWORD = "Xam01desk2026"
KEY, TOKEN = "k" * 64, "t" * 64  # the hashes the server would compute
START = dt.datetime(2026, 11, 26, 8, 30, tzinfo=dt.UTC)


@pytest.fixture
def hall(tmp_path: Path) -> InProcess:
    service = serve(made_database(tmp_path / "hall.sqlite3", catalog=False))
    new = NewAccount("wulan", "乌兰", frozenset({Role.ADMIN, Role.CLERK}), PASSWORD)
    assert service.call(ADD_ACCOUNT, new, Desk(DeskIdentity("XAM01", "1"), "乌兰")) == ()
    service.call(REGISTER_DESK, DeskKey("8", KEY))
    opened = asked_at(service, START, OPEN_SESSION, OpenSession("wulan", PASSWORD, "8", KEY, TOKEN))
    assert opened.result.signed_in
    return service


def _find(hall: InProcess, moment: dt.datetime, key: str = KEY) -> SessionDesk | SessionEnd:
    found: SessionDesk | SessionEnd = asked_at(hall, moment, FIND_SESSION, FindSession(TOKEN, key))
    return found


@contextmanager
def _sent(hall: InProcess) -> Iterator[list[str]]:
    """The statements sent to the hall's database while the block runs."""
    sent: list[str] = []
    engine = hall.store.sessions().kw["bind"]
    assert isinstance(engine, Engine)

    def keep(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        sent.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", keep)


def test_a_request_s_session_is_checked_in_two_reads_and_its_use_noted(hall: InProcess) -> None:
    """Every request at the server is checked so, before its own work: the session with its desk and account in one
    read, the site's identity in another (its six settings were six reads, and the account was read twice), and the
    session's last use written (for the idle end) when a minute has passed since it was."""
    _find(hall, START + dt.timedelta(minutes=1))
    with _sent(hall) as sent:
        found = _find(hall, START + dt.timedelta(minutes=2))
    assert isinstance(found, SessionDesk)
    reads = [s for s in sent if s.upper().startswith("SELECT")]
    writes = [s for s in sent if s.upper().startswith("UPDATE")]
    assert len(reads) == 2, reads
    assert len(writes) == 1, writes
    assert "used_at" in writes[0], writes


def test_a_read_within_the_minute_writes_nothing(hall: InProcess) -> None:
    """A desk's reads (a preview, a search) each check the session: within a minute of its last noted use, the check
    writes nothing, so that a read at the hall stays a read."""
    _find(hall, START + dt.timedelta(minutes=1))
    with _sent(hall) as sent:
        for seconds in (1, 20, 59):
            assert isinstance(_find(hall, START + dt.timedelta(minutes=1, seconds=seconds)), SessionDesk)
    writes = [s for s in sent if s.upper().startswith(("UPDATE", "INSERT", "DELETE"))]
    assert writes == []


def test_a_session_used_within_each_minute_is_not_idle(hall: InProcess) -> None:
    """The use noted once a minute still keeps a session in steady use alive past the idle limit."""
    at = START
    while at < START + dt.timedelta(minutes=2 * IDLE_MINUTES):
        at += dt.timedelta(seconds=50)
        assert isinstance(_find(hall, at), SessionDesk), at


def test_a_session_stands_for_its_account_at_its_desk(hall: InProcess) -> None:
    found = _find(hall, START + dt.timedelta(minutes=1))
    assert isinstance(found, SessionDesk)
    assert (found.login, found.name, found.desk_no) == ("wulan", "乌兰", "8")
    assert found.roles == frozenset({Role.ADMIN, Role.CLERK})


def test_a_session_left_idle_ends(hall: InProcess) -> None:
    assert isinstance(_find(hall, START + dt.timedelta(minutes=IDLE_MINUTES - 1)), SessionDesk)
    late = START + dt.timedelta(minutes=2 * IDLE_MINUTES)  # more than the idle limit after the last use
    assert _find(hall, late) is SessionEnd.IDLE
    assert _find(hall, late) is SessionEnd.SIGNED_OUT  # ended: it stays ended


def test_a_session_in_use_ends_at_its_longest(hall: InProcess) -> None:
    at = START
    while at < START + dt.timedelta(hours=LONGEST_HOURS) - dt.timedelta(minutes=IDLE_MINUTES):
        at += dt.timedelta(minutes=IDLE_MINUTES - 1)
        assert isinstance(_find(hall, at), SessionDesk), at
    assert _find(hall, START + dt.timedelta(hours=LONGEST_HOURS)) is SessionEnd.EXPIRED


def test_a_desk_registered_again_ends_the_sessions_of_its_old_key(hall: InProcess) -> None:
    hall.call(REGISTER_DESK, DeskKey("8", "n" * 64))
    assert _find(hall, START + dt.timedelta(minutes=1)) is SessionEnd.UNKNOWN  # the old key is no desk's
    assert _find(hall, START + dt.timedelta(minutes=1), "n" * 64) is SessionEnd.SIGNED_OUT


@pytest.mark.parametrize("given", ["0", "08", "0008"])
def test_the_hall_itself_refuses_a_desk_number_with_a_leading_zero(hall: InProcess, given: str) -> None:
    """Every case number writes the desk with two digits at least: a desk registered as "08" beside desk 8 issued
    desk 8's numbers.  The action refuses it, whatever face asks, and keeps nothing; desk 8's key still stands."""
    with hall.store.sessions().begin() as session, pytest.raises(BadIdentity):
        register_desk(session, given, "n" * 64)
    with pytest.raises(BadIdentity):
        hall.call(REGISTER_DESK, DeskKey(given, "n" * 64))
    with hall.store.sessions()() as session:
        assert session.execute(select(models.HallDesk.desk_no, models.HallDesk.key_hash)).all() == [("8", KEY)]


def test_a_session_signed_out_is_over(hall: InProcess) -> None:
    hall.call(END_SESSION, EndSession(TOKEN, KEY))
    assert _find(hall, START + dt.timedelta(minutes=1)) is SessionEnd.SIGNED_OUT


def test_a_sign_out_is_dated_by_the_servers_clock(hall: InProcess) -> None:
    """A session ends at the call's moment, as it opened and was used at it: the server's clock, never the machine's
    read aside (the week a session's row is kept after its end is counted from it)."""
    out = START + dt.timedelta(minutes=1)
    asked_at(hall, out, END_SESSION, EndSession(TOKEN, KEY))
    with hall.store.sessions()() as session:
        row = session.get(models.DeskSession, TOKEN)
        assert row is not None
        assert row.ended_at is not None
        assert row.ended_at.replace(tzinfo=dt.UTC) == out


def test_a_token_the_hall_never_gave_opens_nothing_and_its_sign_out_records_nothing(hall: InProcess) -> None:
    """A desk still holding this morning's token after the hall's database was restored from last night's backup: the
    hall knows no such session, so the desk is asked to sign in again; its sign-out, and a second sign-out of a
    session already over, leave the trail as it was."""
    other = "u" * 64
    assert asked_at(hall, START, FIND_SESSION, FindSession(other, KEY)) is SessionEnd.UNKNOWN
    hall.call(END_SESSION, EndSession(TOKEN, KEY))
    with hall.store.sessions()() as session:
        trail = session.scalar(select(func.count()).select_from(models.AuditEntry))
    for token in (other, TOKEN):
        hall.call(END_SESSION, EndSession(token, KEY))
    with hall.store.sessions()() as session:
        assert session.scalar(select(func.count()).select_from(models.AuditEntry)) == trail
        assert session.get(models.DeskSession, other) is None


def test_a_token_alone_signs_nobody_out(hall: InProcess) -> None:
    """The token without its desk's key (another desk's, or none): the session stands."""
    hall.call(REGISTER_DESK, DeskKey("9", "n" * 64))
    for key in ("n" * 64, ""):
        hall.call(END_SESSION, EndSession(TOKEN, key))
        assert isinstance(_find(hall, START + dt.timedelta(minutes=1)), SessionDesk)


@pytest.mark.parametrize(
    ("change", "end"), [("password", SessionEnd.SIGNED_OUT), ("disabled", SessionEnd.ACCOUNT_DISABLED)]
)
def test_a_password_reset_or_a_disable_ends_the_account_s_sessions(
    hall: InProcess, change: str, end: SessionEnd
) -> None:
    """A reset ends them at once; a disable at their next request, whose answer says why (the desk words it)."""
    wulan = Desk(DeskIdentity("XAM01", "1"), "乌兰", Actor("wulan", "乌兰", frozenset({Role.ADMIN})))
    assert hall.call(ADD_ACCOUNT, NewAccount("batu", "巴图", frozenset({Role.ADMIN}), PASSWORD), wulan) == ()
    admin = Desk(DeskIdentity("XAM01", "1"), "巴图", Actor("batu", "巴图", frozenset({Role.ADMIN})))
    if change == "password":
        assert hall.call(SET_PASSWORD, NewPassword("wulan", "Xam01reset2026"), admin) == ()
    else:
        assert hall.call(DISABLE_ACCOUNT, AccountLogin("wulan"), admin) == ()
    assert _find(hall, START + dt.timedelta(minutes=1)) is end


def test_a_wrong_password_is_answered_as_an_unknown_login(hall: InProcess) -> None:
    """The door's answer does not tell which logins exist: a wrong password, word for word an unknown login's."""
    wrong = asked_at(hall, START, OPEN_SESSION, OpenSession("wulan", "not-the-password", "8", KEY, "u" * 64))
    unknown = asked_at(hall, START, OPEN_SESSION, OpenSession("nobody", "not-the-password", "8", KEY, "v" * 64))
    assert wrong.result == dataclasses.replace(unknown.result, login="wulan")
    assert wrong.result.outcome is SignInOutcome.UNKNOWN_LOGIN
    assert wrong.result.attempts_left == 0


def test_an_unknown_login_locks_at_the_door_as_an_account_does(hall: InProcess) -> None:
    """LOCKED tells no more than a wrong password does: five tries of a login no account has lock it at that desk as
    five wrong passwords lock an account, for the same time, answered word for word alike."""

    def tries(login: str) -> list[Any]:
        opened = [asked_at(hall, START, OPEN_SESSION, OpenSession(login, f"wrong-{n}", "8", KEY, f"{login}{n}" * 8))
                  for n in range(6)]  # fmt: skip
        return [dataclasses.replace(o.result, login="") for o in opened]

    known, unknown = tries("wulan"), tries("nobody")
    assert [r.outcome for r in unknown] == [SignInOutcome.UNKNOWN_LOGIN] * 4 + [SignInOutcome.LOCKED] * 2
    assert unknown == known
    later = START + dt.timedelta(minutes=16)  # the lock over, the next try locks again, twice as long, as an account's
    again = asked_at(hall, later, OPEN_SESSION, OpenSession("nobody", "wrong", "8", KEY, "w" * 64))
    assert (again.result.outcome, again.result.locked_until) == (SignInOutcome.LOCKED, later + dt.timedelta(minutes=30))


def test_a_disabled_account_is_told_so_only_with_its_password(hall: InProcess) -> None:
    """With a wrong password a disabled account is answered, counted and locked as an unknown login is."""
    batu = NewAccount("batu", "巴图", frozenset({Role.CLERK}), PASSWORD)
    wulan = Desk(DeskIdentity("XAM01", "1"), "乌兰", Actor("wulan", "乌兰", frozenset({Role.ADMIN})))
    assert hall.call(ADD_ACCOUNT, batu, wulan) == ()
    assert hall.call(DISABLE_ACCOUNT, AccountLogin("batu"), wulan) == ()

    def tried(login: str, password: str, token: str) -> Any:
        opened = asked_at(hall, START, OPEN_SESSION, OpenSession(login, password, "8", KEY, token))
        return dataclasses.replace(opened.result, login="")

    assert tried("batu", "wrong", "x" * 64) == tried("nobody", "wrong", "y" * 64)
    assert tried("batu", PASSWORD, "z" * 64).outcome is SignInOutcome.DISABLED


def test_wrong_passwords_at_one_desk_lock_the_account_there_alone(hall: InProcess) -> None:
    """Whoever holds desk 9's key locks the administrator at desk 9 only: she signs in at desk 8, and at the server's
    own command line (the accounts' in-process sign-in), as if nothing happened; desk 9 stays locked for its time."""
    hall.call(REGISTER_DESK, DeskKey("9", "n" * 64))

    def at_nine(password: str, token: str, at: dt.datetime = START) -> SignInOutcome:
        opened = asked_at(hall, at, OPEN_SESSION, OpenSession("wulan", password, "9", "n" * 64, token))
        outcome: SignInOutcome = opened.result.outcome
        return outcome

    tried = [at_nine(f"wrong-{n}", f"{n}" * 64) for n in range(1, 10)]  # again and again
    assert tried[4:] == [SignInOutcome.LOCKED] * 5
    assert at_nine(PASSWORD, "a" * 64) is SignInOutcome.LOCKED
    at_eight = asked_at(hall, START, OPEN_SESSION, OpenSession("wulan", PASSWORD, "8", KEY, "b" * 64))
    assert at_eight.result.signed_in
    here = Desk(DeskIdentity("XAM01", "1"), "")
    assert hall.call(SIGN_IN, SignIn("wulan", PASSWORD), here).result.signed_in
    assert at_nine(PASSWORD, "c" * 64, START + dt.timedelta(minutes=16)) is SignInOutcome.SIGNED_IN  # its time over
    # locked at desk 9 again: an administrator's reset lifts it at once, as it lifts the account's own lock
    later = START + dt.timedelta(minutes=20)
    assert [at_nine("wrong", f"d{n}" * 32, later) for n in range(5)][-1] is SignInOutcome.LOCKED
    admin = Desk(DeskIdentity("XAM01", "1"), "乌兰", Actor("wulan", "乌兰", frozenset({Role.ADMIN})))
    assert hall.call(SET_PASSWORD, NewPassword("wulan", "Xam01reset2026"), admin) == ()
    assert at_nine("Xam01reset2026", "e" * 64, later) is SignInOutcome.SIGNED_IN


@pytest.mark.parametrize(
    ("login", "password", "signed_in"),
    [("wulan", PASSWORD, True), ("wulan", "not-the-password", False), ("nobody", "not-the-password", False)],
)
def test_the_password_is_hashed_once_with_no_transaction_writing(
    hall: InProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, login: str, password: str, signed_in: bool
) -> None:
    """A hash takes a quarter of a second, longer at the lowest priority after a failure: held inside the sign-in's
    write transaction it held SQLite's one write lock that long, and every other desk's write waited behind a
    stolen key's wrong passwords.  Another connection takes the write lock at once while the password is hashed; an
    unknown login is hashed once too, against the dummy, as long as a known one."""
    import sqlite3

    from counter.access.passwords import verify_password

    free: list[bool] = []

    def hashed(typed: str, stored: str) -> bool:
        other = sqlite3.connect(tmp_path / "hall.sqlite3", timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.rollback()
            free.append(True)
        except sqlite3.OperationalError:
            free.append(False)
        finally:
            other.close()
        return verify_password(typed, stored)

    monkeypatch.setattr("counter.actions.admin.accounts.password_matches", hashed)
    opened = asked_at(hall, START, OPEN_SESSION, OpenSession(login, password, "8", KEY, "z" * 64))
    assert opened.result.signed_in is signed_in
    assert free == [True]
