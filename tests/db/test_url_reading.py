"""A hall server's URL is read for its TLS check as the engine reads it: a password with ``#`` keeps the query.

Read as a web address, ``#`` starts a fragment: the query after it (``sslmode=verify-full``) was lost to the check,
which then refused the URL for a setting it plainly had, while SQLAlchemy and libpq would have used it as written.
"""

from __future__ import annotations

import pytest

from counter.db.url import TRUSTED_NETWORK_ENV, plain_over_network

VERIFIED = "sslmode=verify-full&sslrootcert=/etc/counter/hall-ca.crt"


@pytest.fixture(autouse=True)
def _untrusted(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (TRUSTED_NETWORK_ENV, "PGHOST", "PGSSLMODE"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("password", ["mima#2026ok", "mima%232026ok", "mi#ma?20#26", "mima2026ok"])
def test_a_password_keeps_the_query_after_it(password: str) -> None:
    assert not plain_over_network(f"postgresql+psycopg://counter:{password}@db-host/counter?{VERIFIED}")


@pytest.mark.parametrize("password", ["mima#2026ok", "mima2026ok"])
def test_without_verified_tls_the_same_url_is_still_refused(password: str) -> None:
    assert plain_over_network(f"postgresql+psycopg://counter:{password}@db-host/counter?sslmode=require")
    assert plain_over_network(f"postgresql+psycopg://counter:{password}@db-host/counter")


def test_a_socket_and_a_service_are_not_the_network() -> None:
    assert not plain_over_network("postgresql+psycopg://counter@/counter?host=/var/run/postgresql")
    assert not plain_over_network("postgresql+psycopg://?service=hall")  # checked at the connection instead
    assert not plain_over_network("sqlite:////tmp/counter.sqlite3")
