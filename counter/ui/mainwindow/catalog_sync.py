"""Bring the bundled catalog into the database without freezing the window.

On a first start this reads, checks and imports about a hundred files (and computes their pinyin), about a second;
later starts only compare a fingerprint.  It is the service's ``catalog.sync_bundled``, asked on a thread of its own
so that the clerk searches meanwhile; only plain data (the :class:`BundledSync` answer, the cause in the clerk's
words) comes back, through queued signals.  The answer comes whole at the end: the status bar says a sync is under
way until then, as the files read cannot be counted across the service.  The pinyin tables the import of a changed
catalog reads (some 50 MiB) are let go when the sync ends (:func:`counter.catalog.search.pinyin_while`): the desk
does not carry them through its day.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

if TYPE_CHECKING:
    from counter.service.local import Service


log = logging.getLogger(__name__)


class BundledSyncThread(QThread):
    synced = Signal(object)  # counter.catalog.import_result.BundledSync
    failed = Signal(str)  # the cause in the clerk's words; the error itself goes to the log

    def __init__(self, service: Service, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._folder = folder

    def run(self) -> None:
        # imported here: the declarations of the catalog stay out of start-up
        from counter.catalog.search import pinyin_while
        from counter.service.catalog import SYNC_BUNDLED, SyncBundled

        try:
            with pinyin_while():  # a changed catalog's pinyin tables are let go once read, not kept all day
                result = self._service.call(SYNC_BUNDLED, SyncBundled(self._folder))
        except Exception as err:  # a broken sync must never take the desk down
            log.exception("bundled catalog sync failed")
            self.failed.emit(_cause(err))
        else:
            self.synced.emit(result)


def _cause(err: Exception) -> str:
    """Why the sync failed, as the clerk reads it: the database's fault, a file's, or none known (the log has it)."""
    from counter.host.database.database_faults import StoreFault
    from counter.words.database import fault_text
    from counter.words.files import file_fault
    from counter.words.host import UNKNOWN_CAUSE

    if isinstance(err, StoreFault):
        return fault_text(err.fault.value, err.server)
    if isinstance(err, OSError):
        return file_fault(err)
    return UNKNOWN_CAUSE
