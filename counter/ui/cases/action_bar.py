"""The row of a case page's steps: the clerk's on the left, the supervisor's decisions after them.

Which buttons show is decided by :func:`counter.ui.cases.rules.available_actions` (and, for 当场办结并送达, by
:func:`counter.actions.intake.same_day.same_day_check`); the page wires them.  The row wraps rather than cuts a button
off on a narrow screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from counter.case.status import CaseEvent
from counter.ui.cases import words
from counter.ui.cases.rules import CLERK_ACTIONS, SUPERVISOR_ACTIONS
from counter.ui.widgets.flow_layout import FlowLayout
from counter.ui.widgets.plain_text import plain_label
from counter.words.same_day import SAME_DAY_ACTION


class ActionBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionBar")
        self.buttons = {event: QPushButton(words.CASE_ACTION[event]) for event in CLERK_ACTIONS}
        # 即办件: decided and handed over while the applicant waits (counter.actions.intake.same_day)
        self.same_day_button = QPushButton(SAME_DAY_ACTION)
        self.same_day_button.setObjectName("sameDay")
        for event in SUPERVISOR_ACTIONS:
            button = QPushButton(words.CASE_ACTION[event])
            button.setObjectName("supervisorAction")
            self.buttons[event] = button
        self.supervisor_label = plain_label(words.CASE_SUPERVISOR)
        self.supervisor_label.setObjectName("supervisorLabel")
        self.steps = steps = QWidget(self)
        row = FlowLayout(steps)
        row.setContentsMargins(0, 4, 0, 4)
        row.addWidget(self.same_day_button)
        for event in CLERK_ACTIONS:
            row.addWidget(self.buttons[event])
        row.addWidget(self.supervisor_label)
        for event in SUPERVISOR_ACTIONS:
            row.addWidget(self.buttons[event])
        # why a step the case calls for is not offered, or offered for less (counter.ui.cases.rules.withheld): a line
        # of its own under the buttons
        self.reasons = plain_label(wrap=True)
        self.reasons.setObjectName("withheld")
        self.reasons.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(steps)
        column.addWidget(self.reasons)

    def show_actions(self, shown: tuple[CaseEvent, ...], same_day: bool, reasons: tuple[str, ...] = ()) -> None:
        """Only the steps the case allows now and the actor may take, and why others it calls for are not offered;
        the bar goes when there is nothing to show."""
        for event, button in self.buttons.items():
            button.setVisible(event in shown)
        self.same_day_button.setVisible(same_day)
        self.supervisor_label.setVisible(any(e in shown for e in SUPERVISOR_ACTIONS))
        self.steps.setVisible(bool(shown) or same_day)
        self.reasons.setText("\n".join(reasons))
        self.reasons.setVisible(bool(reasons))
        self.setVisible(bool(shown) or same_day or bool(reasons))
