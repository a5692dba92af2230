"""The 好差评统计 table fits its page: every column on screen at the supervisor window's own size, no column cut
behind a scroll bar."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.ui.mainwindow.desk_actions import SUPERVISION_SIZE
from counter.ui.pad.figures_page import FiguresPage
from counter.ui.pad.tables import two_lines
from counter.ui.pad.words import RATING_FIGURES_COLUMNS
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


def test_every_heading_reads_whole_on_a_narrow_page(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock
) -> None:
    """On a 1024-pixel screen at 150 % text every column stretched alike and 其中申诉中 and 申诉撤销 were cut at both
    ends.  Each column now gets its heading's width, the longest headings going onto two lines where the page is too
    narrow for them on one; the page here is narrower than the headings on one line, whatever the font."""
    page = FiguresPage(runner_on(sessions), clock=clock)
    qtbot.addWidget(page)
    table = page.table
    header = table.horizontalHeader()
    one_line = sum(header.sectionSizeHint(column) for column in range(table.columnCount()))
    page.resize(one_line * 4 // 5, SUPERVISION_SIZE[1])
    page.show()
    qtbot.waitExposed(page)
    page.on_show()
    qtbot.waitUntil(lambda: 0 < header.length() <= table.viewport().width(), timeout=2000)
    labels = [table.horizontalHeaderItem(column) for column in range(table.columnCount())]
    texts = [label.text() if label is not None else "" for label in labels]
    assert [text.replace("\n", "") for text in texts] == list(RATING_FIGURES_COLUMNS)
    assert all(header.sectionSize(c) >= header.sectionSizeHint(c) for c in range(table.columnCount()))
    assert any("\n" in text for text in texts)  # too narrow for every heading on one line
    assert table.horizontalScrollBar().maximum() == 0
    page.resize(one_line * 2, SUPERVISION_SIZE[1])  # room again: every heading back on one line
    qtbot.waitUntil(lambda: all("\n" not in (table.horizontalHeaderItem(c) or QTableWidgetItem()).text()
                                for c in range(table.columnCount())))  # fmt: skip


def test_a_heading_breaks_between_its_words() -> None:
    assert two_lines("其中申诉中") == "其中\n申诉中"
    assert two_lines("申诉撤销") == "申诉\n撤销"
    assert two_lines("办件数") == "办件\n数"
    assert two_lines("好评") == "好评"
    assert two_lines("ab cd efg") == "ab cd\nefg"
