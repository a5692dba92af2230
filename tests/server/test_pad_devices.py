"""A review pad as a device of its own, against a real ``counter serve``: registered with ``counter serve add-pad``
(its key shown once, kept as its hash), paired to a desk by a supervisor (recorded), and the one that answers the
requests of its desk: the desk's session, any account's and another pad's key are refused."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.pads import PadFound
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.server.secrets_hash import digest
from counter.service.admin import ADD_ACCOUNT
from counter.service.local import serve
from counter.service.pads import FIND_PAD, PadKeyShown
from tests.conftest import made_database
from tests.server.hall_server import HALL_PASSWORD, HallServer, add_pad, counter, hall_server

ADMIN = Desk(DeskIdentity("XAM01", "1"), "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))


@pytest.fixture(scope="module")
def pad_hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HallServer, str, dict[str, str]]]:
    """The server on a hall's file with desks 1 and 2, the clerks clerk1 and clerk2, the supervisor sup1, and the
    pads pad-1 and pad-2 registered (their keys in the env as PAD_KEY_<name>)."""
    folder = tmp_path_factory.mktemp("pads")
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.update(COUNTER_HOME=str(folder / "home"), COUNTER_STATE=str(folder / "state"))
    url = made_database(folder / "hall.sqlite3")
    service = serve(url)
    first = NewAccount("admin", "管理员", frozenset({Role.ADMIN}), HALL_PASSWORD)
    assert service.call(ADD_ACCOUNT, first, Desk(DeskIdentity("XAM01", "1"), "管理员")) == ()
    for login, name, role in (("clerk1", "巴特尔", Role.CLERK), ("clerk2", "乌兰", Role.CLERK),
                              ("sup1", "其其格", Role.SUPERVISOR)):  # fmt: skip
        roles = frozenset({role, Role.CLERK})
        assert service.call(ADD_ACCOUNT, NewAccount(login, name, roles, HALL_PASSWORD), ADMIN) == ()
    service.close()
    keys = {f"PAD_KEY_{name}": add_pad(url, name, env) for name in ("pad-1", "pad-2")}
    with hall_server(folder, url, ("1", "2"), env) as server:
        yield server, url, keys


def _found(url: str, key: str) -> PadFound | None:
    service = serve(url)
    try:
        return service.call(FIND_PAD, PadKeyShown(digest(key)))
    finally:
        service.close()


def test_add_pad_shows_its_key_once_and_keeps_only_its_hash(tmp_path: Path) -> None:
    url = made_database(tmp_path / "hall.sqlite3")
    env = dict(os.environ, COUNTER_HOME=str(tmp_path / "home"), COUNTER_STATE=str(tmp_path / "state"))
    key = add_pad(url, "pad-8", env)
    assert _found(url, key) == PadFound("pad-8", "")
    service = serve(url)
    with service.store.sessions().begin() as session:
        kept = session.scalars(select(models.HallPad.key_hash)).all()
    service.close()
    assert kept == [digest(key)]
    assert key not in kept
    again = add_pad(url, "pad-8", env)  # the device replaced under its name: the old key opens nothing
    assert again != key
    assert _found(url, key) is None
    assert _found(url, again) == PadFound("pad-8", "")
    refused = counter("serve", "add-pad", "--db", url, "pad 8", env=env)
    assert refused.returncode == 2
    assert "评价器名称" in refused.stderr
    assert refused.stdout == ""
