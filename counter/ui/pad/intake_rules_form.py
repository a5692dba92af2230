"""受理设置: the hall's intake rules — the 容缺 margin and the 补正 period (:mod:`counter.intake.rules`).

Shared by every desk (they are kept in the database).  The boxes take only values in range; the action checks
again and its refusal is shown here all the same, as the command line shows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QSpinBox, QVBoxLayout, QWidget

from counter.access.desk import Desk
from counter.intake.rules import RULE_RANGE, IntakeRule, IntakeRules, RulesRefused
from counter.service.intake import READ_INTAKE_RULES, SAVE_INTAKE_RULES, SaveIntakeRules
from counter.service.requests import Nothing
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.ui.look.text_size import scaled
from counter.ui.pad.style import PAGE_STYLE
from counter.ui.pad.words import (
    INTAKE_RULES_DAYS,
    INTAKE_RULES_MARGIN,
    INTAKE_RULES_NOTE,
    INTAKE_RULES_PERIOD,
    INTAKE_RULES_SAVE,
    INTAKE_RULES_SAVED,
    SUPERVISE_READ_FAILED,
    SUPERVISE_SAVE_FAILED,
)
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import MessageLine
from counter.words.intake import rule_problem_text


def _days_box(rule: IntakeRule) -> QSpinBox:
    box = QSpinBox()
    box.setRange(*RULE_RANGE[rule])
    box.setSuffix(INTAKE_RULES_DAYS)
    return box


def _row(box: QSpinBox) -> QHBoxLayout:
    """A number of days needs no full line."""
    row = QHBoxLayout()
    row.addWidget(box)
    row.addStretch(1)
    return row


class IntakeRulesForm(QWidget):
    saved = Signal(object)  # IntakeRules, as stored

    def __init__(self, runner: Runner, desk: Desk | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk  # who changes the rules; None: this machine's desk, nobody signed in
        self.setStyleSheet(scaled(PAGE_STYLE))
        self.margin = _days_box(IntakeRule.DEFERRAL_MARGIN)
        self.period = _days_box(IntakeRule.CORRECTION_PERIOD)
        self.note = plain_label(INTAKE_RULES_NOTE, wrap=True)
        self.save_button = QPushButton(INTAKE_RULES_SAVE)
        self.message = MessageLine()
        form = QFormLayout()
        form.addRow(INTAKE_RULES_MARGIN, _row(self.margin))
        form.addRow(INTAKE_RULES_PERIOD, _row(self.period))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.on_save_clicked)

    def load(self) -> None:
        self._runner.submit(READ_INTAKE_RULES, Nothing(), self._desk, SUPERVISE_READ_FAILED, owner=self,
                            answered=self._read, failed=self._refused)  # fmt: skip

    def _read(self, rules: IntakeRules) -> None:
        self.margin.setValue(rules.deferral_margin_days)
        self.period.setValue(rules.correction_period_days)
        self.message.say("", "problems")

    def rules(self) -> IntakeRules:
        return IntakeRules(deferral_margin_days=self.margin.value(), correction_period_days=self.period.value())

    def on_save_clicked(self) -> None:
        rules = self.rules()
        self._runner.submit_step(SAVE_INTAKE_RULES, SaveIntakeRules(rules), self._desk, SUPERVISE_SAVE_FAILED,
                                 owner=self, answered=lambda _none: self._saved(rules),
                                 failed=self._refused)  # fmt: skip

    def _saved(self, rules: IntakeRules) -> None:
        self.message.say(INTAKE_RULES_SAVED, "done")
        self.saved.emit(rules)

    def _refused(self, err: Exception) -> None:
        if isinstance(err, RulesRefused):
            self.message.say("\n".join(rule_problem_text(p) for p in err.problems), "problems")
        else:
            self.message.say(refusal_text(err), "problems")
