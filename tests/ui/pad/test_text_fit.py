"""Whether a page fits its room, and the largest text size at which it does."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from counter.ui.pad.text_fit import largest_fitting, page_fits


def tall_page(qtbot: QtBot, least_height: int) -> tuple[QWidget, QLabel]:
    page = QWidget()
    qtbot.addWidget(page)
    label = QLabel("评价", page)
    label.setMinimumHeight(least_height)
    QVBoxLayout(page).addWidget(label)
    page.show()
    return page, label


def test_a_page_taller_than_its_room_does_not_fit(qtbot: QtBot) -> None:
    """Its layout lays its widgets over one another when the room is less high than they need (the Mongolian reasons
    on a 150 % desk, their buttons overlapping, were counted as fitting)."""
    page, _ = tall_page(qtbot, 300)
    assert page_fits(page, QSize(400, 400))
    assert not page_fits(page, QSize(400, 200))


def test_the_largest_size_that_fits_is_found_where_a_smaller_one_does_not(qtbot: QtBot) -> None:
    """A page of Mongolian columns can fit at 1.0 and not at 0.95 (a smaller font takes one more word into a column,
    and the column grows to its whole length): every size is tried from the desk's down."""
    page, label = tall_page(qtbot, 0)
    heights = {1.5: 500, 1.45: 480, 1.4: 460, 1.35: 440, 1.3: 420, 1.25: 400, 1.2: 380, 1.15: 360, 1.1: 340}
    heights |= {1.05: 320, 1.0: 200, 0.95: 320, 0.9: 320, 0.85: 320, 0.8: 320, 0.75: 200, 0.7: 200}
    tried: list[float] = []

    def apply(size: float) -> None:
        tried.append(size)
        label.setMinimumHeight(heights[size])

    assert largest_fitting(page, QSize(400, 300), 1.5, apply) == 1.0
    assert tried == [1.5, 1.45, 1.4, 1.35, 1.3, 1.25, 1.2, 1.15, 1.1, 1.05, 1.0]
