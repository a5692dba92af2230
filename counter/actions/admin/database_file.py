"""Whether the database a face names may be opened, or made: never a new, empty one in place of one that went away.

SQLite makes any file it is asked to open.  A desk whose data folder is on a share that is not mounted today would
then work on a fresh, empty database: ``case list`` says 共 0 件 and the next intake reuses a number already
printed on someone's receipt.  So a database is made only on purpose:

- by ``counter db upgrade`` (the explicit set-up step, as on a hall's server);
- on the first start of this machine, for the default file in the data folder: ``./run.sh`` on a fresh machine
  must set up and start the desk.  "First" is what this machine's note says (:mod:`counter.host.notes.database_notes`):
  the note is written, outside the data folder, when the file is made or first opened, so the default file
  missing *after* that is the share gone, not a first start;
- for training (``counter demo``, the training file of ``--today``), whose database is thrown away at will.

A file named by ``--db`` or ``COUNTER_DB_URL`` that is missing is never made by opening it: it is an error naming
the path.  A file that cannot be written (a read-only mount, a folder without write permission) is named as
read-only, not as damaged: nothing is wrong with it, and restoring a backup over it would not help.

A file SQLite's own check finds damaged (:func:`check_database_whole`) is never opened for work: the window offers
the latest good backup instead (:mod:`counter.ui.start.damaged_db`).  That check reads every page of the file, so it
takes longer the more cases the file holds; the desk runs it where the clerk does not wait for it (the window's warm-up,
after the first paint), and everything that writes waits for it, as it waits for the database to open.
"""

from __future__ import annotations

import datetime as dt
import logging
import os

from counter.backup.check import quick_check
from counter.host.database.database_choice import file_place, sqlite_path
from counter.host.database.database_faults import DatabaseDamaged, DatabaseMissing, DatabaseReadOnly
from counter.host.notes.database_notes import read_note, remember_database

__all__ = [
    "check_database_file",
    "check_database_whole",
    "database_place",
    "note_opened",
]

log = logging.getLogger(__name__)


def database_place(url: str) -> str:
    """The database as this machine's notes know it: the SQLite file's full path, else the URL without password."""
    path = sqlite_path(url)
    if path is not None:
        return file_place(path)
    from sqlalchemy.engine import make_url  # only for a server's URL: an SQLite desk starts without SQLAlchemy

    return make_url(url).render_as_string(hide_password=True)


def check_database_file(url: str, create: bool) -> None:
    """Raise :class:`DatabaseMissing` or :class:`DatabaseReadOnly` when an SQLite file may not be opened.

    A server's database is the server's to refuse: nothing is checked here for it.
    """
    path = sqlite_path(url)
    if path is None:
        return
    if not path.exists():
        if create:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            return
        note = read_note(database_place(url))
        log.error("database file %s missing (noted here since %s); not made anew", path, note.made_at if note else "-")
        raise DatabaseMissing(path, note.made_at if note else "")
    logs = (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
    writable = os.access(path, os.W_OK) and all(os.access(f, os.W_OK) for f in logs if f.exists())
    if not writable or not os.access(path.parent, os.W_OK):
        log.error("database file %s (or its folder) is read-only", path)
        raise DatabaseReadOnly(path)


def check_database_whole(url: str) -> None:
    """Raise :class:`DatabaseDamaged` when an SQLite file fails SQLite's quick check (a server checks its own)."""
    path = sqlite_path(url)
    if path is None or not path.exists() or quick_check(path):
        return
    log.error("database file %s fails its quick check", path)
    raise DatabaseDamaged(path)


def note_opened(url: str, training: bool) -> None:
    """Remember, outside the data folder, that this database exists here (see :func:`may_create`)."""
    if training or sqlite_path(url) is None:
        return
    try:
        remember_database(database_place(url), dt.datetime.now(dt.UTC))
    # the database is open and sound: worked on; a later missing default file then looks like a first start
    except OSError:
        log.exception("database %s not noted in this machine's state folder", url)
