"""The form under a project's buttons: what one move needs, and nothing else.

One form for every move but the plan (which has its own editor): 受理 asks nothing, 指派代办员 the names, 签订委托
the items its 授权委托书 lists (those applied for; in service, the items of a new one) and a date, 办结 a date, 申报
the step, its date and the intake's number, 审批办结 the step, its date and the approval's number, 记录协调 who,
what and the outcome, 评价 the three answers of the 评价表 and the applicant's words, 终止 its
reason.  It sits inside the page, as the case page's forms do: the project stays in view, and what was typed stays
when the move is refused, with every problem listed above the buttons.  Enter confirms from any field, Esc cancels.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QLineEdit,
    QWidget,
)

from counter.projects.model import PlanStep, ProjectEvent, Satisfaction, StepState
from counter.ui.look.text_size import px
from counter.ui.projects import words
from counter.ui.widgets.step_form import frame_step_form

# which fields each move shows
FIELDS: dict[ProjectEvent, tuple[str, ...]] = {
    ProjectEvent.ACCEPTED: (),
    ProjectEvent.AGENT_ASSIGNED: ("agents",),
    ProjectEvent.SIGNED: ("items", "day"),
    ProjectEvent.STEP_FILED: ("step", "day", "case_no"),
    ProjectEvent.STEP_DONE: ("step", "day", "result_no"),
    ProjectEvent.COORDINATED: ("step", "day", "with_whom", "what", "outcome"),
    ProjectEvent.COMPLETED: ("day",),
    ProjectEvent.EVALUATED: ("satisfaction", "note"),
    ProjectEvent.TERMINATED: ("reason", "day"),  # the fields stand in the form's order, whatever the order here
}
# the steps a move is offered for: 申报 the planned ones, 审批办结 the filed ones, a coordination any
STEP_STATES: dict[ProjectEvent, frozenset[StepState]] = {
    ProjectEvent.STEP_FILED: frozenset({StepState.PLANNED}),
    ProjectEvent.STEP_DONE: frozenset({StepState.FILED}),
    ProjectEvent.COORDINATED: frozenset(StepState),
}


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def split_agents(text: str) -> tuple[str, ...]:
    """The names typed, split at any of the separators a clerk uses (顿号, commas, semicolons)."""
    pattern = "|".join(re.escape(mark) for mark in words.AGENT_SEPARATORS)
    return tuple(part.strip() for part in re.split(pattern, text) if part.strip())


class MoveForm(QFrame):
    """Its buttons are wired by the page that holds it; Enter and Esc are its own."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: ProjectEvent | None = None
        # made in the order they stand in the form, which is Tab's order too
        self.agents = QLineEdit()
        self.items = QLineEdit()  # the reference list's numbers the 授权委托书 lists
        self.reason = QLineEdit()
        self.step = QComboBox()
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumWidth(px(160))
        self.case_no = QLineEdit()
        self.case_no.setMaxLength(40)
        self.result_no = QLineEdit()
        self.result_no.setMaxLength(60)
        self.with_whom = QLineEdit()
        self.what = QLineEdit()
        self.outcome = QLineEdit()
        self.satisfaction = QComboBox()
        for value, word in words.SATISFACTION.items():
            self.satisfaction.addItem(word, value.value)
        self.note = QLineEdit()
        self.fields: dict[str, QWidget] = {
            "agents": self.agents,
            "items": self.items,
            "reason": self.reason,
            "step": self.step,
            "day": self.day,
            "case_no": self.case_no,
            "result_no": self.result_no,
            "with_whom": self.with_whom,
            "what": self.what,
            "outcome": self.outcome,
            "satisfaction": self.satisfaction,
            "note": self.note,
        }
        labels = {"agents": words.FORM_AGENTS, "items": words.FORM_ITEMS, "step": words.FORM_STEP,
                  "day": words.FORM_DATE, "case_no": words.FORM_CASE_NO, "result_no": words.FORM_RESULT_NO,
                  "with_whom": words.FORM_WITH,
                  "what": words.FORM_WHAT, "outcome": words.FORM_OUTCOME, "satisfaction": words.FORM_SATISFACTION,
                  "note": words.FORM_NOTE, "reason": words.FORM_REASON}  # fmt: skip
        self.layout_fields = QFormLayout()
        for key, field in self.fields.items():
            if isinstance(field, QLineEdit):
                field.setMinimumWidth(px(320))
            self.layout_fields.addRow(labels[key], field)
        self.title, self.problems, self.confirm_button, self.cancel_button = frame_step_form(
            self, (self.layout_fields,), "", words.FORM_CANCEL
        )
        self.confirm_button.clicked.connect(self.on_return)
        self.cancel_button.clicked.connect(self.on_cancel)

    def open_for(
        self, move: ProjectEvent, steps: tuple[PlanStep, ...], today: dt.date, agents: str = "", items: str = ""
    ) -> None:
        """Show the form for ``move``, empty but for today's date, the steps it may concern, the agents named and the
        items of the 授权委托书 (those signed for, or applied for), to be changed for a new one."""
        self.current = move
        self.title.setText(words.MOVE_TITLE[move])
        self.confirm_button.setText(words.FORM_CONFIRM.format(action=words.MOVE[move]))
        shown = FIELDS[move]
        for key, field in self.fields.items():
            self.layout_fields.setRowVisible(field, key in shown)
            if isinstance(field, QLineEdit):
                field.clear()
        self.agents.setText(agents)
        self.items.setText(items)
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.satisfaction.setCurrentIndex(0)
        self.step.clear()
        if move is ProjectEvent.COORDINATED:
            self.step.addItem(words.FORM_NO_STEP, 0)
        wanted = STEP_STATES.get(move, frozenset())
        for step in steps:
            if step.state in wanted:
                text = words.FORM_STEP_ITEM.format(no=step.no, name=step.name, department=step.department)
                self.step.addItem(text, step.no)
        self.problems.clear()
        self.show()
        first = next((field for key, field in self.fields.items() if key in shown), self.confirm_button)
        first.setFocus(Qt.FocusReason.TabFocusReason)

    def chosen_items(self) -> tuple[int, ...]:
        """The numbers typed for the 授权委托书; a word that is not a number reads as 0, which no list holds, so the
        action names it (UNKNOWN_ITEM) rather than the form dropping it unseen."""
        return tuple(int(part) if part.isdigit() else 0 for part in split_agents(self.items.text()))

    def step_no(self) -> int:
        return int(self.step.currentData() or 0)

    def show_problems(self, text: str) -> None:
        self.problems.setText(text)

    def close_form(self) -> None:
        self.current = None
        self.problems.clear()
        self.hide()

    def chosen_satisfaction(self) -> Satisfaction:
        return Satisfaction(self.satisfaction.currentData())

    def chosen_day(self) -> dt.date:
        return to_date(self.day.date())

    def on_return(self) -> None:
        if self.current is not None:
            self.confirmed.emit()

    def on_cancel(self) -> None:
        self.close_form()
        self.cancelled.emit()
