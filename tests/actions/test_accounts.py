"""Account actions against a real database: the first admin, lockout, the last admin, the audit trail."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access import passwords
from counter.access.account_rules import AccountProblem
from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.lockout import SignInOutcome
from counter.access.not_permitted import NotPermitted
from counter.access.passwords import PasswordProblem, ScryptCost, dummy_hash, verify_password
from counter.access.roles import Actor, Role
from counter.actions.admin.accounts import (
    add_account,
    check_password,
    disable_account,
    list_accounts,
    set_password,
    sign_in,
    sign_out,
)
from counter.db import models

T0 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
ADMIN_PASSWORD = "bayan2026ok"
CLERK_PASSWORD = "wulan2026ok"
ADMIN = Actor("batu", "巴图", frozenset({Role.ADMIN}))


ACCOUNT_ACTIONS = ("signed_in", "sign_in_failed", "account_locked", "signed_out", "account_added", "account_changed")


def audit(session: Session) -> list[tuple[str, str, str, dict[str, object]]]:
    entry = models.AuditEntry
    rows = session.execute(
        select(entry.action, entry.actor, entry.subject, entry.detail)
        .where(entry.action.in_(ACCOUNT_ACTIONS))
        .order_by(entry.id)
    )
    return [(a, who, s, json.loads(d)) for a, who, s, d in rows]


@pytest.fixture
def hall(sessions: sessionmaker[Session], desk: Desk) -> sessionmaker[Session]:
    """A database with an admin (batu) and a clerk (wulan)."""
    with sessions.begin() as session:
        assert add_account(session, desk, NewAccount("batu", "巴图", frozenset({Role.ADMIN}), ADMIN_PASSWORD)) == ()
    as_admin = Desk(desk.identity, "巴图", ADMIN)
    with sessions.begin() as session:
        new = NewAccount("WuLan", "乌兰", frozenset({Role.CLERK}), CLERK_PASSWORD, staff_no="0815")
        assert add_account(session, as_admin, new) == ()
    return sessions


def test_first_account_must_be_admin(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions.begin() as session:
        problems = add_account(session, desk, NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), CLERK_PASSWORD))
        assert problems == (AccountProblem.FIRST_NOT_ADMIN,)
        assert session.scalar(select(models.Account.login)) is None
        assert add_account(session, desk, NewAccount("batu", "巴图", frozenset({Role.ADMIN}), ADMIN_PASSWORD)) == ()
        entries = audit(session)
    assert entries == [("account_added", "乌兰", "batu", {"name": "巴图", "roles": "admin", "first": True})]


def test_every_problem_of_a_new_account_at_once(hall: sessionmaker[Session], desk: Desk) -> None:
    as_admin = Desk(desk.identity, "巴图", ADMIN)
    with hall.begin() as session:
        problems = add_account(session, as_admin, NewAccount(" BATU ", "", frozenset(), "short"))
        assert set(problems) == {
            AccountProblem.LOGIN_TAKEN,
            AccountProblem.NAME_MISSING,
            AccountProblem.NO_ROLE,
            PasswordProblem.TOO_SHORT,
            PasswordProblem.NO_DIGIT,
        }
        bad_login = add_account(session, as_admin, NewAccount("乌兰", "乌兰", frozenset({Role.CLERK}), CLERK_PASSWORD))
        assert bad_login == (AccountProblem.LOGIN_FORMAT,)


def test_a_staff_number_or_a_department_too_long_or_a_department_without_its_role(
    hall: sessionmaker[Session], desk: Desk
) -> None:
    """A department confines its staff to its items: given to a clerk it would confine nobody, so it is refused."""
    as_admin = Desk(desk.identity, "巴图", ADMIN)
    clerk = NewAccount(
        "saran", "萨仁", frozenset({Role.CLERK}), "saran2026ok", staff_no="0" * 21, department="市场监管局"
    )
    staff = NewAccount("sarna", "萨日娜", frozenset({Role.DEPARTMENT}), "sarna2026ok", department="局" * 201)
    with hall.begin() as session:
        assert add_account(session, as_admin, clerk) == (
            AccountProblem.STAFF_NO_TOO_LONG,
            AccountProblem.DEPARTMENT_WITHOUT_ROLE,
        )
        assert add_account(session, as_admin, staff) == (AccountProblem.DEPARTMENT_TOO_LONG,)
        assert session.scalar(select(models.Account.login).where(models.Account.login.in_(("saran", "sarna")))) is None


def test_once_accounts_exist_managing_them_needs_the_admin_role(hall: sessionmaker[Session], desk: Desk) -> None:
    new = NewAccount("saran", "萨仁", frozenset({Role.CLERK}), "saran2026ok")
    clerk = Actor("wulan", "乌兰", frozenset({Role.CLERK}))
    with hall.begin() as session:
        with pytest.raises(NotPermitted) as nobody:
            add_account(session, desk, new)  # the single desk: nobody signed in
        assert not nobody.value.signed_in
        with pytest.raises(NotPermitted) as not_admin:
            add_account(session, Desk(desk.identity, "乌兰", clerk), new)
        assert not_admin.value.signed_in
        with pytest.raises(NotPermitted):
            list_accounts(session, desk)


def test_list_never_shows_the_hash(hall: sessionmaker[Session], desk: Desk) -> None:
    with hall() as session:
        accounts = list_accounts(session, Desk(desk.identity, "巴图", ADMIN), now=T0)
    assert [(a.login, a.name, a.staff_no, a.roles, a.disabled) for a in accounts] == [
        ("batu", "巴图", "", frozenset({Role.ADMIN}), False),
        ("wulan", "乌兰", "0815", frozenset({Role.CLERK}), False),
    ]
    assert all("hash" not in name for name in type(accounts[0]).__dataclass_fields__)


def test_sign_in_returns_the_actor_and_records_it(hall: sessionmaker[Session], desk: Desk) -> None:
    with hall.begin() as session:
        result = sign_in(session, "WuLan ", CLERK_PASSWORD, desk, T0)
    assert result.outcome is SignInOutcome.SIGNED_IN
    assert result.actor == Actor("wulan", "乌兰", frozenset({Role.CLERK}))
    with hall.begin() as session:
        assert list_accounts(session, Desk(desk.identity, "巴图", ADMIN), T0)[1].last_login_at == T0
        sign_out(session, Desk(desk.identity, "乌兰", result.actor))
        entries = audit(session)[-2:]
    assert entries == [
        ("signed_in", "wulan", "wulan", {"via": "sign_in"}),
        ("signed_out", "wulan", "wulan", {"idle": False}),
    ]


def test_five_failures_lock_for_fifteen_minutes_even_with_the_right_password(
    hall: sessionmaker[Session], desk: Desk
) -> None:
    outcomes = []
    for minute in range(5):
        with hall.begin() as session:  # each attempt its own transaction: the count is committed
            result = sign_in(session, "wulan", "wrong2026", desk, T0 + dt.timedelta(minutes=minute))
        outcomes.append((result.outcome, result.attempts_left))
    assert outcomes == [
        (SignInOutcome.WRONG_PASSWORD, 4),
        (SignInOutcome.WRONG_PASSWORD, 3),
        (SignInOutcome.WRONG_PASSWORD, 2),
        (SignInOutcome.WRONG_PASSWORD, 1),
        (SignInOutcome.LOCKED, 0),
    ]
    locked_at = T0 + dt.timedelta(minutes=4)
    assert result.locked_until == locked_at + dt.timedelta(minutes=15)
    with hall.begin() as session:
        during = sign_in(session, "wulan", CLERK_PASSWORD, desk, locked_at + dt.timedelta(minutes=14))
        assert during.outcome is SignInOutcome.LOCKED
        assert during.actor is None
        assert (
            list_accounts(session, Desk(desk.identity, "巴图", ADMIN), locked_at)[1].locked_until == result.locked_until
        )
    with hall.begin() as session:
        after = sign_in(session, "wulan", CLERK_PASSWORD, desk, locked_at + dt.timedelta(minutes=15))
        assert after.signed_in
        assert list_accounts(session, Desk(desk.identity, "巴图", ADMIN), locked_at)[1].locked_until is None
        entries = audit(session)
    failures = [e for e in entries if e[0] in {"sign_in_failed", "account_locked"}]
    assert [(a, who, s) for a, who, s, _ in failures] == [("sign_in_failed", "", "wulan")] * 5 + [
        ("account_locked", "", "wulan"),
        ("sign_in_failed", "", "wulan"),
    ]
    assert failures[0][3] == {"via": "sign_in", "reason": "wrong_password", "attempts_left": 4}
    assert failures[5][3]["locked_until"] == "2026-11-20T09:19:00+00:00"
    assert failures[6][3] == {"via": "sign_in", "reason": "locked"}
    assert entries[-1][:3] == ("signed_in", "wulan", "wulan")
    assert all(CLERK_PASSWORD not in json.dumps(e, ensure_ascii=False) for e in entries)
    assert all("wrong2026" not in json.dumps(e, ensure_ascii=False) for e in entries)


def test_success_resets_the_count(hall: sessionmaker[Session], desk: Desk) -> None:
    with hall.begin() as session:
        for _ in range(4):
            sign_in(session, "wulan", "wrong2026", desk, T0)
        assert sign_in(session, "wulan", CLERK_PASSWORD, desk, T0).signed_in
        assert sign_in(session, "wulan", "wrong2026", desk, T0).attempts_left == 4


def test_disabled_account_is_refused_and_unknown_login_is_recorded(hall: sessionmaker[Session], desk: Desk) -> None:
    as_admin = Desk(desk.identity, "巴图", ADMIN)
    with hall.begin() as session:
        assert disable_account(session, as_admin, "wulan", T0) == ()
        assert disable_account(session, as_admin, "wulan", T0) == (AccountProblem.ALREADY_DISABLED,)
        assert disable_account(session, as_admin, "nobody", T0) == (AccountProblem.UNKNOWN_LOGIN,)
    with hall.begin() as session:
        disabled = sign_in(session, "wulan", CLERK_PASSWORD, desk, T0)
        unknown = sign_in(session, "nobody", CLERK_PASSWORD, desk, T0)
        entries = audit(session)[-3:]
    assert (disabled.outcome, disabled.actor) == (SignInOutcome.DISABLED, None)
    assert (unknown.outcome, unknown.actor) == (SignInOutcome.UNKNOWN_LOGIN, None)
    assert entries == [
        ("account_changed", "batu", "wulan", {"change": "disabled"}),
        ("sign_in_failed", "", "wulan", {"via": "sign_in", "reason": "disabled"}),
        ("sign_in_failed", "", "nobody", {"via": "sign_in", "reason": "unknown_login"}),
    ]
    clerk = Actor("wulan", "乌兰", frozenset({Role.CLERK}))
    with hall.begin() as session, pytest.raises(NotPermitted):
        set_password(session, Desk(desk.identity, "乌兰", clerk), "wulan", "newpass2026")  # disabled: not even its own


def test_last_enabled_admin_cannot_be_disabled(hall: sessionmaker[Session], desk: Desk) -> None:
    as_admin = Desk(desk.identity, "巴图", ADMIN)
    with hall.begin() as session:
        assert disable_account(session, as_admin, "batu", T0) == (AccountProblem.LAST_ADMIN,)
        second = NewAccount("saran", "萨仁", frozenset({Role.ADMIN, Role.CLERK}), "saran2026ok")
        assert add_account(session, as_admin, second) == ()
        assert disable_account(session, as_admin, "batu", T0) == ()
        saran = Desk(desk.identity, "萨仁", Actor("saran", "萨仁", frozenset({Role.ADMIN, Role.CLERK})))
        assert disable_account(session, saran, "saran", T0) == (AccountProblem.LAST_ADMIN,)


def test_set_password_lifts_the_lock(hall: sessionmaker[Session], desk: Desk) -> None:
    as_admin = Desk(desk.identity, "巴图", ADMIN)
    with hall.begin() as session:
        for _ in range(5):
            sign_in(session, "wulan", "wrong2026", desk, T0)
        assert set_password(session, as_admin, "wulan", "short", T0) == (
            PasswordProblem.TOO_SHORT,
            PasswordProblem.NO_DIGIT,
        )
        assert set_password(session, as_admin, "wulan", "fresh2026ok", T0) == ()
        assert sign_in(session, "wulan", "fresh2026ok", desk, T0).signed_in
        assert not sign_in(session, "wulan", CLERK_PASSWORD, desk, T0).signed_in
        clerk = Desk(desk.identity, "乌兰", Actor("wulan", "乌兰", frozenset({Role.CLERK})))
        assert set_password(session, clerk, "wulan", "mine2026ok", T0) == ()  # one's own password
        with pytest.raises(NotPermitted):
            set_password(session, clerk, "batu", "theirs2026ok", T0)
        changes = [e for e in audit(session) if e[0] == "account_changed"]
    assert changes == [
        ("account_changed", "batu", "wulan", {"change": "password"}),
        ("account_changed", "wulan", "wulan", {"change": "password"}),
    ]


def test_a_password_set_for_a_login_nobody_has_is_refused_and_makes_nobody(
    hall: sessionmaker[Session], desk: Desk
) -> None:
    """An administrator who mistypes the login is told no such account exists: no account is made with the password,
    and the trail records no change."""
    as_admin = Desk(desk.identity, "巴图", ADMIN)
    with hall.begin() as session:
        before = audit(session)
        assert set_password(session, as_admin, "wulna", "fresh2026ok", T0) == (AccountProblem.UNKNOWN_LOGIN,)
        assert audit(session) == before
        assert [a.login for a in list_accounts(session, as_admin)] == ["batu", "wulan"]
    with hall.begin() as session:
        assert not sign_in(session, "wulna", "fresh2026ok", desk, T0).signed_in


def test_screen_lock_check_counts_towards_the_same_lock(hall: sessionmaker[Session], desk: Desk) -> None:
    with hall.begin() as session:
        for _ in range(3):
            sign_in(session, "wulan", "wrong2026", desk, T0)
        first = check_password(session, "wulan", "wrong2026", T0, desk)
        assert (first.outcome, first.attempts_left) == (SignInOutcome.WRONG_PASSWORD, 1)
        second = check_password(session, "wulan", "wrong2026", T0)  # without a desk: counted, not recorded
        assert second.outcome is SignInOutcome.LOCKED
        assert check_password(session, "wulan", CLERK_PASSWORD, T0).outcome is SignInOutcome.LOCKED
        later = T0 + dt.timedelta(minutes=15)
        assert check_password(session, "wulan", CLERK_PASSWORD, later, desk).signed_in
        entries = audit(session)[-2:]
    assert entries == [
        ("sign_in_failed", "", "wulan", {"via": "screen_lock", "reason": "wrong_password", "attempts_left": 1}),
        ("signed_in", "wulan", "wulan", {"via": "screen_lock"}),
    ]


def test_unknown_login_hashes_as_a_wrong_password_does(
    hall: sessionmaker[Session], desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both hash once at full cost; a login cannot be told to exist by the time its refusal takes.

    The hashing is counted, not timed: the time of a refusal on a loaded machine said nothing either way."""
    dummy_hash()  # made once per process, before any unknown login is refused
    calls: list[tuple[ScryptCost, int]] = []
    scrypt = passwords._scrypt

    def counted(password: str, salt: bytes, cost: ScryptCost, length: int) -> bytes:
        calls.append((cost, length))
        return scrypt(password, salt, cost, length)

    monkeypatch.setattr(passwords, "_scrypt", counted)

    def hashing(login: str) -> list[tuple[ScryptCost, int]]:
        calls.clear()
        with hall(bind=hall.kw["bind"]) as session:  # a sign-in writes its attempt: here taken back
            assert not sign_in(session, login, "wrong2026", desk, T0).signed_in
            session.rollback()
        return list(calls)

    known = hashing("wulan")
    assert len(known) == 1
    assert hashing("nobody") == known


