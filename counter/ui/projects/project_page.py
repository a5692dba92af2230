"""One project on a page: its facts, its agents and state, the plan by stage, the coordinations and the history,
with a button for each move its state allows and one for each paper it may print now.

The buttons offered follow :data:`counter.projects.rules.MOVES` (what the state allows); the action decides again
and its refusal lists every problem, worded here in one place (:meth:`ProjectPage.say_refused`) and shown above
the form's buttons, with what was typed still there.  A step is red once its expected date has passed and it is
not done, as every other deadline of the window.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter.access.desk import Desk
from counter.case.moments import minute_text
from counter.projects.forms import ProjectForm, printable
from counter.projects.model import (
    STAGE_ORDER,
    Coordination,
    ProjectEvent,
    ProjectLine,
    ProjectState,
    ProjectView,
    StepState,
)
from counter.projects.not_found import NoSuchProject
from counter.projects.papers import ProjectPaperNotPossible
from counter.projects.rules import MOVES, ProjectRefused
from counter.projects.schedule import overdue_steps
from counter.projects.service_items import ServiceList
from counter.service.operation import Operation
from counter.service.projects import (
    ACCEPT_PROJECT,
    ASSIGN_AGENTS,
    COMPLETE_PROJECT,
    EVALUATE_PROJECT,
    FILE_STEP,
    PLAN_PROJECT,
    READ_PROJECT,
    RECORD_COORDINATION,
    SIGN_PROJECT,
    STEP_DONE,
    TERMINATE_PROJECT,
    AssignAgents,
    CompleteProject,
    EvaluateProject,
    FileStep,
    PlanProject,
    ProjectNo,
    RecordCoordination,
    SignProject,
    StepDone,
    TerminateProject,
)
from counter.ui.cases.marks import RED, RED_TEXT, paint
from counter.ui.cases.tables import fill_row, full_table
from counter.ui.door.refused import refusal_text as door_refusal_text
from counter.ui.door.runner import Runner
from counter.ui.look.text_size import scaled
from counter.ui.projects import words
from counter.ui.projects.move_form import MoveForm, split_agents
from counter.ui.projects.plan_form import PlanForm
from counter.ui.widgets.flow_layout import FlowLayout
from counter.ui.widgets.plain_text import plain_label
from counter.words.projects import NO_SUCH_PROJECT, history_note_text, problems_text
from counter.words.punctuation import LIST_JOIN, MARK_JOIN

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
#: a move: its operation and the request the form filled
Move = tuple[Operation[Any, None], Any]
HEADING_STYLE = "QLabel#projectHeading { font-size: 17px; font-weight: bold; color: #102a43; }"
FACT_STYLE = "QLabel#factName { color: #486581; }"
# the facts two a line (short ones), then the long ones a line each: the plan stays in view at 768 pixels high
FACT_GRID = ("investor", "county", "location", "investment", "contact", "code", "classes", "agents")
WIDE_FACTS = ("purpose", "dates", "end_reason", "evaluation")
SECTION_STYLE = "QLabel#section { font-weight: bold; color: #243b53; padding-top: 8px; }"
SAVED_STYLE = "QLabel#saved { color: #1d6b38; }"
# the moves offered as buttons, in the order of the flow (附件2)
BUTTONS = (
    ProjectEvent.ACCEPTED,
    ProjectEvent.AGENT_ASSIGNED,
    ProjectEvent.SIGNED,
    ProjectEvent.PLANNED,
    ProjectEvent.STEP_FILED,
    ProjectEvent.STEP_DONE,
    ProjectEvent.COORDINATED,
    ProjectEvent.COMPLETED,
    ProjectEvent.EVALUATED,
    ProjectEvent.TERMINATED,
)


def offered(project: ProjectView) -> tuple[ProjectEvent, ...]:
    """The moves worth a button now: those the state allows, less a step move with no step to take it on."""
    states = {s.state for s in project.steps}
    shown = []
    for event in BUTTONS:
        if project.state not in MOVES[event][0]:
            continue
        if event is ProjectEvent.STEP_FILED and StepState.PLANNED not in states:
            continue
        if event is ProjectEvent.STEP_DONE and StepState.FILED not in states:
            continue
        if event is ProjectEvent.EVALUATED and project.satisfaction is not None:
            continue
        shown.append(event)
    return tuple(shown)


def papers(state: ProjectState) -> tuple[ProjectForm, ...]:
    return tuple(form for form in ProjectForm if printable(form, state))


def refusal_text(err: Exception, state: ProjectState | None = None) -> str:
    """Every reason a move was refused, one sentence each, in the command line's words; ``state`` the project's.
    What every widget words alike (a role, a failure) is worded so here too; any other exception is a fault of the
    program, raised on."""
    if isinstance(err, ProjectRefused):
        return "".join(problems_text(err.problems, state))  # each a whole sentence, its full stop its own
    if isinstance(err, NoSuchProject):
        return NO_SUCH_PROJECT.format(project_no=err.number)
    if isinstance(err, ProjectPaperNotPossible):
        state_word = words.STATE[err.state] if err.state is not None else ""
        return words.PAPER_NOT_NOW.format(state=state_word, form=words.FORM[err.form])
    return door_refusal_text(err)


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


class ProjectPage(QScrollArea):
    changed = Signal(str)  # a move was kept: the day's list reads again
    print_requested = Signal(str, str)  # the project's number and the ProjectForm's value

    def __init__(
        self, runner: Runner, desk: Desk, clock: Clock, items: ServiceList, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk
        self._clock = clock
        self.project: ProjectView | None = None
        self.setWidgetResizable(True)
        body = QWidget()
        body.setStyleSheet(scaled(HEADING_STYLE + FACT_STYLE + SECTION_STYLE + SAVED_STYLE))
        self.number = QLineEdit()
        self.number.setAccessibleName(words.PAGE_NUMBER)
        self.number.setMaxLength(40)
        self.open_button = QPushButton(words.PAGE_OPEN)
        self.heading = plain_label(words.PAGE_EMPTY, wrap=True)
        self.heading.setObjectName("projectHeading")
        self.facts = QGridLayout()
        self.facts.setColumnStretch(1, 1)
        self.facts.setColumnStretch(3, 1)
        self.facts.setHorizontalSpacing(12)
        self.fact_labels: dict[str, QLabel] = {}
        self.fact_names: dict[str, QLabel] = {}
        pairs_rows = (len(FACT_GRID) + 1) // 2
        for index, key in enumerate((*FACT_GRID, *WIDE_FACTS)):
            name, value = plain_label(words.FACT[key]), plain_label()
            name.setObjectName("factName")
            value.setWordWrap(key in WIDE_FACTS)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key], self.fact_names[key] = value, name
            if key in WIDE_FACTS:  # below the pairs, one a line
                row = pairs_rows + WIDE_FACTS.index(key)
                self.facts.addWidget(name, row, 0)
                self.facts.addWidget(value, row, 1, 1, 3)
            else:
                row, column = divmod(index, 2)
                self.facts.addWidget(name, row, column * 2)
                self.facts.addWidget(value, row, column * 2 + 1)
        self.move_buttons = {event: QPushButton(words.MOVE[event]) for event in BUTTONS}
        self.print_buttons = {
            form: QPushButton(words.PAPER_BUTTON.format(form=words.FORM[form])) for form in ProjectForm
        }
        self.saved = plain_label(wrap=True)
        self.saved.setObjectName("saved")
        self.saved.hide()  # shown with something to say (say_saved): an empty line would push the plan down
        self.form = MoveForm()
        self.plan_form = PlanForm(items)
        self.plan = full_table(words.PLAN_COLUMNS, stretch=2, name=words.PAGE_PLAN)
        self.coordinations = full_table(words.COORDINATION_COLUMNS, stretch=3, name=words.PAGE_COORDINATIONS)
        self.history = full_table(words.HISTORY_COLUMNS, stretch=3, name=words.PAGE_HISTORY)
        self.setWidget(body)
        self._lay_out(body)
        self._connect_signals()
        self._show(None)

    def _lay_out(self, body: QWidget) -> None:
        top = QHBoxLayout()
        label = plain_label(words.PAGE_NUMBER)
        label.setBuddy(self.number)
        top.addWidget(label)
        top.addWidget(self.number, 1)
        top.addWidget(self.open_button)
        buttons = FlowLayout()
        for button in (*self.move_buttons.values(), *self.print_buttons.values()):
            buttons.addWidget(button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addLayout(self.facts)
        layout.addLayout(buttons)
        layout.addWidget(self.saved)
        layout.addWidget(self.form)
        layout.addWidget(self.plan_form)
        for title, table in ((words.PAGE_PLAN, self.plan), (words.PAGE_COORDINATIONS, self.coordinations),
                             (words.PAGE_HISTORY, self.history)):  # fmt: skip
            heading = plain_label(title)
            heading.setObjectName("section")
            layout.addWidget(heading)
            layout.addWidget(table)
        layout.addStretch(1)

    def _connect_signals(self) -> None:
        self.number.returnPressed.connect(self.on_number_given)
        self.open_button.clicked.connect(self.on_number_given)
        for event, button in self.move_buttons.items():
            button.clicked.connect(partial(self.on_move_clicked, event))
        for form, button in self.print_buttons.items():
            button.clicked.connect(partial(self.on_print_clicked, form))
        self.form.confirmed.connect(self.on_move_confirmed)
        self.form.cancelled.connect(self.on_form_cancelled)
        self.plan_form.confirmed.connect(self.on_plan_confirmed)
        self.plan_form.cancelled.connect(self.on_form_cancelled)

    # --- reading ------------------------------------------------------------------

    def open_project(self, number: str, shown: Callable[[], None] | None = None) -> bool:
        """Read the project and show it, then ``shown``; a number not found is said where the heading stands.
        True where it was shown before this returns (no event loop turns: a test's own call)."""
        came: list[bool] = []

        def read(project: ProjectView) -> None:
            self.form.close_form()
            self.plan_form.close_form()
            self.say_saved("")
            self._show(project)
            came.append(True)
            if shown is not None:
                shown()

        def failed(err: Exception) -> None:
            self.heading.setText(refusal_text(err))

        self._runner.submit(READ_PROJECT, ProjectNo(number.strip().upper()), message=words.READ_FAILED, owner=self,
                            answered=read, failed=failed)  # fmt: skip
        return bool(came)

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """The project shown read again (nothing where none is); ``then`` once it is shown, or said unread."""
        if self.project is None:
            if then is not None:
                then()
            return

        def read(project: ProjectView) -> None:
            self._show(project)
            if then is not None:
                then()

        def failed(err: Exception) -> None:
            self.say_saved(refusal_text(err))
            if then is not None:
                then()

        self._runner.submit(READ_PROJECT, ProjectNo(self.project.project_no), message=words.READ_FAILED, owner=self,
                            answered=read, failed=failed)  # fmt: skip

    def _show(self, project: ProjectView | None) -> None:
        self.project = project
        today = self._clock().date()
        for button in (*self.move_buttons.values(), *self.print_buttons.values()):
            button.setVisible(False)
        shown = self._facts_shown(project) if project is not None else set()
        for key, label in self.fact_labels.items():
            label.setText("")
            label.setVisible(key in shown)
            self.fact_names[key].setVisible(key in shown)
        if project is None:
            self.heading.setText(words.PAGE_EMPTY)
            for table in (self.plan, self.coordinations, self.history):
                table.setRowCount(0)
                table.fit()
            return
        self.number.setText(project.project_no)
        self.heading.setText(words.PAGE_HEADING.format(name=project.facts.name, state=words.STATE[project.state]))
        for key, text in self._fact_texts(project).items():
            self.fact_labels[key].setText(text)
        for event in offered(project):
            self.move_buttons[event].setVisible(True)
        for form in papers(project.state):
            self.print_buttons[form].setVisible(True)
        self._fill_plan(project, today)
        self._fill_coordinations(project.coordinations)
        self._fill_history(project.history)

    @staticmethod
    def _facts_shown(project: ProjectView) -> set[str]:
        shown = set(words.FACT) - {"end_reason", "evaluation"}
        if project.end_reason:
            shown.add("end_reason")
        if project.satisfaction is not None:
            shown.add("evaluation")
        return shown

    @staticmethod
    def _fact_texts(project: ProjectView) -> dict[str, str]:
        facts = project.facts
        contact = MARK_JOIN.join(part for part in (facts.contact, facts.phone) if part)
        evaluation = ""
        if project.satisfaction is not None:
            evaluation = words.SATISFACTION[project.satisfaction]
            if project.evaluation_note:
                evaluation = MARK_JOIN.join((evaluation, project.evaluation_note))
        dates = words.DATES.format(
            applied=_day(project.applied_on) or words.NO_DATE,
            accepted=_day(project.accepted_on) or words.NO_DATE,
            signed=_day(project.signed_on) or words.NO_DATE,
            ended=_day(project.ended_on) or words.NO_DATE,
        )
        return {
            "investor": facts.investor,
            "location": facts.location,
            "county": facts.county,
            "investment": words.INVESTMENT.format(amount=f"{facts.investment:,}"),
            "contact": contact,
            "code": facts.code,
            "classes": LIST_JOIN.join(words.CLASS[c] for c in sorted(facts.classes, key=list(words.CLASS).index)),
            "purpose": facts.purpose,
            "agents": LIST_JOIN.join(project.agents) or words.NONE_YET,
            "dates": dates,
            "end_reason": project.end_reason,
            "evaluation": evaluation,
        }

    def _fill_plan(self, project: ProjectView, today: dt.date) -> None:
        late = {s.no for s in overdue_steps(project, today)}
        steps = sorted(project.steps, key=lambda s: (STAGE_ORDER.index(s.stage), s.no))
        self.plan.setRowCount(len(steps))
        for row, step in enumerate(steps):
            values = (str(step.no), words.STAGE[step.stage], step.name, step.department, step.expected_on.isoformat(),
                      _day(step.filed_on), _day(step.done_on), words.STEP_STATE[step.state], step.case_no)  # fmt: skip
            paint(fill_row(self.plan, row, values), (RED, RED_TEXT) if step.no in late else None)
        self.plan.fit()

    def _fill_coordinations(self, coordinations: tuple[Coordination, ...]) -> None:
        self.coordinations.setRowCount(len(coordinations))
        for row, c in enumerate(coordinations):
            fill_row(self.coordinations, row, (c.day.isoformat(), c.with_whom, c.what, c.outcome, c.agent))
        self.coordinations.fit()

    def _fill_history(self, lines: tuple[ProjectLine, ...]) -> None:
        self.history.setRowCount(len(lines))
        for row, line in enumerate(lines):
            at = minute_text(line.at)
            fill_row(self.history, row, (at, words.EVENT[line.event], line.by, history_note_text(line)))
        self.history.fit()

    # --- the moves ----------------------------------------------------------------

    def say_saved(self, text: str) -> None:
        self.saved.setText(text)
        self.saved.setVisible(bool(text))

    def on_number_given(self) -> None:
        if self.number.text().strip():
            self.open_project(self.number.text())

    def on_move_clicked(self, event: ProjectEvent, _checked: bool = False) -> None:
        if self.project is None:
            return
        self.say_saved("")
        today = self._clock().date()
        if event is ProjectEvent.PLANNED:
            self.form.close_form()
            self.plan_form.open_for(self.project.steps, today)
            self.ensureWidgetVisible(self.plan_form)
            return
        self.plan_form.close_form()
        signed = self.project.mandate or self.project.facts.requested
        self.form.open_for(
            event, self.project.steps, today, LIST_JOIN.join(self.project.agents), LIST_JOIN.join(map(str, signed))
        )
        self.ensureWidgetVisible(self.form)

    def on_move_confirmed(self) -> None:
        event = self.form.current
        if self.project is None or event is None:
            return
        self._kept(event, self._action(event, self.project.project_no), self.form.show_problems, self.form.close_form)

    def on_plan_confirmed(self) -> None:
        if self.project is None:
            return
        move = PlanProject(self.project.project_no, self.plan_form.steps())
        self._kept(ProjectEvent.PLANNED, (PLAN_PROJECT, move), self.plan_form.show_problems, self.plan_form.close_form)

    def _kept(self, event: ProjectEvent, move: Move, say: Callable[[str], None], close: Callable[[], None]) -> None:
        """Run the move; once kept, ``close`` the form and show the project again; on refusal say every reason in
        the form, and keep what was typed."""
        op, request = move

        def kept(_answer: object) -> None:
            close()
            self.reload(partial(self._moved, event))

        def refused(err: Exception) -> None:
            log.info("project move %s refused: %s", event.value, err)
            say(refusal_text(err, self.project.state if self.project else None))

        self._runner.submit_step(op, request, self._desk, words.SAVE_FAILED, owner=self, answered=kept, failed=refused)

    def _moved(self, event: ProjectEvent) -> None:
        self.say_saved(words.SAVED.format(action=words.MOVE[event]))
        if self.project is not None:
            self.changed.emit(self.project.project_no)

    def _action(self, event: ProjectEvent, number: str) -> Move:
        """The operation of ``event`` and its request, with what the form holds."""
        form, now = self.form, self._clock()
        today, day, step = now.date(), form.chosen_day(), form.step_no()
        coordination = Coordination(day, form.with_whom.text(), form.what.text(), form.outcome.text(),
                                    agent=self._desk.clerk, step_no=step)  # fmt: skip
        built: dict[ProjectEvent, Move] = {
            ProjectEvent.ACCEPTED: (ACCEPT_PROJECT, ProjectNo(number)),
            ProjectEvent.AGENT_ASSIGNED: (ASSIGN_AGENTS, AssignAgents(number, split_agents(form.agents.text()))),
            ProjectEvent.SIGNED: (SIGN_PROJECT, SignProject(number, day, form.chosen_items())),
            ProjectEvent.STEP_FILED: (FILE_STEP, FileStep(number, step, day, form.case_no.text())),
            ProjectEvent.STEP_DONE: (STEP_DONE, StepDone(number, step, day, form.result_no.text())),
            ProjectEvent.COORDINATED: (RECORD_COORDINATION, RecordCoordination(number, coordination)),
            ProjectEvent.COMPLETED: (COMPLETE_PROJECT, CompleteProject(number, day)),
            ProjectEvent.EVALUATED: (
                EVALUATE_PROJECT,
                EvaluateProject(number, form.chosen_satisfaction(), form.note.text(), today),
            ),
            ProjectEvent.TERMINATED: (TERMINATE_PROJECT, TerminateProject(number, form.reason.text(), day)),
        }
        return built[event]

    def on_form_cancelled(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_print_clicked(self, form: ProjectForm, _checked: bool = False) -> None:
        if self.project is not None:
            self.print_requested.emit(self.project.project_no, form.value)
