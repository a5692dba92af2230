"""The sync page: send a package, take one in, see what is pending and what waits for review.

A township sends its cases to the hall and takes the hall's updates back; a
hall takes townships' cases in and sends each its updates.  Either way a
package is a file (a USB stick, a network share): the page asks where, runs the
work on a worker thread with a progress bar, and says in one line what came of
it.  A rejected package changes nothing, and the page says why.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter.actions.guard import NotPermitted
from counter.ui.runner import Failed, Runner
from counter.ui.sync import words
from counter.ui.sync.pending_label import minute_text
from counter.ui.sync.worker import Progress, SyncWorker
from counter.ui.text_size import scaled
from counter.words.access import not_permitted
from counter.words.sites import SITE_KIND, key_problem_text
from counter.words.sync import (
    SYNC_EXPORTED,
    SYNC_IMPORTED,
    SYNC_REPLAYED,
    hold_reason,
    package_rejected,
    sync_not_possible,
)

if TYPE_CHECKING:
    from counter.actions.desk import Desk
    from counter.actions.site import Peer, SiteIdentity
    from counter.actions.store import Unit
    from counter.actions.sync import ExportResult, ImportReport, ReviewItem, SyncStatus

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]


@dataclass(frozen=True, slots=True)
class Exported:
    result: ExportResult
    path: Path


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _local(at: dt.datetime | None) -> str:
    return words.SYNC_NEVER if at is None else minute_text(at)


class SyncPage(QWidget):
    def __init__(self, runner: Runner, desk: Desk, clock: Clock = _utc_now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk
        self._clock = clock
        self.worker: SyncWorker | None = None
        self.setWindowTitle(words.SYNC_TITLE)
        self.site = QLabel()
        self.site.setStyleSheet(scaled("font-size: 16px; font-weight: bold;"))
        self.out_text = QLabel()
        self.out_text.setWordWrap(True)
        self.to_site = QComboBox()
        self.last_export = QLabel()
        self.pending = QLabel()
        self.export_button = QPushButton(words.SYNC_EXPORT_BUTTON)
        self.last_import = QLabel()
        self.import_button = QPushButton(words.SYNC_IMPORT_BUTTON)
        self.progress = QProgressBar()
        self.progress.hide()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.review = QTableWidget(0, len(words.SYNC_REVIEW_COLUMNS))
        self.review.setHorizontalHeaderLabels(list(words.SYNC_REVIEW_COLUMNS))
        self.review.horizontalHeader().setStretchLastSection(True)
        self.review.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.review_empty = QLabel(words.SYNC_REVIEW_EMPTY)
        self._lay_out()
        self._connect_signals()
        self.status: SyncStatus | None = None

    def _lay_out(self) -> None:
        out_box = QGroupBox(words.SYNC_OUT_TITLE)
        out = QVBoxLayout(out_box)
        out.addWidget(self.out_text)
        out.addWidget(self.to_site)
        out.addWidget(self.pending)
        out.addWidget(self.last_export)
        out.addWidget(self.export_button)
        in_box = QGroupBox(words.SYNC_IN_TITLE)
        into = QVBoxLayout(in_box)
        text = QLabel(words.SYNC_IN_TEXT)
        text.setWordWrap(True)
        into.addWidget(text)
        into.addWidget(self.last_import)
        into.addStretch(1)
        into.addWidget(self.import_button)
        boxes = QHBoxLayout()
        boxes.addWidget(out_box, 1)
        boxes.addWidget(in_box, 1)
        review_box = QGroupBox(words.SYNC_REVIEW_TITLE)
        review = QVBoxLayout(review_box)
        review.addWidget(self.review_empty)
        review.addWidget(self.review)
        layout = QVBoxLayout(self)
        layout.addWidget(self.site)
        layout.addLayout(boxes)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(review_box, 1)

    def _connect_signals(self) -> None:
        self.export_button.clicked.connect(self.on_export_clicked)
        self.import_button.clicked.connect(self.on_import_clicked)

    # --- reading ---------------------------------------------------------------------

    def refresh(self) -> None:
        """What the page shows, read again: the site, the last syncs, what is pending, the review list."""
        from counter.actions.site import peers, this_site
        from counter.actions.sync import review_items, sync_status

        def read(unit: Unit) -> tuple[SiteIdentity, SyncStatus, list[Peer], list[ReviewItem]]:
            """In a write: the first look at this site's settings may store its defaults."""
            return this_site(unit), sync_status(unit), peers(unit), review_items(unit)

        try:
            site, status, others, items = self._runner.write(read, words.SYNC_DB_FAILED)
        except Failed as err:
            log.exception("sync page not read")
            self._say(err.message, error=True)
            return
        self.status = status
        kind = str(site.kind)
        self.site.setText(words.SYNC_SITE.format(name=site.name, code=site.code, kind=SITE_KIND.get(kind, kind)))
        hall = kind == "hall"
        self.out_text.setText(words.SYNC_OUT_HALL if hall else words.SYNC_OUT_TOWNSHIP)
        self.to_site.clear()
        for peer in others:
            if str(peer.kind) == ("township" if hall else "hall"):
                self.to_site.addItem(words.SYNC_PEER.format(name=peer.name, code=peer.code), peer.code)
        self.to_site.setVisible(hall)
        self.export_button.setEnabled(self.to_site.count() > 0)
        if self.to_site.count() == 0:
            self._say(words.SYNC_NO_PEER, error=True)
        self.last_export.setText(words.SYNC_LAST_EXPORT.format(at=_local(status.last_export_at)))
        self.last_import.setText(words.SYNC_LAST_IMPORT.format(at=_local(status.last_import_at)))
        if hall:
            self.pending.hide()
        elif status.pending_cases and status.pending_since is not None:
            self.pending.setText(
                words.SYNC_PENDING.format(count=status.pending_cases, since=_local(status.pending_since))
            )
            self.pending.show()
        else:
            self.pending.setText(words.SYNC_NOTHING_PENDING)
            self.pending.show()
        self._show_review(items)

    def _show_review(self, rows: list[ReviewItem]) -> None:
        self.review.setRowCount(len(rows))
        for row, item in enumerate(rows):
            reason = hold_reason(item.reason)
            kind = words.SYNC_RECORD_TYPE.get(item.record_type, item.record_type)
            cells = (item.from_site, str(item.export_no), kind, item.record_key, reason, item.detail,
                     _local(item.created_at))  # fmt: skip
            for column, value in enumerate(cells):
                self.review.setItem(row, column, QTableWidgetItem(value))
        self.review.resizeColumnsToContents()
        self.review.setVisible(bool(rows))
        self.review_empty.setVisible(not rows)

    # --- acting ----------------------------------------------------------------------

    def on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, words.SYNC_EXPORT_BUTTON, self._default_name(), words.SYNC_FILE_FILTER
        )
        if path:
            self.export_to(Path(path))

    def on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, words.SYNC_IMPORT_BUTTON, "", words.SYNC_FILE_FILTER)
        if path:
            self.import_from(Path(path))

    def _default_name(self) -> str:
        code = self._desk.identity.site_code
        return f"{code}-{self._clock():%Y%m%d-%H%M}.sync"

    def export_to(self, path: Path) -> SyncWorker:
        """Write the package to ``path`` on the worker; the page says what was written."""
        from counter.actions.sync import export_package

        to_site = self.to_site.currentData() if self.to_site.isVisible() else None
        desk, runner, now = self._desk, self._runner, self._clock()

        def work(progress: Progress) -> Exported:
            export = partial(export_package, desk=desk, now=now, to_site=to_site, on_progress=progress)
            result = runner.write(export, words.SYNC_DB_FAILED)
            tmp = path.with_name(path.name + ".part")
            tmp.write_bytes(result.data)
            tmp.replace(path)  # the stick never holds half a package under the real name
            return Exported(result, path)

        return self._start(work, self.on_exported)

    def import_from(self, path: Path) -> SyncWorker | None:
        from counter.actions.sync import import_package

        try:
            data = path.read_bytes()
        except OSError as err:
            self._say(words.SYNC_FILE_FAILED.format(error=err.strerror or type(err).__name__), error=True)
            return None
        desk, runner, now = self._desk, self._runner, self._clock()

        def work(progress: Progress) -> ImportReport:
            replay = partial(import_package, desk=desk, data=data, now=now, on_progress=progress)
            return runner.write(replay, words.SYNC_DB_FAILED)

        return self._start(work, self.on_imported)

    def _start(self, work: Callable[[Progress], object], on_done: Callable[[object], None]) -> SyncWorker:
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first figure arrives
        self.progress.show()
        self._say(words.SYNC_WORKING)
        worker = SyncWorker(work)
        worker.progress.connect(self.on_progress)
        worker.done.connect(on_done)
        worker.failed.connect(self.on_failed)
        worker.finished.connect(self.on_finished)
        self.worker = worker
        worker.start()
        return worker

    # --- slots -----------------------------------------------------------------------

    def on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def on_exported(self, result: object) -> None:
        assert isinstance(result, Exported)
        made = result.result
        self._say(SYNC_EXPORTED.format(export_no=made.export_no, to_site=made.to_site, records=made.records,
                                             path=result.path))  # fmt: skip

    def on_imported(self, result: object) -> None:
        from counter.actions.sync import ImportReport

        assert isinstance(result, ImportReport)
        template = SYNC_REPLAYED if result.replayed else SYNC_IMPORTED
        self._say(template.format(from_site=result.from_site, export_no=result.export_no, applied=result.applied,
                                  unchanged=result.unchanged, held=result.held))  # fmt: skip

    def on_failed(self, err: object) -> None:
        from counter.actions.sync import SyncNotPossible
        from counter.sync.keys import KeyUnreadable
        from counter.sync.package import PackageRejected

        if isinstance(err, SyncNotPossible):
            reason = sync_not_possible(err.problem, err.site)
        elif isinstance(err, KeyUnreadable):
            reason = key_problem_text(err.reason, str(err.path))
        elif isinstance(err, PackageRejected):
            reason = package_rejected(err.code)
        elif isinstance(err, NotPermitted):
            reason = not_permitted(err.permission, err.signed_in)
        elif isinstance(err, Failed):
            reason = err.message
        elif isinstance(err, OSError):
            reason = words.SYNC_FILE_FAILED.format(error=err.strerror or type(err).__name__)
        else:
            log.error("sync failed: %r", err)
            reason = type(err).__name__
        log.warning("sync not done: %s", type(err).__name__)
        self._say(words.SYNC_FAILED.format(reason=reason), error=True)

    def on_finished(self) -> None:
        self.progress.hide()
        self.import_button.setEnabled(True)
        self.refresh()

    def _say(self, text: str, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {'#b42318' if error else '#1d5c2e'};")
