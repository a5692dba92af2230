"""The 好差评统计 table fits its page: every column on screen at the supervisor window's own size, no column cut
behind a scroll bar."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.ui.desk_actions import SUPERVISION_SIZE
from counter.ui.pad.figures_page import FiguresPage
from tests.ratings.conftest import Clock
from tests.ui.runners import runner_on


def test_every_figure_column_fits_the_page_and_nothing_scrolls_sideways(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock
) -> None:
    """At 1100 pixels the last column (整改率) stretched once more than the others: the columns ran 5 pixels past
    the table, which scrolled sideways and cut the last one's figures off."""
    page = FiguresPage(runner_on(sessions), clock=clock)
    qtbot.addWidget(page)
    page.resize(*SUPERVISION_SIZE)
    page.show()
    qtbot.waitExposed(page)
    page.on_show()
    table = page.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() > 0 and table.viewport().width() > 0)
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width(), timeout=2000)
    assert table.horizontalScrollBar().maximum() == 0
