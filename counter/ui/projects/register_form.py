"""Registering a 帮您办 application: the boxes of the 申请表 (附件3), and the items asked for from the list.

The project's facts on the left (the required ones first, in the 申请表's order), on the right why it qualifies and
the reference list's items the unit asks help with, ticked.  Enter registers from any field; every problem the
action finds (:func:`counter.projects.rules.facts_problems`) is marked on its own field at once — the field framed
in red, its label red, the reason under it — the keyboard goes to the first, and what was typed stays.  A mark goes
when its field is changed.  A registered project opens on its page.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter.access.desk import Desk
from counter.projects.model import ProjectClass, ProjectFacts
from counter.projects.rules import MAX_INVESTMENT, ProjectProblem, ProjectRefused, fact_text_problems
from counter.projects.service_items import ServiceList
from counter.service.projects import REGISTER_PROJECT, RegisterProject
from counter.ui.door.runner import Failed, Runner
from counter.ui.look.text_size import px, scaled
from counter.ui.projects import words
from counter.ui.projects.project_page import refusal_text
from counter.ui.widgets.plain_text import plain_label, plain_tip
from counter.ui.widgets.step_form import STYLE
from counter.words.projects import PROJECT_PROBLEM
from counter.words.punctuation import ASIDE

log = logging.getLogger(__name__)

ITEM_ROLE = Qt.ItemDataRole.UserRole
# the text boxes, in the 申请表's order: the required four first
TEXTS = ("name", "investor", "location", "county", "investor_address", "investor_head", "postcode", "phone",
         "contact", "contact_id_no", "code", "funding", "land", "industry", "purpose", "progress")  # fmt: skip
#: the field each refusal of the facts is marked on (the text not taken: on each box that holds it)
MARKED = {
    ProjectProblem.NAME_MISSING: "name", ProjectProblem.INVESTOR_MISSING: "investor",
    ProjectProblem.LOCATION_MISSING: "location", ProjectProblem.COUNTY_MISSING: "county",
    ProjectProblem.INVESTMENT_OUT_OF_RANGE: "investment", ProjectProblem.NO_CLASS: "classes",
    ProjectProblem.NOTHING_REQUESTED: "requested", ProjectProblem.UNKNOWN_ITEM: "requested",
    ProjectProblem.APPROVAL_AND_FILING: "requested", ProjectProblem.GOVERNMENT_ITEM: "requested",
    ProjectProblem.ENTERPRISE_ITEM: "requested",
}  # fmt: skip
MARK_STYLE = """
QLineEdit[problem="true"], QSpinBox[problem="true"], QListWidget[problem="true"] {
    border: 2px solid #b42318; background: #fff5f5;
}
QLabel[problem="true"] { color: #b42318; font-weight: bold; }
QLabel#fieldProblem { color: #b42318; }
"""


class RegisterForm(QScrollArea):
    registered = Signal(str)  # the new project's number

    def __init__(
        self,
        runner: Runner,
        desk: Desk,
        clock: Callable[[], dt.datetime],
        items: ServiceList,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk
        self._clock = clock
        self.setWidgetResizable(True)
        body = QWidget()
        body.setObjectName("actionForm")
        body.setStyleSheet(scaled(STYLE + MARK_STYLE))
        self.title = plain_label(words.REGISTER_TITLE)
        self.title.setObjectName("formTitle")
        self.texts = {key: QLineEdit() for key in TEXTS}
        self.investment = QSpinBox()
        self.investment.setRange(0, MAX_INVESTMENT)
        self.investment.setGroupSeparatorShown(True)
        self.investment.setMinimumWidth(px(160))
        self.key_project = QCheckBox(words.REGISTER_KEY)
        # 政府投资项目 (政府投资条例 第二条): which of the 立项 items fit (counter.projects.rules.requested_problems)
        self.government = QCheckBox(words.REGISTER_GOVERNMENT)
        self.classes = {c: QCheckBox(words.CLASS[c]) for c in ProjectClass}
        self.requested = QListWidget()
        self.requested.setAccessibleName(words.REGISTER_FIELD["requested"])
        self.requested.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # elided, whole in tooltips
        self.show_items(items)
        self.problems = plain_label(wrap=True)
        self.problems.setObjectName("formProblems")
        self.done = plain_label(wrap=True)
        self.labels = {key: plain_label(words.REGISTER_FIELD[key]) for key in (*TEXTS, "investment", "classes")}
        self.labels["requested"] = plain_label(words.REGISTER_FIELD["requested"])
        self.marks = {key: _mark() for key in self.labels}  # the reason under each field, while it is at fault
        self.save_button = QPushButton(words.REGISTER_SAVE)
        self.save_button.setDefault(True)
        self.clear_button = QPushButton(words.REGISTER_CLEAR)
        self.setWidget(body)
        self._lay_out(body)
        self.save_button.clicked.connect(self.on_save)
        self.clear_button.clicked.connect(self.clear)
        self._connect_marks()

    def show_items(self, items: ServiceList) -> None:
        """The reference list's items to tick (the site's own, once it is read); those ticked stay ticked."""
        ticked = {self.requested.item(row).data(ITEM_ROLE) for row in range(self.requested.count())
                  if self.requested.item(row).checkState() is Qt.CheckState.Checked}  # fmt: skip
        self.requested.clear()
        for item in items.items:
            entry = QListWidgetItem(ASIDE.format(text=f"{item.no}. {item.name}", aside=item.department))
            entry.setData(ITEM_ROLE, item.no)
            entry.setToolTip(plain_tip(entry.text()))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if item.no in ticked else Qt.CheckState.Unchecked
            entry.setCheckState(checked)
            self.requested.addItem(entry)

    def _lay_out(self, body: QWidget) -> None:
        fields = QFormLayout()
        for key in (*TEXTS[:4], "investment", *TEXTS[4:]):
            field = self.investment if key == "investment" else self.texts[key]
            self.labels[key].setBuddy(field)
            fields.addRow(self.labels[key], _with_mark(field, self.marks[key]))
        right = QVBoxLayout()
        right.addWidget(self.labels["classes"])
        right.addWidget(self.marks["classes"])
        right.addWidget(self.key_project)
        for box in self.classes.values():
            right.addWidget(box)
        self.labels["requested"].setBuddy(self.requested)
        right.addWidget(self.government)
        right.addWidget(self.labels["requested"])
        right.addWidget(self.marks["requested"])
        right.addWidget(self.requested, 1)
        grid = QGridLayout()
        grid.addLayout(fields, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problems, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.title)
        layout.addLayout(grid, 1)
        layout.addWidget(self.done)
        layout.addLayout(buttons)

    def facts(self) -> ProjectFacts:
        text = {key: field.text().strip() for key, field in self.texts.items()}
        requested = tuple(
            int(self.requested.item(row).data(ITEM_ROLE))
            for row in range(self.requested.count())
            if self.requested.item(row).checkState() == Qt.CheckState.Checked
        )
        return ProjectFacts(
            investment=self.investment.value(),
            key_project=self.key_project.isChecked(),
            government=self.government.isChecked(),
            classes=frozenset(c for c, box in self.classes.items() if box.isChecked()),
            requested=requested,
            **text,
        )

    def clear(self) -> None:
        for field in self.texts.values():
            field.clear()
        self.investment.setValue(0)
        for box in (self.key_project, self.government, *self.classes.values()):
            box.setChecked(False)
        for row in range(self.requested.count()):
            self.requested.item(row).setCheckState(Qt.CheckState.Unchecked)
        self.problems.clear()
        for key in self.marks:
            self.unmark(key)

    def _connect_marks(self) -> None:
        """A field changed is no longer marked: the clerk sees at once what is left to mend."""
        for key, field in self.texts.items():
            field.textEdited.connect(partial(self.unmark, key))
        self.investment.valueChanged.connect(partial(self.unmark, "investment"))
        for box in (self.key_project, *self.classes.values()):
            box.toggled.connect(partial(self.unmark, "classes"))
        self.requested.itemChanged.connect(partial(self.unmark, "requested"))
        self.government.toggled.connect(partial(self.unmark, "requested"))

    def _field(self, key: str) -> QWidget:
        if key == "investment":
            return self.investment
        if key == "requested":
            return self.requested
        if key == "classes":
            return self.key_project
        return self.texts[key]

    def mark(self, key: str, reason: str) -> None:
        mark = self.marks[key]
        mark.setText("\n".join(filter(None, (mark.text(), reason))))  # a field may have two reasons
        mark.show()
        for widget in (self.labels[key], self._field(key)):
            _set_problem(widget, True)
        self._field(key).setAccessibleDescription(mark.text())

    def unmark(self, key: str, *_changed: object) -> None:
        self.marks[key].hide()
        self.marks[key].clear()
        for widget in (self.labels[key], self._field(key)):
            _set_problem(widget, False)
        self._field(key).setAccessibleDescription("")

    def show_refusal(self, problems: tuple[ProjectProblem, ...]) -> None:
        """Each problem on its own field, the keyboard on the first of them in the form's order."""
        for key in self.marks:
            self.unmark(key)
        for problem in problems:
            if problem is ProjectProblem.TEXT_NOT_TAKEN:
                for key in fact_text_problems(self.facts()):
                    if key in self.marks:
                        self.mark(key, PROJECT_PROBLEM[problem])
            elif problem in MARKED:
                self.mark(MARKED[problem], PROJECT_PROBLEM[problem])
        marked = [key for key in self.marks if self.marks[key].text()]
        unmarked = [PROJECT_PROBLEM[p] for p in problems if p not in MARKED and p is not ProjectProblem.TEXT_NOT_TAKEN]
        self.problems.setText("".join((words.REGISTER_MARKED.format(count=len(marked)) if marked else "", *unmarked)))
        order = (*TEXTS[:4], "investment", *TEXTS[4:], "classes", "requested")
        if marked:
            self._field(min(marked, key=order.index)).setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_first(self) -> None:
        self.texts["name"].setFocus(Qt.FocusReason.TabFocusReason)

    def on_save(self) -> None:
        request = RegisterProject(self.facts())
        self._runner.submit_step(REGISTER_PROJECT, request, self._desk, words.SAVE_FAILED, owner=self,
                                 answered=self._registered, failed=self._refused)  # fmt: skip

    def _refused(self, err: Exception) -> None:
        if not isinstance(err, Failed):  # whose fault the runner logged
            log.info("project not registered: %s", err)
        if isinstance(err, ProjectRefused):
            self.show_refusal(err.problems)
        else:
            self.problems.setText(refusal_text(err))

    def _registered(self, number: str) -> None:
        self.clear()
        self.done.setText(words.REGISTERED.format(number=number))
        self.registered.emit(number)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter registers from any field (the item list's Enter too: Space ticks an item there)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.on_save()
            return
        super().keyPressEvent(event)


def _mark() -> QLabel:
    mark = plain_label(wrap=True)
    mark.setObjectName("fieldProblem")
    mark.hide()
    return mark


def _with_mark(field: QWidget, mark: QLabel) -> QWidget:
    """The field with its reason under it (hidden until the field is at fault)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(mark)
    return box


def _set_problem(widget: QWidget, at_fault: bool) -> None:
    widget.setProperty("problem", at_fault)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
