"""Which database a face means: ``--db URL``, else ``COUNTER_DB_URL``, else the SQLite file in the data folder; and
whether opening it may make it.

Training (``counter demo``, ``--today``) takes the training file in the data folder instead, unless ``--db`` names
one: ``COUNTER_DB_URL`` names the desk's live database (a hall's PostgreSQL), so training never follows it.  Only
names and paths are looked at here, never the database: the window decides before SQLAlchemy is imported, and the
faces decide without the storage code.

What ``--db`` and ``COUNTER_DB_URL`` hold is checked here, the one place both are read as an address
(:func:`checked_address`): a file's path given for an address is refused as misuse (:class:`NotAnAddress`), where the
engine, handed a path, failed on it as an unexpected error.

SQLite makes any file it is asked to open, so a database is made only on purpose (:func:`may_create`): by the
set-up step, for training, or on the first start of this machine for the default file, "first" being what this
machine's note says (:mod:`counter.host.notes.database_notes`).  A default file missing after that is a share gone, not
a first start.
"""

from __future__ import annotations

import os
from pathlib import Path

from counter.host.machine.paths import default_db_url, training_db_url
from counter.host.notes.database_notes import read_note

ENV_URL = "COUNTER_DB_URL"
SQLITE_FILE = "sqlite:///"


class NotAnAddress(Exception):
    """A database named by a file's path where its address is asked for: ``given`` as written, ``variable`` the
    environment variable that held it ("" for ``--db``).  Misuse: the faces say it with the address it would be."""

    def __init__(self, given: str, variable: str = "") -> None:
        super().__init__(f"{variable or '--db'} holds no database address: {given!r}")
        self.given = given
        self.variable = variable


def checked_address(given: str, variable: str = "") -> str:
    """``given`` when it is a database's address (``scheme://…``); :class:`NotAnAddress` for anything else, a file's
    path the usual one, or a database pair's nodes written libpq's way (:func:`hosts_after_at`).  ``variable``: the
    environment variable it came from, "" for ``--db``."""
    if "://" not in given or hosts_after_at(given):
        raise NotAnAddress(given, variable)
    return given


def hosts_after_at(address: str) -> bool:
    """Whether ``address`` names several hosts libpq's way, ``@hall-db-a:5432,hall-db-b:5432/``: SQLAlchemy reads
    the part after the first colon as one port number and fails with a ValueError, which reached the user as an
    unexpected error with a report for support.  A database pair is named with ``host=`` parameters instead (the
    运维手册's 五, step 12).  Read without SQLAlchemy (the desk's start decides its database before importing it):
    the hosts are what follows the last ``@`` before the path."""
    rest = address.partition("://")[2]
    netloc = rest.split("/", 1)[0].split("?", 1)[0]
    return "," in netloc.rpartition("@")[2]


def environment_url() -> str:
    """``COUNTER_DB_URL``, checked (:func:`checked_address`); "" when it is not set or empty."""
    given = os.environ.get(ENV_URL, "")
    return checked_address(given, ENV_URL) if given else ""


def database_url(given: str | None = None, training: bool = False) -> str:
    """``--db URL``, else (training) the training file, else ``COUNTER_DB_URL``, else the SQLite file.

    Raises :class:`NotAnAddress` for a ``--db`` or ``COUNTER_DB_URL`` that is a file's path."""
    if given:
        return checked_address(given)
    if training:
        return training_db_url()
    return environment_url() or default_db_url()


def same_database(a: str, b: str) -> bool:
    """Whether two URLs name one database: an SQLite file however its path is spelt, any other URL as written."""
    return _canonical(a) == _canonical(b)


def _canonical(url: str) -> str:
    if url.startswith(SQLITE_FILE) and "?" not in url and url != f"{SQLITE_FILE}:memory:":
        return SQLITE_FILE + str(Path(url[len(SQLITE_FILE) :]).expanduser().resolve())
    return url


def is_live_database(url: str) -> bool:
    """Whether ``url`` is the desk's live database, the one a start without ``--db`` opens."""
    return same_database(url, database_url())


def is_training_database(url: str) -> bool:
    """Whether ``url`` is the training file in the data folder, the one training opens without ``--db``."""
    return same_database(url, database_url(training=True))


def sqlite_path(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL; ``None`` for anything else."""
    if not url.startswith(SQLITE_FILE) or "?" in url:
        return None
    path = url[len(SQLITE_FILE) :]
    return Path(path) if path and path != ":memory:" else None


def file_place(path: Path) -> str:
    """An SQLite file as this machine's notes know it: its full path."""
    return str(path.expanduser().resolve())


def may_create(given: str | None, training: bool) -> bool:
    """Whether opening the database a face names may make it: training, or the default file on a first start."""
    if training:
        return True
    url = database_url(given)
    path = sqlite_path(url)
    if path is None or not same_database(url, default_db_url()):
        return False  # named by --db or COUNTER_DB_URL: made only by the set-up step
    return read_note(file_place(path)) is None