@pytest.mark.slow
@pytest.mark.real_password_cost  # the old cost and today's, as a desk has them
def test_a_hash_of_the_old_cost_is_replaced_at_the_next_sign_in(
    hall: sessionmaker[Session], desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An account whose password was stored at n=2^14 (before the cost was raised) gets today's cost, recorded."""
    today = passwords.COST
    monkeypatch.setattr(passwords, "COST", ScryptCost(n=2**14, r=8, p=1))
    with hall.begin() as session:  # set by the program of then: the trail recorded the old hash
        assert set_password(session, Desk(desk.identity, "巴图", ADMIN), "wulan", CLERK_PASSWORD) == ()
    monkeypatch.setattr(passwords, "COST", today)
    with hall.begin() as session:
        assert sign_in(session, "wulan", CLERK_PASSWORD, desk, T0).signed_in
    with hall() as session:
        stored = session.scalar(select(models.Account.password_hash).where(models.Account.login == "wulan"))
        entries = audit(session)[-2:]
    assert stored is not None
    assert stored.split("$")[:4] == ["scrypt", str(2**17), "8", "1"]
    assert verify_password(CLERK_PASSWORD, stored)
    assert entries == [
        ("account_changed", "wulan", "wulan", {"change": "password_rehashed", "via": "sign_in"}),
        ("signed_in", "wulan", "wulan", {"via": "sign_in"}),
    ]
    with hall.begin() as session:  # today's cost: nothing more to do at the next sign-in
        assert sign_in(session, "wulan", CLERK_PASSWORD, desk, T0).signed_in
        assert session.scalar(select(models.Account.password_hash).where(models.Account.login == "wulan")) == stored


@pytest.mark.parametrize("name", ["乌\u200b兰", "乌兰\ufe0f", "乌\u3000兰", "ｂａｔｕ", "Bаtu"])
def test_an_account_named_like_another_is_refused(hall: sessionmaker[Session], desk: Desk, name: str) -> None:
    """Ratings, figures and the trail name a clerk by the account's name: two that read alike would be one person."""
    as_admin = Desk(desk.identity, "巴图", ADMIN)
    with hall.begin() as session:
        problems = add_account(session, as_admin, NewAccount("other", name, frozenset({Role.CLERK}), CLERK_PASSWORD))
    assert AccountProblem.NAME_LOOKS_TAKEN in problems or AccountProblem.NAME_BAD_TEXT in problems
    with hall() as session:
        assert [a.login for a in list_accounts(session, as_admin, T0)] == ["batu", "wulan"]


@pytest.mark.parametrize(
    ("name", "problem"),
    [("乌\u200b云", AccountProblem.NAME_BAD_TEXT), ("乌\x00云", AccountProblem.NAME_BAD_TEXT),
     ("云" * 51, AccountProblem.NAME_TOO_LONG), ("ｗｕｌａｎ", AccountProblem.NAME_LOOKS_TAKEN)],
)  # fmt: skip
def test_an_account_name_is_a_persons_name(
    hall: sessionmaker[Session], desk: Desk, name: str, problem: AccountProblem
) -> None:
    as_admin = Desk(desk.identity, "巴图", ADMIN)
    with hall.begin() as session:
        problems = add_account(session, as_admin, NewAccount("other", name, frozenset({Role.CLERK}), CLERK_PASSWORD))
    assert problems == (problem,)


def test_a_mongolian_script_account_name_is_kept(hall: sessionmaker[Session], desk: Desk) -> None:
    as_admin = Desk(desk.identity, "巴图", ADMIN)
    with hall.begin() as session:
        new = NewAccount("other", "ᠪᠠᠲᠤ", frozenset({Role.CLERK}), CLERK_PASSWORD)
        assert add_account(session, as_admin, new) == ()
    with hall() as session:
        assert {a.login: a.name for a in list_accounts(session, as_admin, T0)}["other"] == "ᠪᠠᠲᠤ"
