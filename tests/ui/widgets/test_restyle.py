"""A label given a boxed rule after it was shown plain takes the box into its height: the case page's notice, shown
green after a step, drew its padding over its own line of text (the screenshots at 1024×768 and 150 % showed the
line touching the box above and below)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from counter.ui.cases.marks import restyle
from counter.ui.cases.page_style import STYLE
from counter.ui.widgets.restyle import set_style_property

TEXT = "“食品经营许可”：已办理“不予受理”，事项现在是“部门不予受理”。"
PROBLEM_STYLE = 'QLabel[role="problems"] { padding: 8px 10px; border: 1px solid #b42318; }'


def _shown_plain(qtbot: QtBot, style: str) -> tuple[QWidget, QLabel]:
    """A label in a window whose sheet holds the rules, shown once without any rule of its own."""
    window = QWidget()
    qtbot.addWidget(window)
    window.setStyleSheet(style)
    label = QLabel()
    label.setWordWrap(True)
    QVBoxLayout(window).addWidget(label)
    window.show()
    qtbot.waitExposed(window)
    return window, label


def _styled_from_the_start(qtbot: QtBot, style: str, name: str = "", role: str = "") -> tuple[QWidget, QLabel]:
    window = QWidget()
    qtbot.addWidget(window)
    window.setStyleSheet(style)
    label = QLabel(TEXT)
    label.setWordWrap(True)
    label.setObjectName(name)
    if role:
        label.setProperty("role", role)
    QVBoxLayout(window).addWidget(label)
    window.show()
    qtbot.waitExposed(window)
    return window, label


def test_a_label_named_into_a_boxed_rule_counts_its_padding(qtbot: QtBot) -> None:
    _, label = _shown_plain(qtbot, STYLE)
    plain = label.fontMetrics().height()
    restyle(label, "noticeOk")
    label.setText(TEXT)
    _window, boxed = _styled_from_the_start(qtbot, STYLE, name="noticeOk")
    assert label.heightForWidth(900) == boxed.heightForWidth(900)
    assert label.heightForWidth(900) >= plain + 12  # 6 px of padding above and below, then the border


def test_a_label_given_a_boxed_property_counts_its_padding(qtbot: QtBot) -> None:
    _, label = _shown_plain(qtbot, PROBLEM_STYLE)
    set_style_property(label, "role", "problems")
    label.setText(TEXT)
    _window, boxed = _styled_from_the_start(qtbot, PROBLEM_STYLE, role="problems")
    assert label.heightForWidth(900) == boxed.heightForWidth(900)
    assert label.heightForWidth(900) >= label.fontMetrics().height() + 16
