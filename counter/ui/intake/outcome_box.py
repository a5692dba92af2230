"""The live outcome: one large coloured word, every reason beneath it, and the dates.

"The clerk sees why": the box lists every reason the decision gives (and every
check still open), the dates the notice will carry, a warning when a date lies
beyond the holiday data, and what the applicant part of the form still lacks.
It only shows a :class:`Decision`; it decides nothing.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from counter.calendar.workdays import BeyondData
from counter.catalog.model import Subject
from counter.intake.checklist import ProblemCode
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import Decision, Outcome, ReasonCode
from counter.intake.parties import PartyProblem
from counter.intake.subject import SubjectProblem
from counter.ui.intake.style import headline_style
from counter.ui.intake.words import (
    INTAKE_ANSWER_FIRST,
    INTAKE_BEYOND_CALENDAR,
    INTAKE_BEYOND_NAMED,
    INTAKE_BLOCKED,
    INTAKE_BLOCKED_HEADLINE,
    INTAKE_CORRECTION_DUE,
    INTAKE_DEFERRAL_UNCONFIRMED,
    INTAKE_DEFERRAL_UNCONFIRMED_HEADLINE,
    INTAKE_DEFERRED_DUE,
    INTAKE_NOT_POSSIBLE,
    INTAKE_NOTIFY_BY,
    INTAKE_PARTY_FIELD,
    INTAKE_PARTY_HEADING,
    INTAKE_PARTY_PROBLEM,
    INTAKE_PROMISED,
    INTAKE_SUBJECT_HEADING,
    INTAKE_UNDECIDED,
)
from counter.ui.look.text_size import scaled
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.unbroken import unbroken
from counter.words.cases import party_problem_why, subject_problem_why
from counter.words.dates import day_text
from counter.words.documents import DOC_TITLE
from counter.words.intake import (
    INTAKE_REASON_RECEIVED,
    OUTCOME,
    OUTCOME_RECEIVED,
    OUTCOME_SUMMARY,
    OUTCOME_SUMMARY_HELD,
    OUTCOME_SUMMARY_RECEIVED,
    intake_reason,
    not_possible_text,
)
from counter.words.workdays import beyond_data_warning


def headline(outcome: Outcome, received: bool = False) -> str:
    """The outcome's word; ``received``: the window only receives the items, and its paper decides nothing
    (a 申请事项告知书, never a 不予受理通知书): the word the paper has, not a refusal's."""
    if outcome is Outcome.INCOMPLETE:
        return INTAKE_UNDECIDED
    return OUTCOME_RECEIVED.get(outcome, OUTCOME[outcome]) if received else OUTCOME[outcome]


def summary(decision: Decision) -> str:
    """The line under the headline.  Undecided, it says the materials are not yet checked only where a material or a
    situation is what stands in the way: beside 材料已全部核对 it sent the clerk back over a finished checklist, when
    the reason below was a 不予受理 the window may not make."""
    if decision.outcome is Outcome.INCOMPLETE and not any(isinstance(r.code, ProblemCode) for r in decision.reasons):
        return OUTCOME_SUMMARY_HELD if decision.reasons else OUTCOME_SUMMARY[decision.outcome]
    return OUTCOME_SUMMARY[decision.outcome]


def reason_lines(decision: Decision) -> list[str]:
    return [intake_reason(r.code, r.subject, r.name) for r in decision.reasons]


def received_lines(decision: Decision) -> list[str]:
    """:func:`shown_reason_lines` where the hall only receives the items: a ground's line says what the window found,
    not a 不予受理 it does not make (:data:`counter.words.intake.INTAKE_REASON_RECEIVED`)."""
    found = {
        intake_reason(r.code, r.subject, r.name): INTAKE_REASON_RECEIVED[r.code]
        for r in decision.reasons
        if isinstance(r.code, ReasonCode) and r.code in INTAKE_REASON_RECEIVED
    }
    return [found.get(line, line) for line in shown_reason_lines(decision)]


