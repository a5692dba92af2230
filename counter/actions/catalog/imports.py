"""Catalog actions: check, import, and keep the bundled catalog in the database.

An explicit import is all or nothing: one problem anywhere and nothing is
written.  At start-up the bundled folder is re-read only when its files changed;
a file that does not pass is skipped and named, and the database keeps the last
good version of that bundle, so a broken file never stops the desk.  The
problems are stored with the fingerprint, so the banner naming them shows again
at the next start without reading the folder again.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from counter.access.roles import Permission
from counter.actions.admin.acting import system_desk, this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.audit.actions import AuditAction
from counter.catalog.check import WORKBOOK_SUFFIXES, check_source
from counter.catalog.fingerprint import BUNDLED_FINGERPRINT_KEY, BUNDLED_PROBLEMS_KEY, folder_fingerprint
from counter.catalog.import_result import BundledSync, ImportOutcome, ImportReport
from counter.catalog.problems import Problem, Rule, problems_from_json, problems_to_json
from counter.db.catalog_store import import_bundles, lock_catalog
from counter.db.settings_store import get_setting, put_setting

if TYPE_CHECKING:
    from counter.access.desk import Desk

__all__ = [
    "BUNDLED_FINGERPRINT",
    "import_source",
    "sync_bundled",
]

log = logging.getLogger(__name__)

BUNDLED_FINGERPRINT = BUNDLED_FINGERPRINT_KEY

# One bundled sync at a time in a process: the window's start-up thread and a site set-up may both find the
# database without its catalog, and the second must find the first one's work done, not import it again.
_BUNDLED_LOCK = threading.Lock()


def import_source(sessions: sessionmaker[Session], path: Path, *, desk: Desk | None = None) -> ImportOutcome:
    """Check, then import all or nothing; ``desk`` is who imports (this machine's desk when not given).

    The permission is checked before the source is read, so a refused import
    costs nothing; the import and its audit entry commit together.
    """
    by = this_desk(desk)
    with sessions() as session:
        require(session, by.actor, Permission.MANAGE_CATALOG)
    checked = check_source(path)
    if not checked.ok:
        log.warning("catalog import of %s refused: %d problems", path, len(checked.problems))
        return ImportOutcome(None, checked.problems)
    kind = "folder" if path.is_dir() else "workbook" if path.suffix.lower() in WORKBOOK_SUFFIXES else "file"
    with sessions.begin() as session:
        require(session, by.actor, Permission.MANAGE_CATALOG)  # again: the account may have changed while reading
        report = import_bundles(session, [b for _, b in checked.bundles], str(path), kind)
        _audit_import(session, by, report, str(path), kind)
    log.info("catalog import %s: %d new versions", path, len(report.new_versions))
    return ImportOutcome(report, ())


def sync_bundled(
    sessions: sessionmaker[Session],
    folder: Path,
    *,
    desk: Desk | None = None,
) -> BundledSync:
    """Import what changed in the bundled catalog; skip and name the files that fail.

    The program's own act, not a person's: no permission is checked, and new
    versions are recorded in the trail of ``desk`` (this machine's desk when
    not given) as done by the system.  A guide this site (or its hall) published
    stays published while the shipped file is the same draft; a revised draft
    replaces it as 待核, named in the trail (``back_to_draft``): see
    :mod:`counter.db.catalog_store`.
    """
    with _BUNDLED_LOCK:
        return _sync_bundled(sessions, folder, desk)


def _sync_bundled(sessions: sessionmaker[Session], folder: Path, desk: Desk | None) -> BundledSync:
    fingerprint = folder_fingerprint(folder)
    with sessions() as session:
        if get_setting(session, BUNDLED_FINGERPRINT) == fingerprint:
            return BundledSync(False, (), problems_from_json(get_setting(session, BUNDLED_PROBLEMS_KEY) or "[]"))
    if not folder.is_dir():
        problem = Problem(Rule.NOT_FOUND, str(folder))
        return BundledSync(True, (), (problem,))
    checked = check_source(folder)
    bad_files = {p.file for p in checked.problems}
    good = [b for file, b in checked.bundles if file not in bad_files]
    with sessions.begin() as session:
        lock_catalog(session)  # desks started together: one imports, the others wait and find it done
        if get_setting(session, BUNDLED_FINGERPRINT) == fingerprint:
            return BundledSync(False, (), problems_from_json(get_setting(session, BUNDLED_PROBLEMS_KEY) or "[]"))
        report = import_bundles(session, good, str(folder), "bundled")
        if report.new_versions:
            _audit_import(session, system_desk(desk), report, str(folder), "bundled")
        put_setting(session, BUNDLED_FINGERPRINT, fingerprint)
        put_setting(session, BUNDLED_PROBLEMS_KEY, problems_to_json(checked.problems))
    for problem in checked.problems:
        log.error("bundled catalog: %s: %s %s %s", problem.where(), problem.rule, problem.field, problem.detail)
    return BundledSync(True, report.new_versions, checked.problems)


def _audit_import(session: Session, desk: Desk, report: ImportReport, source: str, kind: str) -> None:
    detail = {"source": source, "kind": kind, "new_versions": list(report.new_versions), "unchanged": report.unchanged}
    if report.back_to_draft:
        detail["back_to_draft"] = list(report.back_to_draft)  # publications a revised draft replaced
    record_at_desk(session, desk, AuditAction.CATALOG_IMPORTED, str(report.import_id or ""), detail)
