"""The question a committed intake asks when it is closed with papers not printed.

With no printer, Ctrl+P failed, Esc closed the preview and Esc closed the intake without a word: the 承诺书 the
applicant must sign and the receipt were never printed.  Now the intake asks first.  Enter (or Esc) goes back to
print; closing anyway takes a reason, typed in the line beneath, so it is a decision and not a slip of the key, and
the reason is kept in the case's history (:func:`record_waiver`): the desk's flag of the case goes with it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter.access.desk import Desk
from counter.case.not_found import CaseNotFound
from counter.service.documents import WAIVE_PAPERS, WaivePapers
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.ui.intake.words import (
    INTAKE_UNPRINTED_LEAVE,
    INTAKE_UNPRINTED_PRINT,
    INTAKE_UNPRINTED_QUESTION,
    INTAKE_UNPRINTED_REASON,
    INTAKE_UNPRINTED_TITLE,
)
from counter.ui.widgets.plain_text import plain_label
from counter.words.cases import CASE_NOT_FOUND
from counter.words.unprinted_papers import WAIVER_NOT_KEPT


def record_waiver(
    runner: Runner, desk: Desk, case_no: str, reason: str, owner: QObject, answered: Callable[[str], None]
) -> None:
    """The papers of ``case_no`` left unprinted for ``reason``, in its history; ``answered`` is handed "" once kept,
    else why not (called back: :meth:`counter.ui.door.runner.Runner.submit`)."""
    runner.submit(WAIVE_PAPERS, WaivePapers(case_no, reason), desk, WAIVER_NOT_KEPT, owner=owner,
                  answered=lambda _: answered(""), failed=partial(_not_kept, answered))  # fmt: skip


def _not_kept(answered: Callable[[str], None], err: Exception) -> None:
    """Why the reason was not kept: the case gone, or what every widget says of a refusal (an account whose roles
    changed since it signed in and may print no more, the database's fault)."""
    if isinstance(err, CaseNotFound):
        answered(CASE_NOT_FOUND.format(case_no=err.case_no))
    else:
        answered(refusal_text(err))


class UnprintedQuestion(QDialog):
    print_chosen = Signal()  # back to the papers: the intake prints them
    left = Signal(str)  # closed without them, for this reason

    def __init__(self, case_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(INTAKE_UNPRINTED_TITLE)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        question = plain_label(INTAKE_UNPRINTED_QUESTION.format(case_no=case_no), wrap=True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(INTAKE_UNPRINTED_REASON)
        self.reason.setAccessibleName(INTAKE_UNPRINTED_REASON)
        self.print_button = QPushButton(INTAKE_UNPRINTED_PRINT)
        self.print_button.setDefault(True)
        self.leave_button = QPushButton(INTAKE_UNPRINTED_LEAVE)
        self.leave_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.reason.textChanged.connect(self.on_reason_changed)
        self.print_button.clicked.connect(self.on_print_clicked)
        self.leave_button.clicked.connect(self.on_leave_clicked)
        self.rejected.connect(self.print_chosen)  # Esc: back to the papers, never away from them

    def on_reason_changed(self, text: str) -> None:
        self.leave_button.setEnabled(bool(text.strip()))
        self.print_button.setDefault(not text.strip())
        self.leave_button.setDefault(bool(text.strip()))

    def on_print_clicked(self) -> None:
        self.accept()
        self.print_chosen.emit()

    def on_leave_clicked(self) -> None:
        # the button is enabled only with a reason typed (on_reason_changed): never clicked without one
        self.accept()
        self.left.emit(self.reason.text().strip())
