"""A desk's URL without its password: libpq's password file and service file give what the URL leaves out.

The server here is a hall's as the 运维手册 sets it up: reached over TCP with TLS checked against the hall's CA, and
asking every login for its password (scram-sha-256), so a connection that succeeds had the password from libpq's
files, from nowhere else.  Each file is found where libpq looks: ``PGPASSFILE`` and ``PGSERVICEFILE`` name them, and
without them ``~/.pgpass`` and ``~/.pg_service.conf`` (the tests move ``HOME``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from counter.actions.site.store import Store
from counter.db.engine import make_engine
from counter.db.migrate import upgrade
from counter.host.database.database_faults import DbFault, StoreFault
from tests.db.tls_server import ON_TCP, SERVER_CERT, SERVER_KEY, make_authority, write_server_certificate
from tests.pg_server import PgCluster, start_cluster, stop_cluster

pytestmark = pytest.mark.pg  # a server of its own, started here

PASSWORD = "mima2026ok"
ROLE = "counter_desk"
#: the socket trusts the test's own administration; every TCP login needs its password, and TLS
HBA = "".join(
    ("local all all trust\n", *(f"hostssl counter {ROLE} {net} scram-sha-256\n" for net in ("127.0.0.1/32", "::1/128")))
)


@dataclass(frozen=True)
class Hall:
    cluster: PgCluster
    ca: Path

    @property
    def port(self) -> int:
        return self.cluster.port

    def url(self, query: str = "") -> str:
        """The desk's URL: its login and the server, no password."""
        tls = f"sslmode=verify-full&sslrootcert={self.ca}"
        return f"postgresql+psycopg://{ROLE}@localhost:{self.port}/counter?{tls}{query}"


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    ca = make_authority()

    def prepare(data: Path) -> None:
        write_server_certificate(ca, data)
        (data / "pg_hba.conf").write_text(HBA, encoding="utf-8")

    settings = (*ON_TCP, "ssl=on", f"ssl_cert_file={SERVER_CERT}", f"ssl_key_file={SERVER_KEY}")
    cluster = start_cluster(settings=settings, name="pgpass", prepare=prepare)
    try:
        admin = create_engine(cluster.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'"))
            conn.execute(text(f"CREATE DATABASE counter OWNER {ROLE}"))
        admin.dispose()
        owner = make_engine(f"postgresql+psycopg://{ROLE}@/counter?host={cluster.folder}&port={cluster.port}")
        upgrade(owner)  # over the socket, once: the tests open a migrated hall
        owner.dispose()
        yield Hall(cluster, ca.write(tmp_path_factory.mktemp("ca") / "hall-ca.crt"))
    finally:
        stop_cluster(cluster)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of the test's own, and none of libpq's variables from the run's environment."""
    for name in ("PGPASSFILE", "PGSERVICEFILE", "PGSERVICE", "PGPASSWORD", "PGHOST", "PGPORT", "PGSYSCONFDIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def _private(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    path.chmod(0o600)  # libpq ignores a password file others may read
    return path


def _who(store: Store) -> tuple[str, bool]:
    """The login the store's connection has, and whether it is encrypted."""
    asked = text("SELECT current_user, ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
    try:
        login, encrypted = store.read(lambda unit: unit.execute(asked).one())
        return str(login), bool(encrypted)
    finally:
        store.dispose()


def test_without_a_password_file_the_server_refuses_the_login(hall: Hall, home: Path) -> None:
    with pytest.raises(StoreFault) as refused:
        Store(hall.url()).sessions()
    assert "no password supplied" in refused.value.detail


def test_the_password_comes_from_pgpassfile(hall: Hall, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    passwords = _private(home / "hall.pgpass", f"localhost:{hall.port}:counter:{ROLE}:{PASSWORD}\n")
    monkeypatch.setenv("PGPASSFILE", str(passwords))
    assert _who(Store(hall.url())) == (ROLE, True)


def test_the_password_comes_from_the_users_pgpass(hall: Hall, home: Path) -> None:
    _private(home / ".pgpass", f"*:*:counter:{ROLE}:{PASSWORD}\n")
    assert _who(Store(hall.url())) == (ROLE, True)


def test_the_whole_connection_comes_from_a_service(hall: Hall, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``service=hall`` in the URL: host, port, database, login and TLS from the service file, the password from
    the password file; the URL names nothing a desk's user could get wrong or read a secret from."""
    _private(home / ".pgpass", f"localhost:{hall.port}:counter:{ROLE}:{PASSWORD}\n")
    services = home / "services.conf"
    services.write_text(
        f"[hall]\nhost=localhost\nport={hall.port}\ndbname=counter\nuser={ROLE}\n"
        f"sslmode=verify-full\nsslrootcert={hall.ca}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    assert _who(Store("postgresql+psycopg://?service=hall")) == (ROLE, True)
    services.rename(home / ".pg_service.conf")  # where libpq looks without PGSERVICEFILE
    monkeypatch.delenv("PGSERVICEFILE")
    assert _who(Store("postgresql://?service=hall")) == (ROLE, True)


def test_a_service_without_verified_tls_is_refused(hall: Hall, home: Path) -> None:
    """The URL names no server, so only the connection libpq made says it went over the network unchecked."""
    _private(home / ".pgpass", f"localhost:{hall.port}:counter:{ROLE}:{PASSWORD}\n")
    (home / ".pg_service.conf").write_text(
        f"[hall]\nhost=localhost\nport={hall.port}\ndbname=counter\nuser={ROLE}\nsslmode=require\n", encoding="utf-8"
    )
    with pytest.raises(StoreFault) as refused:
        Store("postgresql+psycopg://?service=hall").sessions()
    assert refused.value.fault is DbFault.PLAIN_CONNECTION
