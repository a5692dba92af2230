"""A desk names a server that is not PostgreSQL of the version the schema needs, instead of failing inside.

The version strings are the products' own, as their manuals and sessions show them: openGauss's (its gsql banner
and the openGauss-lite build's ``version()``), Huawei's GaussDB(DWS) manual's ``SELECT version()``, a KingbaseES V8R6
session's, DM8's ``V$VERSION`` banner, Debian's PostgreSQL 15.  The real server of the test run is asked too; the
other products' answers reach the desk only through :func:`counter.db.server_check.server_version`.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from counter.actions.site.store import Store
from counter.cli.main import main
from counter.db import engine as engine_module
from counter.db import server_check
from counter.db.engine import make_engine
from counter.db.migrate import SchemaState, downgrade, schema_state
from counter.db.server_check import MINIMUM_MAJOR, POSTGRESQL, Server, classify
from counter.db.url import TRUSTED_NETWORK_ENV
from counter.host.database.database_faults import DbFault, StoreFault
from counter.ui.start.app import open_database
from counter.words.database import fault_text
from tests.pg_server import MIGRATED, FreshDatabases

DEBIAN_POSTGRESQL_15 = (
    "PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, "
    "compiled by gcc (Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit"
)
POSTGRESQL_11 = (
    "PostgreSQL 11.22 on x86_64-pc-linux-gnu, compiled by gcc (GCC) 4.8.5 20150623 (Red Hat 4.8.5-44), 64-bit"
)
OPENGAUSS_5 = (
    "(openGauss 5.0.0 build a07d57c3) compiled at 2023-03-29 03:07:56 commit 0 last mr   "
    "on x86_64-unknown-linux-gnu, compiled by g++ (GCC) 7.3.0, 64-bit"
)
OPENGAUSS_LITE_7 = (
    "(openGauss-lite 7.0.0-RC3 build ) compiled at 2026-04-21 15:29:26 commit 0 last mr  release "
    "on aarch64-unknown-linux-gnu, compiled by g++ (GCC) 10.3.1, 64-bit"
)
GAUSSDB_DWS = (
    "PostgreSQL 9.2.4 gsql (( GaussDB  8.1.3 build 39137c2d) compiled at 2022-04-01 15:43:11 commit 3629 "
    "last mr 5138 release) on x86_64-unknown-linux-gnu, compiled by g++ (GCC) 5.4.0, 64-bit"
)
KINGBASE_V8R6 = (
    "KingbaseES V008R006C005B0023 on x86_64-pc-linux-gnu, compiled by gcc (GCC) 4.1.2 20080704 (Red Hat 4.1.2-46), "
    "64-bit"
)
DM8 = "DM Database Server 64 V8"


@pytest.mark.parametrize(
    ("answer", "name", "supported"),
    [
        (DEBIAN_POSTGRESQL_15, "PostgreSQL 15.18", True),
        (POSTGRESQL_11, "PostgreSQL 11.22", False),
        (OPENGAUSS_5, "openGauss 5.0.0", False),
        (OPENGAUSS_LITE_7, "openGauss 7.0.0-RC3", False),
        (GAUSSDB_DWS, "GaussDB 8.1.3", False),
        (KINGBASE_V8R6, "KingbaseES V008R006C005B0023", False),
        (DM8, "达梦 DM V8", False),
        ("TotallyUnknownDB 1.2.3", "TotallyUnknownDB 1.2.3", False),
    ],
)
def test_each_products_answer_is_named_and_only_postgresql_of_ours_passes(
    answer: str, name: str, supported: bool
) -> None:
    server = classify(answer)
    assert (server.name, server.supported) == (name, supported)


def test_the_minimum_is_the_one_the_clerk_is_told() -> None:
    assert classify(f"PostgreSQL {MINIMUM_MAJOR}.0 on x86_64-pc-linux-gnu").supported
    assert not classify(f"PostgreSQL {MINIMUM_MAJOR - 1}.9 on x86_64-pc-linux-gnu").supported
    said = fault_text(DbFault.UNSUPPORTED_SERVER.value, server="openGauss 5.0.0")
    assert f"PostgreSQL {MINIMUM_MAJOR} 或更新版本" in said
    assert said.startswith("数据库服务器是 openGauss 5.0.0，")


def _one_behind(fresh_pg: FreshDatabases) -> str:
    url = fresh_pg.url(MIGRATED)
    engine = make_engine(url)
    downgrade(engine, "-1")
    engine.dispose()
    return url


def _revision(url: str) -> tuple[SchemaState, str | None]:
    engine = make_engine(url)
    try:
        return schema_state(engine)
    finally:
        engine.dispose()


def test_the_test_runs_server_is_postgresql_of_ours(fresh_pg: FreshDatabases) -> None:
    url = fresh_pg.url(MIGRATED)
    store = Store(url)
    answer = store.read(lambda unit: unit.scalar(text("SELECT version()")))
    store.dispose()
    server = classify(answer)
    assert server.product == POSTGRESQL
    assert server.supported


def test_an_opengauss_server_is_named_and_left_untouched(
    fresh_pg: FreshDatabases, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _one_behind(fresh_pg)
    before = _revision(url)
    monkeypatch.setattr(server_check, "server_version", lambda _conn: OPENGAUSS_5)
    with pytest.raises(StoreFault) as refused:
        Store(url).sessions()
    assert (refused.value.fault, refused.value.server) == (DbFault.UNSUPPORTED_SERVER, "openGauss 5.0.0")
    assert (open_database(Store(url)) or "").startswith("数据库服务器是 openGauss 5.0.0，")  # the window's start

    assert main(["db", "upgrade", "--db", url]) == 1
    said = capsys.readouterr()
    assert "数据库服务器是 openGauss 5.0.0" in said.err
    assert "升级数据库结构" not in said.out  # not one migration begun
    monkeypatch.undo()
    assert _revision(url) == before


def test_a_server_that_refuses_the_desks_session_settings_is_still_named(
    fresh_pg: FreshDatabases, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openGauss has no ``jit`` setting and refuses a connection that sets it: the desk asks again without it."""
    url = fresh_pg.url(MIGRATED)
    monkeypatch.setattr(engine_module, "SESSION_OPTIONS", "-c counter_no_such_setting=off")
    monkeypatch.setattr(server_check, "server_version", lambda _conn: KINGBASE_V8R6)
    with pytest.raises(StoreFault) as refused:
        Store(url).sessions()
    assert (refused.value.fault, refused.value.server) == (DbFault.UNSUPPORTED_SERVER, "KingbaseES V008R006C005B0023")

    monkeypatch.setattr(server_check, "server_version", lambda _conn: DEBIAN_POSTGRESQL_15)
    with pytest.raises(StoreFault) as refused:  # a server of ours that lacks the setting: its own refusal stands
        Store(url).sessions()
    assert refused.value.fault is not DbFault.UNSUPPORTED_SERVER
    assert "counter_no_such_setting" in refused.value.detail


