"""The search reads at 4.5:1 or more and its controls are targets of 24 by 24 pixels or more (WCAG 2.2, 1.4.3 and
2.5.8), measured on the window as drawn: the count, the guide page's prompt and a guide's number, a bundle without
a guide and its 指南未发布 (grey on white, and on the highlight), the box's clear button."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from counter.catalog.guide_status import GuideStatus
from counter.ui import words
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.search.hit_delegate import HIT_ROLE
from tests.ui.look.readable import TEXT_CONTRAST, colours, contrast, readings, small_targets
from tests.ui.search.test_search_list import type_into_the_box


def rows_read(window: MainWindow) -> dict[str, float]:
    """Each unpublished row's words and tag, as drawn in the list: the contrast of the name's part and of the tag's."""
    view = window.search_panel.results
    image = view.viewport().grab().toImage()
    tag = QFontMetrics(view.font()).horizontalAdvance(words.DESK_UNPUBLISHED_TAG)
    found = {}
    for row in range(window.search_panel.model.rowCount()):
        index = window.search_panel.model.index(row, 0)
        if index.data(HIT_ROLE).status is not GuideStatus.UNPUBLISHED:
            continue
        rect = view.visualRect(index).adjusted(0, 2, 0, -2)  # the row's bottom line left out
        name, tag_part = QRect(rect), QRect(rect)
        name.setRight(rect.right() - tag - 12)
        tag_part.setLeft(rect.right() - tag - 10)
        for part, where in (("name", name), ("tag", tag_part)):
            behind, colour = colours(image, where)
            found[f"{index.data(HIT_ROLE).name} {part} {colour.name()} on {behind.name()}"] = contrast(colour, behind)
    return found


def test_the_search_reads_at_four_and_a_half_to_one_and_its_targets_are_24_pixels(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_into_the_box(qtbot, window, "xse")  # 新生儿: no guide published in the test catalog
    assert window.search_panel.model.index(0, 0).data(HIT_ROLE).status is GuideStatus.UNPUBLISHED
    shown = readings(window)
    assert any(r.widget is window.search_panel.count for r in shown)
    labels = [str(r) for r in shown if r.widget.isEnabled() and r.ratio < TEXT_CONTRAST]
    plain = rows_read(window)
    assert len(plain) == 2
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Down)  # the row highlighted: its words on #dceefb
    assert window.search_panel.current_row() == 0
    highlighted = rows_read(window)
    assert set(highlighted) != set(plain)  # another background: read again
    rows = [f"{row} = {ratio:.2f}" for row, ratio in (plain | highlighted).items() if ratio < TEXT_CONTRAST]
    assert (labels, rows, small_targets(window)) == ([], [], [])
    window.search_panel.box.clear()
    type_into_the_box(qtbot, window, "xcg")
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)  # a published guide opened beside the list
    assert window.guide_view.bundle is not None
    guide = readings(window)
    assert any(r.text == "第 8 项" for r in guide)  # its number, above its name
    assert [str(r) for r in guide if r.widget.isEnabled() and r.ratio < TEXT_CONTRAST] == []
    (clear,) = window.search_panel.box.findChildren(QToolButton)  # Qt's own clear button
    assert clear.text() == words.DESK_SEARCH_CLEAR_NAME
    assert window.search_panel.box.rect().contains(QRect(clear.mapTo(window.search_panel.box, QPoint()), clear.size()))
