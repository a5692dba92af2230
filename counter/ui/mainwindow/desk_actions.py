"""What the main window can start: an intake (:mod:`counter.ui.mainwindow.desk_intake`), the case lists, a case by
number, a scan, the review pad and the supervisor's pages, 帮您办, the sync page, the text size.

The case pages need the database (and SQLAlchemy): imported here on first use, not at start.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget
from shiboken6 import isValid

from counter.intake.flow import NoCaseYet, Rate, RateAsked
from counter.ui import words
from counter.ui.door.runner import Failed, Runner, failures_to, logged_only
from counter.ui.keyboard.focus import bring_forward
from counter.ui.look.geometry import fit_to_screen
from counter.ui.mainwindow.asked_papers import AskedPapers
from counter.ui.mainwindow.desk_intake import DeskIntake
from counter.ui.signin.stay import STAYS_WHEN_LOCKED
from counter.ui.widgets.plain_text import plain_box

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.access.roles import Actor, Permission
    from counter.case.case_lists import DayLists
    from counter.intake.draft import IntakeDraft
    from counter.ui.cases import CaseDesk
    from counter.ui.intake import IntakePanel
    from counter.ui.mainwindow.desk_identity import IdentityLabel
    from counter.ui.mainwindow.text_size_dialog import TextSizeDialog
    from counter.ui.pad.controller import PadController
    from counter.ui.pad.supervisor_window import SupervisorWindow
    from counter.ui.projects.window import ProjectsWindow
    from counter.ui.sync.pending_label import PendingLabel
    from counter.ui.sync.sync_page import SyncPage
    from counter.ui.warmup.intake_opening import IntakeOpening

log = logging.getLogger(__name__)

SUPERVISION_SIZE = (1100, 700)  # preferred sizes at 100 % text (counter.ui.look.geometry)
SYNC_SIZE = (1000, 680)
PROJECTS_SIZE = (1200, 760)
#: what F9 finds on the screen in an intake not committed yet: it has no case to rate
OPEN_INTAKE = "\0open intake"


class DeskActions(DeskIntake):
    """What the desk's keys and menus start, each opened once and brought forward again; the intake's own part is
    :class:`counter.ui.mainwindow.desk_intake.DeskIntake`."""

    # the database is open (from any thread: a queued signal): what needs it at the start may ask now
    database_open = Signal()
    # the start's own work is over, the database warmed up or its warm-up failed (from any thread): the review pad
    # and the offer of a draft start now, after the window has painted and without SQLAlchemy's import on its thread
    start_settled = Signal()
    # the warm-up found the database file damaged (from its thread, with the file's path): said instead of
    # start_settled, which the clerk's answer then gives
    database_damaged = Signal(str)

    def __init__(self, window: QWidget, runner: Runner, today: Callable[[], dt.date], training: bool = False) -> None:
        """``training``: a training desk (``counter --today``), where a trainee stands in for a clerk not named."""
        super().__init__(window)
        self._window = window
        self.runner = runner
        self.today = today
        self.training = training
        self._cases: CaseDesk | None = None
        self._drafts: dict[str, IntakeDraft] = {}
        self.intake: IntakePanel | None = None
        self.opening: IntakeOpening | None = None  # the intake shown at F5 while the database still opens
        self.database_opening = False  # a quick start's warm-up opens it: F5 shows the intake at once (intake_opening)
        for over in (self.start_settled, self.database_damaged):
            over.connect(self._warmed_up)
        self.pad: PadController | None = None
        self.supervisor: SupervisorWindow | None = None
        self.last_case_no = ""  # the service the pad is offered for with F9
        self.papers = AskedPapers(window, runner, self.desk, self._say)  # Ctrl+P, Ctrl+Shift+P
        self.actor: Actor | None = None  # the signed-in account (hall mode); None: the single desk
        self.sync_page: SyncPage | None = None
        self._pending: PendingLabel | None = None
        self._identity: IdentityLabel | None = None
        self.staff_no = ""
        self.text_size: TextSizeDialog | None = None
        self.case_no_dialog: QInputDialog | None = None
        self.projects: ProjectsWindow | None = None  # 帮您办 (F4)

    def desk(self) -> Desk:
        """Who acts and where, as every action wants it: the desk and the account signed in now.

        A signed-in account's name and staff number are shown and printed instead of the file's.
        """
        from counter.access.roles import SINGLE_DESK
        from counter.host.machine.desk_at import desk_at
        from counter.host.machine.desk_config import load_desk_config

        return desk_at(load_desk_config(), self.actor or SINGLE_DESK, self.staff_no, training=self.training)

    def sign_in_as(self, actor: Actor | None, staff_no: str) -> None:
        """From now on the actions act as ``actor``; the pad shows their name."""
        self.actor, self.staff_no = actor, staff_no
        if self.pad is not None:
            self.pad.change_desk(self.desk())
        self.refresh_identity()

    def close_work(self) -> None:
        """The account signs out: its windows close (an open intake is kept as the desk's draft)."""
        if self.intake is not None:
            self.intake.close_keeping_draft()  # nobody is there to answer whether to close it
        for window in self._window.findChildren(QWidget):
            if window.isWindow() and not window.property(STAYS_WHEN_LOCKED):
                window.close()
        self.intake = None
        self._cases = None
        self.supervisor = None
        self.sync_page = None
        self.papers.preview = None
        self.projects = None

    def _may(self, permission: Permission) -> bool:
        """Whether the account signed in may do this; if not, says so (the action would refuse it too)."""
        actor = self.desk().actor
        if actor.may(permission):
            return True
        from counter.words.access import not_permitted

        # the window signs an account in wherever accounts exist: nobody signed in here is the desk without accounts
        self._say(not_permitted(permission, actor.signed_in, single_desk=not actor.signed_in))
        return False

    def _say(self, text: str) -> None:
        box = plain_box(QMessageBox(QMessageBox.Icon.Information, words.DESK_WINDOW_TITLE, text, parent=self._window))
        box.setModal(False)
        box.show()

    def cases(self) -> CaseDesk:
        if self._cases is None:
            from counter.ui.cases import CaseDesk

            self._cases = CaseDesk(self._window, self.runner, self.desk(), self.today)
            self._cases.resubmit_requested.connect(self.on_resubmit_requested)
            self._cases.served.connect(self.on_case_served)
        return self._cases

    # --- the review pad and the supervisor's pages -----------------------------------

    def start_pad(self) -> PadController:
        """The pad, idle on the desk's second screen (or, with one screen, out of the clerk's way until F9)."""
        from counter.host.machine.desk_config import load_desk_config
        from counter.ui.pad.controller import PadController

        config = load_desk_config()
        self.pad = PadController(self.runner, self.desk(), pad_screen=config.pad_screen, mode=config.pad_placement(),
                                 keyboard=config.pad_has_keyboard(), language=config.pad_language,
                                 voice=config.pad_speaks(),
                                 desk_window=self._window, parent=self)  # fmt: skip
        for window in self.pad.windows():
            window.setProperty(STAYS_WHEN_LOCKED, True)
        self.pad.start()  # which says where it is, once placed
        return self.pad

    def check_alerts(self) -> None:
        """Take in bad ratings opened at any desk since the last look (for the supervisor's alert)."""
        if self.pad is None:
            return
        try:
            self.pad.alerts.check(self.runner, self.desk())  # a timer's look: after the clerk's step, if one runs
        except Exception:  # the next look tries again; the 督办 page lists them all anyway
            log.exception("could not look for new rectifications")

    def send_to_pad(self) -> None:
        """F9: the applicant rates the service on the clerk's screen: the case whose page is the active window (one
        opened from F6 for the applicant at the window, whatever the desk took last), the intake just committed; from
        any other window, the case taken, scanned or opened with F7 last; after a restart, the last case this desk
        took today (the applicant served before a crash is still asked), read and then sent.  An intake still open
        and not committed has no case yet: said, nothing sent.  One already rated is refused by the pad, and said so.
        """
        shown = self._case_on_screen()
        if shown is OPEN_INTAKE:
            self._say(words.DESK_PAD_INTAKE_OPEN)
            return
        if shown:
            self._send_case(shown)
            return
        if self.last_case_no:
            self._send_case(self.last_case_no)
            return
        from counter.service.cases import DAY_LISTS
        from counter.service.requests import Nothing

        self.runner.submit(DAY_LISTS, Nothing(), self.desk(), owner=self, answered=self._last_taken_today,
                           failed=failures_to(self._day_unread))  # fmt: skip

    def _case_on_screen(self) -> str:
        """The case of the window the clerk works in (the active one): a case page's, the intake's once committed,
        :data:`OPEN_INTAKE` for one not committed; "" for any other window (the desk's, a list)."""
        active = QApplication.activeWindow()
        if active is None:
            return ""
        pages = sys.modules.get("counter.ui.cases.case_page")  # no case page was ever opened before it is loaded
        if pages is not None and isinstance(active, pages.CasePage):
            return str(active.case_no)
        intake = self.intake
        if intake is None or not isValid(intake) or active is not intake.window():
            return ""
        for effect in intake.dispatch(RateAsked()):  # the intake's flow says which case, or why none
            if isinstance(effect, Rate):
                return effect.case_no
            if isinstance(effect, NoCaseYet):
                return OPEN_INTAKE
        return ""

    def _last_taken_today(self, lists: DayLists) -> None:
        """The newest case this desk took today sent, or said that there is none."""
        self._send_case(self.last_case_no or max((row.case_no for row in lists.of_day), default=""))

    def _day_unread(self, err: Failed) -> None:
        """Today's cases unread: a case taken meanwhile is sent; else the fault is said, not a day without cases."""
        if self.last_case_no:
            self._send_case(self.last_case_no)
            return
        self._say(err.message)

    def _send_case(self, case_no: str) -> None:
        if not case_no:
            self._say(words.DESK_PAD_NO_CASE)
            return
        self.last_case_no = case_no
        pad = self.pad or self.start_pad()
        pad.send_case(case_no)

    def end_pad(self) -> None:
        """Shift+F9: the rating on the pad ends now, as its time running out would (the applicant walked off), or
        the thanks go; the keys that end it are the desk's, the pad never having them."""
        if self.pad is not None:
            self.pad.pad.on_escape()

    def on_case_served(self, case_no: str) -> None:
        self.last_case_no = case_no

    def open_supervision(self) -> None:
        from counter.access.roles import Permission
        from counter.ui.pad.supervisor_window import SupervisorWindow

        desk = self.desk()
        supervising = (Permission.RECTIFY, Permission.SEE_FIGURES, Permission.CHANGE_SETTINGS)
        if not any(desk.actor.may(p) for p in supervising):
            self._may(Permission.RECTIFY)  # says why nothing opens
            return
        if self.supervisor is None:
            alerts = self.pad.alerts if self.pad else None
            self.supervisor = SupervisorWindow(
                self.runner, desk.clerk, alerts=alerts, site_code=desk.identity.site_code, desk=desk
            )
            self.supervisor.items.case_chosen.connect(self.on_case_no_given)  # an item's case, opened
            self.supervisor.office.saved.connect(self.refresh_identity)  # a township's own office at last
            self.supervisor.desk_form.saved.connect(self.on_desk_changed)  # 本窗口: its clerk, number, photo
            if self.pad is not None:
                self.supervisor.settings.saved.connect(self.pad.on_settings_saved)
                self.supervisor.desk_pad.saved.connect(self.pad.apply)
            fit_to_screen(self.supervisor, SUPERVISION_SIZE)
        self.supervisor.refresh()  # the newest rectifications; the alert counts as seen
        bring_forward(self.supervisor, self.supervisor)
        self.supervisor.focus_page()

    # --- 帮您办 (counter.ui.projects) -----------------------------------------------------

    def open_projects(self) -> None:
        """F4: the 帮您办 window, the agent's day read afresh; the desk's date (training's too) with the time now."""
        from counter.access.roles import Permission

        if not self._may(Permission.AGENT_SERVICE):
            return
        from counter.ui.projects.window import ProjectsWindow

        if self.projects is None:
            now = partial(_now_on, self.today)
            self.projects = ProjectsWindow(self.runner, self.desk(), now, parent=self._window)
            self.projects.setWindowFlag(Qt.WindowType.Window)
            fit_to_screen(self.projects, PROJECTS_SIZE)
        self.projects.refresh()
        bring_forward(self.projects, self.projects.day.table)

    # --- sync with the hall (counter.ui.sync) -------------------------------------------

    def open_sync(self) -> None:
        """F10: the sync page, read afresh (the set-up form, on a site nobody has set up)."""
        from counter.ui.sync.sync_page import SyncPage

        if self.sync_page is None:
            self.sync_page = SyncPage(self.runner, self.desk(), parent=self._window)
            self.sync_page.setWindowFlag(Qt.WindowType.Window)
            self.sync_page.site_set_up.connect(self.on_site_set_up)
            fit_to_screen(self.sync_page, SYNC_SIZE)
        self.sync_page.refresh()
        bring_forward(self.sync_page, self.sync_page)
        self.sync_page.focus_first()

    def offer_site_set_up(self) -> None:
        """At the start of a site nobody has set up, the F10 set-up form comes up by itself.

        Otherwise the desk would go on as the hall the program makes at first use, and a township's cases would
        carry the hall's code; the form (or, for a clerk, the notice to fetch an administrator) says so at once.
        """
        from counter.service.intake import SITE_SET_UP
        from counter.service.requests import Nothing

        # a state not read is no step of the clerk's: F10 names the problem when opened
        self.runner.submit(SITE_SET_UP, Nothing(), self.desk(), owner=self, answered=self._set_up_or_not,
                           failed=logged_only)  # fmt: skip

    def _set_up_or_not(self, done: bool) -> None:
        if not done:
            self.open_sync()

    def on_site_set_up(self, _done: object = None) -> None:
        """The site's code is now this desk's: what holds the old desk takes the new one, or is made again."""
        desk = self.desk()
        if self.pad is not None:
            self.pad.change_desk(desk)
        if self.supervisor is not None:  # its office settings are the site's, by code
            self.supervisor.close()
            self.supervisor = None
        self._cases = None  # the next list or case opens under the new code
        self.refresh_pending()
        self.refresh_identity()

    def on_desk_changed(self, _changed: object = None) -> None:
        """This desk's clerk, number or photo changed (F8 本窗口): the pad and the status bar say it now."""
        if self.pad is not None:
            self.pad.change_desk(self.desk())
        self._cases = None  # a case page acts at the desk as it was when opened: the next one as it is now
        self.refresh_identity()

    # --- this desk's text size -------------------------------------------------------

    def open_text_size(self) -> None:
        """F12: the text size, kept and applied at once (what an open window fixed when it was built waits for it to
        be opened again: :mod:`counter.ui.mainwindow.text_size_dialog`)."""
        from counter.ui.mainwindow.text_size_dialog import TextSizeDialog

        if self.text_size is None:
            self.text_size = TextSizeDialog(self._window)
            self.text_size.finished.connect(self.on_text_size_closed)
        bring_forward(self.text_size, self.text_size.choices[self.text_size.chosen()])

    def on_text_size_closed(self) -> None:
        self.text_size = None

    def pending_label(self) -> PendingLabel:
        from counter.ui.sync.pending_label import PendingLabel

        if self._pending is None:
            self._pending = PendingLabel()
            self._pending.hide()
        return self._pending

    def identity_label(self) -> IdentityLabel:
        from counter.ui.mainwindow.desk_identity import IdentityLabel

        if self._identity is None:
            self._identity = IdentityLabel()
            self._identity.hide()
        return self._identity

    def refresh_identity(self) -> None:
        """The status bar's red line while this desk has no clerk, or a township's office is still the hall's."""
        if self._identity is not None:
            self._identity.refresh(self.runner, self.desk())

    def refresh_pending(self) -> None:
        """The status bar's count of cases not yet at the hall (a township), read again."""
        if self._pending is None:
            return
        try:
            self._pending.refresh(self.runner)
        except Exception:  # the count is a help; the next minute tries again
            log.exception("pending count not read")

    def stop(self) -> None:
        """The window closes: the pad goes with it (a top-level pad would keep the app running)."""
        if self.pad is not None:
            self.pad.stop()
        if self.supervisor is not None:
            self.supervisor.close()

    # --- cases --------------------------------------------------------------------

    def open_lists(self) -> None:
        self.cases().open_lists()

    def ask_case_no(self) -> QInputDialog:
        """F7: the case number, asked in a window of its own with the keyboard in its field (Enter opens it)."""
        if self.case_no_dialog is None:
            # here, not at the top: the lookup's reading of ID and credit codes is not needed before the first F7
            from counter.case.lookup import LOOKBACK_DAYS

            dialog = QInputDialog(self._window)
            dialog.setWindowTitle(words.DESK_OPEN_CASE_TITLE)
            dialog.setLabelText(words.DESK_OPEN_CASE_PROMPT.format(days=LOOKBACK_DAYS))
            dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
            dialog.setModal(False)  # like every dialog of the desk: the lock (Ctrl+L) and the scanner still work
            dialog.textValueSelected.connect(self.on_case_no_given)
            self.case_no_dialog = dialog
        dialog = self.case_no_dialog
        dialog.setTextValue("")
        field = dialog.findChild(QLineEdit)
        bring_forward(dialog, field)
        return dialog

    def on_case_no_given(self, text: str) -> None:
        """F7's answer: a whole number opens its case; the last digits, an ID or phone number, or a name are looked
        for among the recent cases (:mod:`counter.case.lookup`)."""
        from counter.case.lookup import LookupKind, read_lookup

        lookup = read_lookup(text)
        if lookup is None or lookup.kind is LookupKind.CASE_NO:
            if text.strip():  # a number of another shape is still looked up whole, and named if it is not there
                self.cases().open_served(text.strip().upper())
            return
        self.cases().find_cases(text)

    def on_case_scanned(self, case_no: str) -> None:
        self.last_case_no = case_no
        self.cases().open_case(case_no)


def _now_on(today: Callable[[], dt.date]) -> dt.datetime:
    """The time now on the desk's date: a training desk's fixed day keeps its clock."""
    return dt.datetime.combine(today(), dt.datetime.now().time()).astimezone()