def shown_reason_lines(decision: Decision) -> list[str]:
    """The reasons, less the materials to check while a situation is still unanswered.

    Until every situation is answered the list of materials is not known, and
    naming each of them as unchecked would bury the one thing to do first.
    """
    reasons = decision.reasons
    if not any(r.code is ProblemCode.SITUATION_UNANSWERED for r in reasons):
        return reason_lines(decision)
    kept = [r for r in reasons if r.code is not ProblemCode.MATERIAL_UNACCOUNTED]
    lines = [intake_reason(r.code, r.subject, r.name) for r in kept]
    if len(kept) < len(reasons):
        lines.append(INTAKE_ANSWER_FIRST)
    return lines


def date_lines(decision: Decision) -> list[str]:
    """The dates the notice will carry, each kept whole on its line (2026年12月4日, never 2026年12 / 月4日)."""
    lines = []
    if decision.promised_date is not None:
        lines.append(INTAKE_PROMISED.format(date=_day(decision.promised_date)))
    lines += [INTAKE_DEFERRED_DUE.format(name=d.name, date=_day(d.due)) for d in decision.deferred]
    if decision.correction_due is not None:
        lines.append(INTAKE_CORRECTION_DUE.format(date=_day(decision.correction_due)))
    if decision.notify_by is not None:
        lines.append(INTAKE_NOTIFY_BY.format(date=_day(decision.notify_by)))
    return lines


def _day(day: dt.date) -> str:
    return unbroken(day_text(day))


def beyond_text(beyond: BeyondData | None) -> str:
    """The warning: naming the last day of holiday data (so the clerk knows which dates are provisional), or, when
    it is not known, that the arrangement is not published yet."""
    return INTAKE_BEYOND_CALENDAR if beyond is None else INTAKE_BEYOND_NAMED.format(warning=beyond_data_warning(beyond))


def party_problem_text(problem: PartyProblem) -> str:
    """The field and what is wrong; an ID number's own error stands beside its field already."""
    field = INTAKE_PARTY_FIELD[problem.field]
    return INTAKE_PARTY_PROBLEM.format(field=field, problem=party_problem_why(problem))


def subject_problem_text(problem: SubjectProblem, subject: Subject | None) -> str:
    """The subject's field by its label, and what is wrong."""
    field = subject.field(problem.field) if subject is not None else None
    label = field.label if field is not None else problem.field
    return INTAKE_PARTY_PROBLEM.format(field=label, problem=subject_problem_why(problem))


def commit_problems(err: IntakeNotPossible, subject: Subject | None = None) -> str:
    """Everything that stood in the way of a commit, in one message."""
    lines = []
    if err.decision is not None and not err.decision.outcome.decided:
        lines += reason_lines(err.decision)
    lines += [party_problem_text(p) for p in err.party_problems]
    lines += [subject_problem_text(p, subject) for p in err.subject_problems]
    if err.why is not None:
        lines.append(not_possible_text(err.why, err.names))
    return "\n".join([INTAKE_NOT_POSSIBLE, *(f"• {line}" for line in lines)])


def _bullets(lines: Sequence[str]) -> str:
    return "<br>".join(f"• {html.escape(line)}" for line in lines)


