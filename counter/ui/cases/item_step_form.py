"""A department's steps of one item on the case page: the row of its buttons, and the form each opens.

The row sits under the 各事项的办理情况 table and follows the item chosen there (↑ ↓); it names the item and its
department once, then the steps its state allows (:func:`counter.ui.cases.item_step_rules.offered_steps`), each
reached by Tab.  The form sits under the case's buttons, as the page's other forms do, and asks only what the step
needs: a pause its reason (and a detail), an extension its working days, the head who approved it and the reason
told to the applicant, a 准予 its result's number (and, for a licence, its 有效期限: 证照未载明, 有效期至 a date, or
长期有效, chosen by ↑ ↓ with the date after Tab), a 不予批准 its reasons, a 不予受理 its ground (another, written,
until the department picks 第一项 or 第二项 with the body with power) and reasons, a 补正 all there is to correct.
Enter confirms it from any of its fields.  What the step lacks is said by the action
(:data:`counter.service.department_items.ITEM_STEP`), never guessed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter.case.item_path import MOST_EXTENSION_DAYS, PAUSES, ItemEvent, PauseReason
from counter.case.item_step_request import StepRequest
from counter.case.refusal_basis import DEPARTMENT_GROUNDS
from counter.case.status import CaseEvent
from counter.documents.case_page import ItemLine
from counter.intake.outcome import RefusalGround
from counter.ui.cases import words
from counter.ui.cases.item_step_rules import DEPARTMENT_STEPS
from counter.ui.cases.validity_fields import ValidityFields
from counter.ui.look.text_size import px
from counter.ui.widgets.flow_layout import FlowLayout
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.step_form import frame_step_form
from counter.words.items import PAUSE_REASON, REFUSAL_BASIS

FIRST_EXTENSION_DAYS = 5  # offered when the form opens; the department sets its own
#: the steps whose form asks a reason: a pause's detail, an extension's reason, a denial's or a refusal's reasons, a
#: 补正's list
_WITH_REASON = frozenset(
    {ItemEvent.PAUSED, ItemEvent.EXTENDED, ItemEvent.DENIED, ItemEvent.REFUSED, ItemEvent.CORRECTION}
)


class ItemStepBar(QWidget):
    """The chosen item's department steps; the page wires :attr:`step_requested`."""

    step_requested = Signal(str, str)  # the ItemEvent's value and the item's code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = ""
        self.label = plain_label(wrap=True)
        self.buttons = {event: QPushButton(words.ITEM_STEP_ACTION[event]) for event in DEPARTMENT_STEPS}
        self.buttons[ItemEvent.DENIED].setObjectName("supervisorAction")
        self.buttons[ItemEvent.REFUSED].setObjectName("supervisorAction")
        row = FlowLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)
        for event, button in self.buttons.items():
            button.clicked.connect(partial(self.on_step_clicked, event))
        self.hide()

    def show_for(self, item: ItemLine | None, steps: Sequence[ItemEvent]) -> None:
        """The steps ``item`` is offered now; the row goes when there are none."""
        self.item = item.code if item is not None else ""
        for event, button in self.buttons.items():
            button.setVisible(item is not None and event in steps)
            name = words.ITEM_STEP_ACTION[event]
            button.setAccessibleName(words.ITEM_STEP_BUTTON_NAME.format(step=name, item=item.name) if item else name)
        if item is not None:
            self.label.setText(words.ITEM_STEP_BAR.format(item=item.name, department=item.department))
        self.setVisible(item is not None and bool(steps))

    def on_step_clicked(self, event: ItemEvent, _checked: bool = False) -> None:
        if self.item:
            self.step_requested.emit(event.value, self.item)


