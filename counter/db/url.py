"""Which database: ``--db URL``, else ``COUNTER_DB_URL``, else the SQLite file in the data folder.

Training (``counter demo``, ``--today``) takes the training file in the data folder instead, unless ``--db`` names
one: ``COUNTER_DB_URL`` names the desk's live database (a hall's PostgreSQL), so training never follows it.

Which database is decided by :mod:`counter.host.database.database_choice` (start-up decides without importing
SQLAlchemy); this module adds what the engine asks of a server's URL.
"""

from __future__ import annotations

import os

__all__ = [
    "TRUSTED_NETWORK_ENV",
    "VERIFIED_TLS",
    "PlainConnection",
    "plain_at_connection",
    "plain_over_network",
]

#: set to 1 on a desk whose network to the hall's server is trusted: it may then talk to the server in clear
TRUSTED_NETWORK_ENV = "COUNTER_DB_TRUSTED_NETWORK"
#: the one TLS mode that both encrypts and checks the server's certificate and name against the hall's own CA
VERIFIED_TLS = "verify-full"


def plain_over_network(url: str) -> bool:
    """Whether ``url`` would reach a PostgreSQL server over the network without TLS that checks who answers.

    The hall's desks send applicants' ID numbers to the server with every intake; on a network in clear anyone on
    it reads them, and with any TLS short of ``verify-full`` whoever answers in the server's place does.  So a
    server reached over TCP must be named with ``sslmode=verify-full`` (and the hall's CA, ``sslrootcert``, as the
    运维手册 sets it up), unless this machine says its network is trusted (:data:`TRUSTED_NETWORK_ENV`).  A Unix
    socket (a ``host`` that is a folder, or none; libpq's ``PGHOST`` and ``PGSSLMODE`` count where the URL is silent)
    never leaves the machine.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    # read as the engine reads it, not as a web address: a password with "#" in it is a password to
    # SQLAlchemy and libpq, where urlsplit took it for the start of a fragment and lost the query after it
    try:
        parsed = make_url(url)
    except ArgumentError:
        return False  # no URL the engine could open either; it says so
    if parsed.get_backend_name() != "postgresql" or os.environ.get(TRUSTED_NETWORK_ENV) == "1":
        return False
    hosts = [h for given in _values(parsed.query.get("host")) for h in given.split(",")] or [
        parsed.host or os.environ.get("PGHOST", "")
    ]
    if all(not h or h.startswith("/") for h in hosts):
        return False
    mode = (_values(parsed.query.get("sslmode")) or [os.environ.get("PGSSLMODE", "")])[-1]
    return mode != VERIFIED_TLS


def _values(given: str | tuple[str, ...] | None) -> list[str]:
    """A query parameter's values: SQLAlchemy gives one as a string, several as a tuple."""
    if given is None:
        return []
    return [given] if isinstance(given, str) else list(given)


class PlainConnection(Exception):
    """A connection made in clear, or without checking the server's certificate, to a server over the network."""


def plain_at_connection(host: str, sslmode: str) -> bool:
    """Whether a connection libpq made (to ``host``, with ``sslmode``, as it reports them) is one
    :func:`plain_over_network` refuses.

    A URL can leave both to libpq's own files (``service=`` and pg_service.conf, ``PGSERVICE``): only the made
    connection says where it went and how.  It is closed unused: nothing but the login went over it.
    """
    if os.environ.get(TRUSTED_NETWORK_ENV) == "1" or not host or host.startswith("/"):
        return False
    return sslmode != VERIFIED_TLS
