"""The form under a case's action buttons: what to tick, the reason, the new date.

It sits inside the page rather than in a dialog: the clerk sees the case while
filling it in, nothing blocks the other windows of the desk, and what was
typed stays there when saving fails, ready to be confirmed again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter.case.entered_for import Entered
from counter.case.status import CaseEvent
from counter.case.view import CaseMaterialLine
from counter.ui.cases.rules import NEEDS_REASON, FormProblem, FormValues
from counter.ui.cases.validity_fields import ValidityFields
from counter.ui.cases.words import (
    CASE_FORM_CANCEL,
    CASE_FORM_CONFIRM,
    CASE_FORM_DATE,
    CASE_FORM_DEPARTMENT_NO,
    CASE_FORM_DEPARTMENT_NO_HINT,
    CASE_FORM_DUE,
    CASE_FORM_NOTE,
    CASE_FORM_OFFICER,
    CASE_FORM_OFFICER_HINT,
    CASE_FORM_PROBLEM,
    CASE_FORM_REASON,
    CASE_FORM_RESULT_NO,
    CASE_FORM_TITLE,
    CASE_REASON_HINT,
    ITEM_STEP_VALID_UNTIL,
    ITEM_STEP_VALIDITY,
)
from counter.ui.look.text_size import px
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.step_form import frame_step_form, order_tabs
from counter.words.punctuation import CLAUSE_JOIN


class ActionForm(QFrame):
    """Its buttons are wired by the page that holds it, with the page's other signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action: CaseEvent | None = None
        self.item = ""  # the item's code, while the form is for one item's decision
        self.licence = False  # the form is a 行政许可's 准予: it asks the licence's 有效期限
        self.entered = False  # the window enters the department's decision for it: its 文号 and officer asked
        self.boxes_area = QWidget()
        self.boxes_layout = QVBoxLayout(self.boxes_area)
        self.boxes_layout.setContentsMargins(12, 0, 0, 0)
        self.checkboxes: dict[str, QCheckBox] = {}
        self.date_label = plain_label(CASE_FORM_DATE)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.reason_label = plain_label(CASE_FORM_REASON)
        self.reason = QLineEdit()
        self.reason.setMinimumWidth(px(420))
        self.date_label.setBuddy(self.date)  # each field named by its label, for a screen reader too
        self.reason_label.setBuddy(self.reason)
        fields = QGridLayout()
        fields.addWidget(self.date_label, 0, 0)
        fields.addWidget(self.date, 0, 1, Qt.AlignmentFlag.AlignLeft)
        fields.addWidget(self.reason_label, 1, 0)
        fields.addWidget(self.reason, 1, 1)
        self.validity_fields = ValidityFields()  # a licence's 准予 only
        self.validity_label = plain_label(ITEM_STEP_VALIDITY)
        self.valid_until_label = plain_label(ITEM_STEP_VALID_UNTIL)
        self.validity_label.setBuddy(self.validity_fields.choice)
        self.valid_until_label.setBuddy(self.validity_fields.until)
        fields.addWidget(self.validity_label, 2, 0)
        fields.addWidget(self.validity_fields.choice, 2, 1, Qt.AlignmentFlag.AlignLeft)
        fields.addWidget(self.valid_until_label, 3, 0)
        fields.addWidget(self.validity_fields.until, 3, 1, Qt.AlignmentFlag.AlignLeft)
        self.department_no, self.officer = QLineEdit(), QLineEdit()  # 代为录入 only
        self.department_no.setPlaceholderText(CASE_FORM_DEPARTMENT_NO_HINT)
        self.officer.setPlaceholderText(CASE_FORM_OFFICER_HINT)
        self.department_no_label = plain_label(CASE_FORM_DEPARTMENT_NO)
        self.officer_label = plain_label(CASE_FORM_OFFICER)
        self.department_no_label.setBuddy(self.department_no)
        self.officer_label.setBuddy(self.officer)
        fields.addWidget(self.department_no_label, 4, 0)
        fields.addWidget(self.department_no, 4, 1)
        fields.addWidget(self.officer_label, 5, 0)
        fields.addWidget(self.officer, 5, 1)
        fields.setColumnStretch(1, 1)
        self.title, self.problems, self.confirm_button, self.cancel_button = frame_step_form(
            self, (self.boxes_area, fields), "", CASE_FORM_CANCEL
        )

    def open_for(
        self,
        event: CaseEvent,
        action: str,
        materials: Sequence[CaseMaterialLine] = (),
        new_due: dt.date | None = None,
        *,
        title: str = "",
        item: str = "",
        licence: bool = False,
        today: dt.date | None = None,
        entered: bool = False,
    ) -> None:
        """Show the form for one action, empty: ``materials`` to tick, ``new_due`` as the date offered.

        ``item``: the code of the item an item's decision is of, ``title`` what the form says of it; ``licence``: the
        item is a 行政许可, whose 准予 asks the licence's 有效期限 (``today`` the date first offered); ``entered``: the
        window enters the department's decision for it (代为录入), and names it by the department's 文号 and officer.
        """
        self.action = event
        self.item = item
        self.licence = licence and event is CaseEvent.ITEM_APPROVED
        for widget in (self.validity_label, self.validity_fields.choice, self.valid_until_label):
            widget.setVisible(self.licence)
        self.validity_fields.until.setVisible(self.licence)
        self.validity_fields.reset(today or dt.date.today())
        self.entered = entered and event in (CaseEvent.ITEM_APPROVED, CaseEvent.ITEM_DENIED)
        for label, typed in ((self.department_no_label, self.department_no), (self.officer_label, self.officer)):
            label.setVisible(self.entered)
            typed.setVisible(self.entered)
            typed.clear()
        self.title.setText(title or CASE_FORM_TITLE[event])
        self.confirm_button.setText(CASE_FORM_CONFIRM.format(action=action))
        for box in self.checkboxes.values():
            self.boxes_layout.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.checkboxes = {}
        for line in materials:
            due = CASE_FORM_DUE.format(due=line.due_on.isoformat()) if line.due_on else ""
            box = QCheckBox(f"{line.name}{due}")
            self.checkboxes[line.code] = box
            self.boxes_layout.addWidget(box)
        # the boxes are made now, after the buttons: put back in the form's order (a Tab after the last one is 确认)
        fields = [
            *self.checkboxes.values(),
            self.date,
            self.reason,
            self.validity_fields.choice,
            self.validity_fields.until,
            self.department_no,
            self.officer,
        ]
        order_tabs(self, fields, self.confirm_button, self.cancel_button)
        self.boxes_area.setVisible(bool(materials))
        with_date = event is CaseEvent.DEFERRAL_EXTENDED
        self.date_label.setVisible(with_date)
        self.date.setVisible(with_date)
        if new_due is not None:
            self.date.setDate(QDate(new_due.year, new_due.month, new_due.day))
        # the history line lists the materials instead; 分发 routes what the title lists and asks nothing
        with_note = event not in (CaseEvent.DEFERRED_ARRIVED, CaseEvent.ITEM_ROUTED)
        self.reason_label.setVisible(with_note)
        self.reason.setVisible(with_note)
        note = CASE_FORM_RESULT_NO if event is CaseEvent.ITEM_APPROVED else CASE_FORM_NOTE
        self.reason_label.setText(CASE_FORM_REASON if event in NEEDS_REASON else note)
        self.reason.setPlaceholderText(CASE_REASON_HINT.get(event, ""))
        self.reason.clear()
        self.problems.clear()
        self.show()
        first = next(iter(self.checkboxes.values()), None)
        (first or (self.reason if with_note else self.confirm_button)).setFocus()

    def values(self) -> FormValues:
        ticked = frozenset(code for code, box in self.checkboxes.items() if box.isChecked())
        new_due: dt.date | None = None
        if self.action is CaseEvent.DEFERRAL_EXTENDED:
            picked = self.date.date()
            new_due = dt.date(picked.year(), picked.month(), picked.day())
        validity = self.validity_fields.chosen() if self.licence else None
        entered = Entered(self.department_no.text().strip(), self.officer.text().strip()) if self.entered else None
        return FormValues(ticked, self.reason.text().strip(), new_due, self.item, validity, entered)

    def show_problems(self, problems: Sequence[FormProblem]) -> None:
        self.problems.setText(CLAUSE_JOIN.join(CASE_FORM_PROBLEM[p] for p in problems))

    def close_form(self) -> None:
        self.action = None
        self.item = ""
        self.problems.clear()
        self.hide()
