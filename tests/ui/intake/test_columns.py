"""The intake's columns: side by side where they fit, the materials under the applicant where they do not."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from functools import partial

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.catalog.stored_guide import StoredGuide
from counter.ui.intake import IntakePanel
from counter.ui.intake.id_field import WHOLE_NUMBER, WholeNumberEdit
from counter.ui.look.fonts import install_fonts
from counter.ui.look.text_size import set_text_percent
from tests.ui.conftest import REAL_FONTS
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.runners import runner_on

SMALL = (1020, 700)  # what a 1024×768 screen leaves inside the window's frame, below a taskbar
CLERK = "阿拉坦其其格乌日汗图雅巴特尔宝力道孟和朝"  # a clerk's name of twenty characters, in the window's head


@pytest.fixture
def large_panel(
    qapp: QApplication, qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide
) -> Iterator[IntakePanel]:
    """An intake made at 150 % text, as a desk set to that size makes it; the next test starts at 100 %."""
    set_text_percent(150)
    install_fonts(qapp, REAL_FONTS, rare_now=False)
    try:
        panel = IntakePanel(runner_on(sessions), dataclasses.replace(DESK, clerk=CLERK), guide, lambda: TODAY)
        qtbot.addWidget(panel)
        yield panel
    finally:
        set_text_percent(100)
        install_fonts(qapp, REAL_FONTS, rare_now=False)


def in_view(widget: QWidget, window: QWidget) -> bool:
    """Wholly inside the window, where the clerk sees it."""
    corner = widget.mapTo(window, QPoint(0, 0))
    return widget.isVisible() and window.rect().contains(QRect(corner, widget.size()))


def test_at_150_percent_on_a_small_screen_the_materials_go_under_the_applicant(
    qtbot: QtBot, large_panel: IntakePanel
) -> None:
    panel = large_panel
    assert panel.minimumSizeHint().width() <= SMALL[0]  # the window may be as narrow as the screen
    panel.resize(*SMALL)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.width() == SMALL[0]
    qtbot.waitUntil(lambda: panel.columns.stacked)
    parties, materials = (column.geometry() for column in panel.columns.columns)
    assert materials.top() >= parties.bottom()  # one column: who, then what was handed in
    assert in_view(panel.outcome_box.headline, panel)
    assert in_view(panel.commit_button, panel)
    assert in_view(panel.title, panel)  # the bundle's name and the day's line wrap rather than widen the window
    assert in_view(panel.day_label, panel)
    assert CLERK in panel.day_label.text()
    edit = panel.applicant_form.id_field.edit
    assert edit.width() >= 200  # room for an ID number's 18 characters, not a sliver
    row = next(iter(panel.checklist_view.rows.values()))
    row.setFocus(Qt.FocusReason.TabFocusReason)  # the keyboard below the parties: the one column scrolls to it
    qtbot.waitUntil(lambda: in_view(row, panel.columns.viewport()))


LAPTOP = (1362, 700)  # what a 1366×768 screen leaves inside the window's frame, below a taskbar


@pytest.mark.parametrize("size", [SMALL, LAPTOP], ids=["1024x768", "1366x768"])
def test_at_150_percent_the_id_number_is_shown_whole(
    qtbot: QtBot, large_panel: IntakePanel, size: tuple[int, int]
) -> None:
    """The clerk reads the number back digit by digit: no screen may show only its scrolled end."""
    panel = large_panel
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    # an ID number, and a company's credit code, whose letters are wider than digits
    for edit, number in (
        (panel.applicant_form.id_field.edit, "15220119850505011X"),
        (panel.agent_form.id_field.edit, "15220119850505011X"),
        (panel.applicant_form.id_field.edit, "91152201MA0N1234WM"),
    ):
        edit.setText(number)
        qtbot.waitUntil(partial(shows_whole, edit))


def shows_whole(edit: QLineEdit) -> bool:
    room = edit.contentsRect().width() - edit.textMargins().left() - edit.textMargins().right()
    return room >= edit.fontMetrics().horizontalAdvance(edit.text())


def test_where_they_fit_the_columns_stand_side_by_side(qtbot: QtBot, large_panel: IntakePanel) -> None:
    panel = large_panel
    panel.resize(1900, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    assert not panel.columns.stacked
    parties, materials = (column.geometry() for column in panel.columns.columns)
    assert materials.left() > parties.right()
    panel.resize(*SMALL)  # the clerk narrows the window: the columns follow
    qtbot.waitUntil(lambda: panel.columns.stacked)
    panel.resize(1900, 1000)
    qtbot.waitUntil(lambda: not panel.columns.stacked)
    QTest.keyClick(panel.applicant_form.id_field.edit, Qt.Key.Key_Tab)  # the form still works as one


def test_a_credit_code_asks_for_its_own_width_and_no_more(qtbot: QtBot) -> None:
    """A company's code has letters wider than an ID number's digits: the line asks for the code typed in it, up to
    a number's 18 characters, so the columns stack before they cut it; what is longer is no number."""
    edit = WholeNumberEdit()
    qtbot.addWidget(edit)
    empty = edit.minimumSizeHint().width()
    edit.setText("91152201MA0N1234WM")
    assert edit.minimumSizeHint().width() - empty == (
        edit.fontMetrics().horizontalAdvance(edit.text()) - edit.fontMetrics().horizontalAdvance(WHOLE_NUMBER)
    )
    asked = edit.minimumSizeHint().width()
    edit.setText("91152201MA0N1234WM" + "WWWWWW")
    assert edit.minimumSizeHint().width() == asked
