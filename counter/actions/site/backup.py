"""Backing up and restoring the desk's database.

SQLite (a desk, a township): :func:`make_backup` copies the live file online
(other desks keep writing), :func:`restore_backup` replaces it by a checked
backup and keeps the old one beside it (and, on the machine holding the site's
key, notes beside the key which seal the trail went back to, so that ``audit
verify`` names the seals made since as withdrawn by a restore, not deleted), and :func:`backup_if_due` takes the
daily automatic backup into ``<data folder>/backups`` and keeps the newest N
(setting ``backup.keep``, default 14).  PostgreSQL (a hall) is backed up with its
own tools: :func:`pg_commands` gives the ``pg_dump`` / ``pg_restore`` commands for
the URL.  Where accounts exist, backing up and restoring by command needs an
administrator (:func:`authorise`); both are written to the audit trail.  The
automatic daily backup is the program's own and is logged, not audited.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from counter.access.roles import Permission
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.audit_seal import seal_if_key_here
from counter.actions.admin.guard import require
from counter.audit.actions import AuditAction
from counter.audit.seal import parse_payload, payload_digest
from counter.backup.restored import Restored
from counter.backup.sqlite_files import (
    BackupFailed,
    BackupProblem,
    RestoreProblem,
    RestoreRefused,
    restore_file,
    usable_backup,
)
from counter.host.database.backups import (
    NotSQLite,
    backup_count,
    backups_folder,
    database_file,
    make_backup,
)
from counter.host.keys.seal_anchors import add_anchor, add_restore, anchors_path
from counter.host.machine import paths
from counter.sync.site_faults import SiteFileFailed

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.db.engine import Sessions

__all__ = [
    "authorise",
    "back_up",
    "check_backup",
    "record_backup",
    "record_restore",
    "restore_backup",
]

log = logging.getLogger(__name__)


def _refused(file: Path, refused: RestoreRefused) -> RestoreRefused:
    from counter.db.revision import PRE_RELEASE

    if refused.problem is RestoreProblem.NEWER and refused.detail in PRE_RELEASE:  # not newer: from before the release
        refused = RestoreRefused(RestoreProblem.PRE_RELEASE, refused.detail)
    differences = "; ".join(f"{d.change.value} {d.part.value} {d.name}" for d in refused.differences)
    differences += "; ".join(f"{r.kind} {r.key}: {r.code}" for r in refused.foreign)
    log.warning("restore from %s refused: %s %s %s", file, refused.problem.value, refused.detail, differences)
    return refused


def check_backup(file: Path) -> str:
    """The schema revision of the backup ``file`` when it may be restored; else :class:`RestoreRefused`, logged.

    It must be an intact counter database of a revision this program knows, holding exactly the tables, columns,
    constraints, indexes, triggers and views this program's migrations make at that revision, and no account, case,
    rating, peer, key or setting its own audit trail does not account for (:mod:`counter.actions.site.backup_rows`).
    """
    from counter.actions.site.backup_rows import vouch_for_rows
    from counter.db.migrate import known_revisions
    from counter.db.reference_schema import reference_schema

    try:
        revision = usable_backup(file, set(known_revisions()), reference_schema)
        vouch_for_rows(file)
    except RestoreRefused as refused:
        raise _refused(file, refused) from None
    return revision


def restore_backup(url: str, file: Path, now: dt.datetime | None = None) -> Restored:
    """Replace the SQLite database of ``url`` by the backup ``file``; the old database is kept beside it.

    Refused with nothing changed (:class:`RestoreRefused`, logged) for a file that is
    not an intact counter database, one written by a newer program, one whose
    schema is not exactly what this program's migrations make (a foreign trigger, a
    dropped one, a missing table), or one with rows its own trail does not account
    for (an account, a peer, a key planted: :func:`check_backup`).  Every connection
    to the database must be closed first.
    """
    from counter.actions.site.backup_rows import vouch_for_rows
    from counter.db.migrate import known_revisions
    from counter.db.reference_schema import reference_schema

    target = database_file(url)
    try:
        revision, kept = restore_file(
            target, file, set(known_revisions()), now or dt.datetime.now(), reference_schema, vouch_for_rows
        )
    except RestoreRefused as refused:
        raise _refused(file, refused) from None
    log.info("database %s restored from %s (revision %s); the old one kept at %s", target, file, revision, kept)
    anchors = anchors_path(paths.site_key_path())
    if kept is not None and anchors.is_file():  # the replaced database's newest seals, never anchored till now
        for no, digest in seals_in(kept):
            add_anchor(anchors, no, digest)
    back_to, digest = max(seals_in(target), default=(0, ""))
    add_restore(anchors, back_to, digest)  # the seals after it withdrawn, not deleted
    return Restored(target, revision, kept)


def seals_in(file: Path) -> list[tuple[int, str]]:
    """The number and digest of every seal of the SQLite database ``file``; none where it holds no seals table (an
    old backup) or cannot be read."""
    uri = f"{file.resolve().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as db:
            payloads = [str(row[0]) for row in db.execute("SELECT payload FROM audit_seal ORDER BY id")]
    except sqlite3.Error:
        return []
    found = []
    for payload in payloads:
        body = parse_payload(payload)
        if body is not None:
            found.append((body.no, payload_digest(payload)))
    return found


def authorise(session: Session, desk: Desk) -> None:
    """Backing up and restoring need an administrator where accounts exist (:class:`NotPermitted`)."""
    require(session, desk.actor, Permission.CHANGE_SETTINGS)


def record_backup(session: Session, desk: Desk, made: Path, backups: int | None = None) -> None:
    detail: dict[str, object] = {"file": str(made)}
    if backups is not None:
        detail["backups"] = backups
    record_at_desk(session, desk, AuditAction.BACKUP_MADE, made.name, detail)
    seal_if_key_here(session)  # on the machine holding the site's key, every backup also seals the trail


def back_up(sessions: Sessions, desk: Desk, out: Path | None) -> tuple[Path, int | None]:
    """A backup asked of a desk: an administrator's (where accounts exist), checked first; the copy made online
    (:func:`make_backup`, to ``out`` or the backups folder); then the audit entry.  The copy made, and the backups now
    in the folder (None for a copy written where the user named); :class:`SiteFileFailed` when it cannot be written."""
    with sessions() as session:
        authorise(session, desk)
    url = sessions.kw["bind"].url.render_as_string(hide_password=False)
    try:
        made = make_backup(url, out)
    except NotSQLite as err:  # a hall's PostgreSQL: said as the backup's problem, never the server's own fault
        raise BackupFailed(BackupProblem.NOT_SQLITE) from err
    except OSError as err:
        raise SiteFileFailed.of(err, out or backups_folder()) from err
    kept = None if out else backup_count()
    with sessions.begin() as session:
        record_backup(session, desk, made, kept)
    return made, kept


def record_restore(session: Session, desk: Desk, restored: Restored, source: Path) -> None:
    detail = {"from": str(source), "revision": restored.revision, "kept": str(restored.kept or "")}
    record_at_desk(session, desk, AuditAction.BACKUP_RESTORED, source.name, detail)
