"""The same applicant taken again for the same bundle: her open cases are named before the intake commits.

Found driving the window: one person taken three times for one bundle in one day, her details filled from the
desk's memory, with no word that she already had open cases.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter.ui.cases.case_page import CasePage
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_COMMIT_OPEN_CASES
from counter.words.dates import day_text
from tests.ui.intake.conftest import TODAY, MakePanel
from tests.ui.intake.helpers import AGENT_ID, answer, commit, fill_person, ready


def active(qtbot: QtBot, panel: IntakePanel) -> None:
    """The intake's window has the keyboard, as at the desk: its Alt keys reach it."""
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)


def taken_twice(qtbot: QtBot, make_panel: MakePanel) -> list[str]:
    """Two intakes of the same person for bundle 008 today, each answered 仍然新建 where it asked."""
    numbers = []
    for _ in range(2):
        panel = make_panel()
        active(qtbot, panel)
        ready(qtbot, panel)
        if panel.open_cases.waiting:
            QTest.keyClick(panel.applicant_form.name, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
        numbers.append(commit(qtbot, panel))
        panel.close_keeping_draft()
    return numbers


def test_the_third_intake_names_the_two_open_cases_before_it_commits(qtbot: QtBot, make_panel: MakePanel) -> None:
    first, second = taken_twice(qtbot, make_panel)
    panel = make_panel()
    active(qtbot, panel)
    answer(panel)
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.open_cases.asked, timeout=10_000) as asked:
        fill_person(panel)  # her number typed: the desk fills her details and names her open cases
    assert [case.case_no for case in asked.args[0]] == [second, first]
    assert panel.open_cases.isVisible()
    lines = panel.open_cases.named()
    assert (second in lines[0], first in lines[1]) == (True, True)
    # the desk only receives bundle 008's items (nothing entrusted): each is named 已收件, as its page names it
    assert all(day_text(TODAY) in line and "已收件" in line for line in lines)
    assert "2 件" in panel.open_cases.heading.text()
    # the commit waits for the clerk's answer, and says so beside the button, in words that can be read
    assert not panel.commit_button.isEnabled()
    assert panel.commit_reason.isVisible()
    assert panel.commit_reason.text() == INTAKE_COMMIT_OPEN_CASES
    QTest.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.taken is None
    # the box took no key: the clerk typed on in the form
    panel.applicant_form.phone.setFocus()
    QTest.keyClicks(panel.applicant_form.phone, "5")
    assert panel.applicant_form.phone.text() == "139048212345"
    typed = panel.form()
    with qtbot.waitSignal(panel.open_cases.answered, timeout=5_000):
        QTest.keyClick(panel.applicant_form.phone, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # 仍然新建
    assert not panel.open_cases.isVisible()
    assert panel.form() == typed  # nothing typed is lost
    assert commit(qtbot, panel) not in (first, second)


def test_alt_o_opens_the_case_chosen_and_keeps_the_intake(qtbot: QtBot, make_panel: MakePanel) -> None:
    first, _ = taken_twice(qtbot, make_panel)
    panel = make_panel()
    active(qtbot, panel)
    with qtbot.waitSignal(panel.open_cases.asked, timeout=10_000):
        fill_person(panel)
    typed = panel.form()
    panel.applicant_form.address.setFocus()
    QTest.keyClick(panel.applicant_form.address, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is panel.open_cases.cases  # two named: the clerk chooses which first
    QTest.keyClick(panel.open_cases.cases, Qt.Key.Key_Down)  # the older one
    with qtbot.waitSignal(panel.open_cases.open_chosen, timeout=5_000) as chosen:
        QTest.keyClick(panel.open_cases.cases, Qt.Key.Key_Return)
    assert chosen.args == [first]
    assert [page.case_no for page in panel.findChildren(CasePage)] == [first]  # in its own window
    assert panel.isVisible()
    assert panel.form() == typed
    assert panel.open_cases.waiting  # still to answer: the clerk may yet take a new case
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    panel.applicant_form.address.setFocus()
    QTest.keyClick(panel.applicant_form.address, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(panel.open_cases.cases, Qt.Key.Key_Escape)  # back to the form, where Alt+O was pressed
    assert QApplication.focusWidget() is panel.applicant_form.address


def test_alt_o_with_one_case_named_opens_it_at_once(qtbot: QtBot, make_panel: MakePanel) -> None:
    """One open case: nothing to choose, so Alt+O opens it from the field the clerk is in."""
    panel = make_panel()
    active(qtbot, panel)
    ready(qtbot, panel)
    first = commit(qtbot, panel)
    panel.close_keeping_draft()
    panel = make_panel()
    active(qtbot, panel)
    with qtbot.waitSignal(panel.open_cases.asked, timeout=10_000) as asked:
        fill_person(panel)
    assert [case.case_no for case in asked.args[0]] == [first]
    panel.applicant_form.address.setFocus()
    with qtbot.waitSignal(panel.open_cases.open_chosen, timeout=5_000) as chosen:
        QTest.keyClick(panel.applicant_form.address, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert chosen.args == [first]
    assert [page.case_no for page in panel.findChildren(CasePage)] == [first]


def test_alt_n_in_the_list_takes_a_new_case_and_gives_the_keyboard_back_to_the_form(
    qtbot: QtBot, make_panel: MakePanel
) -> None:
    """Into the list with Alt+O, then 仍然新建 after all: the box goes, the commit is free, and the keys go on in
    the field the clerk left, not into a list no longer shown."""
    taken_twice(qtbot, make_panel)
    panel = make_panel()
    active(qtbot, panel)
    with qtbot.waitSignal(panel.open_cases.asked, timeout=10_000):
        fill_person(panel)
    panel.applicant_form.address.setFocus()
    QTest.keyClick(panel.applicant_form.address, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is panel.open_cases.cases
    with qtbot.waitSignal(panel.open_cases.answered, timeout=5_000):
        QTest.keyClick(panel.open_cases.cases, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert not panel.open_cases.isVisible()
    assert not panel.open_cases.waiting
    assert QApplication.focusWidget() is panel.applicant_form.address
    QTest.keyClick(panel.applicant_form.address, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # answered: no box
    assert not panel.open_cases.isVisible()


def test_another_applicant_is_not_asked_about(qtbot: QtBot, make_panel: MakePanel) -> None:
    taken_twice(qtbot, make_panel)
    panel = make_panel()
    fill_person(panel, id_no=AGENT_ID)
    assert not panel.open_cases.isVisible()
    assert not panel.open_cases.waiting
