"""A hall CA certificate the desk's account cannot read is named as such, not as a fault of the program.

Made under ``umask 077`` (as the 运维手册 makes it on the server) and copied as it is, ``hall-ca.crt`` is its maker's
alone: libpq then fails before any TLS is spoken, and says why only in its sentence.  Root reads every file, so the
test gives libpq the two sentences it has for the case another way: a file that is not there, and a path it cannot
read a certificate from.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.cli.main import main
from tests.db.tls_server import make_authority, start_tls_cluster, tcp_url
from tests.pg_server import MIGRATED, PgCluster, PgDatabases, stop_cluster

pytestmark = pytest.mark.pg  # a server of its own, started here


@pytest.fixture(scope="module")
def tls_hall() -> Iterator[tuple[PgCluster, str]]:
    cluster = start_tls_cluster(make_authority())
    databases = PgDatabases(cluster)
    try:
        yield cluster, databases.create(MIGRATED)
    finally:
        databases.close()
        stop_cluster(cluster)


@pytest.mark.parametrize("where", ["missing", "unreadable"])
def test_an_unreadable_ca_file_is_named(
    tls_hall: tuple[PgCluster, str], where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cluster, name = tls_hall
    ca = tmp_path / "hall-ca.crt" if where == "missing" else tmp_path  # a folder: no certificate read from it
    assert main(["catalog", "list", "--db", tcp_url(cluster, name, f"sslmode=verify-full&sslrootcert={ca}")]) == 1
    err = capsys.readouterr().err
    assert "大厅 CA 证书文件" in err
    assert "没有读它的权限" in err
    assert "意外" not in err
