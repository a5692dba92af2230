"""What follows a promise found false, on the case page: each paper's service, the 复查 of the correction ordered,
the 陈述申辩 notice, the revocation with the hearing's record, and the papers of the 责令限期改正 and of the notice.

A licence granted on a promise the 核查 found false is not revoked on the spot: where the item's law orders a
correction within a period first (the catalog's ``pledge.correction``: for 消防, 消防法 第五十八条第二款 as cited), the
applicant has that period from the order's service, and the 复查 says what became of it; then the body tells the
applicant the revocation it intends and hears them (陈述、申辩, within working days of the notice's service); only once
that period has passed does it revoke (行政许可法 第六十九条第二款), stating what the hearing gave.  The chain is one
line, so the row offers its next step only, with what that step asks beside its button (:func:`false_steps`), and the
papers made so far; the command line takes the same steps (``item serve``, ``item recheck``, ``item hear``, ``item
revoke``).  They go to the account that holds the power over the item — the standing the section reads
(:class:`counter.access.pledge_offers.PledgeOffer`), a supervisor at the window as for the revocation — each taken by
its operation (:mod:`counter.service.pledges`), which checks it all again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from enum import StrEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QWidget

from counter.access.desk import Desk
from counter.access.pledge_offers import PledgeOffer, PledgeRow
from counter.access.roles import Actor, Permission
from counter.case.decisions import DecisionRefused
from counter.case.entered_for import Entered
from counter.case.not_found import CaseNotFound
from counter.case.pledge_checks import PledgeNotice, PledgeRefused
from counter.case.pledge_steps import DEFAULT_PERIOD_FLOOR, Recheck
from counter.case.served import ServiceRefused, ServiceWay
from counter.case.status import MoveNotAllowed
from counter.documents.case_page import ItemLine
from counter.documents.data import DocumentNotPossible
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument
from counter.service.pledges import (
    HEAR_PLEDGE,
    PLEDGE_PAPER,
    RECHECK_PLEDGE,
    REVOKE_PLEDGE,
    SERVE_PLEDGE_PAPER,
    FalsePledgeStep,
    PledgePaper,
    PledgeRecheck,
    PledgeService,
)
from counter.ui.cases import words
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.ui.printing.opening import open_preview
from counter.ui.widgets.plain_text import plain_label
from counter.words.cases import RULE_PROBLEMS, decision_refused_text
from counter.words.documents import document_problems_text
from counter.words.pledges import (
    PLEDGE_ANSWER,
    PLEDGE_CORRECTING,
    PLEDGE_CORRECTION_PAPER_BUTTON,
    PLEDGE_CORRECTION_TITLE,
    PLEDGE_CORRECTION_UNSERVED,
    PLEDGE_HEAR_BUTTON,
    PLEDGE_HEAR_WITHIN,
    PLEDGE_HEAR_WITHIN_LABEL,
    PLEDGE_HEARD,
    PLEDGE_HEARING,
    PLEDGE_HEARING_PAPER_BUTTON,
    PLEDGE_HEARING_TITLE,
    PLEDGE_HEARING_UNSERVED,
    PLEDGE_MOVED,
    PLEDGE_RECHECK_BUTTON,
    PLEDGE_RECHECK_FINDING,
    PLEDGE_RECHECK_FOUND,
    PLEDGE_RECHECK_WAYS,
    PLEDGE_RECHECKED,
    PLEDGE_RECHECKED_TEXT,
    PLEDGE_REVOKE_BUTTON,
    PLEDGE_REVOKED_NOW,
    PLEDGE_SAID,
    PLEDGE_SERVE_BUTTON,
    PLEDGE_SERVE_PROOF,
    PLEDGE_SERVE_WAY,
    PLEDGE_SERVE_WAYS,
    PLEDGE_SERVE_WHICH,
    PLEDGE_SERVED_NOW,
    PLEDGE_SERVED_ON,
    pledge_refused_text,
)
from counter.words.served import service_refused_text

log = logging.getLogger(__name__)

#: the longest period the forms take, in working days: a body gives weeks, not years
MOST_DAYS = 90
#: the steps that are the department's acts toward the applicant: entered by the window for it (代为录入), each asks
#: the department's 文号 and officer (counter.case.pledge_entries); a paper's service is the hand-over's, asked neither
ENTERED_STEPS = frozenset({"recheck", "hear", "revoke"})


class FalseStep(StrEnum):
    SERVE = "serve"  # 记录送达 of the paper whose period runs next
    RECHECK = "recheck"  # 记录复查 of the correction ordered
    HEAR = "hear"  # 告知拟撤销许可和陈述、申辩的权利
    REVOKE = "revoke"  # 撤销许可, with what the hearing gave
    CORRECTION_PAPER = "correction"  # 责令限期改正通知书
    HEARING_PAPER = "hearing"  # 撤销行政许可陈述申辩告知书


def refused_text(err: Exception, item: ItemLine) -> str:
    """Why a step on ``item``'s promise was not saved, the section's acts and the steps after a false promise
    alike; any other exception is a fault of the program, raised on."""
    if isinstance(err, PledgeRefused):
        return pledge_refused_text(err.problem, err.case_no, item.name, err.floor)
    if isinstance(err, ServiceRefused):
        return service_refused_text(err.problems, err.case_no, err.doc_no)
    if isinstance(err, DocumentNotPossible):  # the step's paper names its 复议 body: the site has not set it
        return document_problems_text(err.problems, err.unnamed)
    if isinstance(err, DecisionRefused) and err.problem in RULE_PROBLEMS:
        return decision_refused_text(err, {item.code: item.name})
    if isinstance(err, (DecisionRefused, MoveNotAllowed, CaseNotFound)):
        return PLEDGE_MOVED
    return refusal_text(err)


def may_take_false_steps(actor: Actor, offer: PledgeOffer | None) -> bool:
    """Whether the account takes a false promise to its end on this item: the body's standing (the offer's), and at
    the window a supervisor's role; the deciding department's own staff need no window role (as the operations
    rule: :func:`counter.actions.intake.pledge_rows.acting_on`)."""
    if offer is None or offer.refusal is not None:
        return False
    return actor.may(Permission.DECIDE_DEFERRAL) or actor.may(Permission.ITEM_STEPS)


def _ordered(row: PledgeRow) -> bool:
    return bool(row.correction_doc_no) or row.correct_by is not None


def unserved_paper(row: PledgeRow) -> str:
    """The paper whose period runs next and whose service is not recorded ("correction", "hearing"; "" none)."""
    if _ordered(row) and row.correction_served is None and not row.recheck:
        return "correction"
    if row.heard_on is not None and row.hearing_served is None and row.hearing_doc_no:
        return "hearing"
    return ""


def false_steps(row: PledgeRow | None, may_act: bool, today: dt.date) -> tuple[FalseStep, ...]:
    """The steps the section offers for a promise found false: the one step next in the law's order — the service
    of the paper whose period runs next, the 复查 of the correction ordered, the hearing once the 复查 found it not
    made, the revocation once the hearing's period ran out from its service — to an account that may act
    (``may_act``); the papers made so far, to anyone who sees the case."""
    if row is None or row.kept is not False or row.checked_on is None:
        return ()
    papers: tuple[FalseStep, ...] = (FalseStep.CORRECTION_PAPER,) if _ordered(row) else ()
    papers += (FalseStep.HEARING_PAPER,) if row.heard_on is not None else ()
    if not may_act or row.revoked_on is not None or row.recheck == Recheck.CORRECTED:
        return papers
    if unserved_paper(row):
        return (FalseStep.SERVE, *papers)
    if _ordered(row) and not row.recheck:
        return (FalseStep.RECHECK, *papers)
    if row.heard_on is None:
        return (FalseStep.HEAR, *papers)
    heard = row.hear_by is not None and today > row.hear_by
    return ((FalseStep.REVOKE,) if heard else ()) + papers


def false_state_text(row: PledgeRow) -> str:
    """What was done of a promise found false so far, and until when: the buttons alone do not say it."""
    text = ""
    if _ordered(row):
        served = row.correction_served is not None and row.correct_by is not None
        text += PLEDGE_CORRECTING.format(day=row.correct_by.isoformat()) if served and row.correct_by else ""
        text += "" if served or row.recheck else PLEDGE_CORRECTION_UNSERVED
    if row.recheck and row.rechecked_on is not None:
        found = PLEDGE_RECHECK_WAYS.get(row.recheck, row.recheck)
        text += PLEDGE_RECHECKED_TEXT.format(day=row.rechecked_on.isoformat(), found=found)
    if row.heard_on is not None:
        if row.hear_by is not None:
            text += PLEDGE_HEARING.format(day=row.heard_on.isoformat(), by=row.hear_by.isoformat())
        else:
            text += PLEDGE_HEARING_UNSERVED.format(day=row.heard_on.isoformat())
    return text


def period_box(name: str) -> QSpinBox:
    """A period in working days, named for the screen reader: from the floor the action takes where the item sets
    none; a department's own floor may be higher, and the action says so."""
    box = QSpinBox()
    box.setRange(1, MOST_DAYS)
    box.setValue(DEFAULT_PERIOD_FLOOR)
    box.setAccessibleName(name)
    box.setToolTip(name)
    return box


