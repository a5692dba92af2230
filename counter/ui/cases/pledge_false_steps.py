"""What follows a promise found false, on the case page: the 陈述申辩 notice, the revocation, and the papers of the
责令限期改正 and of the 陈述申辩 notice.

A licence granted on a promise the 核查 found false is not revoked on the spot: where the item's law orders a
correction within a period first (the catalog's ``pledge.correction``: for 消防, 消防法 第五十八条第二款 as cited), the
applicant has that period; then the body tells the applicant the revocation it intends and hears them (陈述、申辩,
by a day it sets); only once that day has passed does it revoke (行政许可法 第六十九条第二款).  The command line took
these steps (``item hear``, ``item revoke``, ``item pledge-paper --correction|--hearing``); the page offers them under
the 告知承诺 section, for the item chosen, to the account that holds the power over it — the same standing the
section reads (:class:`counter.access.pledge_offers.PledgeOffer`), a supervisor at the window as for the revocation —
each taken by its operation (:mod:`counter.service.pledges`), which checks it all again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from enum import StrEnum
from functools import partial

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QPushButton, QWidget

from counter.access.desk import Desk
from counter.access.pledge_offers import PledgeOffer, PledgeRow
from counter.access.roles import Actor, Permission
from counter.case.decisions import DecisionRefused
from counter.case.not_found import CaseNotFound
from counter.case.pledge_checks import PledgeNotice, PledgeRefused
from counter.case.status import MoveNotAllowed
from counter.documents.case_page import ItemLine
from counter.documents.data import DocumentNotPossible
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument
from counter.service.pledges import HEAR_PLEDGE, PLEDGE_PAPER, REVOKE_PLEDGE, FalsePledgeStep, PledgePaper
from counter.ui.cases import words
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.ui.printing.opening import open_preview
from counter.ui.widgets.plain_text import plain_label
from counter.words.cases import RULE_PROBLEMS, decision_refused_text
from counter.words.documents import document_problems_text
from counter.words.pledges import (
    PLEDGE_CORRECTION_PAPER_BUTTON,
    PLEDGE_CORRECTION_TITLE,
    PLEDGE_HEAR_BUTTON,
    PLEDGE_HEAR_BY,
    PLEDGE_HEAR_BY_LABEL,
    PLEDGE_HEARD,
    PLEDGE_HEARING_PAPER_BUTTON,
    PLEDGE_HEARING_TITLE,
    PLEDGE_MOVED,
    PLEDGE_REVOKE_BUTTON,
    PLEDGE_REVOKED_NOW,
    pledge_refused_text,
)

log = logging.getLogger(__name__)

#: the days the 陈述申辩 form offers first: the body sets its own
FIRST_HEARING_DAYS = 3


class FalseStep(StrEnum):
    HEAR = "hear"  # 告知拟撤销许可和陈述、申辩的权利
    REVOKE = "revoke"  # 撤销许可
    CORRECTION_PAPER = "correction"  # 责令限期改正通知书
    HEARING_PAPER = "hearing"  # 撤销行政许可陈述申辩告知书


def refused_text(err: Exception, item: ItemLine) -> str:
    """Why a step on ``item``'s promise was not saved, the section's acts and the steps after a false promise
    alike; any other exception is a fault of the program, raised on."""
    if isinstance(err, PledgeRefused):
        return pledge_refused_text(err.problem, err.case_no, item.name)
    if isinstance(err, DocumentNotPossible):  # the 撤销决定书 names its 复议 body: the site has not set it
        return document_problems_text(err.problems, err.unnamed)
    if isinstance(err, DecisionRefused) and err.problem in RULE_PROBLEMS:
        return decision_refused_text(err, {item.code: item.name})
    if isinstance(err, (DecisionRefused, MoveNotAllowed, CaseNotFound)):
        return PLEDGE_MOVED
    return refusal_text(err)


def may_take_false_steps(actor: Actor, offer: PledgeOffer | None) -> bool:
    """Whether the account takes a false promise to its end on this item: the body's standing (the offer's), and at
    the window a supervisor's role; the deciding department's own staff need no window role (as the operations
    rule: :func:`counter.actions.intake.notice_pledges._acting`)."""
    if offer is None or offer.refusal is not None:
        return False
    return actor.may(Permission.DECIDE_DEFERRAL) or actor.may(Permission.ITEM_STEPS)


def false_steps(row: PledgeRow | None, may_act: bool, today: dt.date) -> tuple[FalseStep, ...]:
    """The steps the section offers for a promise found false: the hearing once the correction's period (if one was
    ordered) has passed, the revocation once the hearing's has, each to an account that may act (``may_act``); the
    papers of what was done, to anyone who sees the case."""
    if row is None or row.kept is not False or row.checked_on is None:
        return ()
    papers: tuple[FalseStep, ...] = (FalseStep.CORRECTION_PAPER,) if row.correct_by is not None else ()
    papers += (FalseStep.HEARING_PAPER,) if row.heard_on is not None else ()
    if not may_act or row.revoked_on is not None:
        return papers
    if row.heard_on is None:
        due = row.correct_by is None or today > row.correct_by
        return ((FalseStep.HEAR,) if due else ()) + papers
    heard = row.hear_by is not None and today > row.hear_by
    return ((FalseStep.REVOKE,) if heard else ()) + papers


class FalsePromiseSteps(QWidget):
    """The row of the steps after a false promise; the section shows it for its item and relays what it says."""

    saved = Signal(str, str)  # the case's number and what to say: a step was saved, the case to be read again
    refused = Signal(str)  # why a step was not saved, worded as the section's own acts are (refused_text)

    def __init__(self, runner: Runner, desk: Desk, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner, self._desk, self._today = runner, desk, today
        self.case_no = ""
        self.item: ItemLine | None = None
        self.buttons = {
            FalseStep.HEAR: QPushButton(PLEDGE_HEAR_BUTTON),
            FalseStep.REVOKE: QPushButton(PLEDGE_REVOKE_BUTTON),
            FalseStep.CORRECTION_PAPER: QPushButton(PLEDGE_CORRECTION_PAPER_BUTTON),
            FalseStep.HEARING_PAPER: QPushButton(PLEDGE_HEARING_PAPER_BUTTON),
        }
        self.buttons[FalseStep.REVOKE].setObjectName("supervisorAction")
        self.hear_by = QDateEdit()  # the last day to be heard, set before 告知陈述申辩
        self.hear_by.setCalendarPopup(True)
        self.hear_by.setDisplayFormat("yyyy-MM-dd")
        self.hear_by.setAccessibleName(PLEDGE_HEAR_BY)
        self.hear_by.setToolTip(PLEDGE_HEAR_BY)
        self.hear_by_label = plain_label(PLEDGE_HEAR_BY_LABEL)  # the day says what it is, beside it
        self.hear_by_label.setBuddy(self.hear_by)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(self.hear_by_label)
        row.addWidget(self.hear_by)
        for step, button in self.buttons.items():
            row.addWidget(button)
            button.clicked.connect(partial(self.on_step, step))
        row.addStretch(1)
        self.hide()

    def show_for(self, case_no: str, item: ItemLine | None, offer: PledgeOffer | None) -> None:
        """The steps ``item`` is offered now; the row goes when there are none."""
        self.case_no, self.item = case_no, item
        today = self._today()
        may_act = may_take_false_steps(self._desk.actor, offer)
        steps = false_steps(offer.row if offer is not None else None, may_act, today) if item is not None else ()
        for step, button in self.buttons.items():
            button.setVisible(step in steps)
        self.hear_by.setVisible(FalseStep.HEAR in steps)
        self.hear_by_label.setVisible(FalseStep.HEAR in steps)
        if FalseStep.HEAR in steps:
            day = today + dt.timedelta(days=FIRST_HEARING_DAYS)
            self.hear_by.setDate(QDate(day.year, day.month, day.day))
        self.setVisible(bool(steps))

    def on_step(self, step: FalseStep, _checked: bool = False) -> None:
        item, case_no = self.item, self.case_no
        if item is None or not case_no:
            return
        if step in (FalseStep.CORRECTION_PAPER, FalseStep.HEARING_PAPER):
            self.print_notice(case_no, item, step)
            return
        hear_by = self.hear_by.date().toPython() if step is FalseStep.HEAR else None
        operation = HEAR_PLEDGE if step is FalseStep.HEAR else REVOKE_PLEDGE
        request = FalsePledgeStep(case_no, item.code, hear_by if isinstance(hear_by, dt.date) else None)
        self._runner.submit_step(operation, request, self._desk, words.CASE_SAVE_FAILED, owner=self,
                                 answered=partial(self._saved, case_no, item, step),
                                 failed=partial(self._refused, item))  # fmt: skip

    def _saved(self, case_no: str, item: ItemLine, step: FalseStep, _answer: object) -> None:
        log.info("case %s: promise of %s: %s", case_no, item.code, step.value)
        done = PLEDGE_HEARD if step is FalseStep.HEAR else PLEDGE_REVOKED_NOW
        self.saved.emit(case_no, done.format(item=item.name))

    def _refused(self, item: ItemLine, err: Exception) -> None:
        self.refused.emit(refused_text(err, item))

    def print_notice(self, case_no: str, item: ItemLine, step: FalseStep) -> None:
        """The 责令限期改正通知书 or the 陈述申辩告知书 in the print preview: numbered now, or reprinted as made.
        Nothing waits for it: the preview opens once the paper is made; a press meanwhile is refused (taken once)."""
        make = PledgePaper(case_no, item.code, revoked=False, notice=PledgeNotice(step.value))
        self._runner.submit_step(PLEDGE_PAPER, make, self._desk, words.CASE_SAVE_FAILED, owner=self,
                                 answered=partial(self._notice_made, case_no, step),
                                 failed=partial(self._refused, item))  # fmt: skip

    def _notice_made(self, case_no: str, step: FalseStep, pdf: bytes) -> None:
        heading = PLEDGE_CORRECTION_TITLE if step is FalseStep.CORRECTION_PAPER else PLEDGE_HEARING_TITLE
        preview_promise_paper(self, self._runner, self._desk, case_no, pdf, DocumentKind.DENIAL, heading)


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
