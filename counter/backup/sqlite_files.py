"""Making, checking, pruning and restoring SQLite backup files.

A backup is taken with SQLite's online backup (``sqlite3.Connection.backup``):
it reads one consistent snapshot while other desks keep writing (WAL mode), into
a temporary file beside the target, which is then checked with
``PRAGMA integrity_check``, made a single self-contained file (no WAL), synced
to disk and renamed into place.  A file that does not pass is never left under
a backup's name.

Automatic backups live in one folder, named by local date and time
(``counter-20261122-183000.sqlite3``); only files with such names are counted
or pruned there, so a file someone puts beside them is never deleted.  They are
kept and pruned in the order they were written (the file's modification time,
which nothing changes after the rename), not by name: a desk whose clock once ran
ahead leaves names that sort after every later backup, and rotation by name then
deleted each new backup right after it was made.  The backup just made is never
among those pruned.

A restore never loses what was there: the current database is first copied
beside it (``counter.sqlite3.before-restore-20261122-183000``), then the
checked backup replaces it in one rename, after stale ``-wal`` / ``-shm`` files
of the old database are removed (SQLite would otherwise replay the old
database's log onto the restored one).  The restored file may carry an older
schema revision; it is migrated the next time the program opens it.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from counter.backup.check import pragma_ok, quick_check, starts_as_sqlite
from counter.backup.schema import Schema, read_schema
from counter.backup.schema_diff import SchemaDifference, schema_differences

__all__ = [
    "DEFAULT_KEEP",
    "KEEP_SETTING",
    "BackupFailed",
    "BackupFile",
    "BackupProblem",
    "ExpectedSchema",
    "RestoreProblem",
    "RestoreRefused",
    "backup_files",
    "check_schema",
    "copy_database",
    "daily_backup_due",
    "file_revision",
    "keep_setting",
    "latest_good_backup",
    "new_backup_path",
    "prune",
    "quick_check",
    "restore_file",
    "usable_backup",
    "usable_revision",
]

KEEP_SETTING = "backup.keep"  # in the ``setting`` table: how many automatic backups to keep
DEFAULT_KEEP = 14
_NAME = re.compile(r"^counter-(\d{8})-(\d{6})(?:-(\d+))?\.sqlite3$")
_BUSY_TIMEOUT_S = 10.0


class BackupProblem(StrEnum):
    NO_DATABASE = "no_database"  # no database file where the address points
    COPY_DAMAGED = "copy_damaged"  # the copy made fails its integrity check
    COPY_FAILED = "copy_failed"  # SQLite could not make the copy (a folder it cannot write, a full disk …)
    # the database is the hall's PostgreSQL: backed up on its own machine by its own tools (docs/server.md)
    NOT_SQLITE = "not_sqlite"


class BackupFailed(Exception):
    """The copy could not be made or did not pass its check: ``problem`` says which, for the faces to word;
    ``detail`` what exactly went wrong, in English for the log."""

    def __init__(self, problem: BackupProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail


class RestoreProblem(StrEnum):
    MISSING = "missing"  # no such file
    FOLDER = "folder"  # a folder named where the backup file is asked for
    NOT_SQLITE = "not_sqlite"  # not an SQLite database at all
    NOT_COUNTER = "not_counter"  # an SQLite database, but not one of this program
    NEWER = "newer"  # written by a newer program (an unknown schema revision)
    PRE_RELEASE = "pre_release"  # made before the first release (counter.db.revision.PRE_RELEASE): never restored
    DAMAGED = "damaged"  # fails the integrity check
    FOREIGN_SCHEMA = "foreign_schema"  # its tables, triggers, indexes or views are not what the migrations make
    FOREIGN_ROWS = "foreign_rows"  # rows its own audit trail does not account for: accounts, peers, keys, settings


@dataclass(frozen=True, slots=True)
class ForeignRow:
    """A row of a backup that its audit trail does not account for: what it is, which one, and how it differs."""

    kind: str  # account, case, rating (counter.audit.state.SubjectKind), site, peer, setting (…setting_state)
    key: str  # a login, a case number, a rating's id, a peer's code, a field of the site, a setting's key
    code: str  # counter.audit.state.MismatchCode: changed, deleted, never recorded …


class RestoreRefused(Exception):
    def __init__(
        self,
        problem: RestoreProblem,
        detail: str = "",
        differences: tuple[SchemaDifference, ...] = (),
        foreign: tuple[ForeignRow, ...] = (),
    ) -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail
        self.differences = differences  # for FOREIGN_SCHEMA: every difference, by name
        self.foreign = foreign  # for FOREIGN_ROWS: every row, by name


#: the check of a backup's rows against its own trail, on a file that passed every other check: raises
#: :class:`RestoreRefused` (FOREIGN_ROWS); given by the caller, which reads the file as the program does
VouchFor = Callable[[Path], None]


ExpectedSchema = Callable[[str], Schema]  # the schema the migrations make at a revision


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    taken: dt.datetime  # local time, from the name (as the desk's clock said then)
    written: float = 0.0  # the file's modification time: the order backups were made in


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), timeout=_BUSY_TIMEOUT_S, isolation_level=None)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as file:
        os.fsync(file.fileno())


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # not possible on every platform (Windows): the rename is still atomic
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _logs(path: Path) -> tuple[Path, ...]:
    """The files SQLite may keep beside a database: its write-ahead log, shared memory and rollback journal."""
    return Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")


def _remove_quietly(path: Path) -> None:
    for name in (path, *_logs(path)):
        name.unlink(missing_ok=True)


def _unused(name: Callable[[str], Path]) -> Path:
    """``name("")``, else ``name("-2")``, ``name("-3")``… : the first that is not an existing file."""
    path, n = name(""), 2
    while path.exists():
        path, n = name(f"-{n}"), n + 1
    return path


def _make_folder(folder: Path) -> None:
    """``folder`` made where it is missing, with the folders above it; :class:`NotADirectoryError` naming the file
    that stands where one of them is to be.

    ``mkdir(parents=True, exist_ok=True)`` raised ``FileExistsError`` for it, naming nothing the faces show, so a
    backup to ``--out notes.txt/copy.sqlite3`` read 同名的文件已经存在 without saying which file, nor that a folder
    was wanted there.
    """
    for place in (folder, *folder.parents):
        if place.exists():
            if not place.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "a file, not a folder", str(place))
            break
    folder.mkdir(parents=True, exist_ok=True)


def copy_database(source: Path, out: Path) -> Path:
    """Copy the live database ``source`` to ``out`` online, checked and synced.

    ``out`` is replaced whole or not at all.
    """
    if not source.is_file():
        raise BackupFailed(BackupProblem.NO_DATABASE, str(source))
    _make_folder(out.parent)
    tmp = out.with_name(f".{out.name}.part")
    _remove_quietly(tmp)
    try:
        src = _connect(source)
        try:
            dst = _connect(tmp)
            try:
                src.backup(dst)  # all pages in one step: one consistent snapshot, writers go on in WAL mode
                dst.execute("PRAGMA journal_mode=DELETE")  # a single file that needs no -wal beside it
                if not pragma_ok(dst, "integrity_check"):
                    raise BackupFailed(BackupProblem.COPY_DAMAGED, str(source))
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(tmp)
        os.replace(tmp, out)
        _fsync_folder(out.parent)
    except sqlite3.Error as err:
        _remove_quietly(tmp)
        raise BackupFailed(BackupProblem.COPY_FAILED, f"{type(err).__name__}: {err}") from err
    except BaseException:
        _remove_quietly(tmp)
        raise
    return out


def _parse_name(path: Path) -> BackupFile | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = dt.datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
        written = path.stat().st_mtime
    except (ValueError, OSError):
        return None
    return BackupFile(path, taken, written)


def backup_files(folder: Path) -> list[BackupFile]:
    """The automatic backups in ``folder``, the last written first (files of other names are not counted)."""
    if not folder.is_dir():
        return []
    found = [b for b in (_parse_name(p) for p in folder.iterdir() if p.is_file()) if b is not None]
    return sorted(found, key=lambda b: (b.written, b.path.name), reverse=True)


def new_backup_path(folder: Path, now: dt.datetime) -> Path:
    """A fresh name in ``folder`` for a backup taken at ``now`` (local time); never an existing file."""
    return _unused(lambda n: folder / f"counter-{now:%Y%m%d-%H%M%S}{n}.sqlite3")


def daily_backup_due(folder: Path, now: dt.datetime) -> bool:
    """Whether no backup in ``folder`` was taken on ``now``'s date."""
    return all(b.taken.date() != now.date() for b in backup_files(folder))


