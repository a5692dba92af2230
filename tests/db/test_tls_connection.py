"""A desk talks to the hall's server over TLS that checks the server's certificate, or not at all.

Against a real server with ``ssl=on`` and a certificate of the hall's own CA: ``sslmode=verify-full`` with that CA
connects, and the server says the line is encrypted; a URL in clear, or with TLS that checks nobody
(``sslmode=require``), is refused by the desk before a byte is sent, in Chinese that names the setting that would
allow it; a server whose certificate another CA signed is refused by the check itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from counter.cli.main import main
from counter.db.engine import make_engine
from counter.db.url import TRUSTED_NETWORK_ENV
from tests.db.tls_server import make_authority, start_tls_cluster, tcp_url
from tests.pg_server import MIGRATED, PgCluster, PgDatabases, stop_cluster

pytestmark = pytest.mark.pg  # a server of its own, started here


@pytest.fixture(scope="module")
def tls_hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[PgCluster, str, Path]]:
    """The server, a migrated database on it, and the hall's CA certificate as a desk keeps it."""
    ca = make_authority()
    cluster = start_tls_cluster(ca)
    databases = PgDatabases(cluster)
    try:
        name = databases.create(MIGRATED)
        yield cluster, name, ca.write(tmp_path_factory.mktemp("ca") / "hall-ca.crt")
    finally:
        databases.close()
        stop_cluster(cluster)


def test_verify_full_with_the_halls_ca_connects_encrypted(
    tls_hall: tuple[PgCluster, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    cluster, name, ca = tls_hall
    url = tcp_url(cluster, name, f"sslmode=verify-full&sslrootcert={ca}")
    assert main(["db", "upgrade", "--db", url]) == 0
    capsys.readouterr()
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) is True
    engine.dispose()


@pytest.mark.parametrize("query", ["", "sslmode=disable", "sslmode=prefer", "sslmode=require"])
def test_a_desk_refuses_the_server_in_clear_or_unchecked(
    tls_hall: tuple[PgCluster, str, Path], query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    cluster, name, _ca = tls_hall
    assert main(["catalog", "list", "--db", tcp_url(cluster, name, query)]) == 1
    err = capsys.readouterr().err
    assert "拒绝以明文连接" in err
    assert f"{TRUSTED_NETWORK_ENV}=1" in err  # the setting that would allow it, named
    assert "sslmode=verify-full" in err


def test_a_trusted_network_may_be_named_so(
    tls_hall: tuple[PgCluster, str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cluster, name, _ca = tls_hall
    monkeypatch.setenv(TRUSTED_NETWORK_ENV, "1")
    assert main(["catalog", "list", "--db", tcp_url(cluster, name, "sslmode=disable")]) == 0
    capsys.readouterr()


def test_a_server_another_ca_vouches_for_is_not_the_halls(
    tls_hall: tuple[PgCluster, str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cluster, name, _ca = tls_hall
    stranger = make_authority("某个别的 CA").write(tmp_path / "other-ca.crt")
    assert main(["catalog", "list", "--db", tcp_url(cluster, name, f"sslmode=verify-full&sslrootcert={stranger}")]) == 1
    assert "不是大厅 CA 签发的" in capsys.readouterr().err
