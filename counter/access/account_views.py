"""Accounts as they cross to the faces: a new account asked for, an account listed, a sign-in attempt's answer.

Plain data, so that the window and the command line hold what the service answered and never an account row;
no password hash is ever among it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.access.account_rules import AccountProblem
from counter.access.lockout import SignInOutcome
from counter.access.passwords import PasswordProblem
from counter.access.roles import Actor, Role

#: what an account's change may be refused for, every one at once
Problem = AccountProblem | PasswordProblem


@dataclass(frozen=True, slots=True)
class NewAccount:
    login: str
    name: str
    roles: frozenset[Role]
    password: str
    staff_no: str = ""
    department: str = ""  # a department's staff: whose items they step (as this site names the department)


@dataclass(frozen=True, slots=True)
class AccountInfo:
    """An account as shown to an administrator: never its password hash."""

    login: str
    name: str
    staff_no: str
    roles: frozenset[Role]
    disabled: bool
    locked_until: dt.datetime | None  # None when not locked at the time of listing
    last_login_at: dt.datetime | None
    created_at: dt.datetime
    department: str = ""


@dataclass(frozen=True, slots=True)
class SignInResult:
    """One sign-in attempt: the actor when it succeeded, else why not (never which part was wrong beyond that)."""

    outcome: SignInOutcome
    login: str
    actor: Actor | None = None
    attempts_left: int = 0  # for WRONG_PASSWORD: wrong passwords left before the account locks
    locked_until: dt.datetime | None = None  # for LOCKED

    @property
    def signed_in(self) -> bool:
        return self.actor is not None
