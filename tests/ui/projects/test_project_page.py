"""A 帮您办 project's page at the end of its service: its coordinations, its 办结 and 评价, its 终止 and reason."""

from __future__ import annotations

import datetime as dt

from counter.actions.projects.project_steps import file_step, step_done
from counter.projects.model import ProjectEvent, ProjectState, Satisfaction
from counter.ui.door.runner import Runner
from counter.ui.projects import words
from counter.ui.projects.window import ProjectsWindow
from counter.words.punctuation import MARK_JOIN
from tests.projects.samples import plan
from tests.ui.projects.conftest import DESK, START, Clock
from tests.ui.projects.test_window import _column, served
from tests.ui.runners import store_of


def every_step_done(runner: Runner, clock: Clock, number: str) -> None:
    now = clock()

    def act(session) -> None:  # type: ignore[no-untyped-def]
        for step in plan(START):
            day = step.expected_on
            file_step(session, DESK, number, step.no, day, clock.day, now)
            step_done(session, DESK, number, step.no, day, clock.day, now, f"第{step.no}号")

    store_of(runner).write(act)


def test_a_coordination_recorded_on_the_page_is_listed_with_whom_what_and_its_outcome(
    projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    number = served(runner, clock)
    page = projects_window.page
    assert page.open_project(number)
    assert page.coordinations.rowCount() == 0
    page.move_buttons[ProjectEvent.COORDINATED].click()
    page.form.with_whom.setText("自然资源局规划股")
    page.form.what.setText("选址意见书所需红线图")
    page.form.outcome.setText("三日内出具")
    page.form.confirm_button.click()
    assert page.form.problems.text() == ""
    assert page.form.isHidden()
    assert page.coordinations.rowCount() == 1
    assert [_column(page.coordinations, column)[0] for column in range(5)] == [
        START.isoformat(),
        "自然资源局规划股",
        "选址意见书所需红线图",
        "三日内出具",
        DESK.clerk,
    ]
    assert words.EVENT[ProjectEvent.COORDINATED] in _column(page.history, 1)


def test_a_project_completed_and_evaluated_shows_the_applicants_word_and_asks_it_no_more(
    projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    number = served(runner, clock)
    clock.day = START + dt.timedelta(days=70)
    every_step_done(runner, clock, number)
    page = projects_window.page
    assert page.open_project(number)
    assert not page.fact_labels["evaluation"].isVisibleTo(page)
    page.move_buttons[ProjectEvent.COMPLETED].click()
    page.form.confirm_button.click()
    assert page.project is not None
    assert page.project.state is ProjectState.COMPLETED
    assert page.move_buttons[ProjectEvent.EVALUATED].isVisibleTo(page)

    page.move_buttons[ProjectEvent.EVALUATED].click()
    page.form.satisfaction.setCurrentIndex(page.form.satisfaction.findData(Satisfaction.VERY_SATISFIED.value))
    page.form.note.setText("代办员全程跟进")
    page.form.confirm_button.click()
    assert page.project.satisfaction is Satisfaction.VERY_SATISFIED
    assert page.fact_labels["evaluation"].isVisibleTo(page)
    expected = MARK_JOIN.join((words.SATISFACTION[Satisfaction.VERY_SATISFIED], "代办员全程跟进"))
    assert page.fact_labels["evaluation"].text() == expected
    assert not page.move_buttons[ProjectEvent.EVALUATED].isVisibleTo(page)  # given once
    assert not page.fact_labels["end_reason"].isVisibleTo(page)


def test_a_project_ended_early_shows_its_reason(projects_window: ProjectsWindow, runner: Runner, clock: Clock) -> None:
    number = served(runner, clock)
    page = projects_window.page
    assert page.open_project(number)
    assert not page.fact_labels["end_reason"].isVisibleTo(page)
    page.move_buttons[ProjectEvent.TERMINATED].click()
    page.form.reason.setText("企业决定暂缓投资")
    page.form.confirm_button.click()
    assert page.project is not None
    assert page.project.state is ProjectState.TERMINATED
    assert page.fact_labels["end_reason"].isVisibleTo(page)
    assert page.fact_labels["end_reason"].text() == "企业决定暂缓投资"
    assert page.fact_names["end_reason"].isVisibleTo(page)


def test_a_step_taken_out_of_the_plan_is_gone_once_saved_and_an_item_is_planned_once(
    projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    from functools import partial

    from counter.actions.projects.project_steps import read_project

    number = served(runner, clock)
    page = projects_window.page
    assert page.open_project(number)
    page.move_buttons[ProjectEvent.PLANNED].click()
    editor = page.plan_form
    assert _column(editor.table, 1) == [step.name for step in plan(START)]
    editor.table.setCurrentCell(2, 1)  # 水土保持方案审批: not needed after all
    editor.remove_button.click()
    assert _column(editor.table, 1) == [plan(START)[i].name for i in (0, 1, 3)]
    for row in range(editor.catalogue.count()):
        if editor.catalogue.item(row).text().startswith("2. "):  # 企业投资项目备案, planned already
            editor.catalogue.setCurrentRow(row)
    editor.add_button.click()
    assert editor.table.rowCount() == 3
    editor.confirm_button.click()
    assert editor.isHidden()
    stored = store_of(runner).read(partial(read_project, number=number))
    assert [s.name for s in stored.steps] == [plan(START)[i].name for i in (0, 1, 3)]
    assert _column(page.plan, 2) == [plan(START)[i].name for i in (0, 1, 3)]
