"""当场办结并送达 on the intake panel, once a case of a wholly 即办 bundle is accepted for pickup at the window.

The applicant is still at the desk: the clerk decides and hands the result over at once (Ctrl+J, or Tab to the
button and Enter) before printing the receipt, whose printing closes the panel.  The offer appears only when the
action would take it (:data:`counter.service.cases.SAME_DAY_CHECK`, asked once after the commit and only for
a bundle the guide marks wholly 即办), and the action checks again when it runs; where it would not, the line says
why (the item is a department's to decide, the result is to be posted), so a 即办 bundle never ends in silence.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.case.not_found import CaseNotFound
from counter.case.same_day import SameDayProblem, same_day_bundle
from counter.case.same_day_refused import SameDayNotPossible
from counter.case.status import MoveNotAllowed
from counter.catalog.model import Bundle
from counter.service.cases import FINISH_SAME_DAY, SAME_DAY_CHECK
from counter.service.requests import CaseNo
from counter.ui.door.runner import Failed, Runner
from counter.ui.intake.words import (
    INTAKE_SAME_DAY_BUTTON,
    INTAKE_SAME_DAY_FAILED,
    INTAKE_SAME_DAY_HINT,
    INTAKE_SAME_DAY_UNCHECKED,
)
from counter.ui.widgets.plain_text import plain_label
from counter.words.access import refused_for
from counter.words.cases import CASE_NOT_FOUND, case_status_text
from counter.words.punctuation import CLAUSE_JOIN
from counter.words.same_day import SAME_DAY_DONE, SAME_DAY_PROBLEM, SAME_DAY_REFUSED

log = logging.getLogger(__name__)


class SameDayOffer(QWidget):
    """The button and the line under it; hidden until :meth:`offer` finds the case may take the step."""

    done = Signal(str)  # the case number, decided and handed over
    settled = Signal()  # the offer is over (done or refused): the panel takes the keyboard back
    offered = Signal()  # the case may take the step: the button is shown, with the keyboard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QPushButton(INTAKE_SAME_DAY_BUTTON)
        self.button.setObjectName("sameDay")
        self.button.setAccessibleName(INTAKE_SAME_DAY_BUTTON)
        self.line = plain_label(INTAKE_SAME_DAY_HINT, wrap=True)
        self.line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.line)
        self.shortcut = QShortcut(QKeySequence("Ctrl+J"), self)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.setEnabled(False)
        self.button.clicked.connect(self.on_requested)
        self.shortcut.activated.connect(self.on_requested)
        self._case: tuple[Runner, Desk, str, dt.date] | None = None  # what the step is taken on, once offered
        self.asking = False  # the step is being taken: a second Ctrl+J takes nothing
        self.hide()

    def offer(self, runner: Runner, desk: Desk, bundle: Bundle, case_no: str, today: dt.date) -> None:
        """Show the offer (and give it the keyboard) once the desk has asked whether the case may take the step now.

        A wholly 即办 bundle's case that may not take it (the site neither holds nor was entrusted with an item, say)
        shows why instead, in the offer's line, with no button.  Called back: the clerk's keys go on meanwhile."""
        if not same_day_bundle(bundle):
            return  # no read at all for the bundles that are not 即办: nearly every intake
        runner.submit(
            SAME_DAY_CHECK,
            CaseNo(case_no),
            desk,
            INTAKE_SAME_DAY_UNCHECKED,
            owner=self,
            answered=partial(self._checked, runner, desk, case_no, today),
            failed=partial(self._not_checked, case_no),
        )

    def _checked(
        self, runner: Runner, desk: Desk, case_no: str, today: dt.date, problems: tuple[SameDayProblem, ...]
    ) -> None:
        if problems:  # a 即办 bundle the window may not finish now: why, on screen, rather than a silent Ctrl+J
            self.show()
            self._close(
                SAME_DAY_REFUSED.format(
                    case_no=case_no, reasons=CLAUSE_JOIN.join(SAME_DAY_PROBLEM[p] for p in problems)
                )
            )
            return
        self._case = (runner, desk, case_no, today)
        self.show()
        self.shortcut.setEnabled(True)
        self.button.setFocus()
        self.offered.emit()

    def _not_checked(self, case_no: str, err: Exception) -> None:
        """Whether the case may take the step unread: said, with where to take it, rather than no offer and no word;
        the case page offers the step once it reads."""
        if isinstance(err, CaseNotFound):  # not the runner's to log, as a Failed's fault is
            log.warning("case %s: could not ask whether it can be done at once", case_no)
        elif not isinstance(err, Failed):
            raise err
        else:
            self.show()
            self._close(err.message)

    def on_requested(self) -> None:
        """Once: the button and the shortcut go when the step is done (or can no longer be)."""
        if self._case is None or not self.button.isVisible() or self.asking:
            return
        runner, desk, case_no, _today = self._case
        self.asking = True
        try:
            runner.submit(
                FINISH_SAME_DAY,
                CaseNo(case_no),
                desk,
                INTAKE_SAME_DAY_FAILED,
                owner=self,
                answered=partial(self._finished, case_no),
                failed=partial(self._not_finished, case_no),
            )
        except BaseException:
            self.asking = False
            raise

    def _finished(self, case_no: str, _: object) -> None:
        self.asking = False
        self._close(SAME_DAY_DONE.format(case_no=case_no))
        self.done.emit(case_no)

    def _not_finished(self, case_no: str, err: Exception) -> None:
        self.asking = False
        if isinstance(err, Failed):
            self.line.setText(err.message)  # nothing kept: the clerk may try again
        elif isinstance(err, NotPermitted):
            self._close(refused_for(err))
        elif isinstance(err, CaseNotFound):
            self._close(CASE_NOT_FOUND.format(case_no=err.case_no))
        elif isinstance(err, SameDayNotPossible):
            reasons = CLAUSE_JOIN.join(SAME_DAY_PROBLEM[p] for p in err.problems)
            self._close(SAME_DAY_REFUSED.format(case_no=case_no, reasons=reasons))
        elif isinstance(err, MoveNotAllowed):  # another desk moved the case since the check
            status = case_status_text(err.status, err.only_received)  # as the case's page names it
            self._close(SAME_DAY_REFUSED.format(case_no=case_no, reasons=status))
        else:
            raise err

    def _close(self, text: str) -> None:
        self._case = None
        self.button.hide()
        self.shortcut.setEnabled(False)
        self.line.setText(text)
        self.settled.emit()