class ItemStepForm(QFrame):
    """The form of one department step; its buttons are wired by the page that holds it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step: ItemEvent | None = None
        self.item = ""  # the item's code while the form is open
        self.item_name = ""
        self.licence = False  # the item is a 行政许可: its grant asks the licence's 有效期限
        self.pause = QComboBox()
        self.pause.addItem(words.ITEM_STEP_PAUSE_CHOOSE, "")
        for reason in PAUSES:  # 第四十五条's: a 补正 is told before the 受理, never a pause after it
            self.pause.addItem(PAUSE_REASON[reason], reason.value)
        self.ground = QComboBox()  # a 不予受理's ground: 第一项, 第二项, or another
        for ground in DEPARTMENT_GROUNDS:
            self.ground.addItem(REFUSAL_BASIS[ground].format(authority=words.ITEM_STEP_AUTHORITY_NAME), ground)
        self.ground.addItem(words.ITEM_STEP_GROUND_OTHER, "")
        self.authority = QLineEdit()
        self.days = QSpinBox()
        self.days.setRange(1, MOST_EXTENSION_DAYS)
        self.approved_by = QLineEdit()
        self.result_no = QLineEdit()
        self.result_no.setPlaceholderText(words.CASE_REASON_HINT[CaseEvent.ITEM_APPROVED])
        self.reason = QLineEdit()  # a pause's detail, an extension's reason, a denial's reasons
        self.false_materials = QCheckBox(words.ITEM_STEP_FALSE_MATERIALS)  # a licence's denial only
        self.validity_fields = ValidityFields()  # a licence's grant only
        self.validity, self.valid_until = self.validity_fields.choice, self.validity_fields.until
        for field in (self.approved_by, self.result_no, self.reason, self.authority):
            field.setMinimumWidth(px(320))
        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)  # the lines, not the lists
        self.fields.addRow(words.ITEM_STEP_PAUSE, self.pause)
        self.fields.addRow(words.ITEM_STEP_GROUND, self.ground)
        self.fields.addRow(words.ITEM_STEP_AUTHORITY, self.authority)
        self.fields.addRow(words.ITEM_STEP_DAYS, self.days)
        self.fields.addRow(words.ITEM_STEP_APPROVER, self.approved_by)
        self.fields.addRow(words.ITEM_STEP_RESULT_NO, self.result_no)
        self.fields.addRow(words.ITEM_STEP_VALIDITY, self.validity)
        self.fields.addRow(words.ITEM_STEP_VALID_UNTIL, self.valid_until)
        self.fields.addRow(words.ITEM_STEP_DETAIL, self.reason)
        self.fields.addRow("", self.false_materials)
        self.title, self.problems, self.confirm_button, self.cancel_button = frame_step_form(
            self, (self.fields,), "", words.CASE_FORM_CANCEL
        )

    def open_for(self, event: ItemEvent, item: ItemLine, today: dt.date | None = None) -> None:
        """Show the form for ``event`` of ``item``, empty, its first field in focus (the confirm button if none);
        ``today``: the desk's day, the 有效期至 date the form offers first."""
        self.step, self.item, self.item_name, self.licence = event, item.code, item.name, item.licence
        self.title.setText(words.ITEM_STEP_TITLE[event].format(item=item.name, department=item.department))
        self.confirm_button.setText(words.CASE_FORM_CONFIRM.format(action=words.ITEM_STEP_ACTION[event]))
        self.pause.setCurrentIndex(0)
        self.ground.setCurrentIndex(self.ground.count() - 1)  # another ground, written: nobody picks a 项 for them
        self.days.setValue(FIRST_EXTENSION_DAYS)
        for field in (self.approved_by, self.result_no, self.reason, self.authority):
            field.clear()
        self.false_materials.setChecked(False)
        self.validity_fields.reset(today or dt.date.today())
        reason_label = {
            ItemEvent.PAUSED: words.ITEM_STEP_DETAIL,
            ItemEvent.EXTENDED: words.ITEM_STEP_EXTEND_REASON,
            ItemEvent.DENIED: words.ITEM_STEP_DENY_REASON,
            ItemEvent.REFUSED: words.ITEM_STEP_REFUSE_REASON,
            ItemEvent.CORRECTION: words.ITEM_STEP_CORRECTION,
        }
        shown: dict[QWidget, bool] = {
            self.pause: event is ItemEvent.PAUSED,
            self.ground: event is ItemEvent.REFUSED,
            self.authority: event is ItemEvent.REFUSED,
            self.days: event is ItemEvent.EXTENDED,
            self.approved_by: event is ItemEvent.EXTENDED,
            self.result_no: event is ItemEvent.APPROVED,
            self.reason: event in reason_label,
            self.false_materials: event is ItemEvent.DENIED and item.licence,
            self.validity: event is ItemEvent.APPROVED and item.licence,
            self.valid_until: event is ItemEvent.APPROVED and item.licence,
        }
        for widget, visible in shown.items():
            self.fields.setRowVisible(widget, visible)
        label = self.fields.labelForField(self.reason)
        if isinstance(label, QLabel) and event in reason_label:
            label.setText(reason_label[event])
        self.problems.clear()
        self.show()
        first = next((widget for widget, visible in shown.items() if visible), self.confirm_button)
        first.setFocus()

    def request(self) -> StepRequest:
        """What was entered, as the action takes it (an empty pause reason is the action's to refuse)."""
        assert self.step is not None
        event = self.step
        chosen = str(self.pause.currentData() or "")
        ground = str(self.ground.currentData() or "") if event is ItemEvent.REFUSED else ""
        return StepRequest(
            event,
            pause=PauseReason(chosen) if event is ItemEvent.PAUSED and chosen else None,
            days=self.days.value() if event is ItemEvent.EXTENDED else 0,
            approved_by=self.approved_by.text() if event is ItemEvent.EXTENDED else "",
            result_no=self.result_no.text() if event is ItemEvent.APPROVED else "",
            reason=self.reason.text() if event in _WITH_REASON else "",
            false_materials=event is ItemEvent.DENIED and self.false_materials.isChecked(),
            validity=self.validity_fields.chosen() if event is ItemEvent.APPROVED and self.licence else None,
            ground=RefusalGround(ground) if ground else None,
            authority=self.authority.text() if event is ItemEvent.REFUSED else "",
        )

    def show_problems(self, text: str) -> None:
        self.problems.setText(text)

    def close_form(self) -> None:
        self.step, self.item, self.item_name = None, "", ""
        self.problems.clear()
        self.hide()
