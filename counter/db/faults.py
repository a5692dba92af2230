"""What kind of trouble a database error is, so the clerk reads the cause and not a class name.

SQLite reports a full disk, a read-only file, a lock held too long and a
damaged file as one exception class with different messages; PostgreSQL as
different SQLSTATE codes.  Each is named here once, as a code, and worded in
``counter.words.database``.  Whatever the fault, the transaction was rolled back: the
database holds what it held before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.exc import SQLAlchemyError


from counter.host.database.database_faults import DbFault

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
    # PostgreSQL's refusal of the login (SQLSTATE 28P01, 28000), which libpq reports at connecting without the code
    ("password authentication failed", DbFault.LOGIN_REFUSED),
    ("no pg_hba.conf entry", DbFault.LOGIN_REFUSED),
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
    # libpq's, before any TLS is spoken, when the CA file sslrootcert names is not there ("root certificate file …
    # does not exist") or cannot be read ("could not read root certificate file …": another account's, mode 0600)
    ("root certificate file", DbFault.CA_FILE),
    # libpq's, when the first answer to its opening request is none PostgreSQL gives (a TLS or GSS request, or the
    # start of a session): another database's server (达梦 DM speaks its own protocol), or another service
    ("received invalid response to ssl negotiation", DbFault.NOT_POSTGRESQL),
    ("received invalid response to gssapi negotiation", DbFault.NOT_POSTGRESQL),
    ("expected authentication request from server", DbFault.NOT_POSTGRESQL),
)
_PG_STATES = {
    "53100": DbFault.DISK_FULL,  # disk_full
    "25006": DbFault.READ_ONLY,  # read_only_sql_transaction
    "55P03": DbFault.LOCKED,  # lock_not_available
    "57014": DbFault.TOO_SLOW,  # query_canceled (statement_timeout)
    "25P03": DbFault.IDLE_ENDED,  # idle_in_transaction_session_timeout
    "40P01": DbFault.BUSY,  # deadlock_detected
    "XX001": DbFault.DAMAGED,  # data_corrupted
    "42501": DbFault.NOT_PERMITTED,  # insufficient_privilege (a grant or a row-level policy refused)
    "57P03": DbFault.NOT_READY,  # cannot_connect_now
}


def fault_of(err: SQLAlchemyError) -> DbFault:
    from sqlalchemy.exc import DBAPIError  # lazily: the code above is read before storage loads

    if isinstance(err, DBAPIError):
        state = getattr(err.orig, "sqlstate", None)
        if state == "25P03":  # the server ended the session, and with it the connection: not one that was lost
            return DbFault.IDLE_ENDED
        if err.connection_invalidated:
            return DbFault.UNREACHABLE
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
