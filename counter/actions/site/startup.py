"""What the window needs before it shows, without SQLAlchemy: the quick start of an SQLite desk.

Importing this module loads neither SQLAlchemy nor Alembic: the window imports it at start-up, and an SQLite desk
whose schema is current reads its search index with the standard sqlite3 module (:mod:`counter.db.quick_start`),
leaving SQLAlchemy to the warm-up thread.  A first start copies the prepared database when the installation has
one that fits (:mod:`counter.db.prepared_start`), and is then a quick start too.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from counter.actions.admin.database_file import note_opened
from counter.db.prepared_start import Prepared, copy_prepared
from counter.db.quick_start import quick_start
from counter.host.database.database_choice import sqlite_path
from counter.resources import prepared_dir

if TYPE_CHECKING:
    from counter.actions.site.store import Store

__all__ = ["quick_start", "start_from_prepared"]

log = logging.getLogger(__name__)


def start_from_prepared(store: Store, catalog: Path) -> Prepared | None:
    """On a first start, make the database a copy of the prepared one; ``None`` when this is no first start.

    Only the desk's own SQLite file, when it may be made and is not there yet; never the training database, whose
    opening marks it as such.  Anything but :attr:`Prepared.COPIED` leaves the file to be made the slow way.
    """
    path = sqlite_path(store.url)
    if path is None or not store.create or store.training or path.exists():
        return None
    outcome = copy_prepared(prepared_dir(), catalog, path)
    if outcome is Prepared.COPIED:
        note_opened(store.url, training=False)  # made here, on purpose: as the slow way's first opening notes it
        log.info("first start from the prepared database")
    else:
        log.warning("prepared database not used (%s): building the database", outcome.value)
    return outcome
