"""A real PostgreSQL 15 server for the test run, and a fresh database for each test.

One throwaway cluster serves the whole run (design §5): ``initdb --auth=trust``
into a temporary folder (as the ``postgres`` user when the run is root, since
PostgreSQL refuses to run as root), started with ``pg_ctl`` on a Unix socket in
that folder only, ``fsync`` off, and stopped with ``-m immediate`` at the end —
nothing in it is worth a clean shutdown.  A benchmark that compares a commit with SQLite's ``synchronous=FULL``
starts it ``durable`` instead (``fsync`` and ``synchronous_commit`` on, as a hall's server runs): a server that
never waits for the disk would flatter every figure it is set beside.

Migrating and importing the shipped catalog takes seconds; copying a database
takes milliseconds.  So the content a test starts from is built once into a
*template* database, and every test gets its own ``CREATE DATABASE tN TEMPLATE
…``, dropped after it: no test ever sees another's rows.

The start and stop are plain functions (:func:`start_cluster`,
:func:`stop_cluster`) so that a benchmark can use the same server without pytest.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.catalog.imports import import_source
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.db.sealing import finish_pending

BACKENDS = ("sqlite", "postgresql")  # what the database tests run against

MIGRATED = "migrated"  # template: the schema at head, no rows
CATALOG = "catalog"  # template: the schema and the shipped catalog

T = TypeVar("T")

_SHIPPED_CATALOG = Path(__file__).resolve().parent.parent / "counter" / "resources" / "catalog"


class PostgresMissing(RuntimeError):
    """The machine's PostgreSQL 15 is not installed; the test command installs it."""


def pg_bin(name: str) -> str:
    """A PostgreSQL program: on the PATH, else where Debian puts the server's programs."""
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))), None)
    if found is None:
        raise PostgresMissing(f"PostgreSQL is needed: install the Debian package postgresql-15 ({name})")
    return found


#: what runs a command as the user the test's servers run as: ``postgres`` when we are root (the server refuses root)
AS_POSTGRES = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _as_postgres(args: list[str]) -> None:
    """Run a server program, as ``postgres`` when we are root (the server refuses root)."""
    subprocess.run([*AS_POSTGRES, *args], check=True, capture_output=True)


