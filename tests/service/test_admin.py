"""The administrator's account operations read and write on the call's clock, the one a sign-in counts by.

A training desk's day (``--today``) months back: five wrong passwords lock an account until that day's quarter
past, and the sign-in refuses it until then; the list of accounts once judged the lock by the machine's clock,
months later, and showed the account unlocked while it could not sign in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.lockout import SignInOutcome
from counter.access.roles import Actor, Role
from counter.actions.site.store import Store
from counter.case.numbers import DeskIdentity
from counter.service.admin import ADD_ACCOUNT, LIST_ACCOUNTS, SIGN_IN, SignIn
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.service.requests import Nothing
from tests.conftest import made_database

#: a training day far behind the machine's: a lock of that day is long over by the machine's clock
DAY = dt.date(2026, 1, 6)
DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")
ADMIN = Desk(DESK.identity, "巴图", Actor("batu", "巴图", frozenset({Role.ADMIN})))
PASSWORD = "bayan2026ok"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[InProcess]:
    store = Store(made_database(tmp_path / "desk.sqlite3", catalog=False), create=True)
    yield InProcess(store, clock=Clock(DAY))
    store.dispose()


def test_a_lock_of_a_training_day_is_listed_while_the_sign_in_refuses(service: InProcess) -> None:
    assert service.call(ADD_ACCOUNT, NewAccount("batu", "巴图", frozenset({Role.ADMIN}), PASSWORD), DESK) == ()
    clerk = NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), "wulan2026ok")
    assert service.call(ADD_ACCOUNT, clerk, ADMIN) == ()
    for _ in range(5):
        tried = service.call(SIGN_IN, SignIn("wulan", "wrong2026"), DESK).result
    assert tried.outcome is SignInOutcome.LOCKED
    assert service.call(SIGN_IN, SignIn("wulan", "wulan2026ok"), DESK).result.outcome is SignInOutcome.LOCKED
    listed = {a.login: a for a in service.call(LIST_ACCOUNTS, Nothing(), ADMIN)}
    assert listed["wulan"].locked_until == tried.locked_until
    assert listed["wulan"].created_at.astimezone().date() == DAY  # added on the desk's day, as its sign-ins are
