"""The lockout policy: five wrong passwords in a row lock the account for fifteen minutes."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from counter.access.lockout import POLICY, AttemptState, SignInOutcome, decide, is_locked

T0 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def fail_times(state: AttemptState, times: int, now: dt.datetime) -> AttemptState:
    for _ in range(times):
        decision = decide(state, password_ok=False, now=now)
        assert decision.state is not None
        state = decision.state
    return state


def test_policy_is_five_failures_for_fifteen_minutes() -> None:
    assert POLICY.max_failures == 5
    assert POLICY.lock_for == dt.timedelta(minutes=15)


def test_each_wrong_password_says_how_many_are_left() -> None:
    state = AttemptState()
    left = []
    for _ in range(4):
        decision = decide(state, password_ok=False, now=T0)
        assert decision.outcome is SignInOutcome.WRONG_PASSWORD
        assert decision.state is not None
        left.append(decision.attempts_left)
        state = decision.state
    assert left == [4, 3, 2, 1]
    assert state == AttemptState(failed_logins=4)


def test_fifth_wrong_password_locks_for_fifteen_minutes() -> None:
    state = fail_times(AttemptState(), 4, T0)
    decision = decide(state, password_ok=False, now=T0 + dt.timedelta(minutes=1))
    assert decision.outcome is SignInOutcome.LOCKED
    assert decision.newly_locked
    assert decision.locked_until == T0 + dt.timedelta(minutes=16)


def test_locked_account_refuses_the_right_password_until_the_lock_ends() -> None:
    locked = fail_times(AttemptState(), 5, T0)
    assert locked.locked_until == T0 + dt.timedelta(minutes=15)
    during = decide(locked, password_ok=True, now=T0 + dt.timedelta(minutes=14, seconds=59))
    assert during.outcome is SignInOutcome.LOCKED
    assert not during.newly_locked
    assert during.state == locked  # refusing changes nothing: the lock does not grow
    after = decide(locked, password_ok=True, now=T0 + dt.timedelta(minutes=15))
    assert after.outcome is SignInOutcome.SIGNED_IN
    assert after.state == AttemptState()


def test_after_a_lock_ends_each_wrong_password_locks_again_for_twice_as_long() -> None:
    """A stolen desk key once tried five passwords every quarter of an hour for ever: each lock now doubles."""
    state, now, locks = fail_times(AttemptState(), 5, T0), T0, []
    for _ in range(9):
        assert state.locked_until is not None
        locks.append(state.locked_until - now)
        now = state.locked_until
        decision = decide(state, password_ok=False, now=now)
        assert (decision.outcome, decision.newly_locked) == (SignInOutcome.LOCKED, True)
        assert decision.state is not None
        state = decision.state
    assert [int(lock.total_seconds() // 60) for lock in locks] == [15, 30, 60, 120, 240, 480, 960, 1440, 1440]
    assert decide(state, password_ok=True, now=now + locks[-1]).state == AttemptState()  # the right one clears it


def test_success_resets_the_count() -> None:
    state = fail_times(AttemptState(), 4, T0)
    signed_in = decide(state, password_ok=True, now=T0)
    assert signed_in.signed_in
    assert signed_in.state == AttemptState()
    assert signed_in.state is not None
    again = decide(signed_in.state, password_ok=False, now=T0)
    assert again.attempts_left == 4


def test_disabled_and_unknown_are_refused_whatever_the_password() -> None:
    disabled = AttemptState(disabled=True)
    assert decide(disabled, password_ok=True, now=T0).outcome is SignInOutcome.DISABLED
    unknown = decide(None, password_ok=True, now=T0)
    assert unknown.outcome is SignInOutcome.UNKNOWN_LOGIN
    assert unknown.state is None


@given(
    attempts=st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=10 * 60)), min_size=1, max_size=40)
)
def test_never_signed_in_while_locked_and_locked_after_five_failures_in_a_row_ever_longer(
    attempts: list[tuple[bool, int]],
) -> None:
    """Replay any sequence of attempts, seconds apart, against a plain model of the rule."""
    state, now = AttemptState(), T0
    run = 0  # wrong passwords in a row since the last success
    lock_end: dt.datetime | None = None
    for password_ok, wait in attempts:
        now += dt.timedelta(seconds=wait)
        was_locked = is_locked(state, now)
        decision = decide(state, password_ok, now)
        assert decision.state is not None
        if lock_end is not None and now < lock_end:
            assert was_locked
            assert decision.outcome is SignInOutcome.LOCKED
            assert not decision.newly_locked
        elif password_ok:
            assert decision.signed_in
            run, lock_end = 0, None
        else:
            lock_end = None
            run += 1
            if run >= 5:  # the fifth, and each after a lock has ended: locked again, twice as long, a day at most
                assert decision.newly_locked
                lock_end = now + min(dt.timedelta(minutes=15) * 2 ** (run - 5), dt.timedelta(days=1))
            else:
                assert decision.outcome is SignInOutcome.WRONG_PASSWORD
                assert decision.attempts_left == 5 - run
        state = decision.state