def test_a_server_is_asked_its_version_once_per_engine(
    fresh_pg: FreshDatabases, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Server] = []
    real = server_check.server_version

    def counted(conn: object) -> str:
        answer = real(conn)
        asked.append(classify(answer))
        return answer

    monkeypatch.setattr(server_check, "server_version", counted)
    engine = make_engine(fresh_pg.url(MIGRATED))
    with engine.connect() as first, engine.connect() as second:  # two connections of one pool
        assert first.scalar(text("SELECT 1")) == second.scalar(text("SELECT 1")) == 1
    engine.dispose()
    assert [s.product for s in asked] == [POSTGRESQL]


@pytest.fixture
def no_postgresql() -> Iterator[int]:
    """A port where something answers that is not PostgreSQL (as 达梦 DM, or any other service, would): one byte
    no PostgreSQL server sends first, then the line is closed."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def answer() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.recv(1024)
                conn.sendall(b"X")

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    yield int(listener.getsockname()[1])
    stop.set()
    thread.join()
    listener.close()


@pytest.mark.parametrize("tls", [True, False])
def test_a_server_that_does_not_speak_postgresql_is_named_so(
    no_postgresql: int, tls: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if tls:  # the desk asks for TLS first
        query = f"sslmode=verify-full&sslrootcert={tmp_path / 'hall-ca.crt'}"
    else:  # a trusted network: the desk begins the session at once
        monkeypatch.setenv(TRUSTED_NETWORK_ENV, "1")
        query = "sslmode=disable"
    url = f"postgresql+psycopg://counter_desk@127.0.0.1:{no_postgresql}/counter?{query}"
    with pytest.raises(StoreFault) as refused:
        Store(url).sessions()
    assert refused.value.fault is DbFault.NOT_POSTGRESQL
    assert main(["db", "numbers", "--db", url]) == 1
    said = capsys.readouterr().err
    assert "数据库地址上的服务器不讲 PostgreSQL 的协议" in said
    assert "错误报告" not in said  # a cause named, not an unexpected error for support
