"""The desk's main window: search on the left, the guide on the right.

Every signal of the window is connected in :meth:`MainWindow._connect_signals`
and every slot is an ``on_…`` method, so the whole behaviour of the window can
be read in one place.  The window holds plain data only; it opens one database
session per user event and closes it before returning.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from counter.search import SearchEntry, SearchIndex
from counter.ui import words
from counter.ui.banner import Banner
from counter.ui.catalog_sync import BundledSyncThread
from counter.ui.database import Database
from counter.ui.guide_view import GuideView
from counter.ui.search_panel import SearchPanel

if TYPE_CHECKING:
    from counter.actions.catalog import BundledSync
    from counter.catalog.problems import Problem


class MainWindow(QMainWindow):
    catalog_ready = Signal(bool)  # True when the catalog is usable (possibly with skipped files)

    def __init__(
        self,
        db: Database,
        bundled_folder: Path | None,
        entries: list[SearchEntry] | None = None,
    ) -> None:
        """``entries`` is the search index when start-up already read it (without SQLAlchemy)."""
        super().__init__()
        self._db = db
        self._sync = BundledSyncThread(db, bundled_folder, self) if bundled_folder else None
        self.setWindowTitle(words.DESK_WINDOW_TITLE)
        self.banner = Banner()
        self.search_panel = SearchPanel()
        self.guide_view = GuideView()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.search_panel)
        splitter.addWidget(self.guide_view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 900])
        splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.catalog_label = QLabel()
        self.version_label = QLabel()
        self.statusBar().setStyleSheet("QStatusBar QLabel { padding: 0px 12px; color: #334e68; }")
        self.statusBar().addPermanentWidget(self.version_label)
        self.statusBar().addPermanentWidget(self.catalog_label)
        self.find_shortcuts = [QShortcut(QKeySequence(k), self) for k in ("Ctrl+F", "F3")]
        self.escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._connect_signals()
        self.load_index(entries)
        self.search_panel.box.setFocus()

    def _connect_signals(self) -> None:
        box = self.search_panel.box
        box.textChanged.connect(self.search_panel.on_query_changed)
        box.step_requested.connect(self.search_panel.on_step)
        box.open_requested.connect(self.search_panel.on_open)
        box.clear_requested.connect(self.search_panel.on_clear)
        self.search_panel.results.itemClicked.connect(self.search_panel.on_item_clicked)
        self.search_panel.bundle_chosen.connect(self.on_bundle_chosen)
        situations = self.guide_view.situations
        situations.answers_changed.connect(self.guide_view.on_answers_changed)
        situations.reset_button.clicked.connect(situations.on_reset_clicked)
        self.banner.close_button.clicked.connect(self.banner.on_close_clicked)
        for shortcut in self.find_shortcuts:
            shortcut.activated.connect(self.on_find)
        self.escape_shortcut.activated.connect(self.search_panel.on_clear)
        if self._sync is not None:
            self._sync.progress.connect(self.on_sync_progress)
            self._sync.synced.connect(self.on_synced)
            self._sync.failed.connect(self.on_sync_failed)

    def load_index(self, entries: list[SearchEntry] | None = None) -> None:
        if entries is None:
            from counter.db.catalog_store import search_entries

            with self._db.sessions()() as session:
                entries = search_entries(session)
        self.search_panel.set_index(SearchIndex(entries))
        self.catalog_label.setText(words.DESK_STATUS_CATALOG.format(count=len(entries)))

    def start_sync(self) -> None:
        """Bring in the bundled catalog; :attr:`catalog_ready` tells when it is done."""
        if self._sync is None:
            self.catalog_ready.emit(True)
            return
        self.statusBar().showMessage(words.DESK_STATUS_SYNCING)
        self._sync.start()

    def on_sync_progress(self, done: int, total: int) -> None:
        self.statusBar().showMessage(words.DESK_STATUS_SYNC_PROGRESS.format(done=done, total=total))

    def on_synced(self, result: BundledSync) -> None:
        self.statusBar().clearMessage()
        if result.new_versions:
            self.load_index()
            self.statusBar().showMessage(words.DESK_STATUS_SYNC_DONE.format(count=len(result.new_versions)), 8000)
            current = self.guide_view.bundle
            if current is not None and current.code in result.new_versions:
                self.on_bundle_chosen(current.code)
        self.show_catalog_problems(result.problems)
        self.catalog_ready.emit(True)

    def show_catalog_problems(self, problems: tuple[Problem, ...]) -> None:
        """The banner naming each bundled file that was skipped, and why."""
        if problems:
            title = words.DESK_BANNER_TITLE.format(count=len(problems))
            from counter.texts import problem_text

            self.banner.show_message(title, [problem_text(p) for p in problems])

    def on_sync_failed(self, error: str) -> None:
        self.statusBar().showMessage(words.DESK_STATUS_SYNC_FAILED)
        self.banner.show_message(words.DESK_BANNER_SYNC_FAILED.format(error=error))
        self.catalog_ready.emit(False)

    def on_bundle_chosen(self, code: str) -> None:
        from counter.db.catalog_store import current_guide

        with self._db.sessions()() as session:
            stored = current_guide(session, code)
        if stored is None:
            self.guide_view.show_empty()
            self.statusBar().showMessage(words.DESK_GUIDE_NOT_FOUND, 5000)
            self.version_label.clear()
            return
        self.guide_view.show_bundle(stored.bundle, stored.version)
        self.version_label.setText(words.DESK_STATUS_VERSION.format(version=stored.version))

    def on_find(self) -> None:
        self.search_panel.box.setFocus()
        self.search_panel.box.selectAll()

    def wait_for_sync(self) -> None:
        """Let a running import finish: it commits in one transaction, better whole than cut."""
        if self._sync is not None and self._sync.isRunning():
            self._sync.wait()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.wait_for_sync()
        super().closeEvent(event)
