"""What kind of trouble a database error is, so the clerk reads the cause and not a class name.

SQLite reports a full disk, a read-only file, a lock held too long and a
damaged file as one exception class with different messages; PostgreSQL as
different SQLSTATE codes.  Each is named here once, as a code, and worded in
``counter.words.database``.  Whatever the fault, the transaction was rolled back: the
database holds what it held before.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.exc import SQLAlchemyError


class DbFault(StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    BUSY = "busy"
    DAMAGED = "damaged"
    UNREACHABLE = "unreachable"
    # the server answers but takes no connection yet: starting up, recovering after a crash, or shutting down
    NOT_READY = "not_ready"
    # the login may not do this: a hall's desk role changing what only the administrator's login changes
    NOT_PERMITTED = "not_permitted"
    # a hall's server named by a URL that would talk to it in clear over the network (counter.db.url.plain_over_network)
    PLAIN_CONNECTION = "plain_connection"
    # the server's certificate is not the hall's CA's, or not for the name the desk dialled: not the hall's server
    CERTIFICATE = "certificate"
    # a row about to be written is not as the audit trail last recorded it (counter.audit.state.RowAltered)
    ROW_ALTERED = "row_altered"
    # the schema is older than the program and this login may not upgrade it: a hall's desk updated before its
    # server was (the owner's login upgrades, counter db upgrade)
    SCHEMA_BEHIND = "schema_behind"
    # the upgrade waited its lock_timeout for a table another connection holds (a desk still running, a backup) and
    # gave up: rolled back whole, the schema as it was
    UPGRADE_BLOCKED = "upgrade_blocked"
    # the server answers but is not PostgreSQL of the version the schema needs (openGauss, KingbaseES, an old
    # PostgreSQL: counter.db.server_check); nothing was asked of it but its version
    UNSUPPORTED_SERVER = "unsupported_server"
    # what answers at the URL's address does not speak PostgreSQL's protocol at all (达梦 DM, or no database): libpq
    # could not even begin a session
    NOT_POSTGRESQL = "not_postgresql"
    OTHER = "other"


# (the words in the driver's message, the fault): SQLite's sentences and libpq's TLS check; PostgreSQL's SQLSTATE
# classes below
_DRIVER_WORDS = (
    ("database or disk is full", DbFault.DISK_FULL),
    ("disk i/o error", DbFault.DISK_FULL),
    ("readonly database", DbFault.READ_ONLY),
    ("read-only", DbFault.READ_ONLY),
    ("database is locked", DbFault.BUSY),
    ("database disk image is malformed", DbFault.DAMAGED),
    ("file is not a database", DbFault.DAMAGED),
    ("unable to open database file", DbFault.UNREACHABLE),
    # libpq's, at connecting to a server that is not there (stopped, another host, the network down): it gives no
    # SQLSTATE for these, only its sentences
    ("connection refused", DbFault.UNREACHABLE),
    ("is the server running", DbFault.UNREACHABLE),
    ("could not translate host name", DbFault.UNREACHABLE),
    ("no route to host", DbFault.UNREACHABLE),
    ("network is unreachable", DbFault.UNREACHABLE),
    ("timeout expired", DbFault.UNREACHABLE),
    # PostgreSQL's refusals of a connection while it cannot take one (SQLSTATE 57P03, cannot_connect_now): libpq
    # reports them at connecting without the code, so their words are read
    ("the database system is starting up", DbFault.NOT_READY),
    ("the database system is not yet accepting connections", DbFault.NOT_READY),
    ("the database system is not accepting connections", DbFault.NOT_READY),
    ("the database system is in recovery mode", DbFault.NOT_READY),
    ("the database system is shutting down", DbFault.NOT_READY),
    # libpq's, at a TLS connection (sslmode=verify-full) to a server that is not the one the hall's CA vouches for
    ("certificate verify failed", DbFault.CERTIFICATE),
    ("does not match host name", DbFault.CERTIFICATE),
    # libpq's, when the first answer to its opening request is none PostgreSQL gives (a TLS or GSS request, or the
    # start of a session): another database's server (达梦 DM speaks its own protocol), or another service
    ("received invalid response to ssl negotiation", DbFault.NOT_POSTGRESQL),
    ("received invalid response to gssapi negotiation", DbFault.NOT_POSTGRESQL),
    ("expected authentication request from server", DbFault.NOT_POSTGRESQL),
)
_PG_STATES = {
    "53100": DbFault.DISK_FULL,  # disk_full
    "25006": DbFault.READ_ONLY,  # read_only_sql_transaction
    "55P03": DbFault.BUSY,  # lock_not_available
    "40P01": DbFault.BUSY,  # deadlock_detected
    "XX001": DbFault.DAMAGED,  # data_corrupted
    "42501": DbFault.NOT_PERMITTED,  # insufficient_privilege (a grant or a row-level policy refused)
    "57P03": DbFault.NOT_READY,  # cannot_connect_now
}


def fault_of(err: SQLAlchemyError) -> DbFault:
    from sqlalchemy.exc import DBAPIError  # lazily: the code above is read before storage loads

    if isinstance(err, DBAPIError):
        if err.connection_invalidated:
            return DbFault.UNREACHABLE
        state = getattr(err.orig, "sqlstate", None)
        if isinstance(state, str):
            if state in _PG_STATES:
                return _PG_STATES[state]
            if state.startswith("08"):  # connection_exception
                return DbFault.UNREACHABLE
        message = str(err.orig).lower()
        for words, fault in _DRIVER_WORDS:
            if words in message:
                return fault
    return DbFault.OTHER
