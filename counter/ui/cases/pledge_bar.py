"""The case page's 告知承诺 section: the chosen item's grant on the applicant's promise, its 核查, its revocation, and
their papers.

An item the guide marks for 告知承诺 (国办发〔2020〕42号) is granted on the spot on the applicant's signed 告知承诺书 by
the body that may decide it, checked after, and revoked when the check finds the promise false (《中华人民共和国行政
许可法》第六十九条第二款).  Under the item table, for the item chosen in it, the section says where the item stands
(open, granted with its 核查 date, checked, revoked) and offers what the account may do now: 告知承诺准予 (then the
告知承诺书's preview), 核查属实, 承诺不实，撤销许可 (with what the check found; then the 撤销行政许可决定书's
preview), and each paper again.  The grant asks what the window's 准予 form asks of the result, in its words and
with its checks: the licence's number (optional) and a 行政许可's 有效期限, kept on the decision as any 准予's.
Where the account may not, it says why: the body that decides the item (the one rule,
:mod:`counter.access.authority`), or the supervisor's role a revocation needs.  Each act is a step under a short
confirmation row (确认 / 取消, Enter and Esc), asked again by its operation (:mod:`counter.service.pledges`); the papers
go through the app's print preview (:func:`counter.ui.printing.opening.open_preview`), numbered the first time and
reprinted the same.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Callable, Sequence
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter.access.desk import Desk
from counter.access.pledge_offers import PledgeOffer
from counter.access.roles import Permission
from counter.case.entered_for import Entered
from counter.case.item_lines import item_paths, office_day
from counter.case.item_path import ItemState, state_of
from counter.case.pledge_checks import grant_open
from counter.case.pledge_steps import DEFAULT_PERIOD_FLOOR
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseView
from counter.documents.kinds import DocumentKind
from counter.service.pledges import (
    GRANT_ON_PLEDGE,
    PLEDGE_PAPER,
    RECORD_PLEDGE_CHECK,
    PledgeCheck,
    PledgePaper,
    PledgeStep,
)
from counter.ui.cases import words
from counter.ui.cases.pledge_false_steps import (
    FalsePromiseSteps,
    false_state_text,
    may_take_false_steps,
    period_box,
    preview_promise_paper,
    refused_text,
)
from counter.ui.cases.rules import FormValues, allowed, form_problems
from counter.ui.cases.validity_fields import ValidityFields
from counter.ui.door.runner import Runner
from counter.ui.widgets.plain_text import plain_label
from counter.words.access import not_permitted
from counter.words.pledges import (
    PLEDGE_ASK_FALSE,
    PLEDGE_ASK_GRANT,
    PLEDGE_ASK_KEPT,
    PLEDGE_CANCEL,
    PLEDGE_CHECKED,
    PLEDGE_CONFIRM,
    PLEDGE_CORRECT_WITHIN,
    PLEDGE_CORRECT_WITHIN_LABEL,
    PLEDGE_FALSE,
    PLEDGE_FALSE_BUTTON,
    PLEDGE_FINDING,
    PLEDGE_FOUND_FALSE,
    PLEDGE_GRANT_BUTTON,
    PLEDGE_GRANTED,
    PLEDGE_KEPT,
    PLEDGE_KEPT_BUTTON,
    PLEDGE_NOT_HERE,
    PLEDGE_OPEN,
    PLEDGE_OWED,
    PLEDGE_PAPER_BUTTON,
    PLEDGE_REVOCATION_BUTTON,
    PLEDGE_REVOCATION_TITLE,
    PLEDGE_REVOKE_ROLE,
    PLEDGE_SECTION,
    PLEDGE_SIGN_FIRST,
    PLEDGE_TITLE,
    PLEDGE_WITHDRAWN,
)
from counter.words.punctuation import CLAUSE_ENDS, CLAUSE_JOIN

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from counter.documents.case_page import ItemLine
    from counter.ui.cases.case_reading import Loaded
    from counter.ui.cases.item_states import ItemStates

log = logging.getLogger(__name__)


class Page(Protocol):
    """What the section needs of the case page it sits on (:class:`counter.ui.cases.case_page.CasePage`)."""

    item_states: ItemStates
    case_changed: SignalInstance

    def reload(self, then: Callable[[Loaded], None] | None = None) -> Loaded: ...
    def show_notice(self, text: str, kind: str) -> None: ...


class PledgeAct(StrEnum):
    """What the section does to the chosen item."""

    GRANT = "grant"  # 告知承诺准予
    KEPT = "kept"  # 核查属实
    FALSE = "false"  # 承诺不实，撤销许可
    PAPER = "paper"  # 告知承诺书
    REVOCATION = "revocation"  # 撤销行政许可决定书


class PledgeBar(QWidget):
    changed = Signal(str)  # the case's number: a grant or a check was saved
    told = Signal(str, str)  # what the last act did or why not, and its style (the page's notice line)

    def __init__(self, runner: Runner, desk: Desk, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner, self._desk, self._today = runner, desk, today
        self.view: CaseView | None = None
        self.offers: dict[str, PledgeOffer] = {}
        self.item: ItemLine | None = None
        self.asked: PledgeAct | None = None  # the act the confirmation row asks about
        self._reload: Callable[[Callable[[Loaded], None]], Loaded] | None = None  # the page's reading, once on one
        self.heading = plain_label(PLEDGE_SECTION)
        self.heading.setObjectName("sectionHeading")
        self.state = plain_label(wrap=True)
        self.why = plain_label(wrap=True)
        self.why.setObjectName("withheld")
        self.buttons = {
            PledgeAct.GRANT: QPushButton(PLEDGE_GRANT_BUTTON),
            PledgeAct.KEPT: QPushButton(PLEDGE_KEPT_BUTTON),
            PledgeAct.FALSE: QPushButton(PLEDGE_FALSE_BUTTON),
            PledgeAct.PAPER: QPushButton(PLEDGE_PAPER_BUTTON),
            PledgeAct.REVOCATION: QPushButton(PLEDGE_REVOCATION_BUTTON),
        }
        self.buttons[PledgeAct.FALSE].setObjectName("supervisorAction")
        self.question = plain_label(wrap=True)
        self.finding = QLineEdit()
        self.finding.setPlaceholderText(PLEDGE_FINDING)
        self.finding.setAccessibleName(PLEDGE_FINDING)
        # the 责令限期改正's period in working days from the order's service, where the item's law orders one (the
        # action asks, and refuses fewer than the item's floor)
        self.correct_within = period_box(PLEDGE_CORRECT_WITHIN)
        self.correct_within_label = plain_label(PLEDGE_CORRECT_WITHIN_LABEL)  # the number says what it is, beside it
        self.correct_within_label.setBuddy(self.correct_within)
        # the grant's result, as the window's 准予 form asks it (counter.ui.cases.action_form): the licence's number,
        # optional, and for a 行政许可 its 有效期限
        self.result_no = QLineEdit()
        self.result_no.setPlaceholderText(words.CASE_REASON_HINT[CaseEvent.ITEM_APPROVED])
        self.result_no_label = plain_label(words.CASE_FORM_RESULT_NO)
        self.result_no_label.setBuddy(self.result_no)
        self.result_no.returnPressed.connect(self.on_confirmed)
        self.validity_fields = ValidityFields()  # a licence's grant only
        self.validity_label = plain_label(words.ITEM_STEP_VALIDITY)
        self.valid_until_label = plain_label(words.ITEM_STEP_VALID_UNTIL)
        self.validity_label.setBuddy(self.validity_fields.choice)
        self.valid_until_label.setBuddy(self.validity_fields.until)
        self.licence = False  # the grant asked about is a 行政许可's: its 有效期限 asked
        # the grant or the 核查 entered by the window for the department (代为录入): the department's 文号 and its
        # officer, asked by the same rule as any 准予 (counter.case.entered_for); not shown at the department's own desk
        self.department_no, self.officer = QLineEdit(), QLineEdit()
        for typed, name, hint in (
            (self.department_no, words.CASE_FORM_DEPARTMENT_NO, words.CASE_FORM_DEPARTMENT_NO_HINT),
            (self.officer, words.CASE_FORM_OFFICER, words.CASE_FORM_OFFICER_HINT),
        ):
            typed.setPlaceholderText(hint)
            typed.setAccessibleName(name)
            typed.returnPressed.connect(self.on_confirmed)
        self.confirm_button = QPushButton(PLEDGE_CONFIRM)
        self.cancel_button = QPushButton(PLEDGE_CANCEL)
        self.false_steps = FalsePromiseSteps(runner, desk, today)  # the hearing, the revocation, their papers
        self.false_steps.saved.connect(self._step_saved)
        self.false_steps.refused.connect(lambda text: self.told.emit(text, "noticeError"))
        self._lay_out()
        for act, button in self.buttons.items():
            button.clicked.connect(partial(self.on_act, act))
        self.confirm_button.clicked.connect(self.on_confirmed)
        self.finding.returnPressed.connect(self.on_confirmed)
        self.cancel_button.clicked.connect(self.close_question)
        self.hide()

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 4, 0, 0)
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        # the grant's result above the confirmation's row, a field a line, laid out as on the 准予 form: the number
        # keeps its width on a narrow screen at a large text size
        self.granting = QWidget()
        grant = QGridLayout(self.granting)
        grant.setContentsMargins(0, 4, 0, 0)
        grant.addWidget(self.result_no_label, 0, 0)
        grant.addWidget(self.result_no, 0, 1)
        grant.addWidget(self.validity_label, 1, 0)
        grant.addWidget(self.validity_fields.choice, 1, 1, Qt.AlignmentFlag.AlignLeft)
        grant.addWidget(self.valid_until_label, 2, 0)
        grant.addWidget(self.validity_fields.until, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grant.setColumnStretch(1, 1)
        self.asking = QWidget()
        ask = QHBoxLayout(self.asking)
        ask.setContentsMargins(0, 4, 0, 0)
        ask.addWidget(self.finding, 1)
        ask.addWidget(self.department_no, 1)
        ask.addWidget(self.officer, 1)
        ask.addWidget(self.correct_within_label)
        ask.addWidget(self.correct_within)
        ask.addStretch(0)  # where no finding is asked, the buttons keep their size, at the right as on every form
        ask.addWidget(self.confirm_button)
        ask.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        for widget in (self.heading, self.state, self.why):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.false_steps)
        layout.addWidget(self.question)
        layout.addWidget(self.granting)
        layout.addWidget(self.asking)
        self.question.hide()
        self.granting.hide()
        self.asking.hide()
        chain = (self.result_no, self.validity_fields.choice, self.validity_fields.until, self.finding)
        for before, after in itertools.pairwise(chain):  # the result first, then the confirmation's row
            QWidget.setTabOrder(before, after)

    def connect_page(self, page: Page) -> None:
        """Follow the item chosen in the page's table; a saved act reads the case again; the page says what it did."""
        page.item_states.table.itemSelectionChanged.connect(lambda: self.show_item(page.item_states.chosen()))
        self._reload = page.reload
        self.changed.connect(page.case_changed)
        self.told.connect(page.show_notice)

    # --- reading ---------------------------------------------------------------------

    def show_case(self, view: CaseView, chosen: ItemLine | None, offers: Sequence[PledgeOffer]) -> None:
        """The case's 告知承诺 items as the page read them (:mod:`counter.ui.cases.case_reading`; none where its guide
        marks none), and the chosen one shown."""
        self.view = view
        self.offers = {offer.item_code: offer for offer in offers}
        self.show_item(chosen)

    def show_item(self, item: ItemLine | None) -> None:
        offer = self.offers.get(item.code) if item is not None else None
        self.false_steps.show_for(self.view.case_no if self.view else "", item, offer)
        if item is None or offer is None or self.view is None:
            self.item = None
            self.close_question()
            self.hide()
            return
        if self.item is None or self.item.code != item.code:
            self.close_question()
        self.item = item
        offered, why = self._offered(self.view, item, offer)
        self.state.setText(_state_text(item, offer))
        self.why.setText(why)
        self.why.setVisible(bool(why))
        for act, button in self.buttons.items():
            button.setVisible(act in offered)
        self.show()

    def _offered(self, view: CaseView, item: ItemLine, offer: PledgeOffer) -> tuple[tuple[PledgeAct, ...], str]:
        """The acts on ``item`` the account may take now, and why one the item calls for is not offered."""
        row, actor = offer.row, self._desk.actor
        papers = () if row is None else (PledgeAct.PAPER,) if row.revoked_on is None else (PledgeAct.REVOCATION,)
        if view.status is CaseStatus.VOIDED:
            return papers, ""
        if offer.refusal is not None:  # not this account's to grant, check or revoke
            return papers, PLEDGE_NOT_HERE.format(item=item.name, deciding=offer.deciding)
        if row is None:
            return _grant_offered(view, item)
        if row.checked_on is not None:
            return papers, ""
        if may_take_false_steps(actor, offer):  # a supervisor at the window, or the department's own staff
            return (PledgeAct.KEPT, PledgeAct.FALSE, *papers), ""
        role = not_permitted(Permission.DECIDE_DEFERRAL, actor.signed_in, not actor.signed_in)
        return (PledgeAct.KEPT, *papers), PLEDGE_REVOKE_ROLE + role

    # --- acts ------------------------------------------------------------------------

    def on_act(self, act: PledgeAct, _checked: bool = False) -> None:
        item = self.item
        if item is None:
            return
        if act in (PledgeAct.PAPER, PledgeAct.REVOCATION):
            if self.view is not None:
                self.print_paper(self.view.case_no, item, revoked=act is PledgeAct.REVOCATION)
            return
        self.asked = act
        ask = {PledgeAct.GRANT: PLEDGE_ASK_GRANT, PledgeAct.KEPT: PLEDGE_ASK_KEPT, PledgeAct.FALSE: PLEDGE_ASK_FALSE}
        self.question.setText(ask[act].format(item=item.name, department=item.department))
        self.question.show()
        self.finding.clear()
        self.finding.setVisible(act is PledgeAct.FALSE)
        self.correct_within.setVisible(act is PledgeAct.FALSE)
        self.correct_within_label.setVisible(act is PledgeAct.FALSE)
        self.correct_within.setValue(DEFAULT_PERIOD_FLOOR)  # the least the action takes where the item sets none
        self._ask_result(act is PledgeAct.GRANT, item)
        entered = item.entrusted  # the grant and the 核查 alike: the department's acts, entered for it
        for typed in (self.department_no, self.officer):
            typed.clear()
            typed.setVisible(entered)
        self.asking.show()
        first = (
            self.finding if act is PledgeAct.FALSE
            else self.result_no if act is PledgeAct.GRANT
            else self.department_no if entered
            else self.confirm_button
        )  # fmt: skip
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ask_result(self, granting: bool, item: ItemLine) -> None:
        """The grant's result, empty: its number, and a licence's 有效期限 (证照未载明 first, today's date offered)."""
        self.licence = granting and item.licence
        self.result_no.clear()
        self.validity_fields.reset(self._today())
        for widget in (self.validity_label, self.validity_fields.choice, self.valid_until_label):
            widget.setVisible(self.licence)
        self.validity_fields.until.setVisible(self.licence)
        self.granting.setVisible(granting)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Esc gives up the question asked, and only that: the page stays open (Esc there closes it); Enter in the
        grant's 有效期限 confirms it."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers() and self.asking.isVisible():
            self.close_question()
            self.buttons[PledgeAct.GRANT if self.item is None else self._first_shown()].setFocus()
            return
        validity = (self.validity_fields.choice, self.validity_fields.until)
        if event.key() in _ENTER and self.granting.isVisible() and QApplication.focusWidget() in validity:
            self.on_confirmed()  # as on the 准予 form: Enter confirms from any field (the lines by their own Enter)
            return
        super().keyPressEvent(event)

    def _first_shown(self) -> PledgeAct:
        return next((act for act, b in self.buttons.items() if b.isVisible()), PledgeAct.GRANT)

    def close_question(self) -> None:
        self.asked = None
        self.question.hide()
        self.granting.hide()
        self.asking.hide()

    def on_confirmed(self) -> None:
        act, item, view = self.asked, self.item, self.view
        if act is None or item is None or view is None:
            return
        done = partial(self._confirmed, act, item, view.case_no)
        refused = partial(self._refused, item)
        if act is PledgeAct.GRANT:
            entered = Entered(self.department_no.text(), self.officer.text()) if item.entrusted else None
            validity = self.validity_fields.chosen() if self.licence else None
            values = FormValues(
                reason=self.result_no.text().strip(), item=item.code, validity=validity, entered=entered
            )
            problems = form_problems(CaseEvent.ITEM_APPROVED, values, view, self._today())  # the 准予 form's checks
            if problems:
                self.told.emit(CLAUSE_JOIN.join(words.CASE_FORM_PROBLEM[p] for p in problems), "noticeError")
                return
            grant = PledgeStep(view.case_no, item.code, values.reason, entered, validity)
            self._runner.submit_step(GRANT_ON_PLEDGE, grant, self._desk, words.CASE_SAVE_FAILED, owner=self,
                                     answered=done, failed=refused)  # fmt: skip
        else:
            kept = act is PledgeAct.KEPT
            within = None if kept else self.correct_within.value()
            entered = Entered(self.department_no.text(), self.officer.text()) if item.entrusted else None
            check = PledgeCheck(view.case_no, item.code, kept, self.finding.text(), within, entered)
            self._runner.submit_step(RECORD_PLEDGE_CHECK, check, self._desk, words.CASE_SAVE_FAILED, owner=self,
                                     answered=done, failed=refused)  # fmt: skip

    def _confirmed(self, act: PledgeAct, item: ItemLine, case_no: str, _saved: object) -> None:
        log.info("case %s: promise %s of %s", case_no, act.value, item.code)
        self.close_question()
        self._read_again(case_no, lambda: self._said(act, item, case_no))

    def _step_saved(self, case_no: str, said: str) -> None:
        """A hearing or a revocation saved: read again and said as a grant or a check is."""
        self._read_again(case_no, lambda: self.told.emit(said, "noticeOk"))

    def _read_again(self, case_no: str, then: Callable[[], None]) -> None:
        """An act saved: the case's change emitted, the case read again (the page may choose the next item waiting),
        then ``then`` says it."""
        self.changed.emit(case_no)
        if self._reload is None:
            then()
        else:
            self._reload(lambda _loaded: then())

    def _said(self, act: PledgeAct, item: ItemLine, case_no: str) -> None:
        if act is PledgeAct.GRANT:
            offer = self.offers.get(item.code)
            due = offer.row.check_due.isoformat() if offer is not None and offer.row is not None else ""
            self.told.emit(PLEDGE_GRANTED.format(item=item.name, due=due), "noticeOk")
            self.print_paper(case_no, item, revoked=False)
        elif act is PledgeAct.KEPT:
            self.told.emit(PLEDGE_CHECKED.format(item=item.name), "noticeOk")
        else:
            self.told.emit(PLEDGE_WITHDRAWN.format(item=item.name), "noticeOk")

    def print_paper(self, case_no: str, item: ItemLine, *, revoked: bool) -> None:
        """The 告知承诺书 (or the 撤销行政许可决定书) in the print preview: numbered now, or reprinted as first made."""
        make = PledgePaper(case_no, item.code, revoked)
        made = partial(self._paper_made, case_no, revoked)
        self._runner.submit_step(PLEDGE_PAPER, make, self._desk, words.CASE_SAVE_FAILED, owner=self, answered=made,
                                 failed=partial(self._refused, item))  # fmt: skip

    def _paper_made(self, case_no: str, revoked: bool, pdf: bytes) -> None:
        kind, heading = (
            (DocumentKind.DENIAL, PLEDGE_REVOCATION_TITLE) if revoked else (DocumentKind.PLEDGE, PLEDGE_TITLE)
        )
        preview_promise_paper(self, self._runner, self._desk, case_no, pdf, kind, heading)

    def _refused(self, item: ItemLine, err: Exception) -> None:
        """An act not saved, said on the page's notice line; any other exception is a fault of the program."""
        self.told.emit(refused_text(err, item), "noticeError")


