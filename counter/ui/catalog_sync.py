"""Bring the bundled catalog into the database without freezing the window.

On a first start this reads, checks and imports about a hundred files (and
computes their pinyin), about a second; later starts only compare a fingerprint.
It runs on a worker thread with its own sessions; only plain data (counts, the
:class:`BundledSync` result, an error name) comes back, through queued signals.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

if TYPE_CHECKING:
    from counter.actions.store import Store


log = logging.getLogger(__name__)


class BundledSyncThread(QThread):
    progress = Signal(int, int)  # files read, files in all
    synced = Signal(object)  # counter.actions.catalog.BundledSync
    failed = Signal(str)  # the error's type name; the details go to the log

    def __init__(self, store: Store, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._folder = folder

    def run(self) -> None:
        # imported here: the reader, the validator and pypinyin stay out of start-up
        from counter.actions.catalog import sync_bundled
        from counter.actions.store import StoreFault

        try:
            result = sync_bundled(self._store.sessions(), self._folder, self.progress.emit)
        except Exception as err:  # a broken sync must never take the desk down
            log.exception("bundled catalog sync failed")
            self.failed.emit(err.error if isinstance(err, StoreFault) else type(err).__name__)
        else:
            self.synced.emit(result)
