"""The backup commands: ``counter backup [--out FILE]`` and ``counter restore FILE --yes``.

On SQLite, ``backup`` copies the database online (desks may keep working) and
checks the copy; without ``--out`` it goes into ``<data folder>/backups``, where
the newest ``backup.keep`` files are kept.  ``restore`` first checks the file
(an intact counter database of a known schema revision, holding exactly what the
migrations make at it: a copy carrying a foreign trigger is refused, every
difference named), then, with ``--yes``, keeps the current database beside itself and puts the backup in its place; an
older schema is migrated here, at once.  Without ``--yes`` it says what would be
replaced and exits 2.  On PostgreSQL both print the ``pg_dump`` / ``pg_restore``
commands for the URL and exit 1.  Where accounts exist both need an
administrator (``--user``); both are written to the audit trail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from counter.cli.common import EXIT_OK, Reported, UsageError, desk, open_service, store_url
from counter.words.files import file_fault
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.cli.common import Commands
    from counter.sync.site_faults import SiteFileFailed

log = logging.getLogger(__name__)


def add_backup_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("backup", parents=[common], help=tr("备份数据库（SQLite：在线备份并校验）"))
    p.add_argument("--out", metavar="FILE", help=tr("备份文件（默认：数据文件夹下 backups 中按日期时间命名）"))
    p.set_defaults(func=cmd_backup)
    p = commands.add_parser("restore", parents=[common], help=tr("用备份替换数据库（原数据库先另存在旁边）"))
    p.add_argument("file", metavar="FILE", help=tr("counter backup 写出的备份文件"))
    p.add_argument("--yes", action="store_true", help=tr("确认替换当前数据库"))
    p.set_defaults(func=cmd_restore)


def _postgresql(url: str, file: str | None) -> Reported:
    from counter.cli.phrases import BACKUP_POSTGRESQL
    from counter.host.database.backups import pg_commands

    dump, restore = pg_commands(url, Path(file or f"counter-{dt.date.today():%Y%m%d}.dump"))
    return Reported(BACKUP_POSTGRESQL.format(dump=dump, restore=restore))


def cmd_backup(args: argparse.Namespace) -> int:
    from counter.backup.sqlite_files import BackupFailed
    from counter.cli.phrases import BACKUP_DONE, BACKUP_FAILED
    from counter.host.database.backups import NotSQLite, database_file
    from counter.service.site import BACKUP, Backup
    from counter.sync.site_faults import SiteFileFailed
    from counter.words.database import BACKUP_PROBLEM

    url = _database(args)
    try:
        database_file(url)
    except NotSQLite:
        raise _postgresql(url, args.out) from None
    service = open_service(args)
    try:  # an administrator's, checked before the copy; recorded in the trail after it
        made = service.call(BACKUP, Backup(Path(args.out) if args.out else None), desk())
    except BackupFailed as err:
        log.error("backup to %s failed: %s", args.out or "the backups folder", err)
        raise Reported(BACKUP_FAILED.format(reason=BACKUP_PROBLEM[err.problem])) from err
    except SiteFileFailed as err:
        raise Reported(_not_written(err)) from err
    service.close()
    print(BACKUP_DONE.format(path=made.path))
    return EXIT_OK


def _not_written(err: SiteFileFailed) -> str:
    """Why the copy could not be written, with the file or folder concerned: the command line is the technician's, and
    a cause alone (同名的文件已经存在) left them to guess which of the path's parts it meant."""
    from counter.cli.phrases import BACKUP_FILE_FAILED, BACKUP_FOLDER_IS_FILE

    if err.errno == errno.ENOTDIR:  # a file where the backup's folder, or one above it, is to be: it is named
        return BACKUP_FOLDER_IS_FILE.format(path=err.path)
    return BACKUP_FILE_FAILED.format(path=err.path, reason=file_fault(err.os_error()))


def cmd_restore(args: argparse.Namespace) -> int:
    from counter.backup.check import quick_check
    from counter.backup.sqlite_files import RestoreRefused
    from counter.cli.phrases import RESTORE_CONFIRM, RESTORE_DONE, RESTORE_KEPT, RESTORE_NOTHING_KEPT
    from counter.host.database.backups import NotSQLite, database_file
    from counter.service.local import check_backup_file, restore_file
    from counter.service.requests import Nothing
    from counter.service.site import MAY_RESTORE, RECORD_RESTORE, RecordRestore
    from counter.words.database import RESTORE_FAILED, restore_refused

    url = _database(args)
    try:
        target = database_file(url)
    except NotSQLite:
        raise _postgresql(url, args.file) from None
    source = Path(args.file)
    try:  # checked before anything else, so a wrong file is named at once
        check_backup_file(source)
    except RestoreRefused as err:
        raise Reported(restore_refused(err.problem, err.detail, err.differences, err.foreign)) from err
    if not args.yes:
        raise UsageError(RESTORE_CONFIRM.format(file=source, database=target))
    if target.exists() and quick_check(target):
        # a damaged database can name no administrator: whoever holds the file may restore it
        service = open_service(args)
        service.call(MAY_RESTORE, Nothing(), desk())
        service.close()
    try:
        restored = restore_file(url, source)
    except RestoreRefused as err:
        raise Reported(restore_refused(err.problem, err.detail, err.differences, err.foreign)) from err
    except OSError as err:
        raise Reported(RESTORE_FAILED.format(reason=file_fault(err))) from err
    service = open_service(args)  # migrates an older backup to this program's schema
    service.call(RECORD_RESTORE, RecordRestore(restored, source), desk())
    service.close()
    print(RESTORE_DONE.format(database=target, file=source, revision=restored.revision))
    if restored.kept is None:
        print(RESTORE_NOTHING_KEPT)
    else:
        print(RESTORE_KEPT.format(kept=restored.kept))
    return EXIT_OK


def _database(args: argparse.Namespace) -> str:
    """The database the command's --db and --today name (as every command's); the training file is refused.

    Its copies would be named and pruned with the live database's in the backups folder, and a training file put
    back by a restore is a day of practice nobody needs.  A hall's desk has no database of its own to copy or put
    back (:mod:`counter.cli.hall_desk`): refused before a file is looked at or made.
    """
    from counter.cli.common import on_hall
    from counter.cli.hall_desk import HALL_NO_BACKUP
    from counter.cli.phrases import TRAINING_NO_BACKUP
    from counter.host.database.database_choice import is_training_database

    if on_hall(args):
        raise Reported(HALL_NO_BACKUP)
    url = store_url(args)
    if is_training_database(url):
        raise UsageError(TRAINING_NO_BACKUP)
    return url
