"""A backup's rows held to its own audit trail before it is restored, as ``counter audit verify`` holds a database's.

The schema check (:mod:`counter.backup.schema_diff`) makes sure a backup holds only what the migrations make; it
says nothing of the rows.  Whoever holds a copy of the file can add an administrator, register a peer whose packages
the site would take in as its township's, swap the site's keys or change a rule, and hand the copy in to be
restored.  Each such row is one the trail does not account for: the accounts, cases and ratings by the digests their
entries carry (:mod:`counter.audit.state`), the site's identity, peers and settings by what their entries left
(:mod:`counter.audit.setting_state`).  The check reads a copy, migrated to this program's schema as the program will
migrate the file when it next opens it, and never the file handed in itself.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from counter.actions.site.trail_check import row_mismatches
from counter.backup.sqlite_files import ForeignRow, RestoreProblem, RestoreRefused
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.db.setting_trail import setting_mismatches_in


def foreign_rows(file: Path) -> tuple[ForeignRow, ...]:
    """Every row of the SQLite ``file`` (a backup that passed the schema check) its trail does not account for."""
    with tempfile.TemporaryDirectory(prefix="counter-restore-") as folder:
        copy = Path(folder) / "backup.sqlite3"
        shutil.copyfile(file, copy)
        engine = make_engine(f"sqlite:///{copy}")
        try:
            upgrade(engine)
            with make_sessions(engine)() as session:
                rows = [ForeignRow(m.kind.value, m.key, m.code.value) for m in row_mismatches(session)]
                rows += [ForeignRow(m.kind.value, m.key, m.code.value) for m in setting_mismatches_in(session)]
        finally:
            engine.dispose()
    return tuple(rows)


def vouch_for_rows(file: Path) -> None:
    """Refuse (:attr:`RestoreProblem.FOREIGN_ROWS`, every row named) a backup with rows its trail does not account
    for."""
    found = foreign_rows(file)
    if found:
        raise RestoreRefused(RestoreProblem.FOREIGN_ROWS, str(file), foreign=found)
