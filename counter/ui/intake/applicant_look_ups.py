"""What the applicant's number finds as it is typed: the party known to the office (一证办理) filled in, and her
cases of this bundle not yet over, named before she is taken again.

Both stand apart from the panel's form (:class:`counter.ui.intake.panel.IntakePanel`) because they are helps, not
conditions: a look-up that fails is logged (the open cases' said) and the clerk types on; a draft put back is shown
as it was saved, with no one looked up; and her open cases hold the commit only until the clerk opens one or chooses
仍然新建 for this number.

Both are called back (:meth:`counter.ui.door.runner.Runner.submit`): the clerk types on while the desk asks, so an
answer is for the number asked, and is shown only while that number still stands in its field; what the clerk typed
meanwhile is never overwritten (only empty fields are filled).  A commit asked while her open cases are being looked
up waits for them: it would otherwise take her again before they are named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.case.open_cases import OpenCase
from counter.intake.flow import LookUpOver, LookUpStarted
from counter.intake.known_party import KnownParty
from counter.service.intake import KNOWN_PARTY, OPEN_CASES, KnownPartyOf, OpenCasesOf
from counter.ui.door.runner import Failed, Runner, logged_only
from counter.ui.intake.commit import IntakeCommit
from counter.ui.intake.draft_keeper import DraftKeeper
from counter.ui.intake.open_cases import OpenCasesBox
from counter.ui.intake.party_form import AgentForm, ApplicantForm
from counter.ui.intake.words import INTAKE_OPEN_CASES_FAILED
from counter.words.access import refused_for


class ApplicantLookUps(IntakeCommit):
    """The panel's part that looks the applicant (and an agent) up by the number typed."""

    _runner: Runner
    _desk: Desk
    _today: Callable[[], dt.date]
    _previous_case_no: str
    _new_case_for: str  # the number whose open cases the clerk saw and chose to take a new one anyway
    drafts: DraftKeeper
    open_cases: OpenCasesBox

    def on_applicant_id_valid(self, id_no: str) -> None:
        self._look_up(id_no, self.applicant_form)
        self.ask_open_cases(id_no)

    def ask_open_cases(self, id_no: str) -> None:
        """Her cases of this bundle not yet over, named before she is taken again (the case a 补正 answer answers is
        its own, not named); once the clerk chose 仍然新建 for this number, not asked again; a draft put back is
        shown as it was saved."""
        if self.restoring or self.finished or id_no in (self.open_cases.id_no, self._new_case_for):
            return
        self.dispatch(LookUpStarted(id_no))
        try:
            self._runner.submit(
                OPEN_CASES,
                OpenCasesOf(id_no, self.bundle.code),
                self._desk,
                owner=self,
                answered=partial(self._open_cases_found, id_no),
                failed=self._open_cases_failed,
            )
        except BaseException:
            self._open_cases_over()
            raise

    def _open_cases_found(self, id_no: str, found: tuple[OpenCase, ...]) -> None:
        try:
            if self.applicant_form.id_field.check().value == id_no and not self.finished:
                self.open_cases.ask(id_no, [case for case in found if case.case_no != self._previous_case_no])
                self.refresh_commit()
        finally:
            self._open_cases_over()

    def _open_cases_failed(self, err: Exception) -> None:
        try:
            if isinstance(err, NotPermitted):  # the account's roles changed since it signed in: said as it stands
                self.show_message(refused_for(err))
                return
            if not isinstance(err, Failed):
                raise err
            self.show_message(INTAKE_OPEN_CASES_FAILED.format(fault=err.message))
        finally:
            self._open_cases_over()

    def _open_cases_over(self) -> None:
        """The look-up answered: a commit asked meanwhile goes on, now that her open cases are named or not."""
        self.dispatch(LookUpOver())

    def on_applicant_id_changed(self) -> None:
        """Another number than the one asked for: what was named is not this applicant's."""
        if self.open_cases.id_no and self.applicant_form.id_field.check().value != self.open_cases.id_no:
            self.open_cases.clear()
            self.refresh_commit()

    def on_open_case_chosen(self, case_no: str) -> None:
        """The existing case in its own window beside the intake, which stays as typed (kept as the desk's draft)."""
        from counter.ui.cases.opening import open_case

        self.drafts.save_if_waiting()
        # the desk's window holds it (a panel of no desk's: the panel), so that it outlives the intake's
        open_case(self.parentWidget() or self, self._runner, self._desk, self._today, case_no)

    def on_open_cases_answered(self) -> None:
        """仍然新建: the intake goes on as a new case, and the commit may take it."""
        self._new_case_for = self.open_cases.id_no
        self.refresh_commit()

    def on_agent_id_valid(self, id_no: str) -> None:
        self._look_up(id_no, self.agent_form)

    def _look_up(self, id_no: str, form: ApplicantForm | AgentForm) -> None:
        """一证办理, except while a draft is put back: the draft is shown as it was saved."""
        if self.restoring:
            return
        self._runner.submit(
            KNOWN_PARTY,
            KnownPartyOf(id_no),
            self._desk,
            owner=self,
            answered=partial(self._known, id_no, form),
            failed=self._not_looked_up,
        )

    def _not_looked_up(self, err: Exception) -> None:
        """一证办理 is a help: a look-up that failed, or that the account may no longer ask (its roles changed since
        it signed in: the commit says so), leaves the fields to the clerk."""
        if not isinstance(err, NotPermitted):
            logged_only(err)

    def _known(self, id_no: str, form: ApplicantForm | AgentForm, known: KnownParty | None) -> None:
        """What the office knows of ``id_no``, into the fields the clerk left empty, while the number still stands."""
        if known is not None and not self.restoring and form.id_field.check().value == id_no:
            form.fill_known(known)
        self.looked_up.emit(id_no)
