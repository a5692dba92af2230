"""Every test of the server: the logs of each ``counter serve`` it ran beside are read for a password after it
(:mod:`tests.server.server_logs`); and the hall most of them sign in to (:func:`clerks_hall`)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.service.admin import ADD_ACCOUNT
from counter.service.local import serve
from tests.conftest import made_database
from tests.server.hall_server import HALL_PASSWORD, HallServer, hall_server
from tests.server.server_logs import check_watched, module_passwords


@pytest.fixture(autouse=True)
def logs_hold_no_password(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    check_watched(module_passwords(request.module) | {HALL_PASSWORD})


@pytest.fixture(scope="module")
def clerks_hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HallServer]:
    """The server on a hall's SQLite file, with its administrator and the clerk wulan (both
    :data:`HALL_PASSWORD`), desk 8 registered: one for each test module that asks for it."""
    folder = tmp_path_factory.mktemp("hall")
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.update(COUNTER_HOME=str(folder / "home"), COUNTER_STATE=str(folder / "state"))
    url = made_database(folder / "hall.sqlite3")
    service = serve(url)
    admin = Actor("admin", "管理员", frozenset({Role.ADMIN}))
    first = NewAccount("admin", "管理员", frozenset({Role.ADMIN}), HALL_PASSWORD)
    assert service.call(ADD_ACCOUNT, first, Desk(DeskIdentity("XAM01", "1"), "管理员")) == ()
    clerk = NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), HALL_PASSWORD)
    assert service.call(ADD_ACCOUNT, clerk, Desk(DeskIdentity("XAM01", "1"), "管理员", admin)) == ()
    service.close()
    with hall_server(folder, url, ("8",), env) as server:
        yield server
