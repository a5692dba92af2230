"""The sync page: send a package, take one in, see what is pending and what waits for review.

A township sends its cases to the hall and takes the hall's updates back; a
hall takes townships' cases in and sends each its updates.  Either way a
package is a file (a USB stick, a network share): the page asks where, submits the operation (``sync.export_package``,
``sync.import_package``) to the runner's workers with a busy bar, and says in one line what came of it once it
answers on the window's thread: the operation answers once, at its end, so the bar shows the work going on, not how
far it is.
A rejected package changes nothing, and the page says why.

A site nobody has set up is asked about first (:mod:`counter.ui.sync.site_form`):
an administrator sets its kind, code, name, office and this desk's number and
clerk in one step that also gives this desk the code and loads a catalog if
there is none; anyone else is told to fetch one.  Once set up the page shows this site's card and registers the other
side's (:mod:`counter.ui.sync.site_card_box`).  Everything sits in a scroll
area, so the page fits a 1024×768 screen whatever it shows.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.case.moments import local_moment
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Busy, Failed, Runner
from counter.ui.keyboard.escape import close_on_escape
from counter.ui.keyboard.focus import first_control
from counter.ui.look.text_size import scaled
from counter.ui.sync import words
from counter.ui.sync.held_lists import COLUMN_MOST as COLUMN_MOST  # noqa: PLC0414 - the page's name, kept
from counter.ui.sync.held_lists import local_minute, read_only_table, show_held, show_review
from counter.ui.sync.site_card_box import SiteCardBox
from counter.ui.sync.site_form import SetUpRequest, SiteForm
from counter.ui.widgets.plain_text import plain_label
from counter.words.files import file_fault
from counter.words.office import paper_blanks_lines
from counter.words.punctuation import CLAUSE_JOIN
from counter.words.sites import SITE_KIND, key_problem_text, site_problem_text
from counter.words.sync import (
    SENT_SEAL_CHANGED,
    SYNC_IMPORTED,
    SYNC_REPLAYED,
    exported_text,
    package_rejected,
    sync_not_possible,
)

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.service.operation import Operation
    from counter.service.sync import ExportedData
    from counter.sync.exchange import ExportedFiles, ImportReport
    from counter.sync.site_view import ShownSite, SiteSetUpDone, SiteState
    from counter.sync.sites import Peer
    from counter.sync.status import HeldAtHall, ReviewItem, SyncStatus
    from counter.sync.status import SyncPage as SyncPageRead

log = logging.getLogger(__name__)

Req = TypeVar("Req")
Res = TypeVar("Res")

Clock = Callable[[], dt.datetime]


#: the kinds of peer each kind of site chooses among to send to: a hall its townships (their updates) and its league
#: (its cases), a league its halls (its acknowledgement); a township sends to its one hall, chosen for it
_SENDS_TO_SEVERAL = {"hall": ("township", "league"), "league": ("hall",)}


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class SyncPage(QWidget):
    site_set_up = Signal(object)  # SiteSetUp: this desk's site code and name changed

    def __init__(
        self,
        runner: Runner,
        desk: Desk,
        clock: Clock = _utc_now,
        parent: QWidget | None = None,
        catalog_folder: Path | None = None,
    ) -> None:
        """``catalog_folder`` is the catalog a set-up loads into a database that has none (the bundled one)."""
        super().__init__(parent)
        self._runner = runner
        self._desk = desk
        self._clock = clock
        self._catalog_folder = catalog_folder
        self.working = False  # an export, an import or a set-up has been asked and not answered yet
        self.setWindowTitle(words.SYNC_TITLE)
        self.escape_shortcut = close_on_escape(self)
        self.site = plain_label(wrap=True)
        self.site.setStyleSheet(scaled("font-size: 16px; font-weight: bold;"))
        self.site_form = SiteForm(ask_clerk=not desk.actor.signed_in)  # with accounts, the account is the clerk
        self.setup_needed = plain_label(words.SETUP_NEEDS_ADMIN, wrap=True)
        self.setup_needed.setStyleSheet("color: #8a4b08; font-weight: bold;")
        self.card_box = SiteCardBox(runner, desk)
        self.out_text = plain_label(wrap=True)
        self.to_site = QComboBox()
        self.last_export = plain_label()
        self.pending = plain_label(wrap=True)
        self.export_button = QPushButton(words.SYNC_EXPORT_BUTTON)
        self.last_import = plain_label()
        self.import_button = QPushButton(words.SYNC_IMPORT_BUTTON)
        self.progress = QProgressBar()
        self.progress.hide()
        self.result = plain_label(wrap=True)
        self.review = read_only_table(words.SYNC_REVIEW_COLUMNS)
        self.review.setMinimumHeight(180)  # in the scroll area: a few rows always show
        self.review_empty = plain_label(words.SYNC_REVIEW_EMPTY)
        self.held = read_only_table(words.SYNC_HELD_COLUMNS)  # a township's records its hall did not take in
        self.held_box = QGroupBox(words.SYNC_HELD_TITLE)
        self.scroll_area = QScrollArea()
        self.sync_parts: tuple[QWidget, ...] = ()
        self._lay_out()
        self._connect_signals()
        self.status: SyncStatus | None = None
        self.state: SiteState | None = None
        self._setting_up: SetUpRequest | None = None  # the set-up on the worker, if one is
        self._after_refresh = ""
        self._unread_said = ""  # the failed read said in the result line, taken back once a read answers
        self._form_filled = False  # the form starts from the site's state once, not at every read
        self._reads = 0  # the page's reads asked and not answered yet
        self._focus_after_read = False  # the keyboard was put on the page while it was being read

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
        text = plain_label(words.SYNC_IN_TEXT, wrap=True)
        into.addWidget(text)
        into.addWidget(self.last_import)
        into.addStretch(1)
        into.addWidget(self.import_button)
        boxes = QWidget()
        sides = QHBoxLayout(boxes)
        sides.setContentsMargins(0, 0, 0, 0)
        sides.addWidget(out_box, 1)
        sides.addWidget(in_box, 1)
        review_box = QGroupBox(words.SYNC_REVIEW_TITLE)
        review = QVBoxLayout(review_box)
        review.addWidget(self.review_empty)
        review.addWidget(self.review)
        self.sync_parts = (self.card_box, boxes, review_box)
        QVBoxLayout(self.held_box).addWidget(self.held)
        self.held_box.hide()  # until a read finds some
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.site)
        layout.addWidget(self.site_form)
        layout.addWidget(self.setup_needed)
        layout.addWidget(self.card_box)
        layout.addWidget(boxes)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.held_box)
        layout.addWidget(review_box, 1)
        layout.addStretch(0)  # takes the space only while the review list (stretch 1) is hidden: the form stays on top
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    def _connect_signals(self) -> None:
        self.export_button.clicked.connect(self.on_export_clicked)
        self.import_button.clicked.connect(self.on_import_clicked)
        self.site_form.submitted.connect(self.on_set_up_requested)
        self.card_box.registered.connect(self.on_registered)

    # --- reading ---------------------------------------------------------------------

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """What the page shows, read again: the set-up form, or the site, the last syncs, pending, the review list;
        ``then`` once it is shown."""
        from counter.service.requests import Nothing
        from counter.service.sync import READ_PAGE

        # a write: the first look at this site's settings may store its defaults
        self._reads += 1
        try:
            self._runner.submit(READ_PAGE, Nothing(), self._desk, words.SYNC_DB_FAILED, owner=self,
                                answered=partial(self._show_page, then), failed=self._not_read)  # fmt: skip
        except Busy:  # read already: the page is drawn from that read's answer
            self._reads -= 1
            log.info("sync page read already running")

    def _not_read(self, err: Exception) -> None:
        self._reads -= 1
        if not isinstance(err, Failed):
            raise err
        self._say(err.message, error=True)
        self._unread_said = err.message

    def _show_page(self, then: Callable[[], None] | None, page: SyncPageRead) -> None:
        self._reads -= 1
        if self._unread_said and self.result.text() == self._unread_said:  # a sync's own result stays
            self._say("")
        self._unread_said = ""
        state = page.state
        self.state = state
        if page.shown is None or page.status is None:
            self._show_set_up(state)
        else:
            self._show_sync(page.shown, page.status, page.peers, page.reviews, page.held)
        if self._focus_after_read and not self._reads:
            self.focus_first()
        if then is not None:
            then()

    def focus_first(self) -> None:
        """The keyboard in the set-up form's first field, or on the page's first action; asked while the page is
        read, again once it is drawn (what it shows first may be the form, or the site)."""
        self._focus_after_read = self._reads > 0
        if self.site_form.isVisibleTo(self):
            self.site_form.focus_first()
            return
        control = first_control(self)
        if control is not None:
            control.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_set_up(self, state: SiteState) -> None:
        """No site yet: the form for an administrator, a word for anyone else; nothing to sync."""
        admin = self._desk.actor.may(Permission.CHANGE_SETTINGS)
        for part in (self.site, *self.sync_parts, self.held_box):
            part.hide()
        self.setup_needed.setVisible(not admin)
        self.site_form.setVisible(admin)
        if admin and not self._form_filled:  # read again after a failed set-up: what was typed stays
            self.site_form.start_from(state)
            self.site_form.focus_first()
            self._form_filled = True

    def _show_sync(
        self,
        shown: ShownSite,
        status: SyncStatus,
        others: tuple[Peer, ...],
        items: tuple[ReviewItem, ...],
        held: tuple[HeldAtHall, ...],
    ) -> None:
        self._form_filled = False
        self.site_form.hide()
        self.setup_needed.hide()
        for part in (self.site, *self.sync_parts):
            part.show()
        self.status = status
        site = shown.identity
        kind = str(site.kind)
        self.site.setText(words.SYNC_SITE.format(name=site.name, code=site.code, kind=SITE_KIND.get(kind, kind)))
        self.card_box.show_site(shown, others, self._desk)
        hall = kind in _SENDS_TO_SEVERAL  # a hall and a league choose whom to send to; a township has its one hall
        self.out_text.setText(words.SYNC_OUT.get(kind, words.SYNC_OUT_TOWNSHIP))
        self.to_site.clear()
        for peer in others:
            if str(peer.kind) in _SENDS_TO_SEVERAL.get(kind, ("hall",)):
                self.to_site.addItem(words.SYNC_PEER.format(name=peer.name, code=peer.code), peer.code)
        self.to_site.setVisible(hall)
        self.export_button.setEnabled(self.to_site.count() > 0)
        if self.to_site.count() == 0:
            self._say(words.SYNC_NO_PEER, error=True)
        self.last_export.setText(words.SYNC_LAST_EXPORT.format(at=local_minute(status.last_export_at)))
        self.last_import.setText(words.SYNC_LAST_IMPORT.format(at=local_minute(status.last_import_at)))
        if hall:
            self.pending.hide()
        elif status.pending_cases and status.pending_since is not None:
            self.pending.setText(
                words.SYNC_PENDING.format(count=status.pending_cases, since=local_minute(status.pending_since))
            )
            self.pending.show()
        else:
            self.pending.setText(words.SYNC_NOTHING_PENDING)
            self.pending.show()
        show_review(self.review, self.review_empty, items)
        show_held(self.held, self.held_box, held)

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
        return f"{code}-{local_moment(self._clock()):%Y%m%d-%H%M}.sync"  # the desk's day and time, as it reads them

    def export_to(self, path: Path) -> None:
        """Write the package to ``path``; the page says what was written.

        A desk on its own database writes the files inside the export's transaction, so one that fails or is killed
        takes no package number.  A hall desk on the server cannot: the server alone holds the site's keys and the
        files are the desk's, so the server signs and numbers the packages and gives them back, and the desk writes
        them (asked again under its key, the server gives back the same packages).
        """
        from counter.service.sync import EXPORT_DATA, EXPORT_PACKAGE, ExportData, ExportPackage

        to_site = self.to_site.currentData() if self.to_site.isVisible() else None
        if getattr(self._runner.service, "remote", None) is None:  # not a hall desk (counter.ui.door.hall_desk)
            self._start(EXPORT_PACKAGE, ExportPackage(path, to_site), self.on_exported)
        else:
            self._start(EXPORT_DATA, ExportData(to_site), partial(self._write_given, path))

    def _write_given(self, path: Path, given: ExportedData) -> None:
        """The packages the hall server signed and numbered, written where the clerk chose."""
        from counter.sync.exchange import ExportedFiles, PackageFileFailed
        from counter.sync.package_files import write_series

        try:
            paths = write_series(path, given.packages)
        except OSError as err:  # worded as the desk's own export's; the server keeps the packages under the key
            self.on_failed(PackageFileFailed(path, err.errno or 0))
            return
        count = len(given.packages)
        made = ExportedFiles(
            given.export_no, count, given.to_site, given.records, tuple(paths), given.sent_seal_changed
        )
        self.on_exported(made)

    def import_from(self, path: Path) -> bool:
        """Take the package at ``path`` in; False when its file was refused before anything was asked."""
        from counter.service.sync import IMPORT_PACKAGE, ImportPackage
        from counter.sync.package import PackageRejected, read_package_file

        try:
            data = read_package_file(path)  # a file beyond the limit is refused before it is read
        except OSError as err:
            self._say(words.SYNC_FILE_FAILED.format(fault=file_fault(err)), error=True)
            return False
        except PackageRejected as err:
            self._say(words.SYNC_FAILED.format(reason=package_rejected(err.code, err.earlier)), error=True)
            return False
        self._start(IMPORT_PACKAGE, ImportPackage(data), self.on_imported)
        return True

    def on_set_up_requested(self, request: object) -> None:
        assert isinstance(request, SetUpRequest)
        self.set_up(request)

    def set_up(self, request: SetUpRequest) -> None:
        """Set the site up: a catalog loaded into an empty database takes a second or two."""
        from counter.resources import bundled_catalog_dir
        from counter.service.site import SET_UP, SetUpSite

        folder = self._catalog_folder or bundled_catalog_dir()
        asked = SetUpSite(request.code, request.name, request.kind, folder, request.office, request.desk)
        self.site_form.set_busy(True)
        self._setting_up = request
        self._start(SET_UP, asked, self.on_set_up)

    def _start(self, op: Operation[Req, Res], request: Req, on_done: Callable[[Res], None]) -> None:
        """``op`` submitted with the page busy: what it answers, or why it failed, said once it ends; refused while
        the page's last one runs (its buttons are off then: a step asked all the same is said, and not taken)."""
        if self.working:
            self.on_failed(Busy(self._runner.running))
            return
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy: the operation answers once, at its end
        self.progress.show()
        self._say(words.SYNC_WORKING)
        self.working = True

        def done(answer: Res) -> None:
            on_done(answer)
            self.on_finished()

        def failed(err: Exception) -> None:
            self.on_failed(err)
            self.on_finished()

        self._runner.submit_step(op, request, self._desk, words.SYNC_DB_FAILED, owner=self, answered=done,
                                 failed=failed)  # fmt: skip

    # --- slots -----------------------------------------------------------------------

    def on_exported(self, result: ExportedFiles) -> None:
        made = result
        paths = [str(p) for p in result.paths]
        said = exported_text(made.export_no, made.count, made.to_site, made.records, paths)
        if made.sent_seal_changed is not None:
            self._say(f"{said}\n{SENT_SEAL_CHANGED.format(no=made.sent_seal_changed)}", error=True)
            return
        self._say(said)

    def on_imported(self, result: ImportReport) -> None:
        template = SYNC_REPLAYED if result.replayed else SYNC_IMPORTED
        self._say(template.format(from_site=result.from_site, export_no=result.export_no, applied=result.applied,
                                  unchanged=result.unchanged, held=result.held))  # fmt: skip

    def on_set_up(self, result: SiteSetUpDone) -> None:
        """The site is set up: this page and the desk act under its code from now on."""
        site = result.identity
        self._desk = result.desk
        done = [words.SETUP_DONE.format(name=site.name, code=site.code, kind=SITE_KIND[site.kind.value])]
        if result.catalog_loaded:
            done.append(words.SETUP_CATALOG.format(count=len(result.catalog_versions)))
        done += paper_blanks_lines(result.blanks, named=False)  # the departments named on the 单位信息 page
        self._after_refresh = "\n".join(done)
        log.info("site set up as %s (%s)", site.code, site.kind.value)
        self.site_set_up.emit(result)

    def on_registered(self, code: str) -> None:
        self.refresh()

    def _set_up_failure(self, err: object, request: SetUpRequest) -> str | None:
        """Why the set-up did not happen, where only a set-up fails so; the problems also go beside the fields."""
        from counter.sync.site_faults import SiteFileFailed, SiteRefused

        if isinstance(err, SiteRefused):
            self.site_form.show_problems(err.codes, request.code)
            return CLAUSE_JOIN.join(site_problem_text(problem, request.code) for problem in err.codes)
        if isinstance(err, SiteFileFailed):  # the file named to support, never to the clerk
            log.warning("site set-up: %s not written: %s", err.path, err.strerror or err.errno)
            return words.SETUP_FILE_FAILED.format(fault=file_fault(err.os_error()))
        return None

    def on_failed(self, err: object) -> None:
        request = self._setting_up
        reason = self._set_up_failure(err, request) if request is not None else None
        log.warning("sync not done: %s", type(err).__name__)
        self._say(words.SYNC_FAILED.format(reason=reason or self._reason(err)), error=True)

    @staticmethod
    def _reason(err: object) -> str:  # noqa: PLR0911 (one answer per kind of failure, read top to bottom)
        from counter.sync.exchange import PackageFileFailed, SyncNotPossible
        from counter.sync.keys import KeyUnreadable
        from counter.sync.package import PackageRejected

        if isinstance(err, SyncNotPossible):
            return sync_not_possible(err.problem, err.site)
        if isinstance(err, KeyUnreadable):
            return key_problem_text(err.reason, str(err.path), err.encryption)
        if isinstance(err, PackageRejected):
            return package_rejected(err.code, err.earlier)
        if isinstance(err, NotPermitted | Failed):
            return refusal_text(err)
        if isinstance(err, PackageFileFailed):
            return words.SYNC_FILE_FAILED.format(fault=file_fault(err.os_error()))
        if isinstance(err, OSError):
            return words.SYNC_FILE_FAILED.format(fault=file_fault(err))
        # the class name and the detail are for support: the clerk reads a sentence
        log.error("sync failed: %r", err, exc_info=err if isinstance(err, BaseException) else None)
        return words.SYNC_UNEXPECTED

    def on_finished(self) -> None:
        self.working = False
        self.progress.hide()
        self.import_button.setEnabled(True)
        self.site_form.set_busy(False)
        self._setting_up = None
        self.refresh(self._said_after)

    def _said_after(self) -> None:
        if self._after_refresh:  # a set-up's result, not the hint refresh gives a site with no peers yet
            self._say(self._after_refresh)
            self._after_refresh = ""
            self.card_box.export_button.setFocus()

    def _say(self, text: str, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {'#b42318' if error else '#1d5c2e'};")
