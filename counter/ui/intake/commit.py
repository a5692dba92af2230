"""The intake's commit: the one step of the panel that writes.

It stands apart from the panel's form (:class:`counter.ui.intake.panel.IntakePanel`), which only reads and previews,
because the commit has rules of its own: a refusal is committed only after :class:`RefusalConfirmation` has shown
the clerk the notice's words; the button says the intake is being saved while the database answers, so a second
Ctrl+Enter takes nothing twice; each fault of the commit is worded and the form (and its draft) kept, and a lost
connection hands over to :class:`counter.ui.intake.commit_waits.CommitWaits`.  Once taken, the case is offered
当场办结 where it may be, and the desk is told.

Whether a step runs now, waits for the preview or her open cases, or not at all (finished, committing) is decided by
:mod:`counter.intake.flow`, plain data tested without a window; this class turns its signals into the flow's events
(:meth:`IntakeCommit.dispatch`) and carries out the effects.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Signal

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.case.intake_request import IntakeRequest, TakenIntake
from counter.case.not_found import CaseNotFound
from counter.case.number_faults import NumbersBehind, OtherSeries
from counter.documents.outcome_preview import IntakePreview
from counter.intake.checklist import Checklist
from counter.intake.flow import (
    Answered,
    Asked,
    ByItself,
    Decide,
    Effect,
    Event,
    Go,
    IntakeFlow,
    InTurn,
    NotTaken,
    ReadGrounds,
    Restore,
    SayBusy,
    SendFailed,
    Sent,
    ShowProblem,
    Step,
    Taken,
    WaitTurn,
    on,
)
from counter.intake.flow import Busy as RunnerBusy
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import Decision, Outcome, RefusalGround
from counter.service.intake import TAKE_INTAKE, TakeIntake
from counter.ui.door.runner import Busy, Failed, Runner
from counter.ui.intake.commit_waits import CommitWaits
from counter.ui.intake.draft_keeper import DraftKeeper
from counter.ui.intake.outcome_box import commit_problems
from counter.ui.intake.preview import Preview
from counter.ui.intake.refusal_confirm import INSISTS, RefusalConfirmation
from counter.ui.intake.words import (
    INTAKE_DB_FAULT,
    INTAKE_DB_FAULT_NO_DRAFT,
    INTAKE_GROUND_REQUIRED,
    INTAKE_PREVIOUS_NOT_FOUND,
    INTAKE_SAVING,
)
from counter.ui.keyboard.keys_on_screen import open_on_screen
from counter.ui.widgets.restyle import set_style_property
from counter.words.access import refused_for
from counter.words.database import numbers_behind_text
from counter.words.sites import OTHER_SERIES

log = logging.getLogger(__name__)


def draft_fate(kept: bool) -> str:
    """The commit's fault said with the draft's fate: kept, or not."""
    return INTAKE_DB_FAULT if kept else INTAKE_DB_FAULT_NO_DRAFT


class IntakeCommit(CommitWaits):
    """The panel's part that commits; the panel gives the form as a request and what it shows."""

    case_taken = Signal(str)  # the case number, once the intake is committed
    looked_up = Signal(str)  # the number whose party the office knew (or not) has its answer shown

    _runner: Runner
    _desk: Desk
    _today: Callable[[], dt.date]
    _checklist: Checklist
    _decision: Decision | None
    _papers: dict[str, str]
    taken: TakenIntake | None
    confirmation: RefusalConfirmation | None
    drafts: DraftKeeper
    preview: Preview
    flow = IntakeFlow()  # the intake's state, its one owner (counter.intake.flow); each panel replaces it
    _named = ""  # the commit button's words before it said the intake is being saved
    # the applicant, told the window's finding, insisted (Refusal.insists): the form refuses nothing and its 收件
    # request carries the finding (IntakeDraft.insisted), so the case is kept as forwarded on insistence
    # (counter.intake.outcome.forwarded_case); a field of the form, kept in its draft; False until then, and
    # again once the clerk ticks the refusal anew
    insisted = False
    _busy_message = ""  # what the runner's Busy said, for the SayBusy effect

    if TYPE_CHECKING:  # what the panel gives

        def request(self) -> IntakeRequest: ...
        def show_preview(self, shown: IntakePreview | None, problem: str) -> None: ...
        def carry_out_closing(self, effect: Effect) -> None: ...
        def refresh_commit(self) -> None: ...

    @property
    def finished(self) -> bool:
        return self.flow.finished

    @property
    def committing(self) -> bool:
        return self.flow.committing

    @property
    def previewing(self) -> bool:
        return self.flow.previewing

    @property
    def restoring(self) -> bool:
        """A kept draft is being put back: its changes look nobody up and save nothing."""
        return self.flow.restoring

    def dispatch(self, event: Event) -> tuple[Effect, ...]:
        """The event to the flow; its effects carried out, in order, once the state is the new one, and returned."""
        self.flow, effects = on(self.flow, event)
        for effect in effects:
            self._carry_out(effect)
        return effects

    def _carry_out(self, effect: Effect) -> None:
        match effect:
            case Go(step):
                self._step(step)()
            case Restore():
                self._committed()
            case WaitTurn():
                self._runner.after_answers(self._in_turn)
            case SayBusy():
                self.show_message(self._busy_message)
            case ReadGrounds():
                self.preview.read()
            case Decide():
                self.preview.decide()
            case ShowProblem(problem):
                self.show_preview(None, problem)
            case _:
                self.carry_out_closing(effect)

    def _step(self, step: Step) -> Callable[[], None]:
        return self._request_now if step is Step.REQUEST else self._commit_now

    def on_commit_requested(self) -> None:
        """The button or Ctrl+Enter: a refusal needs its ground, then the clerk's confirmation; asked while the form's
        preview or her open cases' look-up is in flight, once it has answered."""
        self.dispatch(Asked(Step.REQUEST))

    def _request_now(self) -> None:
        if self.refusal.isChecked() and self.refusal.ground() is None:
            self.show_message(INTAKE_GROUND_REQUIRED)
            self.refusal.focus_ground()
            return
        if not self.commit_button.isEnabled():
            return
        decision = self._decision
        if decision is not None and decision.outcome is Outcome.REFUSE and decision.refusal is not None:
            self.confirm_refusal(decision.refusal, decision.turn_to)
            return
        self.commit()

    def confirm_refusal(self, ground: RefusalGround, turn_to: str) -> None:
        """Show the notice's words; only 确认出具 commits (the dialog is modal to this window)."""
        items = self.bundle.items_for(self._checklist.answers_dict())
        received = Outcome.REFUSE.value in self._papers  # the hall's 申请事项告知书, not a 不予受理通知书, will print
        if self.confirmation is not None:
            self.confirmation.deleteLater()
        self.confirmation = RefusalConfirmation(ground, turn_to, items, self, received=received)
        self.confirmation.accepted.connect(self.commit)
        self.confirmation.finished.connect(self.on_confirmation_closed)
        self.confirmation.finished.connect(self._on_insisted)
        # keys typed before it is seen wait for it (counter.ui.keyboard.keys_on_screen)
        open_on_screen(self.confirmation)

    def _on_insisted(self, result: int) -> None:
        """The applicant insists at a window that only receives: no 申请事项告知书; the refusal is taken off, and the
        form goes on as 收件, its materials checked and forwarded (counter.documents.outcome_preview.forwarded).  The
        finding is kept with the form (:attr:`insisted`, its draft's too): without it the case would stand by the
        site's agreement, and a hall entrusted with 受理 but not 不予受理 would accept in the department's name what
        it judged refusable."""
        if result == INSISTS:
            self.insisted = True  # before the box goes off: the form saved by that change keeps the answer
            self.refusal.setChecked(False)

    def on_refusal_toggled(self, checked: bool) -> None:
        """A refusal ticked anew is the clerk's again, asked again (:meth:`confirm_refusal`)."""
        if checked:
            self.insisted = False

    def on_confirmation_closed(self) -> None:
        """Issued or not, the panel takes the keyboard back: on the print button, or where the clerk was."""
        self.activateWindow()

    def commit(self) -> None:
        """Take the case, once; the form and the draft stay if it cannot be taken.

        The commit is called back (:meth:`counter.ui.door.runner.Runner.submit`): while the database answers the window
        paints and takes keys, the button says the intake is being saved, and a second Ctrl+Enter finds it disabled
        and takes nothing twice."""
        self.dispatch(Asked(Step.COMMIT))

    def _commit_now(self) -> None:
        if not self.commit_button.isEnabled():
            return
        self.drafts.timer.stop()
        request = TakeIntake(_asked(self.request()))  # the case whole, and the draft gone, in one transaction
        self._named = self.commit_button.text()
        self.dispatch(Sent())
        self.commit_button.setEnabled(False)
        self.commit_button.setText(INTAKE_SAVING)
        # not the pale grey of a button not yet usable (1.5:1): a sentence the clerk reads, at 4.5:1 and more
        set_style_property(self.commit_button, "busy", "true")
        try:  # worded once answered, when the draft's fate is known
            self._runner.submit(
                TAKE_INTAKE, request, self._desk, owner=self, answered=self._taken, failed=self._not_taken
            )
        except Busy as err:  # another intake still being taken (one closed that commits once the hall answers)
            log.info("intake commit refused, another being taken: %s", err)
            self._busy_message = err.message
            self.dispatch(RunnerBusy())
        except BaseException:
            self.dispatch(SendFailed())
            raise

    def commit_by_itself(self) -> None:
        """The commit the intake makes by itself once the connection is back (:meth:`CommitWaits.on_reconnected`).

        Several intakes of the desk may have waited for the connection together, closed by the clerk meanwhile, and
        the desk takes one at a time: the others' commits are refused (:class:`Busy`) while the first is taken.
        Nobody is there to press Ctrl+Enter again, so each is made again once the one taken has answered, in turn,
        never left on a panel nobody sees."""
        self.dispatch(ByItself())

    def _in_turn(self) -> None:
        """The desk's operations answered: the commit refused while another intake was taken is made now."""
        if not shiboken6.isValid(self):  # freed meanwhile (the account signed out): its draft was kept
            return
        self.dispatch(InTurn())

    def _committed(self) -> None:
        """The commit answered, either way: the button names its act again, or that the intake waits to commit (the
        flow's :class:`Restore`; the flow has already ended the flight)."""
        set_style_property(self.commit_button, "busy", "false")
        self.commit_button.setText(self._named)
        self.refresh_commit()
        if self.reconnector.waiting:
            self.show_waiting_to_commit(self._named)

    def on_server_slow(self) -> None:
        """The hall server has not answered the commit's first try: said within moments, the form kept, while the
        transport goes on trying (it ends in the case taken or in the wait for the connection)."""
        if self._runner.running != TAKE_INTAKE.name:
            return
        from counter.ui.door.server_words import INTAKE_SERVER_REACHING, INTAKE_SERVER_REACHING_LINE

        self.commit_button.setText(INTAKE_SERVER_REACHING)
        self.show_message(INTAKE_SERVER_REACHING_LINE)

    def _not_taken(self, err: Exception) -> None:
        self.dispatch(NotTaken())
        try:
            self._say_not_taken(err)
        finally:
            self.dispatch(Answered())

    def _say_not_taken(self, err: Exception) -> None:
        if isinstance(err, IntakeNotPossible):
            self.preview.reread()  # the server decided otherwise than the desk's preview: its grounds read again
            self.show_message(commit_problems(err, self.bundle.subject))
        elif isinstance(err, CaseNotFound):
            self.show_message(INTAKE_PREVIOUS_NOT_FOUND.format(case_no=err.case_no))
        elif isinstance(err, NumbersBehind):  # the form stays: once the database is put right, the same intake goes in
            self.show_message(numbers_behind_text(err.last_issued, err.where, err.note))
            self.drafts.save_now()
        elif isinstance(err, OtherSeries):  # the form stays: once the desk's code is the site's again, it goes in
            self.show_message(OTHER_SERIES.format(desk=err.desk_code, site=err.site_code))
            self.drafts.save_now()
        elif isinstance(err, NotPermitted):
            self.show_message(refused_for(err))
        elif isinstance(err, Failed) and err.connection_lost:
            log.warning("intake not committed, connection lost: %s", err.error)
            self.wait_for_connection(server=err.error == "ServerUnreachable")
        elif isinstance(err, Failed):
            fault = err.message  # one message for the one fault: the draft's fate said as it is, once known
            self.drafts.save_now(lambda kept: self.show_message(draft_fate(kept).format(fault=fault)))
        else:
            raise err

    def _taken(self, taken: TakenIntake) -> None:
        self.dispatch(Taken(taken.case_no))
        self.taken = taken
        self.drafts.stop()
        try:
            self.show_taken(taken.case_no)
            self.same_day.offer(self._runner, self._desk, self.bundle, taken.case_no, self._today())
            self.case_taken.emit(taken.case_no)
        finally:
            self.dispatch(Answered())


def _asked(request: IntakeRequest) -> IntakeRequest:
    """The request as the clerk confirmed it: a refusal reaches the commit only through its confirmation, whose
    issuing answers the question of a window that only receives — the applicant, told the finding, does not insist
    (:attr:`counter.intake.outcome.Refusal.insists`; insisting, the clerk goes back and takes the materials as
    收件).  Where the window may refuse, the answer changes nothing."""
    refusal = request.refusal
    if refusal is None or refusal.insists is not None:
        return request
    return dataclasses.replace(request, refusal=dataclasses.replace(refusal, insists=False))
