"""The intake's head: the bundle and its guide's version on the left, the day, the desk and the clerk on the right,
read whole on every window the intake may have, the title giving way first."""

from __future__ import annotations

import dataclasses
from functools import partial

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.catalog.stored_guide import StoredGuide
from counter.ui.intake import IntakePanel
from counter.ui.look.fonts import install_fonts
from counter.ui.look.text_size import set_text_percent
from tests.ui.conftest import REAL_FONTS
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.test_columns import CLERK, LAPTOP, SMALL
from tests.ui.runners import runner_on


def right_edge(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, QPoint(widget.width(), 0)).x()


def settled(panel: IntakePanel, width: int) -> bool:
    return panel.width() == width and panel.day_label.height() > 0


def shown_whole(label: QLabel) -> bool:
    """Every line of the label's text inside the label, as it draws them: wrapped at its width, none cut."""
    room = label.contentsRect()
    flags = Qt.TextFlag.TextWordWrap | label.alignment()
    drawn = label.fontMetrics().boundingRect(room, int(flags.value), label.text())
    return room.contains(drawn) and label.heightForWidth(label.width()) <= label.height()


@pytest.mark.parametrize("percent", [100, 150])
@pytest.mark.parametrize("clerk", ["乌兰", CLERK], ids=["short", "long"])
def test_the_days_line_is_read_whole_in_line_with_the_columns(
    qapp: QApplication, qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide, percent: int, clerk: str
) -> None:
    """At 1024x768 the line 受理日期……1号窗口　乌兰 ran to the window's edge, 6 pixels out of the columns under it,
    and its last character read as cut off.  On the narrowest window the intake allows, on a 1024 and on a 1366
    screen, at 100 and 150 % text, the line is whole, ends where the outcome's column ends, and wraps only once the
    bundle's name has given all it can."""
    set_text_percent(percent)
    install_fonts(qapp, REAL_FONTS, rare_now=False)
    try:
        panel = IntakePanel(runner_on(sessions), dataclasses.replace(DESK, clerk=clerk), guide, lambda: TODAY)
        qtbot.addWidget(panel)
        panel.resize(1, SMALL[1])  # as narrow as it goes
        panel.show()
        qtbot.waitExposed(panel)
        assert panel.width() <= SMALL[0]
        day, title = panel.day_label, panel.title
        for width in (panel.width(), SMALL[0], LAPTOP[0]):
            panel.resize(width, SMALL[1])
            qtbot.waitUntil(partial(settled, panel, width))
            assert clerk in day.text()
            assert shown_whole(day), width
            assert shown_whole(title), width
            assert right_edge(day, panel) == right_edge(panel.commit_button, panel) < panel.width()
            one_line = day.fontMetrics().horizontalAdvance(day.text())
            if day.contentsRect().width() < one_line:  # the day's line wraps: the title has nothing more to give
                assert title.width() <= title.minimumSizeHint().width(), width
    finally:
        set_text_percent(100)
        install_fonts(qapp, REAL_FONTS, rare_now=False)