#: How long a backup's temporary copy must have been left untouched to count as left by a backup that died: SQLite's
#: online backup writes it page after page, so one that is being written is never this old.
STALE_PART = dt.timedelta(minutes=10)


def stale_parts(folder: Path, now: dt.datetime) -> list[Path]:
    """Remove the temporary copies automatic backups left in ``folder`` when killed; the files removed.

    Each is a whole copy of the database (the applicants' names and ID numbers) under a name no backup counts: left,
    one more after every killed backup, they fill the disk and keep personal data where no retention rule reaches.
    Only the names automatic backups write (``.counter-….sqlite3.part`` and SQLite's files beside it) are touched,
    and only when untouched for :data:`STALE_PART`.
    """
    if not folder.is_dir():
        return []
    removed = []
    for path in folder.iterdir():
        name = path.name
        base = name[1:].split(".part", 1)[0]
        if not (name.startswith(".") and ".part" in name and _NAME.match(base)):
            continue
        try:
            untouched = now.timestamp() - path.stat().st_mtime
        except OSError:
            continue
        if untouched >= STALE_PART.total_seconds():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def prune(folder: Path, keep: int, made: Path | None = None) -> list[Path]:
    """Delete all but the last ``keep`` backups written in ``folder`` (at least one); the deleted files.

    ``made``, the backup just written, is counted first whatever its name or time says.
    """
    found = backup_files(folder)
    found.sort(key=lambda b: b.path != made)  # stable: the rest stay in the order they were written
    removed = []
    for old in found[max(keep, 1) :]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def latest_good_backup(folder: Path) -> BackupFile | None:
    """The newest backup in ``folder`` that passes the quick check."""
    for candidate in backup_files(folder):
        if quick_check(candidate.path):
            return candidate
    return None


