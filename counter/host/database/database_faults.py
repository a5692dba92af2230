"""What opening or using the database can fail with, as codes and plain values: raised below the faces, worded by them.

They live here, below storage and the actions, because every layer meets them: storage classifies what the driver
raised (:mod:`counter.db.faults`), the store opens the file (:mod:`counter.actions.admin.database_file`), and the
faces word them (:mod:`counter.words.database`) without importing either.  Each carries only plain values, so it
crosses the service's boundary as a typed fault (:mod:`counter.service.faults`).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class DbFault(StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    BUSY = "busy"
    # a row the unit of work needs is locked by another connection (another desk on the same case) for longer than
    # a desk waits, lock_timeout (counter.db.engine.Bounds)
    LOCKED = "locked"
    # a statement ran past statement_timeout and the server ended it
    TOO_SLOW = "too_slow"
    # the transaction sat idle past idle_in_transaction_session_timeout and the server ended the session
    IDLE_ENDED = "idle_ended"
    DAMAGED = "damaged"
    UNREACHABLE = "unreachable"
    # the server refused the login: a wrong password, an unknown role, or pg_hba.conf admits it from no such address
    LOGIN_REFUSED = "login_refused"
    # the server answers but takes no connection yet: starting up, recovering after a crash, or shutting down
    NOT_READY = "not_ready"
    # the login may not do this: a hall's desk role changing what only the administrator's login changes
    NOT_PERMITTED = "not_permitted"
    # a hall's server named by a URL that would talk to it in clear over the network (counter.db.url.plain_over_network)
    PLAIN_CONNECTION = "plain_connection"
    # the server's certificate is not the hall's CA's, or not for the name the desk dialled: not the hall's server
    CERTIFICATE = "certificate"
    # the hall's CA certificate the URL names (sslrootcert) is missing or this system account may not read it: made
    # under umask 077 it is its maker's alone; libpq says so only in its sentence, and nothing was sent
    CA_FILE = "ca_file"
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
    # a data key personal data is sealed with is damaged or missing (counter.host.keys.data_key.DataKeyDamaged):
    # nothing is sealed, so no unit of work that writes an ID number, a phone or an address is kept
    DATA_KEY = "data_key"
    OTHER = "other"


class StoreFault(Exception):
    """The database refused the work or could not be reached; nothing of the unit of work was kept."""

    def __init__(
        self, fault: DbFault, detail: str, error: str = "", connection_lost: bool = False, server: str = ""
    ) -> None:
        super().__init__(detail)
        self.fault = fault
        self.detail = detail
        self.error = error or detail.split(":", 1)[0]  # the class name of what the database raised
        # the server could not be reached (not refused the work): worth waiting for and trying again
        self.connection_lost = connection_lost
        # the server reached, as it names itself (openGauss 5.0.0), where it is not one this program uses
        self.server = server


class SchemaTooNew(Exception):
    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


class SchemaPreRelease(SchemaTooNew):
    """The database was made by a build from before the first release (its revision is one of
    :data:`counter.db.revision.PRE_RELEASE`): no migration of this program leads from it, so it is refused untouched.

    A kind of :class:`SchemaTooNew` for every face that refuses a schema it cannot open; the faces word it apart."""


class DatabaseMissing(Exception):
    """The configured database file is not there, and is not to be made by opening it."""

    def __init__(self, path: Path, made_at: str) -> None:
        super().__init__(str(path))
        self.path = path
        self.folder_missing = not path.parent.is_dir()
        self.made_at = made_at  # when this machine made or first opened it; "" when it never did


class DatabaseReadOnly(Exception):
    """The database file, or its folder, cannot be written: SQLite's log files could not be kept beside it."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


class DatabaseDamaged(Exception):
    """The SQLite file fails ``PRAGMA quick_check``: nothing is to be read from it as the desk's work, nor written."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path
