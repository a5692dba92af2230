"""The intake's columns: side by side where they fit, the materials under the applicant where they do not."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.db.catalog_store import StoredGuide
from counter.ui.fonts import install_fonts
from counter.ui.intake import IntakePanel
from counter.ui.text_size import set_text_percent
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
