"""The intake panel: one applicant's bundle taken through to exactly one outcome.

Every signal is connected in :meth:`IntakePanel._connect_signals`; every slot is
an ``on_…`` method.  The panel keeps the checklist as domain data and changes it
only through ``checklist.answer`` and ``checklist.record``; the outcome shown is
``actions.intake.preview`` of the form as it stands, and the commit decides again
from the stored guide version.  The form is kept as the desk's draft while the
clerk types; a committed intake drops it, a failed commit keeps form and draft.

The commit is :class:`counter.ui.intake.commit.IntakeCommit` (a refusal only after the clerk has seen the notice's
words), the look-ups by the applicant's number :class:`counter.ui.intake.applicant_look_ups.ApplicantLookUps`.  Once
committed the panel is done with: Esc closes it, and so does the paper going out to the printer, so the next
applicant is one key (F5) away.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from counter.access.desk import Desk
from counter.case.intake_request import IntakeRequest, TakenIntake, intake_request
from counter.catalog.stored_guide import StoredGuide
from counter.documents.outcome_preview import IntakePreview
from counter.intake.checklist import Checklist, MaterialEntry, answer, record_entry, start_checklist
from counter.intake.draft import IntakeDraft, fit_checklist
from counter.intake.flow import (
    AskAboutPapers,
    AskToClose,
    CancelPressed,
    CloseAgreed,
    CloseAsked,
    Closes,
    CloseWindow,
    DraftShowing,
    DraftShown,
    Effect,
    FocusRow,
    FormChanged,
    GiveUp,
    IntakeFlow,
    ListLeft,
    NoCaseYet,
    PapersOut,
    Rate,
    RowFocused,
    Say,
    ScheduleDraft,
    ShowCancel,
)
from counter.intake.outcome import Decision, Outcome, refusal_grounds
from counter.intake.parties import party_problems
from counter.intake.subject import SubjectProblem, subject_problems, subject_required
from counter.ui.door.connection import Reconnector
from counter.ui.door.runner import Runner
from counter.ui.intake.applicant_look_ups import ApplicantLookUps
from counter.ui.intake.camera_desk import CameraDesk
from counter.ui.intake.draft_keeper import DraftKeeper
from counter.ui.intake.form_fields import read_fields, show_fields
from counter.ui.intake.licence_desk import LicenceDesk
from counter.ui.intake.open_cases import OpenCasesBox
from counter.ui.intake.preview import Preview
from counter.ui.intake.queue_line import QueueLine
from counter.ui.intake.refusal_confirm import RefusalConfirmation
from counter.ui.intake.unprinted import UnprintedQuestion, record_waiver
from counter.ui.intake.words import (
    INTAKE_BLOCKED_CARD,
    INTAKE_CLOSE_GO,
    INTAKE_CLOSE_QUESTION,
    INTAKE_CLOSE_QUESTION_RECEIVED,
    INTAKE_CLOSE_STAY,
    INTAKE_CLOSE_STAY_RECEIVED,
    INTAKE_CLOSE_TITLE,
    INTAKE_CLOSE_TITLE_RECEIVED,
    INTAKE_COMMIT_DEFERRAL_OPEN,
    INTAKE_COMMIT_OPEN_CASES,
    INTAKE_DAY,
    INTAKE_DAY_RECEIVED,
    INTAKE_DRAFT_SAVE_FAILED,
    INTAKE_DRAFT_SAVED,
    INTAKE_GROUND_REQUIRED,
    INTAKE_OUTCOME,
    INTAKE_OUTCOME_RECEIVED,
    INTAKE_REFUSE,
    INTAKE_REFUSE_RECEIVED,
)
from counter.ui.widgets.plain_text import plain_box
from counter.words.dates import day_text
from counter.words.documents import paper_title

if TYPE_CHECKING:
    from counter.ui.printing.making import NoticeRefused
    from counter.ui.printing.preview_window import PreviewWindow

AGENT_SITUATION = "agent"  # the catalog's question of who comes: its options "agent" (委托代理人办理) and "self"
SELF_OPTION = "self"


class IntakePanel(ApplicantLookUps):
    cancelled = Signal()  # the clerk gave the intake up; its draft is gone
    draft_saved = Signal()
    closed = Signal()  # Esc, 关闭, the paper gone out or 放弃: the desk takes the keyboard back
    papers_left = Signal(str, str)  # a case closed with papers not printed, and the clerk's reason

    def __init__(
        self,
        runner: Runner,
        desk: Desk,
        stored_guide: StoredGuide,
        today: Callable[[], dt.date],
        previous_case_no: str = "",
        parent: QWidget | None = None,
        uid: str = "",
    ) -> None:
        super().__init__(stored_guide, today, previous_case_no, parent)
        self._runner = runner
        self._desk = desk
        self._today = today
        self._previous_case_no = previous_case_no
        self._checklist = start_checklist(self.bundle, guide_version=stored_guide.version_id)
        self._decision: Decision | None = None
        self._papers: dict[str, str] = {}  # the hall's 收件 paper of each outcome, where it only receives the items
        self._new_case_for = ""  # the number whose open cases the clerk saw and chose to take a new one anyway
        self.flow = IntakeFlow()  # finished, committing, the look-up and the preview waited for: counter.intake.flow
        self.taken: TakenIntake | None = None
        self.confirmation: RefusalConfirmation | None = None
        self.drafts = DraftKeeper(runner, desk, self.form, self)
        self.licences = LicenceDesk(self, runner, today, self, desk)
        self.camera = CameraDesk(self, self)  # 高拍仪: the pages go with the case
        # the same for every attempt to commit this intake, and its draft's key: a reopened draft keeps its own
        self._uid = uid or uuid.uuid4().hex
        self.watch_connection(Reconnector(runner.service, self))
        self.queue_line = QueueLine(desk)  # 叫号: the ticket called goes with the case
        self.applicant_form.form.insertRow(0, self.queue_line)
        self.open_cases = OpenCasesBox()  # her cases of this bundle not yet over, under her number
        form = self.applicant_form.form
        hint_row = cast("tuple[int, object]", form.getWidgetPosition(self.applicant_form.autofill_hint))[0]
        form.insertRow(hint_row + 1, self.open_cases)
        day = INTAKE_DAY.format(date=day_text(today()), desk=desk.identity.desk_no, clerk=desk.clerk)
        self.day_label.setText(day)
        self.preview = Preview(self, runner, desk, today, self)
        self._connect_signals()
        self.refusal.offer(refusal_grounds(self.bundle))
        self.refusal.show_items(self.bundle.items)
        self.situations.show_situations(self.bundle.situations, {})
        self.checklist_view.show_checklist(self.bundle, self._checklist)
        self.order_tabs()
        self.refresh_decision()
        self.refresh_parties()
        self._blank = self.form()  # the form as nothing typed leaves it: closing that loses nothing, asks nothing
        self.close_question: QMessageBox | None = None
        self.unprinted_question: UnprintedQuestion | None = None

    @classmethod
    def from_draft(
        cls,
        runner: Runner,
        desk: Desk,
        draft: IntakeDraft,
        guide: StoredGuide,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> IntakePanel:
        """A panel showing the draft exactly, on ``guide``, its guide version as read
        (:func:`counter.ui.intake.restore_intake`); :class:`DraftUnreadable` when it no longer fits."""
        panel = cls(runner, desk, guide, today, draft.previous_case_no, parent, uid=draft.uid)
        panel.apply_draft(draft)
        return panel

    def _connect_signals(self) -> None:
        self.situations.answered.connect(self.on_answered)
        self.checklist_view.recorded.connect(self.on_material_recorded)
        self.checklist_view.recorded.connect(self.licences.on_recorded)
        self.checklist_view.deferral_chosen.connect(self.on_deferral_chosen)
        self.checklist_view.list_left.connect(lambda code: self.dispatch(ListLeft(code)))  # the way back: the flow's
        self.checklist_view.row_focused.connect(lambda code, back: self.dispatch(RowFocused(code, back)))
        self.checklist_view.licence_asked.connect(self.licences.on_asked)
        self.checklist_view.page_asked.connect(self.camera.on_asked)
        for trigger in (self.checklist_view.all_received_button.clicked, self.all_received_shortcut.activated):
            trigger.connect(self.checklist_view.receive_all_pending)
        self.deferral.changed.connect(self.on_choice_changed)
        self.refusal.toggled.connect(self.on_refusal_toggled)  # before the change it makes is decided and saved
        self.refusal.changed.connect(self.on_choice_changed)
        for form in (self.applicant_form, self.subject_form, self.agent_form, self.delivery_form):
            form.changed.connect(self.on_parties_changed)
        self.applicant_form.id_field.valid_number.connect(self.on_applicant_id_valid)
        self.applicant_form.id_field.valid_number.connect(self.licences.on_holder_typed)
        self.applicant_form.id_field.edit.textChanged.connect(self.on_applicant_id_changed)
        self.open_cases.open_chosen.connect(self.on_open_case_chosen)
        self.open_cases.answered.connect(self.on_open_cases_answered)
        self.agent_form.id_field.valid_number.connect(self.on_agent_id_valid)
        self.drafts.saved.connect(self.on_draft_saved)
        self.drafts.failed.connect(self.on_draft_failed)
        self.commit_button.clicked.connect(self.on_commit_requested)
        for shortcut in self.commit_shortcuts:
            shortcut.activated.connect(self.on_commit_requested)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        for trigger in (self.close_button.clicked, self.close_shortcut.activated):
            trigger.connect(self.close)
        for trigger in (self.print_button.clicked, self.print_shortcut.activated):
            trigger.connect(self.on_print_requested)
        self.same_day.settled.connect(self.print_button.setFocus)  # the papers are next, not 关闭
        self.agent_form.toggled.connect(self.on_agent_toggled)
        self._runner.reaching.connect(self.on_server_slow)

    # --- the form as data ----------------------------------------------------------

    def form(self) -> IntakeDraft:
        return read_fields(self, self._checklist, self._previous_case_no, self._uid, insisted=self.insisted)

    def request(self) -> IntakeRequest:
        # called by the ticket the desk called; the day the materials arrive is the intake's, which the service dates
        request = intake_request(self.form(), self._uid)
        return dataclasses.replace(request, ticket=self.queue_line.ticket, pages=self.camera.taken())

    @property
    def uid(self) -> str:
        """The intake's own id: its commit's, and its draft's key."""
        return self._uid

    @property
    def checklist(self) -> Checklist:
        return self._checklist

    def show_pages(self, code: str, count: int, compared: int) -> None:
        self.checklist_view.show_pages(code, count, compared)

    def apply_checklist(self, checklist: Checklist, code: str) -> None:
        """A line changed outside its row (an 电子证照 taken, a failed look-up): the row shows it, the rest follows."""
        self._checklist = checklist
        entry = checklist.entry(code)
        if entry is not None:
            self.checklist_view.row(code).show_entry(entry)
        self.checklist_view.show_pending()
        self.refresh_decision()
        self.schedule_draft()

    @property
    def decision(self) -> Decision | None:
        return self._decision

    @property
    def committed(self) -> bool:
        """The case is taken: nothing of this form is left to lose."""
        return self.taken is not None

    def apply_draft(self, draft: IntakeDraft) -> None:
        """Show a saved form field by field, without looking anyone up or saving it again."""
        self._checklist = fit_checklist(draft, self.bundle)
        self.dispatch(DraftShowing())
        try:
            show_fields(self, draft, self._checklist)
            self.insisted = draft.insisted  # a finding the applicant insisted on: taken as 收件, not asked again
        finally:
            self.dispatch(DraftShown())
        self.refresh_decision()
        self.refresh_parties()

    # --- refreshing what is shown --------------------------------------------------

    def refresh_decision(self) -> None:
        """What the form comes to, decided on the desk by the commit's rule from the grounds read once
        (``intake.preview_grounds``), and shown when they have answered (:mod:`counter.ui.intake.preview`)."""
        applied = tuple(self.bundle.items_for(self.request().checklist.answers_dict()))
        self.refusal.show_applied({item.code for item in applied})
        self.preview.ask(applied)

    def show_preview(self, shown: IntakePreview | None, problem: str) -> None:
        """The preview's answer; None with the ``problem`` that there is none."""
        if shown is None:
            self._decision = None
            self.outcome_box.show_error(problem)
        else:
            self._decision, self._papers = shown.decision, shown.papers
            self.checklist_view.name_correction_paper(paper_title("correction", "correct" in shown.papers))
            self.name_the_acts(bool(shown.papers))
            paper = shown.papers.get(shown.decision.outcome.value, "")
            self.outcome_box.show_decision(shown.decision, shown.beyond, paper)
        self.refresh_parties()  # an accepted case needs the subject's fields, a 补正 not: what is missing follows

    def name_the_acts(self, received: bool) -> None:
        """The hall's acts named as its papers name them: 收件 where it only receives the items (``received``), its
        refusal's box the 申请事项告知书 it prints; the deciding hall's 受理 and 不予受理 where it decides."""
        self.name_own_act(received)
        day = INTAKE_DAY_RECEIVED if received else INTAKE_DAY
        desk = self._desk
        self.day_label.setText(day.format(date=day_text(self._today()), desk=desk.identity.desk_no, clerk=desk.clerk))
        self.outcome_group.setTitle(INTAKE_OUTCOME_RECEIVED if received else INTAKE_OUTCOME)
        refusal = INTAKE_REFUSE_RECEIVED.format(paper=paper_title("refusal", True))
        self.refusal.setTitle(refusal if received else INTAKE_REFUSE)

    def refresh_parties(self) -> None:
        form, today = self.form(), self._today()
        of_subject = self.subject_problems(form)
        expired = [INTAKE_BLOCKED_CARD] if self.applicant_form.card_expired() else []
        self.outcome_box.show_party_problems(
            party_problems(form.parties(), today), self.bundle.subject, of_subject, expired
        )
        self.delivery_form.show_applicant_phone(self.applicant_form.phone.text())
        self.refresh_commit()

    def subject_problems(self, form: IntakeDraft) -> list[SubjectProblem]:
        """What the subject's fields lack or hold wrong, for the outcome the form comes to now (the commit's rule)."""
        outcome = self._decision.outcome if self._decision is not None else None
        required = outcome is not None and subject_required(outcome)
        return subject_problems(self.bundle.subject, dict(form.subject), self._today(), required=required)

    def refresh_commit(self) -> None:
        decided = self._decision is not None and self._decision.outcome.decided
        form = self.form()
        right = (
            not party_problems(form.parties(), self._today())
            and not self.subject_problems(form)
            and not self.applicant_form.card_expired()
        )
        ready = decided and right
        held = self.deferral_open()
        asked = self.open_cases.waiting  # her open cases named, the clerk not yet choosing a new one
        waiting = held or asked or self.finished or self.reconnector.waiting or self.committing
        self.commit_button.setEnabled(ready and not waiting)
        # the headline says what the button can do: never the outcome's colour over a greyed button
        if held:
            self.outcome_box.show_deferral_unconfirmed(self._papers.get(Outcome.DEFER.value, ""))
        elif decided and not right and not self.finished:
            self.outcome_box.show_blocked()
        elif self._decision is not None:
            self.outcome_box.show_outcome()
        else:
            self.outcome_box.show_undecided()  # the preview failed: its message stands beneath
        if held:
            self.hold_commit(INTAKE_COMMIT_DEFERRAL_OPEN)
        elif asked and not self.finished:
            self.hold_commit(INTAKE_COMMIT_OPEN_CASES)
        elif self.refusal.isChecked():
            self.name_commit(Outcome.REFUSE.value, self._papers.get(Outcome.REFUSE.value, ""))  # before its ground too
        else:
            outcome = self._decision.outcome.value if decided and self._decision else ""
            self.name_commit(outcome, self._papers.get(outcome, ""))

    def deferral_open(self) -> bool:
        """The applicant asked for 容缺 and the clerk has not yet confirmed both its conditions: no paper goes out
        (the 补正 the form comes to meanwhile is not what was asked); once both are ticked it is 容缺受理, and a
        request the applicant may not have (a bad credit record) is taken back by unticking it."""
        asked = self.deferral.asked.isChecked() and not self.refusal.isChecked()
        outcome = self._decision.outcome if self._decision is not None else None
        return asked and outcome is Outcome.CORRECT and self.deferral.unconfirmed() is not None

    def schedule_draft(self) -> None:
        """The form changed: the flow says whether the draft is kept at the next pause (:class:`FormChanged`)."""
        self.dispatch(FormChanged())

    @property
    def cancel_armed(self) -> bool:
        return self.flow.cancel_armed

    @property
    def papers_out(self) -> bool:
        """Every paper of the outcome went out to the printer (the flow's state)."""
        return self.flow.papers_out

    # --- slots ------------------------------------------------------------------------

    def on_answered(self, situation: str, option: str) -> None:
        self._checklist = answer(self._checklist, self.bundle, situation, option)
        self.checklist_view.show_checklist(self.bundle, self._checklist)
        self.order_tabs()
        self.refresh_decision()
        self.schedule_draft()

    def on_material_recorded(self, entry: MaterialEntry) -> None:
        self._checklist = record_entry(self._checklist, entry)
        self.checklist_view.show_pending()
        self.refresh_decision()
        self.schedule_draft()

    def on_deferral_chosen(self, code: str) -> None:
        """Key 6 on a 容缺后补 row: the applicant's request is ticked; the keyboard goes to the next 容缺后补 row still
        open (008's 健康证明 after its 管理制度: 6 there too), then to the first of its conditions still to confirm
        (Space, Tab, Space), or, both confirmed, on to the next material."""
        self.deferral.asked.setChecked(True)
        unconfirmed = self.deferral.unconfirmed()
        still_open = self.checklist_view.open_deferral()
        if still_open is not None:
            still_open.setFocus(Qt.FocusReason.OtherFocusReason)
        elif unconfirmed is not None:
            unconfirmed.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.checklist_view.on_step(code, 1)

    def on_choice_changed(self) -> None:
        self.checklist_view.show_deferral(self.deferral.asked.isChecked())
        if self.message.text() == INTAKE_GROUND_REQUIRED and not (
            self.refusal.isChecked() and self.refusal.ground() is None
        ):
            self.message.hide()  # answered
        self.refresh_decision()
        self.schedule_draft()

    def on_parties_changed(self) -> None:
        self.refresh_parties()
        self.schedule_draft()

    def on_agent_toggled(self, agent: bool) -> None:
        """委托代办人办理 answers the guide's question of who comes (situation ``agent``: ``agent`` or ``self``), as
        the demo's intakes do; a draft put back keeps its own answers."""
        if self.restoring:
            return
        situation = next((s for s in self.bundle.situations if s.code == AGENT_SITUATION), None)
        option = AGENT_SITUATION if agent else SELF_OPTION
        if situation is None or situation.option(option) is None:
            return
        if self._checklist.answers_dict().get(AGENT_SITUATION) != option:
            self.situations.option_button(AGENT_SITUATION, option).click()

    def on_draft_saved(self, time: str) -> None:
        self.show_status(INTAKE_DRAFT_SAVED.format(time=time), draft=True)
        self.draft_saved.emit()

    def on_draft_failed(self, cause: str) -> None:
        self.show_status(INTAKE_DRAFT_SAVE_FAILED.format(fault=cause), error=True, draft=True)

    def on_print_requested(self) -> None:
        """The paper the outcome hands over, previewed once it is made (counter.ui.printing, loaded at the first
        print); nothing waits for it, and a press again meanwhile is said and taken once."""
        if self.taken is None:
            return
        from counter.ui.printing.opening import show_outcome_documents

        outcome = self.taken.decision.outcome.value
        show_outcome_documents(self, self._runner, self._desk, self.taken.case_no, outcome,
                               opened=self._papers_shown, refused=self._papers_refused)  # fmt: skip

    def _papers_shown(self, preview: PreviewWindow) -> None:
        preview.sent_all.connect(self.on_paper_printed)

    def _papers_refused(self, refused: NoticeRefused) -> None:
        self.show_message(refused.text)

    def on_paper_printed(self, _where: str, unrecorded: str) -> None:
        """Every paper of the outcome went out: the intake is done, like its preview, and makes way for the next
        applicant.  A print that failed leaves both open, the places to print again from.  A print whose record was
        not written keeps the intake open saying so, the preview gone: closed, nothing would tell the clerk the case's
        print count is short (the paper is out, and is not asked for again)."""
        self.dispatch(PapersOut(unrecorded))

    def ask_about_papers(self) -> UnprintedQuestion:
        """A committed case closed with papers not printed (Esc after a failed print, 关闭, Alt+F4): the clerk goes
        back to print, or closes saying why; never closed without a word (the 承诺书 to sign may be among them)."""
        assert self.taken is not None
        if self.unprinted_question is None:
            self.unprinted_question = UnprintedQuestion(self.taken.case_no, self)
            self.unprinted_question.print_chosen.connect(self.on_print_requested)
            self.unprinted_question.left.connect(self.on_left_unprinted)
        question = self.unprinted_question
        question.open()  # modal to this window, on screen before it takes the keyboard
        question.activateWindow()
        question.reason.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        return question

    def on_left_unprinted(self, reason: str) -> None:
        """Closed with papers unprinted, for the reason typed: kept in the case's history (who, when, which, why);
        not kept, the intake stays open saying so, and the next Esc asks again."""
        case_no = self.taken.case_no if self.taken else ""
        record_waiver(self._runner, self._desk, case_no, reason, self, partial(self._waived, case_no, reason))

    def _waived(self, case_no: str, reason: str, failed: str) -> None:
        if failed:
            self.show_message(failed)
            return
        self.papers_left.emit(case_no, reason)
        self.close_keeping_draft()

    def on_cancel_clicked(self) -> None:
        self.dispatch(CancelPressed())

    def close_keeping_draft(self) -> None:
        """Close without asking: the clerk said so, or the account signs out (the draft is kept either way)."""
        self.dispatch(CloseAgreed())

    def carry_out_closing(self, effect: Effect) -> None:
        """The flow's effects of closing and giving up, and of the keys' way back (:mod:`counter.intake.flow`)."""
        match effect:
            case ShowCancel(armed):
                self.show_cancel(armed)
            case GiveUp():
                self.drafts.discard()
                self.cancelled.emit()
            case AskToClose():
                self.ask_before_closing()
            case AskAboutPapers():
                self.ask_about_papers()
            case CloseWindow():
                self.close()
            case Say(text):
                self.show_message(text)
            case FocusRow(code):
                self.checklist_view.focus_row(code)
            case ScheduleDraft():
                self.drafts.schedule()
            case Rate() | NoCaseYet():
                pass  # the desk sends the case to the pad, or says why not (desk_actions.send_to_pad)
            case Closes():
                pass  # the close event is let through (closeEvent)

    def ask_before_closing(self) -> QMessageBox:
        """A filled intake closed by its window (Alt+F4, the title bar's button): the clerk confirms first.

        Enter closes it, keeping the draft (the desk offers it back at once); Esc goes on with it.
        """
        if self.close_question is None:
            received = self.receives_only  # the act named as the papers name it: 收件 where the hall only receives
            title = INTAKE_CLOSE_TITLE_RECEIVED if received else INTAKE_CLOSE_TITLE
            question = INTAKE_CLOSE_QUESTION_RECEIVED if received else INTAKE_CLOSE_QUESTION
            box = plain_box(QMessageBox(QMessageBox.Icon.Question, title, question, parent=self))
            go = box.addButton(INTAKE_CLOSE_GO, QMessageBox.ButtonRole.AcceptRole)
            stay_text = INTAKE_CLOSE_STAY_RECEIVED if received else INTAKE_CLOSE_STAY
            stay = box.addButton(stay_text, QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(go)
            box.setEscapeButton(stay)
            go.clicked.connect(self.close_keeping_draft)
            self.close_question = box
        self.close_question.open()  # modal to this window only: the desk and its other windows go on
        return self.close_question

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.drafts.save_if_waiting()
        filled = not self.finished and (self.form() != self._blank or bool(self.camera.pages))
        if Closes() not in self.dispatch(CloseAsked(filled)):  # asked instead (the flow's effects)
            event.ignore()
            return
        super().closeEvent(event)
        if event.isAccepted():
            self.applicant_form.card_line.wait()
            self.queue_line.wait()
            self.camera.wait()
            self.licences.asker.wait_all()  # a look-up on its way ends within its timeout; no thread outlives the panel
            self.closed.emit()
