"""The lockout policy: what one sign-in attempt decides, and what the account keeps afterwards.

Five wrong passwords in a row lock the account for fifteen minutes, short enough that a clerk who mistyped is back
at work after a break.  A locked account is refused even with the right password until the lock ends.  The count
does not start again when the lock ends: each wrong password after it locks the account again at once, for twice
as long as the lock before (30 minutes, an hour, … a day at most).  A fixed lock let whoever held a desk's key try
five passwords every quarter of an hour, again and again, some 480 a day; growing, it leaves them a dozen.  A
successful sign-in (or a password an administrator sets) clears the count.

Pure functions over plain data: the caller reads the account, checks the
password, passes the clock reading in, and stores what :func:`decide` returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_for: dt.timedelta = dt.timedelta(minutes=15)  # the first lock; each one after it twice the last
    longest: dt.timedelta = dt.timedelta(days=1)

    def lock_after(self, failed: int) -> dt.timedelta:
        """How long the ``failed``-th wrong password in a row locks the account (``failed`` >= ``max_failures``)."""
        doublings = min(failed - self.max_failures, 16)  # 15 minutes doubled 7 times is past a day already
        grown: dt.timedelta = self.lock_for * 2**doublings
        return min(grown, self.longest)


POLICY = LockoutPolicy()


class SignInOutcome(StrEnum):
    SIGNED_IN = "signed_in"
    WRONG_PASSWORD = "wrong_password"  # the account exists; attempts are left before it locks
    LOCKED = "locked"  # locked by this attempt or an earlier one; refused until ``locked_until``
    DISABLED = "disabled"
    UNKNOWN_LOGIN = "unknown_login"
    # the right password, but the account is not as the audit trail last recorded it (a role or a hash planted by
    # SQL): it is not let in, whatever its row says, until an administrator has looked (counter audit verify)
    ACCOUNT_ALTERED = "account_altered"


@dataclass(frozen=True, slots=True)
class AttemptState:
    """What an account remembers of its sign-ins."""

    failed_logins: int = 0
    locked_until: dt.datetime | None = None
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    """The answer to one attempt and the state to store (``state`` is None for an unknown login)."""

    outcome: SignInOutcome
    state: AttemptState | None
    attempts_left: int = 0  # wrong passwords still allowed before the lock; for WRONG_PASSWORD
    newly_locked: bool = False  # this attempt set the lock (the audit trail records it once)

    @property
    def signed_in(self) -> bool:
        return self.outcome is SignInOutcome.SIGNED_IN

    @property
    def locked_until(self) -> dt.datetime | None:
        return self.state.locked_until if self.outcome is SignInOutcome.LOCKED and self.state else None


def is_locked(state: AttemptState, now: dt.datetime) -> bool:
    return state.locked_until is not None and now < state.locked_until


def decide(state: AttemptState | None, password_ok: bool, now: dt.datetime, policy: LockoutPolicy = POLICY) -> Decision:
    """Decide one attempt; ``password_ok`` must be checked even when the answer cannot depend on it (timing)."""
    if state is None:
        return Decision(SignInOutcome.UNKNOWN_LOGIN, None)
    if state.disabled:
        return Decision(SignInOutcome.DISABLED, state)
    if is_locked(state, now):
        return Decision(SignInOutcome.LOCKED, state)
    if password_ok:
        return Decision(SignInOutcome.SIGNED_IN, AttemptState(0, None, disabled=False))
    failed = state.failed_logins + 1  # a lock that has ended does not start the count afresh: the next lock grows
    if failed >= policy.max_failures:
        locked = AttemptState(failed, now + policy.lock_after(failed), disabled=False)
        return Decision(SignInOutcome.LOCKED, locked, newly_locked=True)
    return Decision(
        SignInOutcome.WRONG_PASSWORD,
        AttemptState(failed, None, disabled=False),
        attempts_left=policy.max_failures - failed,
    )