def free_port() -> int:
    """A TCP port nobody listens on now; it names the socket file, so two runs never share one."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True, slots=True)
class PgCluster:
    """A running throwaway cluster: its folder (data, log, socket) and its port."""

    folder: Path
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.folder}&port={self.port}"


#: the memory a hall's server is given for its buffers, as README.md's "PostgreSQL for a hall" asks (a quarter of a
#: modest 8 GB server; PostgreSQL ships 128 MB): the league-size benchmarks read cases spread over 14 GB of tables
HALL_MEMORY = ("shared_buffers=2GB",)


def start_cluster(
    parent: Path | None = None,
    durable: bool = False,
    settings: Sequence[str] = (),
    name: str = "",
    prepare: Callable[[Path], None] | None = None,
) -> PgCluster:
    """initdb and start a cluster in a new temporary folder; about a second.

    ``durable``: a commit waits until its WAL is on disk, as on a hall's server; otherwise ``fsync`` is off (tests).
    ``settings``: the server's further settings (``name=value``), such as :data:`HALL_MEMORY`; a later one wins,
    so ``listen_addresses=127.0.0.1`` opens TCP beside the socket.
    ``name``: put in the folder's name, e.g. the test worker's (``gw0``) whose server it is.
    ``prepare``: called with the data folder between initdb and the start (a TLS server's certificate put there).
    """
    folder = Path(tempfile.mkdtemp(prefix=f"counter-pg-{name}-" if name else "counter-pg-", dir=parent))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
    cluster = PgCluster(folder, free_port())
    _as_postgres(
        [pg_bin("initdb"), "-D", str(cluster.data), "--auth=trust", "-U", "postgres", "-E", "UTF8", "--locale=C"]
    )
    if prepare is not None:
        prepare(cluster.data)
    durability = "-c fsync=on -c synchronous_commit=on" if durable else "-c fsync=off"
    further = "".join(f" -c {setting}" for setting in settings)
    options = f"-k {folder} -p {cluster.port} {durability} -c listen_addresses=''{further}"
    log = str(folder / "log")
    _as_postgres([pg_bin("pg_ctl"), "-D", str(cluster.data), "-w", "-o", options, "-l", log, "start"])
    return cluster


def stop_cluster(cluster: PgCluster) -> None:
    """Stop at once (``-m immediate``) and remove the folder."""
    try:
        _as_postgres([pg_bin("pg_ctl"), "-D", str(cluster.data), "-w", "-m", "immediate", "stop"])
    finally:
        shutil.rmtree(cluster.folder, ignore_errors=True)


def migrate(sessions: sessionmaker[Session]) -> None:
    """Template content: nothing but the schema (the migration runs for every template)."""


def import_shipped_catalog(sessions: sessionmaker[Session]) -> None:
    """Template content: the catalog in ``resources/catalog``, as a desk loads it."""
    outcome = import_source(sessions, _SHIPPED_CATALOG)
    assert outcome.report is not None, outcome.problems


def _template_database(name: str) -> str:
    return "template_" + name.replace("-", "_")


@dataclass
class PgDatabases:
    """Databases on one cluster: templates built once, and fresh copies of them.

    A template is a database nobody stays connected to (``CREATE DATABASE …
    TEMPLATE`` refuses a template in use), so every engine that builds one is
    disposed before it is copied.
    """

    cluster: PgCluster
    _admin: Engine | None = None
    _templates: dict[str, Any] = field(default_factory=dict)
    _numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def admin(self) -> Engine:
        """An autocommit engine on the ``postgres`` database: CREATE and DROP DATABASE run outside transactions."""
        if self._admin is None:
            self._admin = create_engine(self.cluster.url("postgres"), isolation_level="AUTOCOMMIT")
        return self._admin

    def _execute(self, statement: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(statement))

    def template(self, name: str, build: Callable[[sessionmaker[Session]], T], base: str = "") -> T:
        """Build the template ``name`` once (migrated, on top of template ``base`` if given); ``build``'s result."""
        if name not in self._templates:
            if base:
                self.standard(base)
            database = _template_database(name)
            self._execute(f"CREATE DATABASE {database}" + (f" TEMPLATE {_template_database(base)}" if base else ""))
            engine = make_engine(self.cluster.url(database))
            try:
                upgrade(engine)
                result = build(make_sessions(engine))
                from tests.catalog_db import kept_in_clear_at

                with engine.begin() as conn:  # each test seals its copy under its own keys (FreshDatabases.open)
                    kept_in_clear_at(conn)
            finally:
                engine.dispose()
            self._templates[name] = result
        return cast(T, self._templates[name])

    def standard(self, name: str) -> None:
        """The two templates every database test package starts from."""
        if name == MIGRATED:
            self.template(MIGRATED, migrate)
        elif name == CATALOG:
            self.template(CATALOG, import_shipped_catalog, base=MIGRATED)
        elif name not in self._templates:
            raise KeyError(f"template {name!r} is not built yet")

    def create(self, template: str = CATALOG) -> str:
        """A new database copied from ``template``; its name.  The caller drops it."""
        self.standard(template)
        name = f"t{next(self._numbers)}"
        self._execute(f"CREATE DATABASE {name} TEMPLATE {_template_database(template)}")
        return name

    def drop(self, name: str) -> None:
        """Drop a database; connections a test left open are ended first."""
        self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def close(self) -> None:
        if self._admin is not None:
            self._admin.dispose()


@dataclass
class FreshDatabases:
    """What a test holds: fresh databases, and every engine on them, cleaned up after it."""

    databases: PgDatabases
    _names: list[str] = field(default_factory=list)
    _engines: list[Engine] = field(default_factory=list)

    def url(self, template: str = CATALOG) -> str:
        """The URL of a new database copied from ``template`` (``counter --db`` takes it as it is)."""
        name = self.databases.create(template)
        self._names.append(name)
        return self.databases.cluster.url(name)

    def open(self, url: str) -> sessionmaker[Session]:
        """Sessions on a database of this test (an engine disposed after it)."""
        engine = make_engine(url)
        self._engines.append(engine)
        finish_pending(engine)  # a template's personal data sealed under this test's keys (kept_in_clear_at)
        return make_sessions(engine)

    def sessions(self, template: str = CATALOG) -> sessionmaker[Session]:
        """Sessions on a new database copied from ``template``."""
        return self.open(self.url(template))

    def close(self) -> None:
        for engine in self._engines:
            engine.dispose()
        for name in self._names:
            self.databases.drop(name)


@pytest.fixture(scope="session")
def pg_cluster(worker_id: str) -> Iterator[PgCluster]:
    """The run's one PostgreSQL server, started by the first test that needs it; one for each parallel worker.

    Its folder is in the system's temporary folder, not pytest's: the ``postgres``
    user must be able to enter it, and pytest's folders are private to us.  Each
    worker's server has a folder of its own (named after the worker, ``gw0``…) and
    listens only on a socket there, so two workers' servers never meet, whatever
    their ports (``worker_id`` is pytest-xdist's; ``master`` in a serial run).
    """
    try:
        cluster = start_cluster(name=worker_id)
    except PostgresMissing as missing:
        pytest.fail(str(missing))
    try:
        yield cluster
    finally:
        stop_cluster(cluster)


@pytest.fixture(scope="session")
def pg_databases(pg_cluster: PgCluster) -> Iterator[PgDatabases]:
    databases = PgDatabases(pg_cluster)
    try:
        yield databases
    finally:
        databases.close()


@pytest.fixture
def fresh_pg(pg_databases: PgDatabases) -> Iterator[FreshDatabases]:
    """Fresh databases for one test: ``fresh_pg.sessions()`` (shipped catalog), ``fresh_pg.url(MIGRATED)``…"""
    fresh = FreshDatabases(pg_databases)
    try:
        yield fresh
    finally:
        fresh.close()