def keep_setting(database: Path) -> int:
    """The ``backup.keep`` setting of the database (at least 1); :data:`DEFAULT_KEEP` when unset or unreadable."""
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=_BUSY_TIMEOUT_S)
    except sqlite3.Error:
        return DEFAULT_KEEP
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (KEEP_SETTING,)).fetchone()
    except sqlite3.Error:
        return DEFAULT_KEEP
    finally:
        conn.close()
    try:
        return max(1, int(row[0])) if row else DEFAULT_KEEP
    except (TypeError, ValueError):
        return DEFAULT_KEEP


def file_revision(path: Path) -> str:
    """The schema revision recorded in a counter database file; :class:`RestoreRefused` when there is none.

    Opens the file for reading only; a file that is not a database is found by its first bytes.
    """
    if path.is_dir():  # "not found" for a folder sent the technician looking for a file that is there
        raise RestoreRefused(RestoreProblem.FOLDER, str(path))
    if not path.is_file():
        raise RestoreRefused(RestoreProblem.MISSING, str(path))
    if not starts_as_sqlite(path):
        raise RestoreRefused(RestoreProblem.NOT_SQLITE, str(path))
    try:
        conn = _connect(path)
    except sqlite3.Error as err:
        raise RestoreRefused(RestoreProblem.NOT_SQLITE, str(err)) from err
    try:
        if not pragma_ok(conn, "integrity_check"):
            raise RestoreRefused(RestoreProblem.DAMAGED, str(path))
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error as err:
            raise RestoreRefused(RestoreProblem.NOT_COUNTER, str(err)) from err
    finally:
        conn.close()
    if row is None or not row[0]:
        raise RestoreRefused(RestoreProblem.NOT_COUNTER, "no schema revision")
    return str(row[0])


