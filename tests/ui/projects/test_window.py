"""帮您办 through the window: a project registered, accepted, signed, planned, a step filed and done; an overdue
project red on the agent's day; a refusal said in Chinese with nothing kept."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.actions.projects.project_steps import (
    accept_project,
    assign_agents,
    plan_project,
    read_project,
    register_project,
    sign_project,
)
from counter.host.database.database_faults import DbFault, StoreFault
from counter.projects.forms import ProjectForm
from counter.projects.model import ProjectClass, ProjectEvent, ProjectState, StepState
from counter.projects.rules import ProjectProblem
from counter.service.projects import MAKE_PAPER, READ_PROJECT, REGISTER_PROJECT
from counter.ui.cases.marks import RED
from counter.ui.door.runner import Runner
from counter.ui.projects import words
from counter.ui.projects.project_page import ProjectPage
from counter.ui.projects.window import ProjectsWindow
from counter.ui.words import RUNNER_BUSY
from counter.words.access import refused_for
from counter.words.database import fault_text
from counter.words.projects import NO_SUCH_PROJECT, OVERDUE_STEPS, problem_text
from tests.projects.samples import FACTS, plan
from tests.ui.called_back import Holding, in_the_event_loop, when
from tests.ui.failing import LOCKED, failing
from tests.ui.projects.conftest import DESK, START, Clock
from tests.ui.runners import store_of


def _column(table, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(row, column).text() for row in range(table.rowCount())]


def served(runner: Runner, clock: Clock) -> str:
    """The sample project registered, accepted, an agent named, signed and planned: in service."""
    now = clock()

    def act(session) -> str:  # type: ignore[no-untyped-def]
        number = register_project(session, DESK, FACTS, START, now)
        accept_project(session, DESK, number, START, now)
        assign_agents(session, DESK, number, ("乌云",), now)
        sign_project(session, DESK, number, START, START, now)
        plan_project(session, DESK, number, plan(START), now)
        return number

    return store_of(runner).write(act)


def state_of(page: ProjectPage) -> ProjectState:
    """The shown project's state, read anew at each call (mypy would hold an attribute read before the click)."""
    assert page.project is not None
    return page.project.state


def test_a_project_is_served_through_the_window(qtbot: QtBot, projects_window: ProjectsWindow, runner: Runner) -> None:
    window = projects_window
    form = window.register
    window.setCurrentWidget(form)
    for key, value in (("name", FACTS.name), ("investor", FACTS.investor), ("location", FACTS.location),
                       ("county", FACTS.county)):  # fmt: skip
        form.texts[key].setText(value)
    form.investment.setValue(FACTS.investment)
    form.classes[ProjectClass.KEY].setChecked(True)
    form.requested.item(1).setCheckState(Qt.CheckState.Checked)  # 2. 企业投资项目备案
    form.requested.item(6).setCheckState(Qt.CheckState.Checked)  # 7. 建设项目用地预审与选址意见书核发
    with qtbot.waitSignal(form.registered) as registered:
        QTest.keyClick(form.texts["name"], Qt.Key.Key_Return)  # Enter registers
    number = registered.args[0]
    page = window.page
    assert window.currentWidget() is page
    assert page.project is not None
    assert page.project.project_no == number
    assert number in _column(window.day.table, 0)

    page.move_buttons[ProjectEvent.ACCEPTED].click()
    QTest.keyClick(page.form.confirm_button, Qt.Key.Key_Return)
    assert state_of(page) is ProjectState.ACCEPTED

    page.move_buttons[ProjectEvent.AGENT_ASSIGNED].click()
    page.form.agents.setText("乌云、其其格")
    QTest.keyClick(page.form.agents, Qt.Key.Key_Return)
    assert page.project.agents == ("乌云", "其其格")

    page.move_buttons[ProjectEvent.SIGNED].click()
    QTest.keyClick(page.form.day, Qt.Key.Key_Return)
    assert state_of(page) is ProjectState.IN_SERVICE
    assert page.move_buttons[ProjectEvent.PLANNED].isVisible()

    page.move_buttons[ProjectEvent.PLANNED].click()
    editor = page.plan_form
    for row in range(editor.catalogue.count()):
        if editor.catalogue.item(row).text().startswith(("2. ", "7. ")):
            editor.catalogue.setCurrentRow(row)
            editor.add_button.click()
    assert _column(editor.table, 2) == ["发改部门", "自然资源部门"]  # the list's departments
    editor.confirm_button.click()
    assert [s.name for s in page.project.steps] == ["企业投资项目备案", "建设项目用地预审与选址意见书核发"]
    assert _column(page.plan, 1) == ["立项", "用地"]

    page.move_buttons[ProjectEvent.STEP_FILED].click()
    assert page.form.step.count() == 2
    page.form.step.setCurrentIndex(0)
    QTest.keyClick(page.form.case_no, Qt.Key.Key_Return)
    assert page.project.steps[0].state is StepState.FILED

    page.move_buttons[ProjectEvent.STEP_DONE].click()
    page.form.result_no.setText("兴发改备〔2026〕12号")
    QTest.keyClick(page.form.result_no, Qt.Key.Key_Return)
    stored = store_of(runner).read(partial(read_project, number=number))
    assert stored.steps[0].state is StepState.DONE
    assert stored.steps[0].result_no == "兴发改备〔2026〕12号"
    assert words.STEP_STATE[StepState.DONE] in _column(page.plan, 7)
    assert words.EVENT[ProjectEvent.STEP_DONE] in _column(page.history, 1)


