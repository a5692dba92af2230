"""Which server a hall's URL reached, and whether this program can use it.

PostgreSQL's relatives that speak its protocol — openGauss and the products built on it (GaussDB, MogDB, Vastbase),
KingbaseES — take a desk's connection but lack parts the schema is built from (docs/domestic-databases.md lists
them): the upgrade would stop at a trigger it cannot make, or a desk at a query the server does not know, with a
message about syntax.  And before that, SQLAlchemy reads the version itself at the first connection and fails with
an ``AssertionError`` on a version string that is not PostgreSQL's.  So the first connection of every engine asks
``version()`` first and refuses a server that is not PostgreSQL of :data:`MINIMUM_MAJOR` or newer, naming what it
found (:class:`UnsupportedServer`), before anything else is asked of it.

:func:`server_version` is the one place the answer is read: the tests put another product's answer there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["MINIMUM_MAJOR", "POSTGRESQL", "Server", "UnsupportedServer", "classify", "refuse_unsupported"]

#: the oldest PostgreSQL the schema and the queries run on: ``WITH … AS MATERIALIZED`` (the case lists) came in 12;
#: ``EXECUTE FUNCTION`` in a trigger, ``INCLUDE`` in an index and the ``jit`` setting a desk's session turns off, in 11
MINIMUM_MAJOR = 12
POSTGRESQL = "PostgreSQL"

# (what the product writes in its version(), its name), looked for before PostgreSQL's own words: openGauss and
# GaussDB write "PostgreSQL 9.2.4" too, and Debian writes "(Debian 15.8-1)" into a real PostgreSQL's
_PRODUCTS = (
    (re.compile(r"\bopenGauss(?:-lite)?\s+(\S+)"), "openGauss"),
    (re.compile(r"\bGaussDB(?:\s+Kernel)?\s+(\S+)"), "GaussDB"),
    (re.compile(r"\bMogDB\s+(\S+)"), "MogDB"),
    (re.compile(r"\bVastbase\s+(\S+)"), "Vastbase"),
    (re.compile(r"\bKingbaseES\s+(\S+)"), "KingbaseES"),
    (re.compile(r"\bDM Database Server\s+(?:x?64\s+)?(\S+)"), "达梦 DM"),
    (re.compile(r"\bHighGo(?:\s+Database)?\s+(\S+)"), "HighGo"),
    (re.compile(r"\bGreenplum Database\s+(\S+)"), "Greenplum"),
    (re.compile(r"\bPOLARDB\s+(\S+)", re.IGNORECASE), "PolarDB"),
)
_POSTGRESQL = re.compile(r"^PostgreSQL (\d+)((?:\.\d+)*)")
_SHOWN = 60  # characters of an answer no product is recognised in, kept to name it


@dataclass(frozen=True, slots=True)
class Server:
    """A server as its ``version()`` names it: ``PostgreSQL 15.8``, ``openGauss 5.0.0``, ``KingbaseES V008R006C007``."""

    product: str  # "" when the answer names no product known here
    version: str  # as the product writes it; the answer itself when the product is not known
    major: int = 0  # PostgreSQL's major version; 0 for any other product

    @property
    def name(self) -> str:
        return f"{self.product} {self.version}".strip()

    @property
    def supported(self) -> bool:
        return self.product == POSTGRESQL and self.major >= MINIMUM_MAJOR


class UnsupportedServer(Exception):
    """The server is not PostgreSQL of :data:`MINIMUM_MAJOR` or newer; nothing was asked of it but its version."""

    def __init__(self, server: Server) -> None:
        super().__init__(f"unsupported database server: {server.name}")
        self.server = server


def classify(answer: str) -> Server:
    """The server a ``SELECT version()`` answer names."""
    text = " ".join(answer.split())
    for pattern, product in _PRODUCTS:
        found = pattern.search(text)
        if found is not None:
            return Server(product, found.group(1).rstrip(",)"))
    postgres = _POSTGRESQL.match(text)
    if postgres is not None:
        return Server(POSTGRESQL, postgres.group(1) + postgres.group(2), int(postgres.group(1)))
    return Server("", text[:_SHOWN])


def server_version(dbapi_connection: Any) -> str:
    """``SELECT version()`` on a new psycopg connection, outside any transaction (one round trip)."""
    dbapi_connection.set_autocommit(True)
    try:
        row = dbapi_connection.execute("SELECT version()").fetchone()
    finally:
        dbapi_connection.set_autocommit(False)
    return str(row[0]) if row else ""


def refuse_unsupported(dbapi_connection: Any) -> None:
    """Close ``dbapi_connection`` and raise :class:`UnsupportedServer` unless it reached a server this program uses."""
    server = classify(server_version(dbapi_connection))
    if not server.supported:
        dbapi_connection.close()
        raise UnsupportedServer(server)
