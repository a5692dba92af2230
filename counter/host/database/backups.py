"""This machine's copies of its SQLite database: where they go, the daily one, and which file a URL names.

Work on the database file itself, never through a unit of work: the daily backup copies the file online (desks keep
writing) on its own thread once the window shows, and is the program's own (logged, not audited); ``counter backup``
takes the same copy inside the operation ``site.backup``, which checks the account and audits it.  PostgreSQL (a
hall) is backed up with its own tools: :func:`pg_commands` gives the commands for the URL.  Only names and paths are
read from a URL here, so the window's thread decides without loading SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import shlex
from pathlib import Path

from counter.backup.sqlite_files import (
    BackupFailed,
    backup_files,
    copy_database,
    daily_backup_due,
    keep_setting,
    new_backup_path,
    prune,
    stale_parts,
)
from counter.host.machine import paths

log = logging.getLogger(__name__)


class NotSQLite(Exception):
    """The URL names no SQLite file (PostgreSQL, or an in-memory database): use the server's own tools.

    It carries the URL with its password hidden (:func:`hidden_password`): a hall's ``site.backup`` on PostgreSQL
    raised it with the server role's URL, whose password the server's log then kept in the traceback."""

    def __init__(self, url: str) -> None:
        super().__init__(hidden_password(url))


#: a password given as a query parameter (libpq takes ``?password=``)
_QUERY_PASSWORD = re.compile(r"(?i)([?&]password=)[^&]*")


def hidden_password(url: str) -> str:
    """``url`` with its password, in the user part or the query, written ``***``: what a log or a message may show.

    Read by names alone, like the rest of this module: the user part is what precedes the last ``@`` before the
    query, so a password holding an ``@`` or a ``:`` is hidden whole."""
    scheme, found, rest = url.partition("://")
    if not found:
        return url
    head, mark, query = rest.partition("?")
    user, at, host = head.rpartition("@")
    if at and ":" in user:
        head = f"{user.partition(':')[0]}:***@{host}"
    return f"{scheme}://{head}" + _QUERY_PASSWORD.sub(r"\1***", mark + query)


def backups_folder() -> Path:
    return paths.data_dir() / "backups"


def database_file(url: str) -> Path:
    """The SQLite file of ``url`` (``sqlite:///PATH``, any driver, any query); :class:`NotSQLite` otherwise."""
    scheme, found, rest = url.partition("://")
    if not found or scheme.split("+", 1)[0] != "sqlite":
        raise NotSQLite(url)
    database = rest.removeprefix("/").partition("?")[0]  # the host part is empty: sqlite:///PATH
    if not database or database == ":memory:" or database.startswith("file:"):
        raise NotSQLite(url)
    return Path(database)


def make_backup(url: str, out: Path | None = None, now: dt.datetime | None = None) -> Path:
    """Back up the SQLite database of ``url`` to ``out`` (default: a new file in the backups folder, then pruned)."""
    source = database_file(url)
    if out is not None:
        return copy_database(source, out)
    folder = backups_folder()
    made = copy_database(source, new_backup_path(folder, now or dt.datetime.now()))
    for old in prune(folder, keep_setting(source), made):
        log.info("old backup removed: %s", old)
    return made


def backup_count() -> int:
    return len(backup_files(backups_folder()))


def backup_if_due(url: str, now: dt.datetime) -> Path | None:
    """The daily automatic backup: made when none was taken today; the new file, else ``None``.

    Never raises: the desk works on without a backup, and the log says why.
    Does nothing for a database that is not an SQLite file.
    """
    try:
        database_file(url)
        for left in stale_parts(backups_folder(), now):  # at every start: a backup killed earlier left its copy
            log.warning("a killed backup's temporary copy removed: %s", left)
        if not daily_backup_due(backups_folder(), now):
            return None
        made = make_backup(url, None, now)
    except NotSQLite:
        return None
    except (BackupFailed, OSError) as err:
        log.error("daily backup failed: %s", err)
        return None
    log.info("daily backup written: %s", made)
    return made


def pg_commands(url: str, file: Path) -> tuple[str, str]:
    """The ``pg_dump`` and ``pg_restore`` commands, ready to paste, for the PostgreSQL database of ``url``.

    The password is left out (give it in ``PGPASSWORD`` or ``~/.pgpass``).  A database pair's address (the
    运维手册's step 12: ``host=hall-db-a:5432&host=hall-db-b:5432``, SQLAlchemy's way of naming several hosts) is
    written in libpq's own (``host=hall-db-a,hall-db-b&port=5432,5432``): libpq reads one ``host`` parameter, the
    last, and would take ``hall-db-b:5432`` whole for a host's name, so the dump would have reached neither node.
    """
    from sqlalchemy.engine import URL, make_url  # only for a hall's backup command, never at the window's start

    given = make_url(url)
    query = _libpq_hosts(dict(given.query))
    parsed = URL.create("postgresql", given.username, None, given.host, given.port, given.database, query)
    target = shlex.quote(f"--dbname={parsed.render_as_string(hide_password=False)}")
    out = shlex.quote(str(file))
    dump = f"pg_dump --format=custom --file={out} {target}"
    restore = f"pg_restore --clean --if-exists --no-owner --single-transaction {target} {out}"
    return dump, restore


def _libpq_hosts(query: dict[str, str | tuple[str, ...]]) -> dict[str, str | tuple[str, ...]]:
    """SQLAlchemy's ``host=NAME:PORT`` parameters, one a host, as libpq's one ``host`` list and one ``port`` list
    (a host without its port leaves its place in the list empty: libpq's default).  A single host without a port
    (a socket folder) is left as it is."""
    given = query.get("host")
    hosts = [given] if isinstance(given, str) else list(given or ())
    if len(hosts) < 2 and not any(":" in host and not host.startswith("/") for host in hosts):
        return query
    named = [host.rpartition(":") if ":" in host and not host.startswith("/") else (host, "", "") for host in hosts]
    query["host"] = ",".join(name for name, _, _ in named)
    if any(port for _, _, port in named):
        query["port"] = ",".join(port for _, _, port in named)
    return query
