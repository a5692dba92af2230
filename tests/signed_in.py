"""A desk's clerk signed in with an account, for the tests of what only a supervisor (or a reviewer) may do.

A database without accounts is a clerk's single desk (counter.access.roles.SINGLE_DESK_GRANTS): it never extends or
lapses a deadline, denies an item or voids a case.  A test of those steps adds the account the administrator would
(`counter user add`) and acts as it; once an account exists every step needs a signed-in one, so the rest of the test
acts as it too, under the same clerk's name, so that the history reads as before.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.db import models
from tests.entrusted import RESTAURANT_ITEMS, entrust_in

#: The roles of the person a test signs in: serving at the window and deciding there as its supervisor.
SUPERVISING = (Role.CLERK, Role.SUPERVISOR)


def add_account(session: Session, login: str, name: str, *roles: Role, department: str = "") -> Actor:
    """The account, as stored by the administrator's `counter user add` (its password is never asked here)."""
    stored = ",".join(role.value for role in roles)
    session.add(models.Account(login=login, name=name, roles=stored, password_hash="x", department=department))
    return Actor(login, name, frozenset(roles))


def signed_in(sessions: sessionmaker[Session], desk: Desk, *roles: Role, login: str = "") -> Desk:
    """``desk``'s clerk signed in with an account of ``roles`` (a supervisor's by default), added first."""
    login, held = login or _login(desk), roles or SUPERVISING
    with sessions.begin() as session:
        if session.get(models.Account, login) is None:  # signed in once already: the same account
            add_account(session, login, desk.clerk, *held)
    return dataclasses.replace(desk, actor=Actor(login, desk.clerk, frozenset(held)))


def _login(desk: Desk) -> str:
    return f"desk{desk.identity.site_code.lower()}{desk.identity.desk_no}"


def entrusted_supervisor(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk, *item_codes: str
) -> Desk:
    """``desk``'s clerk signed in as the supervisor of a window its departments entrusted with ``item_codes`` in
    writing (recorded first, while the single desk still sets its site up): the one way a window may end or deny
    those items (counter.access.case_acts)."""
    entrust_in(owner, desk, *(item_codes or RESTAURANT_ITEMS))
    return signed_in(owner, desk)


def head_of_hall(sessions: sessionmaker[Session]) -> Desk:
    """宝音, the hall's supervisor and administrator who serves at desk 1 too, signed in (F8's every page)."""
    return signed_in(sessions, Desk(DeskIdentity("XAM01", "1"), "宝音"), Role.CLERK, Role.SUPERVISOR, Role.ADMIN)