class FalsePromiseSteps(QWidget):
    """The row of the next step after a false promise, with what it asks; the section shows it for its item and
    relays what it says."""

    saved = Signal(str, str)  # the case's number and what to say: a step was saved, the case to be read again
    refused = Signal(str)  # why a step was not saved, worded as the section's own acts are (refused_text)

    def __init__(self, runner: Runner, desk: Desk, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner, self._desk, self._today = runner, desk, today
        self.case_no = ""
        self.item: ItemLine | None = None
        self.paper = ""  # the paper SERVE records, as false_steps found it
        self.buttons = {
            FalseStep.SERVE: QPushButton(PLEDGE_SERVE_BUTTON),
            FalseStep.RECHECK: QPushButton(PLEDGE_RECHECK_BUTTON),
            FalseStep.HEAR: QPushButton(PLEDGE_HEAR_BUTTON),
            FalseStep.REVOKE: QPushButton(PLEDGE_REVOKE_BUTTON),
            FalseStep.CORRECTION_PAPER: QPushButton(PLEDGE_CORRECTION_PAPER_BUTTON),
            FalseStep.HEARING_PAPER: QPushButton(PLEDGE_HEARING_PAPER_BUTTON),
        }
        self.buttons[FalseStep.REVOKE].setObjectName("supervisorAction")
        self._make_fields()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        for field in (*(f for fields in self.fields.values() for f in fields), self.department_no, self.officer):
            row.addWidget(field, 1 if isinstance(field, QLineEdit) else 0)
        for step, button in self.buttons.items():
            row.addWidget(button)
            button.clicked.connect(partial(self.on_step, step))
        row.addStretch(0)
        self.hide()

    def _make_fields(self) -> None:
        """What each step asks, shown beside its button while it is the one offered."""
        self.serve_label = plain_label("")  # which paper: the row says it, the button alone would not
        self.serve_way = QComboBox()
        for way in (ServiceWay.HAND, ServiceWay.WINDOW, ServiceWay.POST):
            self.serve_way.addItem(PLEDGE_SERVE_WAYS[way.value], way.value)
        self.serve_way.setAccessibleName(PLEDGE_SERVE_WAY)
        self.serve_proof = _line(PLEDGE_SERVE_PROOF)
        self.served_on = QDateEdit()
        self.served_on.setCalendarPopup(True)
        self.served_on.setDisplayFormat("yyyy-MM-dd")
        self.served_on.setAccessibleName(PLEDGE_SERVED_ON)
        self.served_on.setToolTip(PLEDGE_SERVED_ON)
        self.recheck_found = QComboBox()
        for found in Recheck:
            self.recheck_found.addItem(PLEDGE_RECHECK_WAYS[found.value], found.value)
        self.recheck_found.setAccessibleName(PLEDGE_RECHECK_FOUND)
        self.recheck_finding = _line(PLEDGE_RECHECK_FINDING)
        self.hear_within = period_box(PLEDGE_HEAR_WITHIN)
        self.hear_within_label = plain_label(PLEDGE_HEAR_WITHIN_LABEL)  # the number says what it is, beside it
        self.hear_within_label.setBuddy(self.hear_within)
        self.said = _line(PLEDGE_SAID)
        self.answer = _line(PLEDGE_ANSWER)
        # the step entered by the window for the department: its 文号 and officer, beside the step's own fields
        self.department_no = _line(words.CASE_FORM_DEPARTMENT_NO, words.CASE_FORM_DEPARTMENT_NO_HINT)
        self.officer = _line(words.CASE_FORM_OFFICER, words.CASE_FORM_OFFICER_HINT)
        self.fields: dict[FalseStep, tuple[QWidget, ...]] = {
            FalseStep.SERVE: (self.serve_label, self.serve_way, self.serve_proof, self.served_on),
            FalseStep.RECHECK: (self.recheck_found, self.recheck_finding),
            FalseStep.HEAR: (self.hear_within_label, self.hear_within),
            FalseStep.REVOKE: (self.said, self.answer),
        }

    def show_for(self, case_no: str, item: ItemLine | None, offer: PledgeOffer | None) -> None:
        """The steps ``item`` is offered now, each with what it asks; the row goes when there are none."""
        if (case_no, item and item.code) != (self.case_no, self.item and self.item.code):
            for line in (
                self.serve_proof,
                self.recheck_finding,
                self.said,
                self.answer,
                self.department_no,
                self.officer,
            ):
                line.clear()  # another item's words are not this one's
        self.case_no, self.item = case_no, item
        today = self._today()
        row = offer.row if offer is not None else None
        may_act = may_take_false_steps(self._desk.actor, offer)
        steps = false_steps(row, may_act, today) if item is not None else ()
        for step, button in self.buttons.items():
            button.setVisible(step in steps)
        for step, fields in self.fields.items():
            for field in fields:
                field.setVisible(step in steps)
        entered = item is not None and item.entrusted and any(step.value in ENTERED_STEPS for step in steps)
        self.department_no.setVisible(entered)
        self.officer.setVisible(entered)
        self.paper = unserved_paper(row) if row is not None and FalseStep.SERVE in steps else ""
        if self.paper:
            self.serve_label.setText(PLEDGE_SERVE_WHICH[self.paper])
            self.served_on.setDate(QDate(today.year, today.month, today.day))
        if FalseStep.HEAR in steps:
            self.hear_within.setValue(DEFAULT_PERIOD_FLOOR)
        self.setVisible(bool(steps))

    def on_step(self, step: FalseStep, _checked: bool = False) -> None:
        item, case_no = self.item, self.case_no
        if item is None or not case_no:
            return
        if step in (FalseStep.CORRECTION_PAPER, FalseStep.HEARING_PAPER):
            self.print_notice(case_no, item, step)
            return
        operation, request = self._request(step, case_no, item)
        self._runner.submit_step(operation, request, self._desk, words.CASE_SAVE_FAILED, owner=self,
                                 answered=partial(self._saved, case_no, item, step),
                                 failed=partial(self._refused, item))  # fmt: skip

    def _request(self, step: FalseStep, case_no: str, item: ItemLine) -> tuple[Any, object]:
        """The operation of ``step`` and its request, from what the row asks."""
        if step is FalseStep.SERVE:
            way = ServiceWay(self.serve_way.currentData())
            proof = self.serve_proof.text()
            served_on = self.served_on.date().toPython()
            assert isinstance(served_on, dt.date)
            recipient, tracking = ("", proof) if way is ServiceWay.POST else (proof, "")
            paper = PledgeNotice(self.paper)
            return SERVE_PLEDGE_PAPER, PledgeService(case_no, item.code, paper, way, served_on, recipient,
                                                     tracking)  # fmt: skip
        entered = Entered(self.department_no.text(), self.officer.text()) if item.entrusted else None
        if step is FalseStep.RECHECK:
            found = Recheck(self.recheck_found.currentData())
            return RECHECK_PLEDGE, PledgeRecheck(case_no, item.code, found, self.recheck_finding.text(), entered)
        if step is FalseStep.HEAR:
            return HEAR_PLEDGE, FalsePledgeStep(case_no, item.code, self.hear_within.value(), entered=entered)
        said, answer = self.said.text(), self.answer.text()
        return REVOKE_PLEDGE, FalsePledgeStep(case_no, item.code, said=said, answer=answer, entered=entered)

    def _saved(self, case_no: str, item: ItemLine, step: FalseStep, _answer: object) -> None:
        log.info("case %s: promise of %s: %s", case_no, item.code, step.value)
        done = {
            FalseStep.SERVE: PLEDGE_SERVED_NOW,
            FalseStep.RECHECK: PLEDGE_RECHECKED,
            FalseStep.HEAR: PLEDGE_HEARD,
        }.get(step, PLEDGE_REVOKED_NOW)
        self.saved.emit(case_no, done.format(item=item.name))

    def _refused(self, item: ItemLine, err: Exception) -> None:
        self.refused.emit(refused_text(err, item))

    def print_notice(self, case_no: str, item: ItemLine, step: FalseStep) -> None:
        """The 责令限期改正通知书 or the 陈述申辩告知书 in the print preview, as its step made it.  Nothing waits for
        it: the preview opens once the paper is read; a press meanwhile is refused (taken once)."""
        make = PledgePaper(case_no, item.code, revoked=False, notice=PledgeNotice(step.value))
        self._runner.submit_step(PLEDGE_PAPER, make, self._desk, words.CASE_SAVE_FAILED, owner=self,
                                 answered=partial(self._notice_made, case_no, step),
                                 failed=partial(self._refused, item))  # fmt: skip

    def _notice_made(self, case_no: str, step: FalseStep, pdf: bytes) -> None:
        heading = PLEDGE_CORRECTION_TITLE if step is FalseStep.CORRECTION_PAPER else PLEDGE_HEARING_TITLE
        preview_promise_paper(self, self._runner, self._desk, case_no, pdf, DocumentKind.DENIAL, heading)


def _line(name: str, hint: str = "") -> QLineEdit:
    line = QLineEdit()
    line.setPlaceholderText(hint or name)
    line.setAccessibleName(name)
    line.setToolTip(name)
    return line


def preview_promise_paper(
    parent: QWidget, runner: Runner, desk: Desk, case_no: str, pdf: bytes, kind: DocumentKind, heading: str
) -> None:
    """A paper of the case's 告知承诺 record in the print preview, as made: numbered and kept in that record, not
    among the notices (the preview records no print of it)."""
    made = MadeDocument(
        document_id=0,
        doc_no="",
        kind=kind,
        case_no=case_no,
        pdf=pdf,
        content_hash=hashlib.sha256(pdf).hexdigest(),
        reprint=False,
        check_dates=False,
        heading=heading,
    )
    open_preview(parent, runner, desk, (made,), keeps_record=False)
