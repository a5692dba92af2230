"""The steps the case page takes, and what it says once each has answered: the page's slots of acting.

:class:`counter.ui.cases.case_page.CasePage` shows a case; the slots here take a step on it (a form's action, a
department's step of one item, 当场办结并送达, 统一出件) through the modules that word each step
(:mod:`counter.ui.cases.case_steps`, :mod:`counter.ui.cases.item_step`, :mod:`counter.ui.cases.same_day_step`,
:mod:`counter.ui.cases.hand_over_step`), and go on once the step has answered on the window's thread: the form
closed or kept, the case read again, the notice said, :attr:`case_changed` emitted, in that order, as the clerk has
always seen them.  The seam is the page's own: what it shows (the reading, the drawing) in
:mod:`counter.ui.cases.case_page`; what it does, here, as a part of the same class (:class:`StepSlots`), so that the
page's slots keep their names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING

from counter.case.correction_lapse import CorrectionNotDue
from counter.case.decisions import DecisionRefused
from counter.case.not_found import CaseNotFound
from counter.case.status import CaseEvent, MoveNotAllowed
from counter.case.view import CaseView
from counter.intake.not_possible import IntakeNotPossible, NotPossibleWhy
from counter.ui.cases import words
from counter.ui.cases.case_heading import only_received, status_text
from counter.ui.cases.case_reading import Loaded
from counter.ui.cases.case_steps import take_step
from counter.ui.cases.hand_over_step import confirm as confirm_hand_over
from counter.ui.cases.item_step import Outcome as StepOutcome
from counter.ui.cases.item_step import confirm as confirm_item_step
from counter.ui.cases.rules import form_problems
from counter.ui.cases.same_day_step import finish_same_day
from counter.ui.door.refused import refusal_text
from counter.ui.printing.opening import open_preview
from counter.words.cases import RULE_PROBLEMS, decision_refused_text
from counter.words.intake import not_possible_text
from counter.words.punctuation import SENTENCES

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QLabel

    from counter.access.desk import Desk
    from counter.documents.case_page import ItemLine
    from counter.ui.cases.action_form import ActionForm
    from counter.ui.cases.hand_over_form import HandOverForm
    from counter.ui.cases.item_states import ItemStates
    from counter.ui.cases.item_step_form import ItemStepForm
    from counter.ui.door.runner import Runner

log = logging.getLogger(__name__)

#: what a form's step answers when the case moved at another desk meanwhile: the page shows it as it is now
_CHANGED_MEANWHILE = (DecisionRefused, MoveNotAllowed, IntakeNotPossible, CaseNotFound)


if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget as _Page
else:
    _Page = object  # the page is the widget: a part of it here, not a second one


class StepSlots(_Page):
    """The case page's slots that take a step (a part of :class:`counter.ui.cases.case_page.CasePage`)."""

    if TYPE_CHECKING:  # what the page holds
        _runner: Runner
        _desk: Desk
        _today: Callable[[], dt.date]
        _items: tuple[ItemLine, ...]
        view: CaseView | None
        read_error: str
        notice: QLabel
        form: ActionForm
        hand_over: HandOverForm
        item_step_form: ItemStepForm
        item_states: ItemStates
        case_changed: SignalInstance

        def reload(self, then: Callable[[Loaded], None] | None = None) -> Loaded: ...
        def show_notice(self, text: str, kind: str) -> None: ...
        def on_notices_changed(self) -> None: ...
        def on_paper_sent(self, text: str, unrecorded: str) -> None: ...

    def on_item_step_confirmed(self) -> None:
        """The department's step saved, or refused in words with the case left as it was."""
        form, view = self.item_step_form, self.view
        item = next((i for i in self.item_states.items if i.code == form.item), None)
        if form.step is None or view is None or item is None:
            return
        confirm_item_step(self._runner, self._desk, view.case_no, item, form.request(), owner=self,
                          then=partial(self._item_stepped, view.case_no))  # fmt: skip

    def _item_stepped(self, case_no: str, outcome: StepOutcome) -> None:
        if outcome.style == "form":
            self.item_step_form.show_problems(outcome.text)
            return
        if outcome.saved or outcome.reload:
            self.item_step_form.close_form()
        self._said(case_no, outcome)

    def on_same_day(self) -> None:
        """当场办结并送达: both moves at once, checked again by the action."""
        view = self.view
        assert view is not None  # the button shows once the case is read, and the page opens only then
        self.notice.hide()
        self.form.close_form()
        finish_same_day(self._runner, self._desk, view.case_no, owner=self, then=partial(self._said, view.case_no))

    def _said(self, case_no: str, outcome: StepOutcome) -> None:
        """A step's outcome on the notice line, once the case is read again where the step calls for it."""
        if outcome.reload:
            self.reload(lambda _loaded: self._say(case_no, outcome))
        else:
            self._say(case_no, outcome)

    def _say(self, case_no: str, outcome: StepOutcome) -> None:
        text = outcome.text
        if outcome.moved:
            text = words.CASE_MOVED_MEANWHILE.format(status=status_text(self.view, self._items) if self.view else "")
        self.show_notice(text, outcome.style)
        if outcome.saved:
            self.case_changed.emit(case_no)

    def on_hand_over_confirmed(self) -> None:
        """统一出件 saved, then the 送达回证's preview beside the page, to print for the receiver to sign."""
        view = self.view
        assert view is not None  # the form opens from the case's own 统一出件 button
        confirm_hand_over(self._runner, self._desk, view.case_no, self.hand_over.request(),
                          received=only_received(self._items), owner=self,
                          then=partial(self._handed_over, view.case_no))  # fmt: skip

    def _handed_over(self, case_no: str, outcome: StepOutcome) -> None:
        if outcome.style == "form":
            self.hand_over.show_problems(outcome.text)
            return
        self.hand_over.close_form()
        if outcome.made is not None:
            self.reload(lambda _loaded: self._receipt(case_no, outcome))
        else:
            self._said(case_no, outcome)

    def _receipt(self, case_no: str, outcome: StepOutcome) -> None:
        """The hand-over shown kept: the 送达回证 to print, and what was handed over said."""
        assert outcome.made is not None
        self.case_changed.emit(case_no)
        preview = open_preview(self, self._runner, self._desk, (outcome.made,))
        preview.recorded.connect(self.on_notices_changed)
        preview.sent_all.connect(self.on_paper_sent)
        self.show_notice(outcome.text, outcome.style)

    def on_form_confirmed(self) -> None:
        event, view = self.form.action, self.view
        if event is None or view is None:
            return
        values = self.form.values()
        problems = form_problems(event, values, view, self._today())
        self.form.show_problems(problems)
        if problems:
            return
        items = {item.code: item.name for item in self._items}
        received = only_received(self._items)  # the sentence names the state as the badge does
        take_step(self._runner, self._desk, event, values, view, items, received=received, owner=self,
                  done=partial(self._step_taken, view.case_no, event),
                  refused=partial(self._step_refused, view=view, event=event, items=items))  # fmt: skip

    def _step_taken(self, case_no: str, event: CaseEvent, done: str) -> None:
        log.info("case %s: %s", case_no, event.value)
        self.form.close_form()
        self.reload(partial(self._step_shown, case_no, done))

    def _step_shown(self, case_no: str, done: str, loaded: Loaded) -> None:
        if loaded is Loaded.SHOWN:
            self.show_notice(done, "noticeOk")
        else:
            # saved, but not shown yet
            self.show_notice(SENTENCES.format(first=done, second=self.read_error), "noticeWarn")
        self.case_changed.emit(case_no)

    def _step_refused(self, err: Exception, view: CaseView, event: CaseEvent, items: Mapping[str, str]) -> None:
        """A step not saved: a fault or a refusal by rule is said with the form kept; a case that moved on at
        another desk meanwhile is shown as it is now."""
        if isinstance(err, DecisionRefused) and err.problem in RULE_PROBLEMS:
            log.warning("case %s: %s refused: %s", view.case_no, event.value, err.problem.value)
            self.show_notice(decision_refused_text(err, items), "noticeError")
        elif isinstance(err, CorrectionNotDue):
            # the page offered the lapse, so its deadline moved meanwhile (a day marked off): read again, the page
            # shows the deadline that refused it rather than one overdue beside the refusal
            log.warning("case %s: correction lapse refused before %s", view.case_no, err.first_day)
            first = err.first_day.isoformat() if err.first_day else ""
            self.form.close_form()
            not_due = words.CASE_CORRECTION_NOT_DUE.format(first_day=first)
            self._said(view.case_no, StepOutcome(not_due, "noticeError", reload=True))
        elif isinstance(err, IntakeNotPossible) and err.why is not None and err.why is not NotPossibleWhy.NOT_AWAITED:
            # not the case moving on (materials ticked that arrived meanwhile are): the step refused as it was asked
            log.warning("case %s: %s refused: %s", view.case_no, event.value, err)
            self.show_notice(not_possible_text(err.why, err.names), "noticeError")
        elif isinstance(err, _CHANGED_MEANWHILE):
            self._changed_meanwhile(view, event)
        else:
            self.show_notice(refusal_text(err), "noticeError")

    def _changed_meanwhile(self, view: CaseView, event: CaseEvent) -> None:
        """A step refused because the case moved at another desk meanwhile: the page shows it as it is now."""
        log.info("case %s: %s refused, the case changed meanwhile", view.case_no, event.value)
        self.form.close_form()
        self._said(view.case_no, StepOutcome("", "noticeWarn", reload=True, moved=True))