def test_a_refusal_is_said_in_chinese_and_nothing_is_kept(
    projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    number = served(runner, clock)
    page = projects_window.page
    assert page.open_project(number)
    page.move_buttons[ProjectEvent.STEP_FILED].click()
    land = page.form.step.findData(2)  # 用地预审: the 立项 stage is not done yet
    page.form.step.setCurrentIndex(land)
    page.form.case_no.setText("NO-SUCH-CASE")
    page.form.confirm_button.click()
    said = page.form.problems.text()
    assert problem_text(ProjectProblem.EARLIER_STAGE_OPEN) in said
    assert problem_text(ProjectProblem.NO_SUCH_CASE) in said
    assert not page.form.isHidden()
    assert page.form.case_no.text() == "NO-SUCH-CASE"  # what was typed stays
    stored = store_of(runner).read(partial(read_project, number=number))
    assert all(s.filed_on is None for s in stored.steps)


def test_a_number_no_project_has_is_said_on_the_heading(projects_window: ProjectsWindow) -> None:
    page = projects_window.page
    assert not page.open_project("BN-NONE")
    assert page.heading.text() == NO_SUCH_PROJECT.format(project_no="BN-NONE")


def test_a_number_typed_and_enter_opens_its_project_and_blanks_open_nothing(
    projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    """The number read off the applicant's paper, typed in any case with spaces around: Enter opens the project;
    Enter on blanks leaves the page as it was, with no error for a number nobody typed."""
    number = served(runner, clock)
    page = projects_window.page
    projects_window.setCurrentWidget(page)
    page.number.setFocus()
    QTest.keyClicks(page.number, "   ")
    QTest.keyClick(page.number, Qt.Key.Key_Return)
    assert page.project is None
    assert page.heading.text() == words.PAGE_EMPTY
    page.number.setText(f" {number.lower()} ")
    QTest.keyClick(page.number, Qt.Key.Key_Return)
    assert page.project is not None
    assert page.project.project_no == number
    assert page.heading.text() == words.PAGE_HEADING.format(name=FACTS.name, state=words.STATE[state_of(page)])


NOT_PERMITTED = NotPermitted(Permission.CHANGE_SETTINGS, signed_in=True)


@pytest.mark.parametrize(
    ("raised", "said"),
    [
        (StoreFault(DbFault.LOCKED, "lock timeout"), words.SAVE_FAILED.format(fault=fault_text("locked"))),
        (NOT_PERMITTED, refused_for(NOT_PERMITTED)),
    ],
    ids=["database", "role"],
)
def test_a_paper_the_database_or_the_role_refused_is_said_on_the_page(
    projects_window: ProjectsWindow,
    runner: Runner,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    raised: Exception,
    said: str,
) -> None:
    number = served(runner, clock)
    page = projects_window.page
    assert page.open_project(number)
    call = runner.service.call

    def refusing(operation: object, *args: object, **kwargs: object) -> object:
        if operation is MAKE_PAPER:
            raise raised
        return call(operation, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner.service, "call", refusing)
    projects_window.on_print_requested(number, ProjectForm.AUTHORISATION.value)
    assert page.saved.text() == said
    monkeypatch.setattr(runner.service, "call", lambda *_asked: 1 / 0)
    with pytest.raises(ZeroDivisionError):  # a fault of the program: on to the window's error hook
        projects_window.on_print_requested(number, ProjectForm.AUTHORISATION.value)


def test_an_overdue_project_is_red_on_the_agents_day(
    projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    late = served(runner, clock)
    clock.day = START + dt.timedelta(days=10)  # the 备案 was expected on the 5th day
    fresh = store_of(runner).write(partial(register_project, desk=DESK, facts=FACTS, today=clock.day, now=clock()))
    day = projects_window.day
    day.refresh()
    numbers = _column(day.table, 0)
    assert numbers[0] == late  # overdue first
    first, new = day.table.item(0, 0), day.table.item(numbers.index(fresh), 0)
    assert first is not None
    assert new is not None
    assert first.background().color() == QColor(RED)
    assert new.background().style() == Qt.BrushStyle.NoBrush
    assert OVERDUE_STEPS.format(count=1) in _column(day.table, 4)

    day.agent.setCurrentIndex(day.agent.findData("乌云"))
    day.agent.activated.emit(day.agent.currentIndex())
    assert _column(day.table, 0) == [late]


@pytest.mark.usefixtures("in_ulanhot")
def test_a_projects_history_reads_on_the_desks_clock(
    projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    """Each move was made at ten o'clock in 乌兰浩特 (02:00 UTC, the digits SQLite keeps): the page says ten."""
    number = served(runner, clock)
    page = projects_window.page
    assert page.open_project(number)
    assert set(_column(page.history, 0)) == {"2026-09-01 10:00"}


def test_the_keyboard_opens_a_project_prints_its_paper_and_closes_the_window(
    qtbot: QtBot, projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    number = served(runner, clock)
    window = projects_window
    window.refresh()
    window.day.focus_list()
    QTest.keyClick(window.day.table, Qt.Key.Key_Return)  # Enter on the row opens the project
    page = window.page
    assert window.currentWidget() is page
    assert page.project is not None
    assert page.project.project_no == number
    assert page.print_buttons[ProjectForm.AUTHORISATION].isVisible()  # signed: its 授权委托书 may be printed
    assert not page.print_buttons[ProjectForm.COMPLETION].isVisible()  # not before 办结
    page.print_buttons[ProjectForm.APPLICATION].click()
    paper = window.paper
    assert paper is not None
    assert paper.pages.page_count() >= 1
    assert words.FORM[ProjectForm.APPLICATION] in paper.windowTitle()
    paper.close()

    page.move_buttons[ProjectEvent.TERMINATED].click()
    QTest.keyClick(page.form.reason, Qt.Key.Key_Escape)  # Esc closes the open form first, not the window
    assert page.form.isHidden()
    assert window.isVisible()
    QTest.keyClick(page, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_enter_in_the_reference_list_adds_the_item_and_elsewhere_saves_the_plan(
    qtbot: QtBot, projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    number = served(runner, clock)
    # a new 授权委托书 lists 划拨国有土地使用权审批 too (tests/ui/projects/test_mandate.py)
    store_of(runner).write(
        lambda unit: sign_project(unit, DESK, number, START, START, clock(), items=(*FACTS.requested, 8))
    )
    page = projects_window.page
    projects_window.setCurrentWidget(page)
    assert page.open_project(number)
    page.move_buttons[ProjectEvent.PLANNED].click()
    editor = page.plan_form
    rows = editor.table.rowCount()
    editor.catalogue.setCurrentRow(7)  # 8. 划拨国有土地使用权审批, not in the plan yet
    editor.catalogue.setFocus()
    QTest.keyClick(editor.catalogue, Qt.Key.Key_Return)
    assert editor.table.rowCount() == rows + 1
    assert not editor.isHidden()  # added, not saved yet
    QTest.keyClick(editor.confirm_button, Qt.Key.Key_Return)
    assert editor.isHidden()
    stored = store_of(runner).read(partial(read_project, number=number))
    assert len(stored.steps) == rows + 1


def test_the_forms_offer_the_sites_own_list(qtbot: QtBot, runner: Runner, clock: Clock) -> None:
    """A site's imported list, not the shipped file: what the actions check is what the forms offer."""
    from counter.actions.projects.project_steps import import_service_list
    from counter.projects.service_items import shipped_list_path

    own = shipped_list_path().read_text(encoding="utf-8") + "23\t林草部门\t使用林地审核同意书核发\t行政许可\t用地\n"
    store_of(runner).write(lambda unit: import_service_list(unit, DESK, own))
    window = ProjectsWindow(runner, DESK, clock)
    qtbot.addWidget(window)
    catalogue = window.page.plan_form.catalogue
    assert catalogue.count() == 23
    assert "使用林地审核同意书核发" in catalogue.item(22).toolTip() + catalogue.item(22).text()
    assert window.register.requested.count() == 23


def test_a_move_returns_at_once_is_kept_once_and_the_page_follows_its_answer(
    projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    number = served(runner, clock)
    page = projects_window.page
    assert page.open_project(number)
    page.move_buttons[ProjectEvent.STEP_FILED].click()
    page.form.step.setCurrentIndex(0)
    held = Holding(runner, "projects.file_step")
    changed: list[str] = []
    page.changed.connect(changed.append)
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        page.form.confirm_button.click()  # returns while the step is held on the worker
        seen["running"], seen["form"] = runner.running, not page.form.isHidden()
        page.form.confirm_button.click()  # confirmed again meanwhile
        seen["again"] = page.form.problems.text()
        held.release()
        when(lambda: bool(changed), application.quit)

    in_the_event_loop(steps)
    assert seen["running"] == "projects.file_step", "the slot waited for the move's answer"
    assert seen["form"] is True
    assert seen["again"] == RUNNER_BUSY
    assert held.answered == 1
    assert changed == [number]
    assert page.project is not None
    assert page.project.steps[0].state is StepState.FILED  # read again before it is said
    assert page.form.isHidden()


def test_the_window_opens_at_once_and_its_forms_take_the_sites_list_when_it_is_read(
    qtbot: QtBot, runner: Runner, clock: Clock
) -> None:
    from counter.actions.projects.project_steps import import_service_list
    from counter.projects.service_items import shipped_list_path

    own = shipped_list_path().read_text(encoding="utf-8") + "23\t林草部门\t使用林地审核同意书核发\t行政许可\t用地\n"
    store_of(runner).write(lambda unit: import_service_list(unit, DESK, own))
    held = Holding(runner, "projects.read_service_list")
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        window = ProjectsWindow(runner, DESK, clock)  # built while the list is held on the worker
        seen["window"], seen["before"] = window, window.register.requested.count()
        window.register.requested.item(1).setCheckState(Qt.CheckState.Checked)  # ticked meanwhile
        held.release()
        when(lambda: window.register.requested.count() == 23, application.quit)

    in_the_event_loop(steps)
    window = seen["window"]
    qtbot.addWidget(window)
    assert seen["before"] == 22  # the shipped list, until the site's is read
    assert window.page.plan_form.catalogue.count() == 23
    assert window.register.requested.item(1).checkState() is Qt.CheckState.Checked  # what was ticked stays


def test_a_site_list_the_database_cannot_read_leaves_the_shipped_one_on_both_forms(
    qtbot: QtBot, runner: Runner, clock: Clock
) -> None:
    """The database away as the window opens: the forms keep the shipped list to work on, rather than none, and
    the window opens all the same."""
    from counter.service.projects import READ_SERVICE_LIST

    away = failing(runner, LOCKED, READ_SERVICE_LIST)
    window = ProjectsWindow(runner, DESK, clock)
    qtbot.addWidget(window)
    assert away.asked == [READ_SERVICE_LIST.name]
    assert window.register.requested.count() == 22
    assert window.page.plan_form.catalogue.count() == 22


def fill_register(form: Any) -> None:
    for key, value in (("name", FACTS.name), ("investor", FACTS.investor), ("location", FACTS.location),
                       ("county", FACTS.county)):  # fmt: skip
        form.texts[key].setText(value)
    form.investment.setValue(FACTS.investment)
    form.classes[ProjectClass.KEY].setChecked(True)
    form.requested.item(1).setCheckState(Qt.CheckState.Checked)


def test_a_registration_the_database_cannot_keep_is_said_and_the_form_kept(
    qtbot: QtBot, projects_window: ProjectsWindow, runner: Runner
) -> None:
    form = projects_window.register
    projects_window.setCurrentWidget(form)
    fill_register(form)
    away = failing(runner, LOCKED, REGISTER_PROJECT)
    with qtbot.assertNotEmitted(form.registered):
        QTest.keyClick(form.texts["name"], Qt.Key.Key_Return)
    assert away.asked == [REGISTER_PROJECT.name]
    assert form.problems.text() == words.SAVE_FAILED.format(fault=fault_text("locked"))
    assert form.texts["name"].text() == FACTS.name  # all typed, to register again
    assert projects_window.currentWidget() is form
    away.mend()
    with qtbot.waitSignal(form.registered):
        QTest.keyClick(form.texts["name"], Qt.Key.Key_Return)


def test_a_project_the_database_cannot_read_again_is_said_and_stays_shown(
    projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    number = served(runner, clock)
    page = projects_window.page
    assert page.open_project(number)
    away = failing(runner, LOCKED, READ_PROJECT)
    reloaded: list[bool] = []
    page.reload(lambda: reloaded.append(True))
    assert reloaded == [True]  # what waits for the read goes on
    assert away.asked == [READ_PROJECT.name]
    assert page.saved.text() == words.READ_FAILED.format(fault=fault_text("locked"))
    assert page.project is not None
    assert page.project.project_no == number


def test_a_name_with_a_direction_character_is_marked_on_its_field_and_nothing_registered(
    qtbot: QtBot, projects_window: ProjectsWindow, runner: Runner
) -> None:
    """A name pasted with a right-to-left mark in it: the package would refuse it at the hall, the form says where."""

    window = projects_window
    form = window.register
    window.setCurrentWidget(form)
    for key, value in (("name", "兴安盟\u202e光伏项目"), ("investor", FACTS.investor), ("location", FACTS.location),
                       ("county", FACTS.county)):  # fmt: skip
        form.texts[key].setText(value)
    form.investment.setValue(FACTS.investment)
    form.classes[ProjectClass.KEY].setChecked(True)
    form.requested.item(1).setCheckState(Qt.CheckState.Checked)
    with qtbot.assertNotEmitted(form.registered):
        QTest.keyClick(form.texts["name"], Qt.Key.Key_Return)
    assert form.marks["name"].isVisibleTo(form)
    assert form.marks["name"].text() == problem_text(ProjectProblem.TEXT_NOT_TAKEN)
    assert not form.marks["investor"].isVisibleTo(form)
    assert window.day.table.rowCount() == 0


def test_ctrl_tab_turns_the_windows_pages_and_the_day_takes_the_keyboard_back(
    qtbot: QtBot, projects_window: ProjectsWindow
) -> None:
    window = projects_window
    window.setCurrentIndex(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first = window.currentIndex()
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.currentIndex() == (first + 1) % window.count()
    QTest.keyClick(
        window.focusWidget() or window,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.currentIndex() == first
    assert window.currentWidget() is window.day
    assert window.focusWidget() is window.day.table


def test_a_second_paper_takes_the_place_of_the_first(
    qtbot: QtBot, projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    number = served(runner, clock)
    page = projects_window.page
    assert page.open_project(number)
    page.print_buttons[ProjectForm.APPLICATION].click()
    first = projects_window.paper
    assert first is not None
    page.print_buttons[ProjectForm.AUTHORISATION].click()
    second = projects_window.paper
    assert second is not None
    assert second is not first
    assert words.FORM[ProjectForm.AUTHORISATION] in second.windowTitle()
    assert [w for w in projects_window.findChildren(type(second)) if w.isVisible()] == [second]
    second.close()
