"""帮您办 within the mandate, through the window: the register form refuses 核准 with 备案, and 政府投资 items for a
project not marked a government investment, each marked on the item list; a plan step outside the signed
授权委托书 is refused until a new one is signed through the page's 签订委托 form."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from counter.actions.projects.project_steps import read_project
from counter.projects.model import ProjectClass, ProjectEvent
from counter.projects.rules import ProjectProblem
from counter.ui.door.runner import Runner
from counter.ui.projects.window import ProjectsWindow
from counter.words.projects import problem_text
from tests.projects.samples import FACTS
from tests.ui.projects.conftest import Clock
from tests.ui.projects.test_window import served
from tests.ui.runners import store_of


def _tick(window: ProjectsWindow, *numbers: int) -> None:
    form = window.register
    for row in range(form.requested.count()):
        entry = form.requested.item(row)
        checked = int(entry.data(Qt.ItemDataRole.UserRole)) in numbers
        entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def test_the_register_form_refuses_items_that_do_not_fit_the_investment(
    qtbot: QtBot, projects_window: ProjectsWindow
) -> None:
    window, form = projects_window, projects_window.register
    window.setCurrentWidget(form)
    for key in ("name", "investor", "location", "county"):
        form.texts[key].setText(getattr(FACTS, key))
    form.investment.setValue(FACTS.investment)
    form.classes[ProjectClass.KEY].setChecked(True)
    _tick(window, 1, 2, 3)  # 核准, 备案 and 政府投资项目建议书审批 for an enterprise's project
    with qtbot.assertNotEmitted(form.registered):
        QTest.keyClick(form.texts["name"], Qt.Key.Key_Return)
    said = form.marks["requested"].text()
    assert problem_text(ProjectProblem.APPROVAL_AND_FILING) in said
    assert problem_text(ProjectProblem.GOVERNMENT_ITEM) in said
    assert form.requested.property("problem") is True
    form.government.setChecked(True)  # marked a government investment: the mark goes, the 核准 and 备案 are wrong
    assert not form.marks["requested"].isVisibleTo(form)
    with qtbot.assertNotEmitted(form.registered):
        QTest.keyClick(form.texts["name"], Qt.Key.Key_Return)
    assert form.marks["requested"].text() == "\n".join(
        problem_text(p) for p in (ProjectProblem.APPROVAL_AND_FILING, ProjectProblem.ENTERPRISE_ITEM)
    )
    _tick(window, 3, 4, 7)
    with qtbot.waitSignal(form.registered) as registered:
        QTest.keyClick(form.texts["name"], Qt.Key.Key_Return)
    assert registered.args[0]


def test_a_step_outside_the_mandate_waits_for_a_new_one_signed_in_the_window(
    qtbot: QtBot, projects_window: ProjectsWindow, runner: Runner, clock: Clock
) -> None:
    number = served(runner, clock)
    page = projects_window.page
    projects_window.setCurrentWidget(page)
    assert page.open_project(number)
    page.move_buttons[ProjectEvent.PLANNED].click()
    editor = page.plan_form
    rows = editor.table.rowCount()
    editor.catalogue.setCurrentRow(7)  # 8. 划拨国有土地使用权审批: not in the 授权委托书 signed
    editor.add_button.click()
    editor.confirm_button.click()
    assert problem_text(ProjectProblem.OUTSIDE_MANDATE) in editor.problems.text()
    assert not editor.isHidden()  # what was planned stays, to be saved once a new one is signed
    assert len(store_of(runner).read(partial(read_project, number=number)).steps) == rows
    editor.cancel_button.click()

    assert page.move_buttons[ProjectEvent.SIGNED].isVisible()  # in service: a new 授权委托书 may be signed
    page.move_buttons[ProjectEvent.SIGNED].click()
    assert page.form.items.text() == "2、7、16、10"  # the items signed for, to be changed
    page.form.items.setText("2、7、16、10、8")
    with qtbot.waitSignal(page.changed):
        QTest.keyClick(page.form.items, Qt.Key.Key_Return)
    assert page.project is not None
    assert page.project.mandate == (2, 7, 16, 10, 8)

    page.move_buttons[ProjectEvent.PLANNED].click()
    editor.catalogue.setCurrentRow(7)
    editor.add_button.click()
    editor.confirm_button.click()
    assert editor.isHidden()
    stored = store_of(runner).read(partial(read_project, number=number))
    assert [s.item_no for s in stored.steps][-1] == 8