def check_schema(path: Path, revision: str, expected: ExpectedSchema) -> None:
    """Refuse (:attr:`RestoreProblem.FOREIGN_SCHEMA`, naming every difference) a file whose schema is not exactly
    what this program's migrations make at ``revision``.

    The file is only described (``sqlite_master`` and pragmas), never written to: none of its SQL runs.
    """
    try:
        conn = _connect(path)
    except sqlite3.Error as err:
        raise RestoreRefused(RestoreProblem.NOT_SQLITE, str(err)) from err
    try:
        conn.execute("PRAGMA trusted_schema=OFF")  # nothing the file defines may run while it is described
        found = read_schema(conn)
    except sqlite3.Error as err:
        raise RestoreRefused(RestoreProblem.DAMAGED, str(err)) from err
    finally:
        conn.close()
    differences = schema_differences(expected(revision), found)
    if differences:
        raise RestoreRefused(RestoreProblem.FOREIGN_SCHEMA, str(path), differences)


def usable_revision(path: Path, known_revisions: Collection[str]) -> str:
    """:func:`file_revision`, refused as :attr:`RestoreProblem.NEWER` when this program does not know it."""
    revision = file_revision(path)
    if revision not in known_revisions:
        raise RestoreRefused(RestoreProblem.NEWER, revision)
    return revision


def keep_beside(target: Path, now: dt.datetime) -> Path | None:
    """Copy the current database beside itself before it is replaced; ``None`` when there is none.

    The online backup when the file can be read (it includes what is still in
    the WAL); a damaged file is copied byte for byte, with its -wal beside it.
    """
    if not target.exists():
        return None
    kept = _unused(lambda n: target.with_name(f"{target.name}.before-restore-{now:%Y%m%d-%H%M%S}{n}"))
    try:
        return copy_database(target, kept)
    except BackupFailed:
        shutil.copyfile(target, kept)
        wal = Path(f"{target}-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(f"{kept}-wal"))
        _fsync(kept)
        return kept


def usable_backup(path: Path, known_revisions: Collection[str], expected: ExpectedSchema) -> str:
    """:func:`usable_revision`, then :func:`check_schema` at that revision: the file's revision when it passes."""
    revision = usable_revision(path, known_revisions)
    check_schema(path, revision, expected)
    return revision


def restore_file(
    target: Path,
    backup: Path,
    known_revisions: Collection[str],
    now: dt.datetime,
    expected: ExpectedSchema,
    vouch: VouchFor | None = None,
) -> tuple[str, Path | None]:
    """Replace the database ``target`` by the backup file; its schema revision and where the old one was kept.

    Refused with nothing changed (:class:`RestoreRefused`) when ``backup`` is not
    an intact counter database of a known revision whose schema is exactly what the
    migrations make at that revision (``expected``), or whose rows its trail does not
    account for (``vouch``).  The checks run on a copy in the target's folder, and
    that same copy is renamed into place.
    """
    usable_backup(backup, known_revisions, expected)  # refused early, before anything is written
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.restore.part")
    _remove_quietly(tmp)
    try:
        shutil.copyfile(backup, tmp)
        revision = usable_backup(tmp, known_revisions, expected)  # the very bytes that are put in place
        if vouch is not None:
            vouch(tmp)
        conn = _connect(tmp)  # a single file, so no log of the old database can ever apply to it
        try:
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
        _fsync(tmp)
        kept = keep_beside(target, now)
        _checkpoint(target)
        for stale in _logs(target):
            stale.unlink(missing_ok=True)
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    except BaseException:
        _remove_quietly(tmp)
        raise
    return revision, kept


def _checkpoint(target: Path) -> None:
    """Fold the WAL into the old file where possible, so removing the log loses nothing even there."""
    if not target.exists() or not quick_check(target):
        return
    try:
        conn = _connect(target)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # the copy kept beside has it all