class OutcomeBox(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = Outcome.INCOMPLETE
        self._summary = ""
        self.received = False  # the window only receives the outcome's items: its paper decides nothing
        self.held = False  # the headline says what the clerk must do first, not the outcome
        self.headline = plain_label()
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = plain_label()
        self.reasons = plain_label()
        self.dates = plain_label()
        self.beyond = plain_label(INTAKE_BEYOND_CALENDAR)
        self.beyond.setProperty("role", "warning")
        self.parties = plain_label()
        self.error = plain_label()
        self.error.setProperty("role", "message")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for label in (self.headline, self.summary, self.reasons, self.dates, self.beyond, self.parties, self.error):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.dates.setStyleSheet("font-weight: bold; color: #102a43;")
        for label in (self.reasons, self.parties):
            label.setTextFormat(Qt.TextFormat.RichText)

    def show_decision(self, decision: Decision, beyond: BeyondData | None = None, paper: str = "") -> None:
        """``beyond``: where the holiday data stops before the decision's dates
        (:func:`counter.intake.provisional.provisional_mark`); ``paper``: the hall's 收件 paper the outcome prints,
        where it only receives the items (:func:`counter.documents.outcome_preview.received_papers_of`)."""
        self.outcome = decision.outcome
        self.received = bool(paper)
        received = OUTCOME_SUMMARY_RECEIVED.get(decision.outcome) if paper else None
        self._summary = received.format(paper=paper) if received else summary(decision)
        self.show_outcome()
        self.reasons.setText(_bullets(received_lines(decision) if paper else shown_reason_lines(decision)))
        dates = date_lines(decision)
        self.dates.setText("\n".join(dates))
        self.dates.setVisible(bool(dates))
        self.beyond.setText(beyond_text(beyond))
        self.beyond.setVisible(decision.beyond_calendar_data)
        self.error.hide()

    def show_outcome(self) -> None:
        """The headline and its line as the decision has them: nothing stands between it and the button."""
        self.held = False
        self.headline.setText(headline(self.outcome, self.received))
        self.headline.setStyleSheet(scaled(headline_style(self.outcome, self.received)))
        self.summary.setText(self._summary)

    def show_undecided(self) -> None:
        """No decision to show (the preview failed): the headline of the undecided, over the greyed button."""
        self.outcome = Outcome.INCOMPLETE
        self._summary = ""
        self.show_outcome()

    def show_blocked(self) -> None:
        """Decided, but what the commit checks is not right yet (the lines beneath say what): the headline must not
        say the outcome in its colour over a greyed button."""
        self.held = True
        self.headline.setText(INTAKE_BLOCKED_HEADLINE)
        self.headline.setStyleSheet(scaled(headline_style(Outcome.INCOMPLETE)))
        self.summary.setText(INTAKE_BLOCKED.format(outcome=headline(self.outcome, self.received)))

    def show_deferral_unconfirmed(self, paper: str = "") -> None:
        """The applicant asked for 容缺 and its conditions are not yet confirmed: the headline is neither the 补正 the
        form comes to meanwhile nor a 容缺受理 not yet granted, but what the clerk must do (the commit waits too).

        ``paper``: the hall's 收件 paper a 容缺 prints where the window only receives the items (容缺后补材料告知书);
        the line names the paper that will print, as the button does."""
        self.held = True
        self.headline.setText(INTAKE_DEFERRAL_UNCONFIRMED_HEADLINE)
        self.headline.setStyleSheet(scaled(headline_style(Outcome.INCOMPLETE)))
        self.summary.setText(INTAKE_DEFERRAL_UNCONFIRMED.format(paper=paper or DOC_TITLE["deferral"]))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def show_party_problems(
        self,
        problems: Sequence[PartyProblem],
        subject: Subject | None = None,
        of_subject: Sequence[SubjectProblem] = (),
        more: Sequence[str] = (),
    ) -> None:
        """The applicant's part, then the subject's (the newborn's, the household's), each under its heading;
        ``more``: what else the desk found of the applicant (an expired card read)."""
        parts = []
        lines = [*more, *(party_problem_text(p) for p in problems)]
        if lines:
            parts.append(f"<b>{html.escape(INTAKE_PARTY_HEADING)}</b><br>{_bullets(lines)}")
        lines = [subject_problem_text(p, subject) for p in of_subject]
        if lines and subject is not None:
            heading = INTAKE_SUBJECT_HEADING.format(title=subject.title)
            parts.append(f"<b>{html.escape(heading)}</b><br>{_bullets(lines)}")
        self.parties.setText("<br>".join(parts))
        self.parties.setVisible(bool(parts))