_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: before the department's 受理: routed, or waiting for the applicant's 补正 (许可法 第三十二条)
_NOT_SIGNED = frozenset({None, ItemState.ROUTED, ItemState.CORRECTING})


def _grant_offered(view: CaseView, item: ItemLine) -> tuple[tuple[PledgeAct, ...], str]:
    """The grant, where the item's path allows a 准予 now (:func:`counter.case.pledge_checks.grant_open`); before its
    department signed for it, the department signs for it or refuses to accept it (the step bar), and the grant is
    not offered beside them: the section says it comes after the 签收."""
    if item.code in view.decisions() or not allowed(view, CaseEvent.ITEM_APPROVED):
        return (), ""
    state = state_of(item_paths(view.history, office_day).get(item.code, []))
    if grant_open(state, item.received):
        return (PledgeAct.GRANT,), ""
    return (), PLEDGE_SIGN_FIRST.format(item=item.name) if state in _NOT_SIGNED else ""


def _state_text(item: ItemLine, offer: PledgeOffer) -> str:
    row = offer.row
    if row is None:
        return PLEDGE_OPEN.format(item=item.name, deciding=offer.deciding)
    granted = row.granted_on.isoformat()
    if row.checked_on is None:
        return PLEDGE_OWED.format(item=item.name, granted=granted, due=row.check_due.isoformat())
    if row.kept:
        return PLEDGE_KEPT.format(item=item.name, granted=granted, day=row.checked_on.isoformat())
    if row.revoked_on is None:  # found false: the correction ordered and the hearing come before any revocation
        finding = row.finding.rstrip(CLAUSE_ENDS)  # the sentence goes on after it: "不符。；" read twice stopped
        text = PLEDGE_FOUND_FALSE.format(item=item.name, day=row.checked_on.isoformat(), finding=finding)
        return text + false_state_text(row)
    return PLEDGE_FALSE.format(item=item.name, day=row.revoked_on.isoformat(), finding=row.finding)
