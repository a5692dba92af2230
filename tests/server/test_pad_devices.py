"""A review pad as a device of its own, against a real ``counter serve``: registered with ``counter serve add-pad``
(its key shown once, kept as its hash), paired to a desk by a supervisor (recorded), and the one that answers the
requests of its desk: the desk's session, any account's and another pad's key are refused."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.pads import PadFound, PadProblem, PadRefused
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.server.secrets_hash import digest
from counter.service.admin import ADD_ACCOUNT
from counter.service.local import serve
from counter.service.pads import FIND_PAD, LIST_PADS, PAIR_PAD, RETIRE_PAD, PadKeyShown, PadName, PairPad
from counter.service.requests import Nothing
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
        # the supervisor pairs pad-1 to desk 1 at the command line
        paired = counter("--user", "sup1", "pad", "pair", "pad-1", "--desk", "1", "--db", url,
                         env=env | {"COUNTER_PASSWORD": HALL_PASSWORD})  # fmt: skip
        assert paired.returncode == 0, paired.stderr
        assert "评价器 pad-1 已配对到1号窗口" in paired.stdout
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


def _pad_trail(url: str) -> list[tuple[str, str, dict[str, object]]]:
    service = serve(url)
    try:
        with service.store.sessions().begin() as session:
            entry = models.AuditEntry
            rows = session.execute(
                select(entry.actor, entry.subject, entry.detail).where(entry.subject.like("pad:%")).order_by(entry.id)
            ).all()
            return [(actor, subject, json.loads(detail)) for actor, subject, detail in rows]
    finally:
        service.close()


def test_pairing_replacing_and_retiring_a_pad_are_a_supervisors_recorded_acts(
    pad_hall: tuple[HallServer, str, dict[str, str]],
) -> None:
    server, url, keys = pad_hall
    clerk = server.desk("2", "clerk2", HALL_PASSWORD)
    with pytest.raises(NotPermitted):  # the clerk whose ratings the pad gives pairs none
        clerk.call(PAIR_PAD, PairPad("pad-2", "2"))
    supervisor = server.desk("2", "sup1", HALL_PASSWORD)
    with pytest.raises(PadRefused) as refused:
        supervisor.call(PAIR_PAD, PairPad("pad-9", "2"))
    assert refused.value.code is PadProblem.NO_PAD
    with pytest.raises(PadRefused) as refused:
        supervisor.call(PAIR_PAD, PairPad("pad-2", "7"))  # a desk the hall never registered
    assert refused.value.code is PadProblem.NO_DESK
    supervisor.call(PAIR_PAD, PairPad("pad-2", "2"))
    assert _found(url, keys["PAD_KEY_pad-2"]) == PadFound("pad-2", "2")
    spare = add_pad(url, "pad-spare", dict(os.environ, COUNTER_HOME=str(server.log.parent / "home")))
    supervisor.call(PAIR_PAD, PairPad("pad-spare", "2"))  # the desk's pad replaced
    assert _found(url, keys["PAD_KEY_pad-2"]) == PadFound("pad-2", "")
    assert _found(url, spare) == PadFound("pad-spare", "2")
    supervisor.call(RETIRE_PAD, PadName("pad-spare"))
    assert _found(url, spare) is None
    listed = counter("--user", "sup1", "pad", "list", "--json", "--db", url,
                     env=dict(os.environ, COUNTER_PASSWORD=HALL_PASSWORD))  # fmt: skip
    assert {"name": "pad-1", "desk_no": "1", "retired": False} in json.loads(listed.stdout), listed.stderr
    assert ("pad-spare", "", True) in [(p.name, p.desk_no, p.retired) for p in supervisor.call(LIST_PADS, Nothing())]
    with pytest.raises(PadRefused) as refused:
        supervisor.call(PAIR_PAD, PairPad("pad-spare", "2"))
    assert refused.value.code is PadProblem.RETIRED
    assert _pad_trail(url) == [
        ("sup1", "pad:pad-1", {"pad": "paired", "desk": "1", "from_desk": ""}),
        ("sup1", "pad:pad-2", {"pad": "paired", "desk": "2", "from_desk": ""}),
        ("sup1", "pad:pad-spare", {"pad": "paired", "desk": "2", "from_desk": "", "replaces": "pad-2"}),
        ("sup1", "pad:pad-spare", {"pad": "retired", "desk": "2"}),
    ]
