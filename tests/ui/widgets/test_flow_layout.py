"""A wrapping row measures its height at a width once, and again only when what it holds changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from counter.ui.widgets.flow_layout import FlowLayout

BUTTONS = ("受理", "补正", "不予受理")


@pytest.fixture
def row(qtbot: QtBot) -> tuple[QWidget, FlowLayout]:
    widget = QWidget()
    qtbot.addWidget(widget)
    layout = FlowLayout(widget)
    for text in BUTTONS:
        layout.addWidget(QPushButton(text))
    return widget, layout


def test_the_same_width_is_measured_once(row: tuple[QWidget, FlowLayout], monkeypatch: pytest.MonkeyPatch) -> None:
    _, layout = row
    measured: list[int] = []
    arrange = layout._arrange

    def counted(rect: QRect, move: bool) -> int:
        measured.append(rect.width())
        return arrange(rect, move)

    monkeypatch.setattr(layout, "_arrange", counted)
    heights = {layout.heightForWidth(width) for width in (400, 400, 400)}
    assert len(heights) == 1
    assert measured == [400]


def test_a_longer_text_or_a_new_item_is_measured_anew(row: tuple[QWidget, FlowLayout]) -> None:
    widget, layout = row
    buttons = widget.findChildren(QPushButton)
    assert [b.text() for b in buttons] == list(BUTTONS)
    width = sum(b.sizeHint().width() for b in buttons) + 2 * layout.spacing()
    one_line = layout.heightForWidth(width)
    assert one_line == layout.heightForWidth(width)
    button = buttons[0]
    button.setText("材料齐全，予以受理")  # wider: the last one goes onto a line of its own
    assert layout.heightForWidth(width) > one_line
    button.setText("受理")
    assert layout.heightForWidth(width) == one_line
    layout.addWidget(QPushButton("暂缓"))
    assert layout.heightForWidth(width) > one_line
    widget.close()
