"""A case page's full-height table keeps every column in sight on a narrow window: the widest columns give way and
wrap, the table never scrolls sideways."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from counter.ui.cases.tables import fill_row, full_table, shared_widths

COLUMNS = ("事项", "实施部门", "办理状态", "理由或结果编号")
ROW = (
    "新办纳税人涉税事项",
    "国家税务总局乌兰浩特市税务局",
    "部门已签收（下一个工作日到期：2026-11-30）",
    "检验、检测、检疫",
)


def test_columns_keep_their_widths_while_they_fit_and_the_widest_give_way_when_not() -> None:
    wanted = {0: 120, 1: 300, 2: 80}
    least = {0: 50, 1: 60, 2: 60}
    assert shared_widths(wanted, least, 600) == wanted
    cut = shared_widths(wanted, least, 400)
    assert sum(cut.values()) <= 400
    assert cut[2] == 80  # the narrow one keeps its width
    assert cut[1] < 300
    assert shared_widths(wanted, least, 10) == least  # never below a heading


def test_a_full_table_on_a_narrow_page_shows_every_column_and_wraps(qtbot: QtBot) -> None:
    """The items' table of a case page at 1024 pixels and 150 % text scrolled sideways: 理由或结果编号 was off the
    page and 办理状态 cut at its edge."""
    table = full_table(COLUMNS, stretch=3)
    qtbot.addWidget(table)
    table.setRowCount(1)
    fill_row(table, 0, ROW)
    table.resize(420, 200)
    table.show()
    qtbot.waitExposed(table)
    table.fit()
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width(), timeout=2000)
    assert table.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(3) >= header.sectionSizeHint(3)  # the stretching column keeps its heading
    one_line = table.fontMetrics().height() + 8
    qtbot.waitUntil(lambda: table.rowHeight(0) > one_line)  # the cut columns wrap onto more lines
    table.resize(1600, 200)  # room again: each column back to its text's width, on one line
    qtbot.waitUntil(lambda: header.sectionSize(2) >= table.sizeHintForColumn(2))
