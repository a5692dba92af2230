"""An application registered with boxes left empty: each box at fault is marked on its own, not one red paragraph."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter.projects.model import ProjectClass
from counter.ui.projects.window import ProjectsWindow
from tests.projects.samples import FACTS

REQUIRED = ("name", "investor", "location", "county", "investment", "classes", "requested")


def test_an_empty_form_marks_each_field_it_needs(qtbot: QtBot, projects_window: ProjectsWindow) -> None:
    form = projects_window.register
    projects_window.setCurrentWidget(form)
    form.focus_first()
    QTest.keyClick(form.texts["name"], Qt.Key.Key_Return)  # registered with nothing filled in
    marked = [key for key, mark in form.marks.items() if mark.isVisibleTo(form)]
    assert marked == list(REQUIRED)
    assert form.marks["name"].text() == "请填写项目名称。"
    assert form.marks["investment"].text() == "投资总额应为大于零的整数，单位为万元，请核对是否误填为元。"
    assert all(form.labels[key].property("problem") is True for key in REQUIRED)
    assert form.texts["name"].property("problem") is True
    assert form.texts["name"].accessibleDescription() == "请填写项目名称。"  # said by a screen reader too
    assert form.texts["postcode"].property("problem") is not True  # what is not required is left alone
    assert form.problems.text() == "有 7 栏需要填写或改正，已在各栏下用红字标出。"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.texts["name"])  # the first field at fault

    QTest.keyClicks(form.texts["name"], "Hinggan wind farm")  # mended as typed: its mark goes, the others stay
    assert not form.marks["name"].isVisibleTo(form)
    assert form.texts["name"].property("problem") is False
    assert form.marks["investor"].isVisibleTo(form)
    for key in ("investor", "location", "county"):
        form.texts[key].setText(getattr(FACTS, key))
    form.investment.setValue(FACTS.investment)
    form.classes[ProjectClass.KEY].setChecked(True)
    QTest.keyClick(form.texts["name"], Qt.Key.Key_Return)  # still nothing asked for: only that is marked
    assert [key for key, mark in form.marks.items() if mark.isVisibleTo(form)] == ["requested"]
    assert form.marks["requested"].text() == "请填写申请代办的事项（参考目录的序号）。"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.requested)
