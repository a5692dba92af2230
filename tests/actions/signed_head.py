"""A hall's head on duty, signed in: the desk that takes an intake, lapses a deadline and imports a year's holidays.

A lapse or an extension answers for a deadline, so a named account takes it (a supervisor's, never a desk without
accounts); one account holding the window's, the supervisor's and the administrator's roles keeps the tests of
dates about dates.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session, sessionmaker

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.accounts import add_account

HEAD_ROLES = frozenset({Role.CLERK, Role.SUPERVISOR, Role.ADMIN})
HEAD_PASSWORD = "saran2028ok"


def head_of(sessions: sessionmaker[Session], desk: Desk) -> Desk:
    """``desk`` with the head's account signed in, the account made first (so by the desk without accounts)."""
    with sessions.begin() as s:
        assert add_account(s, desk, NewAccount("saran", "萨仁", HEAD_ROLES, HEAD_PASSWORD)) == ()
    return dataclasses.replace(desk, clerk="萨仁", actor=Actor("saran", "萨仁", HEAD_ROLES))
