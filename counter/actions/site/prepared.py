"""The prepared database: built when the program is packaged, completed at the desk that starts from it.

:func:`build_prepared` is the package step (``scripts/setup.sh``, the wheel and offline builds, through
``tools/build_prepared.py``): it migrates an empty file and imports the bundled catalog, exactly as a desk's first
start does, into ``desk.sqlite3``, then writes its fingerprint (:mod:`counter.db.prepared_start`).  It writes
nothing that belongs to a site or a desk: the import is recorded in no audit trail, and the build refuses to
finish if any table but the catalog's holds a row.

:func:`complete_prepared` runs where a desk first opens its copy through SQLAlchemy (:class:`Store`): it writes
the catalog's import into this desk's audit trail, as the bundled sync would have (done by the system, the
source being this installation's catalog folder), and gives the import the time it came into this database.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from pathlib import Path

from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from counter.actions.admin.acting import system_desk
from counter.actions.admin.audit import record_at_desk
from counter.audit.actions import AuditAction
from counter.catalog.fingerprint import BUNDLED_PROBLEMS_KEY
from counter.catalog.problems import problems_to_json
from counter.db import models
from counter.db.prepared_start import (
    DATABASE,
    FINGERPRINT,
    PENDING_KEY,
    Prepared,
    check_prepared,
    fingerprint_document,
    source_fingerprint,
)
from counter.db.settings_store import drop_setting, get_setting, put_setting

__all__ = ["CATALOG_TABLES", "build_prepared", "complete_prepared"]

log = logging.getLogger(__name__)

# The only tables a prepared database may hold rows in: what every desk builds alike from the same files.  The
# calendar's stamp is the migration's row: every copy has the same, which names the same office days (none yet).
CATALOG_TABLES = frozenset({"alembic_version", "setting", "catalog_import", "bundle", "guide_version"})
BUILT_SOURCE = "prepared"  # the import's source until a desk's copy names its own catalog folder


class NotCommon(Exception):
    """The prepared database would hold something that belongs to one site or desk."""


def build_prepared(catalog: Path, folder: Path, force: bool = False) -> bool:
    """Build ``folder``/desk.sqlite3 and its fingerprint from ``catalog``; False when the one there already fits."""
    if not force and check_prepared(folder, catalog) is Prepared.COPIED:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    source = source_fingerprint(catalog)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".building-") as work:
        database = Path(work) / DATABASE
        _build(catalog, database)
        document = fingerprint_document(source, database)
        os.replace(database, folder / DATABASE)
    fingerprint = folder / FINGERPRINT
    partial = fingerprint.with_name(f".{fingerprint.name}.partial")
    partial.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    os.replace(partial, fingerprint)  # last: a build killed half-way leaves a database its fingerprint refuses
    return True


def _build(catalog: Path, database: Path) -> None:
    # the import's own code, as a first start runs it: imported here, so a desk completing its copy does not load it
    from counter.catalog.check import check_source
    from counter.db.catalog_store import import_bundles
    from counter.db.engine import make_engine, make_sessions
    from counter.db.migrate import upgrade

    engine = make_engine(f"sqlite:///{database}")
    try:
        upgrade(engine)
        checked = check_source(catalog)
        bad_files = {p.file for p in checked.problems}
        good = [b for file, b in checked.bundles if file not in bad_files]
        with make_sessions(engine).begin() as session:
            report = import_bundles(session, good, BUILT_SOURCE, "bundled")
            put_setting(session, BUNDLED_PROBLEMS_KEY, problems_to_json(checked.problems))
            pending = {"import_id": report.import_id, "new_versions": list(report.new_versions)}
            put_setting(session, PENDING_KEY, json.dumps(pending, ensure_ascii=False))
            _refuse_uncommon(session)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM")  # no free pages of the import's work in every copy
    finally:
        engine.dispose()  # the last connection: the log is written back and the file stands alone


def _refuse_uncommon(session: Session) -> None:
    holding = []
    for table in inspect(session.connection()).get_table_names():
        if table not in CATALOG_TABLES and session.execute(text(f'SELECT 1 FROM "{table}" LIMIT 1')).first():
            holding.append(table)
    if holding:
        raise NotCommon(", ".join(sorted(holding)))


def complete_prepared(session: Session, catalog: Path) -> bool:
    """Write the prepared import into this desk's audit trail, once; True when it was pending.

    The caller commits: the entry, the import's own time and source, and the end of the pending mark go together.
    """
    pending = get_setting(session, PENDING_KEY)
    if pending is None:
        return False
    report = json.loads(pending)
    import_id = report["import_id"]
    now = dt.datetime.now(dt.UTC)
    record = session.get(models.CatalogImport, import_id) if import_id is not None else None
    if record is not None:
        record.source = str(catalog)[:500]
        record.imported_at = now
        versions = select(models.GuideVersion).where(models.GuideVersion.import_id == import_id)
        for version in session.scalars(versions):
            version.created_at = now
    if report["new_versions"]:
        detail = {"source": str(catalog), "kind": "bundled", "new_versions": report["new_versions"], "unchanged": 0}
        record_at_desk(session, system_desk(None), AuditAction.CATALOG_IMPORTED, str(import_id or ""), detail)
    drop_setting(session, PENDING_KEY)
    log.info("prepared catalog import %s recorded in this desk's trail", import_id)
    return True
