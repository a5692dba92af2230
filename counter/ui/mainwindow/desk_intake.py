"""The desk's part that opens an intake: F5 on the bundle on screen, the form carried into a 补正 answer, the draft
an unfinished intake left, and what follows a case taken or an intake closed.

It stands apart from :class:`counter.ui.mainwindow.desk_actions.DeskActions` because it keeps the one rule the rest of
the desk does not: one intake window at a time per desk (the clerk serves one applicant at a time; the others' forms
wait as drafts, one per applicant, offered in the bar), with the warm-up's window shown at F5 while the database
still opens.  The intake panel needs the
database (and SQLAlchemy): imported here on first use, not at the start.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from counter.ui import words
from counter.ui.door.runner import Failed, Runner, failures_to, logged_only
from counter.ui.keyboard.focus import bring_forward
from counter.ui.warmup.chosen_bundle import ChosenBundle

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.catalog.model import Bundle
    from counter.catalog.stored_guide import StoredGuide
    from counter.intake.draft import IntakeDraft
    from counter.ui.cases import CaseDesk
    from counter.ui.intake import DraftInfo, IntakePanel
    from counter.ui.intake.keys_behind import KeysBehind
    from counter.ui.warmup.intake_opening import IntakeOpening

log = logging.getLogger(__name__)


class DeskIntake(QObject):
    """The intake's part of the desk's actions; the desk gives who acts, where it speaks and its status bar."""

    # the desk's kept drafts changed: an intake closed before its case was taken (its window's close button, Alt+F4)
    # kept its own, a case taken ended its own, the clerk dropped one; the bar reads them again at once, rather than
    # offering what it read before
    drafts_changed = Signal()
    # an intake's case taken, or its window closed: the search that found its bundle is done with, and the next
    # applicant's initials are to replace it
    intake_over = Signal()
    # a kept draft's 恢复 or 放弃 the database (the hall server) could not carry out, or 恢复 while another intake is
    # open: the drafts are offered again as they were, for the clerk to choose once it answers
    draft_kept = Signal()

    _window: QWidget
    runner: Runner
    today: Callable[[], dt.date]
    _cases: CaseDesk | None
    _drafts: dict[str, IntakeDraft]  # the drafts the bar offers, by their intakes' uids
    intake: IntakePanel | None
    opening: IntakeOpening | None
    database_opening: bool
    last_case_no: str
    intake_asked = False  # an intake's guide (or a draft's) is being read: F5 again opens nothing more

    if TYPE_CHECKING:  # what the desk gives

        def desk(self) -> Desk: ...
        def _say(self, text: str) -> None: ...
        def refresh_identity(self) -> None: ...
        def refresh_pending(self) -> None: ...

    def start_intake(
        self, bundle: Bundle | ChosenBundle | None, previous_case_no: str = "", carried: IntakeDraft | None = None
    ) -> None:
        """Open the intake panel for the guide on screen; an unpublished guide is refused.

        An intake still open but already committed has nothing left to lose: it
        makes way for the new one.  One not yet committed is brought forward instead.
        ``carried``: a 补正 answer's form, filled from the case it answers (the service's intake.resubmission).
        What is read for it is called back (:meth:`counter.ui.door.runner.Runner.submit`); F5 again meanwhile opens
        nothing more.
        """
        if self.opening is not None and self.opening.isVisible():  # F5 again while the first one opens
            self.opening.raise_()
            self.opening.activateWindow()
            return
        if self.intake is not None and self.intake.isVisible() and not self.intake.committed:
            self.intake.raise_()
            self.intake.activateWindow()
            self._say(words.DESK_INTAKE_ALREADY_OPEN)
            return
        if self.intake_asked:
            return
        refused = self._cannot_take(bundle)
        if refused or bundle is None:
            self._say(refused)
            return
        self.intake_asked = True
        try:
            self._check_taken(bundle, partial(self._open_intake, bundle, previous_case_no, carried))
        except BaseException:
            self.intake_asked = False
            raise

    def _open_intake(
        self, bundle: Bundle | ChosenBundle, previous_case_no: str, carried: IntakeDraft | None, refused: str
    ) -> None:
        """The bundle may be taken ("" ``refused``): its guide read, and the panel opened with it."""
        if refused:
            self.intake_asked = False
            self._say(refused)
            return
        if (self.database_opening or isinstance(bundle, ChosenBundle)) and carried is None:  # or the guide unread
            self.intake_asked = False
            self._open_while_database_opens(bundle, previous_case_no)
            return
        from counter.service.intake import READ_CURRENT_GUIDE
        from counter.service.requests import BundleCode
        from counter.ui.intake.keys_behind import KeysBehind

        keys = KeysBehind(self)  # the number typed straight after F5 goes to the intake
        self.runner.submit(READ_CURRENT_GUIDE, BundleCode(bundle.code), self.desk(), owner=self,
                           answered=partial(self._guide_read, previous_case_no, carried, keys),
                           failed=partial(self._guide_unread, keys))  # fmt: skip

    def _guide_unread(self, keys: KeysBehind, err: Exception) -> None:
        self.intake_asked = False
        keys.release()
        if not isinstance(err, Failed):
            raise err
        self._say(err.message)

    def _guide_read(
        self, previous_case_no: str, carried: IntakeDraft | None, keys: KeysBehind, stored: StoredGuide | None
    ) -> None:
        try:
            self._open_read(previous_case_no, carried, stored)
        finally:
            intake = self.intake
            keys.release(intake.focusWidget() if intake is not None and intake.isVisible() else None)

    def _open_read(self, previous_case_no: str, carried: IntakeDraft | None, stored: StoredGuide | None) -> None:
        from counter.ui.intake import open_intake, resubmit_intake

        self.intake_asked = False
        if stored is None:
            self._say(words.DESK_GUIDE_NOT_FOUND)
            return
        self._let_go_of_finished_intake()
        if carried is not None and carried.guide_version_id == stored.version_id:
            self.intake = resubmit_intake(self._window, self.runner, self.desk(), stored, carried, self.today)
        else:  # no form to carry (or the guide changed in between): the answer is taken afresh
            self.intake = open_intake(self._window, self.runner, self.desk(), stored, self.today, previous_case_no)
        self.intake.case_taken.connect(self.on_case_taken)
        self.intake.closed.connect(self.on_intake_closed)

    def _warmed_up(self, *_: object) -> None:
        self.database_opening = False

    def _open_while_database_opens(self, bundle: Bundle | ChosenBundle, previous_case_no: str) -> None:
        """F5 while the warm-up still opens the database: the intake's window at once, with what needs no database
        (the bundle's name) and the keyboard in the ID number; the panel once the database answers.

        The guide is read in a later turn of the event loop, so F5's own key press ends here and the window paints.
        """
        from counter.ui.warmup.intake_opening import show_opening

        self._let_go_of_finished_intake()
        opening = show_opening(self._window, bundle.name)
        self.opening = opening
        QTimer.singleShot(0, self, partial(self._fill_opening, opening, bundle.code, previous_case_no))

    def _fill_opening(self, opening: IntakeOpening, code: str, previous_case_no: str) -> None:
        """The panel in the place of ``opening``, read through the runner as F5's is, with what the clerk typed."""
        from counter.service.intake import READ_CURRENT_GUIDE
        from counter.service.requests import BundleCode

        self.runner.submit(READ_CURRENT_GUIDE, BundleCode(code), self.desk(), owner=opening,
                           answered=partial(self._opening_read, opening, previous_case_no),
                           failed=failures_to(partial(self._opening_unread, opening)))  # fmt: skip

    def _opening_unread(self, opening: IntakeOpening, err: Failed) -> None:
        self._end_opening(opening)
        self._say(err.message)

    def _opening_read(self, opening: IntakeOpening, previous_case_no: str, stored: StoredGuide | None) -> None:
        given_up = not opening.isVisible()  # meanwhile (Esc, the account signed out): nothing to open
        if given_up or stored is None:
            self._end_opening(opening)
            if not given_up:
                self._say(words.DESK_GUIDE_NOT_FOUND)
            return
        from counter.ui.intake import open_intake

        self.intake = open_intake(self._window, self.runner, self.desk(), stored, self.today, previous_case_no)
        self.intake.case_taken.connect(self.on_case_taken)
        self.intake.closed.connect(self.on_intake_closed)
        if typed := opening.typed():
            self.intake.applicant_form.id_field.edit.setText(typed)
        self._end_opening(opening)

    def _end_opening(self, opening: IntakeOpening) -> None:
        if self.opening is opening:
            self.opening = None
        opening.close()
        opening.deleteLater()

    def _cannot_take(self, bundle: Bundle | ChosenBundle | None) -> str:
        """Why this desk may take no intake now, or "": no clerk named (a case would name nobody: the action refuses
        it too, ClerkUnnamed), no bundle on screen, an account that may not."""
        desk = self.desk()
        if not desk.clerk:
            self.refresh_identity()
            return words.DESK_INTAKE_NO_CLERK
        if bundle is None:
            return words.DESK_INTAKE_NO_GUIDE
        from counter.access.roles import Permission  # the roles' code: at the first action, not at the start

        if not desk.actor.may(Permission.TAKE_INTAKE):
            from counter.words.access import not_permitted

            return not_permitted(Permission.TAKE_INTAKE, desk.actor.signed_in)
        return ""

    def _check_taken(self, bundle: Bundle | ChosenBundle, then: Callable[[str], None]) -> None:
        """Why this desk may not take the bundle, or "", handed to ``then``: no guide; a 待核 one outside training
        where the site forbids.

        Asked before the panel opens, so the clerk is told at once; the action decides again on commit."""
        from counter.catalog.guide_status import GuideStatus  # the search's: F5 before the guide is read loads no more

        if not bundle.has_guide:
            then(words.DESK_INTAKE_UNPUBLISHED.format(name=bundle.name))
            return
        if bundle.status is not GuideStatus.DRAFT:
            then("")
            return
        from counter.service.intake import DRAFT_GUIDES_TAKEN  # a 待核 guide's only
        from counter.service.requests import Nothing

        refused = words.DESK_INTAKE_DRAFT_REFUSED.format(name=bundle.name)
        self.runner.submit(DRAFT_GUIDES_TAKEN, Nothing(), self.desk(), owner=self,
                           answered=lambda allowed: then("" if allowed else refused),
                           failed=partial(self._taken_unread, then))  # fmt: skip

    def _taken_unread(self, then: Callable[[str], None], err: Exception) -> None:
        if isinstance(err, Failed):
            then(err.message)
            return
        self.intake_asked = False
        raise err

    def _let_go_of_finished_intake(self) -> None:
        """Close and free a committed intake before the next one: a day's panels must not pile up.

        One not committed is left as it is (closed, it may still be waiting to commit by itself once the database
        answers again)."""
        finished = self.intake
        if finished is None or not finished.committed:
            return
        self.intake = None
        finished.close()
        finished.deleteLater()

    def offer_draft(self, then: Callable[[tuple[str, ...], tuple[tuple[str, str, str], ...]], None]) -> None:
        """The desk's unfinished intakes read from the store, handed to ``then`` as the bar shows them: why each one
        dropped was dropped, and each kept (its uid, its question, its line in a list)."""
        from counter.ui.intake import pending_drafts

        pending_drafts(self.runner, self.desk(), self, partial(self._drafts_found, then), _draft_unread)

    def _drafts_found(self, then: Callable[[tuple[str, ...], tuple[tuple[str, str, str], ...]], None],
                      infos: tuple[DraftInfo, ...]) -> None:  # fmt: skip
        kept = [i for i in infos if i.draft is not None]  # an intake open meanwhile is refused at 恢复, not hidden
        self._drafts = {i.uid: i.draft for i in kept if i.draft is not None}
        said = tuple(i.problem_text() for i in infos if i.draft is None)
        then(said, tuple((i.uid, i.offer_text(), i.choice_text()) for i in kept))

    def restore_draft(self, uid: str) -> None:
        """The unfinished intake ``uid`` opened again as the clerk left it, once its guide version is read.

        恢复 pressed while another intake is open, or its guide is read (F5 just before), opens nothing then: the
        drafts stay the desk's and are offered again, for the clerk to take back once that intake is done with."""
        from counter.ui.intake import restore_intake

        open_now = self.intake is not None and self.intake.isVisible() and not self.intake.committed
        if self.intake_asked or open_now:
            if open_now:
                self._say(words.DESK_INTAKE_ALREADY_OPEN)
            if self._drafts:
                self.draft_kept.emit()
            return
        draft = self._drafts.get(uid)
        if draft is None:
            return
        self.intake_asked = True
        try:
            restore_intake(self._window, self.runner, self.desk(), draft, self.today, self._restored,
                           partial(self._unrestored, draft))  # fmt: skip
        except BaseException:
            self.intake_asked = False
            raise

    def _restored(self, panel: IntakePanel) -> None:
        self.intake_asked = False
        self._drafts.pop(panel.uid, None)  # on screen now: the bar offers it again if it is closed unfinished
        self._let_go_of_finished_intake()
        self.intake = panel
        self.intake.case_taken.connect(self.on_case_taken)
        self.intake.closed.connect(self.on_intake_closed)

    def _unrestored(self, draft: IntakeDraft, err: Exception) -> None:
        """The draft not opened: a database (a server) that did not answer is said, and the drafts offered again as
        they were; one that no longer fits its guide version is dropped and said, as a bad draft is at the start."""
        from counter.intake.draft import DraftUnreadable

        self.intake_asked = False
        if isinstance(err, DraftUnreadable):
            from counter.ui.intake.drafts import discard_draft, unreadable_text

            self._drafts.pop(draft.uid, None)
            discard_draft(self.runner, self.desk(), draft.uid, self, _left_for_the_start, self._dropped)
            self._say(unreadable_text(err))
            return
        if not isinstance(err, Failed):
            raise err
        self._say(err.message)
        self.draft_kept.emit()

    def discard_draft(self, uid: str) -> None:
        """放弃: that draft dropped, the bar read again; if the database cannot drop it now, or the account may not (one
        that takes no intake), that is said and the drafts offered again."""
        from counter.ui.intake import discard_draft

        if uid not in self._drafts:
            return
        discard_draft(self.runner, self.desk(), uid, self, self._not_discarded, self._dropped)

    def _dropped(self, _: None) -> None:
        self.drafts_changed.emit()

    def _not_discarded(self, err: Exception) -> None:
        from counter.ui.door.refused import refusal_text

        self._say(refusal_text(err))
        self.draft_kept.emit()

    def on_case_taken(self, case_no: str) -> None:
        log.info("case %s taken at this desk", case_no)
        self.last_case_no = case_no
        self.refresh_pending()
        if self._cases is not None:
            self._cases.case_changed.emit(case_no)
        self.intake_over.emit()
        self.drafts_changed.emit()  # its own draft ended with it: the others are offered as they are now

    def on_intake_closed(self) -> None:
        """The intake gone, the desk comes forward with the keyboard where it was (the search box): F5 is next.

        An intake closed unfinished (not taken, not 取消) left its draft: the desk offers it back straight away, with
        the others kept.
        """
        closed = self.intake
        bring_forward(self._window, self._window.focusWidget())
        self.intake_over.emit()
        if closed is not None and not closed.committed and not closed.finished:
            self.drafts_changed.emit()

    def on_resubmit_requested(self, case_no: str, bundle_code: str) -> None:
        """重新提交（补正后）: the answer's intake opens with what the case answered recorded (一次性告知: the
        applicant brings only the papers its notice listed), on the lines to take."""
        from counter.service.intake import READ_CURRENT_GUIDE
        from counter.service.requests import BundleCode

        read = partial(self._resubmitted_guide, case_no)
        asked = BundleCode(bundle_code)
        self.runner.submit(READ_CURRENT_GUIDE, asked, self.desk(), owner=self, answered=read, failed=_said_by(self))

    def _resubmitted_guide(self, case_no: str, stored: StoredGuide | None) -> None:
        from counter.service.intake import RESUBMISSION
        from counter.service.requests import CaseNo

        read = partial(self._resubmit, case_no, stored)
        asked = CaseNo(case_no)
        self.runner.submit(RESUBMISSION, asked, self.desk(), owner=self, answered=read, failed=_said_by(self))

    def _resubmit(self, case_no: str, stored: StoredGuide | None, carried: IntakeDraft | None) -> None:
        self.start_intake(stored.bundle if stored else None, previous_case_no=case_no, carried=carried)


def _said_by(desk: DeskIntake) -> Callable[[Exception], None]:
    """A read's fault, or the action's refusal of the account (a role changed since it signed in, a case out of its
    reach), said in the desk's message; any other exception is a fault of the program, raised on."""

    def said(err: Exception) -> None:
        from counter.ui.door.refused import refusal_text

        desk._say(refusal_text(err))

    return said


def _left_for_the_start(err: Exception) -> None:
    """A bad draft not dropped now, by the database or for an account that takes no intake (the action refuses it
    the drop): the next start's check finds it bad again and drops it."""
    from counter.access.not_permitted import NotPermitted

    if not isinstance(err, NotPermitted):
        logged_only(err)


def _draft_unread(err: Exception) -> None:
    """The database names its problem at the first real action: the draft is offered at the next start."""
    log.error("could not read the desk's draft", exc_info=err)
