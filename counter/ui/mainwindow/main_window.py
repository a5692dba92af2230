"""The desk's main window: search on the left, the guide on the right.

Every signal of the window is connected in :meth:`MainWindow._connect_signals`
and every slot is an ``on_…`` method, so the whole behaviour of the window can
be read in one place.  The window holds plain data only; each user event asks one
operation of the service (:mod:`counter.service`), off the window's thread.

Its length is its slots' count, each an answer's callback beside its call: what a slot does beyond a few lines lives
in a module of its own (:mod:`.desk_actions`, :mod:`.catalog_sync`, :mod:`.draft_offer`), and splitting the slots
themselves would lose the one place the window's behaviour is read in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counter.catalog.search import SearchEntry, SearchIndex
from counter.ui import words
from counter.ui.door.collector import keep_collection_on_gui_thread
from counter.ui.door.runner import Failed, Runner
from counter.ui.look.text_size import px, scaled
from counter.ui.mainwindow.banner import Banner
from counter.ui.mainwindow.desk_actions import DeskActions
from counter.ui.mainwindow.draft_offer import DraftOffer
from counter.ui.projects.key_words import DESK_ACTION as PROJECTS_ACTION
from counter.ui.search.search_panel import SearchPanel
from counter.ui.warmup.chosen_bundle import ChosenBundle
from counter.ui.widgets.flow_layout import FlowLayout, GrowingRow
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.unprinted_flag import UnprintedFlag

if TYPE_CHECKING:
    from counter.catalog.import_result import BundledSync
    from counter.catalog.model import Bundle
    from counter.catalog.problems import Problem
    from counter.service.catalog import GuideShown
    from counter.service.local import Service
    from counter.ui.guide.guide_view import GuideView
    from counter.ui.mainwindow.catalog_sync import BundledSyncThread
    from counter.ui.signin.controller import SignInController


ALERT_CHECK_MS = 60_000  # how often the desk looks for bad ratings given at other desks


class MainWindow(QMainWindow):
    catalog_ready = Signal(bool)  # True when the catalog is usable (possibly with skipped files)
    _sync: BundledSyncThread | None = None  # made by start_sync: a quick start has no catalog to bring in
    quit_question: QMessageBox | None = None  # made at the first Alt+F4
    _quit_agreed = False  # the clerk said 退出
    _entries: list[SearchEntry]  # the search index's entries: what Enter shows before the guide is read
    _guide_asked = ""  # the bundle whose guide Enter asked for last: an earlier answer read after it is not shown
    guide_opening: ChosenBundle | None = None  # Enter's bundle while its guide is read, the database still opening
    _guide_reading = ""  # the bundle whose guide is being read: F5 meanwhile opens its intake once it is shown
    _after_guide: tuple[Callable[[], None], ...] = ()  # F5 pressed while the guide Enter chose is read

    def __init__(
        self,
        service: Service,
        bundled_folder: Path | None,
        entries: list[SearchEntry] | None = None,
    ) -> None:
        """``service``: the operations the window asks, in process or at the hall's server;
        ``entries`` is the search index when start-up already read it (without SQLAlchemy).  The window's day is
        its service's clock's: a training desk's fixed day (``counter --today``), which the window's strip and title
        say, is the one every call is dated by, set once."""
        super().__init__()
        app = QApplication.instance()
        if app is not None:  # the window's worker threads must never run the cyclic collector on its Qt objects
            keep_collection_on_gui_thread(app)
        self.runner = Runner(service)
        self.desk_actions = DeskActions(self, self.runner, service.clock.today, training=service.clock.day is not None)
        self._bundled_folder = bundled_folder
        self.setWindowTitle(words.DESK_WINDOW_TITLE if service.clock.day is None else words.DESK_WINDOW_TITLE_TRAINING)
        self.training_strip = self._training_strip(service.clock.day)
        self.banner = Banner()
        self.draft_offer = DraftOffer()
        self.intake_button = QPushButton(words.DESK_ACTION_INTAKE)
        self.lists_button = QPushButton(words.DESK_ACTION_LISTS)
        self.open_case_button = QPushButton(words.DESK_ACTION_OPEN_CASE)
        self.pad_button = QPushButton(words.DESK_ACTION_PAD)
        self.supervise_button, self.sync_button, self.text_size_button = (
            QPushButton(words.DESK_ACTION_SUPERVISE),
            QPushButton(words.DESK_ACTION_SYNC),
            QPushButton(words.DESK_ACTION_TEXT_SIZE),
        )
        self.guide_notice_button = QPushButton(words.DESK_ACTION_GUIDE_NOTICE)  # counter.ui.printing
        self.forms_button = QPushButton(words.DESK_ACTION_FORMS)
        self.projects_button = QPushButton(PROJECTS_ACTION)  # 帮您办 (counter.ui.projects)
        self.search_panel = SearchPanel()
        # the guide page (rich text, tables, situation buttons) is built when the
        # first guide opens: until then a plain hint stands in its place
        self._guide_view: GuideView | None = None
        self.guide_placeholder = self._placeholder()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter = splitter
        splitter.addWidget(self.search_panel)
        splitter.addWidget(self.guide_placeholder)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([px(380), px(900)])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self._central(splitter))
        self.catalog_label = plain_label()
        self.version_label = plain_label()
        self.statusBar().setStyleSheet(scaled("QStatusBar QLabel { padding: 0px 12px; color: #334e68; }"))
        # the status bar's lines wrap onto a second line rather than being cut (a 1024-pixel screen at 150 % text
        # holds the catalog's, the pad's and a township's lines only on two)
        self.status_row = GrowingRow([self.version_label, self.catalog_label], spacing=0)
        self.statusBar().addPermanentWidget(self.status_row)
        self.find_shortcuts = [QShortcut(QKeySequence(k), self) for k in ("Ctrl+F", "F3")]
        self.alert_timer = QTimer(self)
        self.alert_timer.setInterval(ALERT_CHECK_MS)
        key = self._shortcut
        self.intake_shortcut, self.lists_shortcut, self.open_case_shortcut = key("F5"), key("F6"), key("F7")
        self.supervise_shortcut, self.pad_shortcut, self.sync_shortcut = key("F8"), key("F9"), key("F10")
        self.guide_notice_shortcut, self.escape_shortcut, self.lock_shortcut, self.text_size_shortcut = (
            key("Ctrl+P"), key("Esc"), key("Ctrl+L"), key("F12")
        )  # fmt: skip
        # Shift+F9: the rating on the pad ends now (the pad never has the clerk's keys for an Esc of its own)
        self.forms_shortcut, self.projects_shortcut, self.pad_end_shortcut = (
            key("Ctrl+Shift+P"), key("F4"), key("Shift+F9")
        )  # fmt: skip
        # from any of the desk's windows (the intake, a case page, a list): the clerk's keys do not depend on which
        # window was touched last; a hidden desk (the screen locked) or a modal question still stops them
        for shortcut in (
            self.lock_shortcut, self.projects_shortcut, self.intake_shortcut, self.lists_shortcut,
            self.open_case_shortcut, self.supervise_shortcut, self.pad_shortcut, self.sync_shortcut,
            self.text_size_shortcut, self.pad_end_shortcut,
        ):  # fmt: skip
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.sign_in: SignInController | None = None  # hall mode: who is signed in, the screen lock
        self.account_label, self.lock_button = self._account_widgets()
        self._connect_signals()
        self.load_index(entries)
        self.search_panel.box.setFocus()

    @staticmethod
    def _account_widgets() -> tuple[QLabel, QPushButton]:
        """Who is signed in, and the lock button: in the status bar once someone signs in (hall mode)."""
        lock = QPushButton(words.DESK_LOCK)
        lock.setFlat(True)
        lock.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lock.hide()
        return plain_label(), lock

    def _shortcut(self, keys: str) -> QShortcut:
        return QShortcut(QKeySequence(keys), self)

    def _connect_signals(self) -> None:
        box = self.search_panel.box
        box.textChanged.connect(self.search_panel.on_query_changed)
        box.step_requested.connect(self.search_panel.on_step)
        box.open_requested.connect(self.search_panel.on_open)
        box.clear_requested.connect(self.search_panel.on_clear)
        self.search_panel.results.clicked.connect(self.search_panel.on_row_clicked)
        self.search_panel.suggestion.clicked.connect(self.search_panel.on_suggestion_clicked)
        self.search_panel.bundle_chosen.connect(self.on_bundle_chosen)
        for shortcut in self.find_shortcuts:
            shortcut.activated.connect(self.on_find)
        self.escape_shortcut.activated.connect(self.search_panel.on_clear)
        for trigger in (self.intake_button.clicked, self.intake_shortcut.activated):
            trigger.connect(self.on_intake_requested)
        for trigger in (self.lists_button.clicked, self.lists_shortcut.activated):
            trigger.connect(self.desk_actions.open_lists)
        for trigger in (self.open_case_button.clicked, self.open_case_shortcut.activated):
            trigger.connect(self.desk_actions.ask_case_no)
        for trigger in (self.pad_button.clicked, self.pad_shortcut.activated):
            trigger.connect(self.desk_actions.send_to_pad)
        self.pad_end_shortcut.activated.connect(self.desk_actions.end_pad)
        for trigger in (self.supervise_button.clicked, self.supervise_shortcut.activated):
            trigger.connect(self.desk_actions.open_supervision)
        for trigger in (self.guide_notice_button.clicked, self.guide_notice_shortcut.activated):
            trigger.connect(self.on_guide_notice_requested)
        for trigger in (self.forms_button.clicked, self.forms_shortcut.activated):
            trigger.connect(self.on_forms_requested)
        self.projects_button.clicked.connect(self.desk_actions.open_projects)
        self.projects_shortcut.activated.connect(self.desk_actions.open_projects)
        for trigger in (self.sync_button.clicked, self.sync_shortcut.activated):
            trigger.connect(self.desk_actions.open_sync)
        for trigger in (self.text_size_button.clicked, self.text_size_shortcut.activated):
            trigger.connect(self.desk_actions.open_text_size)
        for trigger in (self.lock_button.clicked, self.lock_shortcut.activated):
            trigger.connect(self.on_lock_requested)
        self.draft_offer.restore_button.clicked.connect(self.on_draft_restore)
        self.desk_actions.drafts_changed.connect(self.offer_draft)
        self.desk_actions.draft_kept.connect(self.draft_offer.show)  # as it was offered: its text, its buttons
        self.desk_actions.intake_over.connect(self.search_panel.on_intake_over)
        self.draft_offer.discard_button.clicked.connect(self.on_draft_discard)
        self.runner.busy.connect(self.on_runner_busy)
        self.runner.reaching.connect(self.on_runner_reaching)

    def on_runner_busy(self, busy: bool) -> None:
        """An operation has kept the clerk waiting longer than a moment: said in the status bar until it ends."""
        from counter.ui.door.server_words import SERVER_REACHING

        if busy:
            self.statusBar().showMessage(words.RUNNER_WAITING)
        elif self.statusBar().currentMessage() in (words.RUNNER_WAITING, SERVER_REACHING):
            self.statusBar().clearMessage()

    def on_runner_reaching(self) -> None:
        """A hall desk's server has not answered a try yet: said at once, until the operation ends."""
        from counter.ui.door.server_words import SERVER_REACHING

        self.statusBar().showMessage(SERVER_REACHING)

    def _central(self, splitter: QSplitter) -> QWidget:
        """Top to bottom: the training strip (in training), the banner, the draft offer, the buttons, the panes."""
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if self.training_strip is not None:
            layout.addWidget(self.training_strip)
        layout.addWidget(self.banner)
        layout.addWidget(self.draft_offer)
        layout.addWidget(self._action_bar())
        layout.addWidget(splitter, 1)
        return central

    def _training_strip(self, today: dt.date | None) -> QLabel | None:
        """Training (``--today``): a strip above everything that cannot be closed, so no intake is taken for real;
        every other window of the desk is marked as it shows (:mod:`counter.ui.mainwindow.training_mark`)."""
        if today is None:
            return None
        from counter.ui.mainwindow.training_mark import TrainingMark, training_strip  # a training desk's only

        TrainingMark(today, self)
        return training_strip(today)

    def _action_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("actionBar")
        bar.setStyleSheet(scaled("QWidget#actionBar { border-bottom: 1px solid #d3dce6; }"))
        layout = FlowLayout(bar)  # a narrow screen puts the buttons on two lines rather than cut them
        layout.setContentsMargins(12, 6, 12, 6)
        buttons = (
            self.intake_button,
            self.guide_notice_button,
            self.forms_button,
            self.lists_button,
            self.open_case_button,
            self.pad_button,
            self.supervise_button,
            self.projects_button,
            self.sync_button,
            self.text_size_button,
        )
        for button in buttons:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the search box
            layout.addWidget(button)
        return bar

    def offer_draft(self) -> None:
        """Offer back the intakes left unfinished (a crash, a power cut, another applicant), if this desk keeps any.

        The bar never takes the keyboard: the clerk may be typing the next applicant's initials as it shows, and Enter
        there must open what was searched, never another applicant's draft.  Tab from the search box reaches 恢复.
        """
        self.desk_actions.offer_draft(self._offer_draft)

    def _offer_draft(self, said: tuple[str, ...], kept: tuple[tuple[str, str, str], ...]) -> None:
        self._bar_after_search()
        self.draft_offer.offer(said, kept)

    def _bar_after_search(self) -> None:
        """The draft bar's buttons right after the search box: Tab reaches 恢复, Shift+Tab from it goes back to typing.

        Set as the bar shows and again when the guide page is built, for Qt keeps an order the focus chain already
        has, and what joins the chain later (the guide page, the warning bar's button) would otherwise come between
        them."""
        QWidget.setTabOrder(self.search_panel.box, self.draft_offer.choice)
        QWidget.setTabOrder(self.draft_offer.choice, self.draft_offer.restore_button)
        QWidget.setTabOrder(self.draft_offer.restore_button, self.draft_offer.discard_button)

    def on_draft_restore(self) -> None:
        self.draft_offer.hide()
        self.desk_actions.restore_draft(self.draft_offer.chosen())

    def on_draft_discard(self) -> None:
        self.draft_offer.hide()
        self.desk_actions.discard_draft(self.draft_offer.chosen())

    @staticmethod
    def _placeholder() -> QLabel:
        label = plain_label(words.DESK_GUIDE_EMPTY, wrap=True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setStyleSheet(scaled("color: #486581; font-size: 15px; padding: 24px; background: #ffffff;"))
        return label

    @property
    def guide_view(self) -> GuideView:
        """The guide page, built on first use and put in the hint's place."""
        if self._guide_view is None:
            from counter.ui.guide import guide_view as page  # imported with its first use

            view = page.GuideView()
            self._splitter.replaceWidget(1, view)
            self.guide_placeholder.deleteLater()
            self._guide_view = view
            self._connect_guide_signals(view)
            if self.draft_offer.isVisible():
                self._bar_after_search()
        return self._guide_view

    def _connect_guide_signals(self, view: GuideView) -> None:
        """The guide page's signals: wired when it is built (see :attr:`guide_view`)."""
        view.situations.answers_changed.connect(view.on_answers_changed)
        view.situations.reset_button.clicked.connect(view.situations.on_reset_clicked)

    @property
    def current_bundle(self) -> Bundle | None:
        """The bundle whose guide is on screen, if any."""
        return self._guide_view.bundle if self._guide_view is not None else None

    def start_pad(self) -> None:
        """The review pad, idle, with its status in the status bar (after the window shows).

        A township's desk also says there what has not reached the hall yet; any desk, in red, that it has no clerk
        to take an intake, or that its township's 单位信息 is still the hall's.
        """
        pad = self.desk_actions.start_pad()
        self.status_row.add(pad.status_label)
        self.status_row.add(self.desk_actions.pending_label())
        self.status_row.add(self.desk_actions.identity_label())
        self.unprinted_flag = UnprintedFlag(self.runner, self.desk_actions.desk)
        self.status_row.add(self.unprinted_flag)  # this desk's cases with papers not printed, until printed or waived
        self.unprinted_flag.watch(self)
        self.alert_timer.timeout.connect(self.unprinted_flag.refresh)
        self.unprinted_flag.refresh()
        pad.alerts.count_changed.connect(self.on_alert_count)
        self.alert_timer.timeout.connect(self.desk_actions.check_alerts)
        self.alert_timer.timeout.connect(self.desk_actions.refresh_pending)
        self.alert_timer.start()
        self.desk_actions.refresh_pending()
        self.desk_actions.refresh_identity()

    def on_alert_count(self, count: int) -> None:
        """New bad ratings, at any desk: the supervision button says so until they are seen."""
        alert = words.DESK_ALERTS.format(count=count) if count else ""
        self.supervise_button.setText(words.DESK_ACTION_SUPERVISE + alert)
        self.supervise_button.setStyleSheet("color: #b42318; font-weight: bold;" if count else "")

    def on_intake_requested(self) -> None:
        # the guide Enter asked for is still being read: F5 opens the intake of that bundle
        # (counter.ui.warmup.chosen_bundle), or, the database open, once the guide is shown (Enter, then F5 at once: the
        # intake of the guide Enter chose)
        if self.guide_opening is None and self._guide_reading:
            if self.on_intake_requested not in self._after_guide:
                self._after_guide += (self.on_intake_requested,)
            return
        self.desk_actions.start_intake(self.guide_opening or self.current_bundle)

    def on_guide_notice_requested(self) -> None:
        self.desk_actions.papers.print_guide_notice(self.current_bundle)

    def on_forms_requested(self) -> None:
        self.desk_actions.papers.choose_form(self.current_bundle)

    def load_index(self, entries: list[SearchEntry] | None = None, then: Callable[[], None] | None = None) -> None:
        """The search's index of ``entries``, or of the catalog as the service reads it (called back); ``then`` once
        it is in."""
        if entries is None:
            from counter.service.catalog import SEARCH_ENTRIES
            from counter.service.requests import Nothing

            self.runner.submit(SEARCH_ENTRIES, Nothing(), owner=self,
                               answered=lambda found: self.load_index(list(found), then))  # fmt: skip
            return
        self._entries = entries
        self.search_panel.set_index(SearchIndex(entries))
        self.catalog_label.setText(words.DESK_STATUS_CATALOG.format(count=len(entries)))
        if then is not None:
            then()

    def start_sync(self) -> None:
        """Bring in the bundled catalog; :attr:`catalog_ready` tells when it is done."""
        if self._bundled_folder is None:
            self.catalog_ready.emit(True)
            return
        if self._sync is None:
            from counter.ui.mainwindow.catalog_sync import BundledSyncThread

            self._sync = BundledSyncThread(self.runner.service, self._bundled_folder, self)
            self._sync.synced.connect(self.on_synced)
            self._sync.failed.connect(self.on_sync_failed)
        self.statusBar().showMessage(words.DESK_STATUS_SYNCING)
        self._sync.start()

    def on_synced(self, result: BundledSync) -> None:
        """The bundled catalog is in: the search's index read again when it brought new versions, and the guide on
        screen shown anew if it is one of them; :attr:`catalog_ready` once that is done."""
        self.statusBar().clearMessage()
        if result.new_versions:
            self.load_index(then=partial(self._synced, result))
            return
        self._synced(result)

    def _synced(self, result: BundledSync) -> None:
        """The sync's end said; :attr:`catalog_ready` once the guide on screen, when the sync brought a new version
        of it, is read again and shown (its read's answer, called back): whoever waits on the signal then finds the
        new version on screen, never the old one it replaced."""
        self.show_catalog_problems(result.problems)
        if result.new_versions:
            self.statusBar().showMessage(words.DESK_STATUS_SYNC_DONE.format(count=len(result.new_versions)), 8000)
            current = self.current_bundle
            if current is not None and current.code in result.new_versions:
                self._after_guide += (partial(self.catalog_ready.emit, True),)
                self.on_bundle_chosen(current.code)
                return
        self.catalog_ready.emit(True)

    def show_catalog_problems(self, problems: tuple[Problem, ...]) -> None:
        """The banner naming each bundled file that was skipped, and why."""
        if problems:
            title = words.DESK_BANNER_TITLE.format(count=len(problems))
            from counter.words.catalog_problems import problem_text

            self.banner.show_message(title, [problem_text(p) for p in problems])

    def on_sync_failed(self, cause: str) -> None:
        self.statusBar().showMessage(words.DESK_STATUS_SYNC_FAILED)
        self.banner.show_message(words.DESK_BANNER_SYNC_FAILED.format(cause=cause))
        self.catalog_ready.emit(False)

    def on_bundle_chosen(self, code: str) -> None:
        self._guide_asked = code
        chosen = self._chosen_while_opening(code)
        if chosen is None:
            self._read_guide(code)
            return
        # the warm-up still opens the database (a quick start): the bundle's name at once, and the guide read in a
        # later turn of the event loop, so that Enter's key press ends here and F5 pressed behind it opens the intake
        # at once rather than wait for the database with it (counter.ui.warmup.chosen_bundle)
        self.guide_opening = chosen
        self.guide_placeholder.setText(f"{chosen.name}\n\n{words.DESK_GUIDE_OPENING}")
        QTimer.singleShot(0, self, partial(self._read_guide, code))

    def _chosen_while_opening(self, code: str) -> ChosenBundle | None:
        """The bundle ``code`` as the search index holds it, when its guide would wait for the database to open (the
        first guide of a quick start); None when the guide is read at once."""
        if not self.desk_actions.database_opening or self._guide_view is not None:
            return None
        entry = next((e for e in self._entries if e.bundle_code == code), None)
        return ChosenBundle.of(entry) if entry is not None else None

    def _read_guide(self, code: str) -> None:
        """The guide of ``code`` read (called back) and shown, unless another was asked for since; the steps asked
        meanwhile (F5) then go on, on the guide shown."""
        if code != self._guide_asked:
            return
        from counter.service.catalog import READ_GUIDE, GuideAsked

        site_code = self.desk_actions.desk().identity.site_code
        self._guide_reading = code
        # the guide with this site's names for it, in one operation: a hit chosen opens at once
        try:
            asked = GuideAsked(code, site_code)
            read, unread = partial(self._guide_read, code), partial(self._guide_unread, code)
            self.runner.submit(READ_GUIDE, asked, owner=self, answered=read, failed=unread)
        except BaseException:
            self._guide_over(code)
            raise

    def _guide_read(self, code: str, shown: GuideShown | None) -> None:
        try:
            if code == self._guide_asked:
                self._show_guide(shown)
        finally:
            self._guide_over(code)

    def _guide_unread(self, code: str, err: Exception) -> None:
        """The database (the hall server) did not answer: said in the status bar, and the guide shown before taken
        off the screen, so that F5 and the forms act on no guide rather than on one the clerk did not choose.  Any
        other exception is a fault of the program, for the window's error hook (counter.ui.start.unexpected)."""
        self._guide_over(code)
        if not isinstance(err, Failed):
            raise err
        if code != self._guide_asked:  # another guide asked since: its own answer is shown
            return
        if self._guide_view is not None:
            self.guide_view.show_empty()
            self.version_label.clear()
        self.statusBar().showMessage(err.message)

    def _guide_over(self, code: str) -> None:
        if self.guide_opening is not None and code == self._guide_asked:
            self.guide_opening = None
            if self._guide_view is None:  # not read: the hint again (a fault is said in the status bar)
                self.guide_placeholder.setText(words.DESK_GUIDE_EMPTY)
        if code == self._guide_reading:
            self._guide_reading = ""
            steps, self._after_guide = self._after_guide, ()
            for step in steps:
                step()

    def _show_guide(self, shown: GuideShown | None) -> None:
        if shown is None:
            self.guide_view.show_empty()
            self.statusBar().showMessage(words.DESK_GUIDE_NOT_FOUND, 5000)
            self.version_label.clear()
            return
        stored = shown.stored
        self.guide_view.show_bundle(stored.bundle, stored.version, shown.deciders, shown.site, received=shown.received)
        self.version_label.setText(words.DESK_STATUS_VERSION.format(version=stored.version))

    def on_find(self) -> None:
        self.search_panel.box.setFocus()
        self.search_panel.box.selectAll()

    # --- hall mode: accounts -----------------------------------------------------------

    def on_signed_in(self, sign_in: SignInController) -> None:
        """Someone signed in: they act from now on, and see the buttons their roles allow."""
        from counter.access.roles import Permission
        from counter.ui.signin.controller import roles_text

        actor = sign_in.actor
        assert actor is not None
        self.sign_in = sign_in
        self.desk_actions.sign_in_as(actor, sign_in.staff_no)
        self.account_label.setText(words.DESK_SIGNED_IN.format(name=actor.name, roles=roles_text(actor)))
        if self.lock_button.isHidden():
            self.statusBar().addPermanentWidget(self.account_label)
            self.statusBar().addPermanentWidget(self.lock_button)
        self.account_label.show()
        self.lock_button.show()
        may = actor.may
        self.intake_button.setVisible(may(Permission.TAKE_INTAKE))
        self.pad_button.setVisible(may(Permission.SEND_TO_PAD))
        self.guide_notice_button.setVisible(may(Permission.PRINT))
        self.forms_button.setVisible(may(Permission.PRINT))
        self.supervise_button.setVisible(may(Permission.RECTIFY) or may(Permission.SEE_FIGURES))
        self.projects_button.setVisible(may(Permission.AGENT_SERVICE))

    def on_signed_out(self) -> None:
        """The account left (换人登录): its windows close, the intake in progress stays the desk's draft."""
        self.desk_actions.close_work()
        self.desk_actions.sign_in_as(None, "")
        self.hide()

    def on_lock_requested(self) -> None:
        """Ctrl+L: the clerk leaves the desk for a moment."""
        if self.sign_in is not None:
            self.sign_in.lock()

    def wait_for_sync(self) -> None:
        """Let a running import finish: it commits in one transaction, better whole than cut."""
        if self._sync is not None and self._sync.isRunning():
            self._sync.wait()

    def ask_before_quitting(self) -> QMessageBox:
        """Alt+F4 or the title bar's button: the clerk confirms first (:mod:`counter.ui.mainwindow.quit_question`)."""
        if self.quit_question is None:
            from counter.ui.mainwindow.quit_question import quit_question

            self.quit_question = quit_question(self, self.quit_agreed)
        self.quit_question.open()
        return self.quit_question

    def quit_agreed(self) -> None:
        """The clerk said 退出: the window closes without asking again."""
        self._quit_agreed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.spontaneous() and not self._quit_agreed and self.isVisible():
            event.ignore()  # the window system's close: the clerk's key or click, asked about first
            self.ask_before_quitting()
            return
        self.desk_actions.stop()
        self.wait_for_sync()
        super().closeEvent(event)
