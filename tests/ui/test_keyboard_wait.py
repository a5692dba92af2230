"""A wait for the keyboard that runs out says where the keyboard is (tests/ui/keyboard_wait.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.keyboard_wait import wait_for_keyboard


def test_a_wait_that_runs_out_names_the_widget_and_the_window_with_the_keyboard(qtbot: QtBot) -> None:
    window = QWidget()
    window.setWindowTitle("查找办件")
    qtbot.addWidget(window)
    typed, other = QLineEdit(), QLineEdit()
    typed.setObjectName("typed")
    other.setObjectName("other")
    layout = QVBoxLayout(window)
    layout.addWidget(typed)
    layout.addWidget(other)
    window.show()
    window.activateWindow()
    typed.setFocus()
    wait_for_keyboard(qtbot, typed)
    with pytest.raises(AssertionError) as said:
        wait_for_keyboard(qtbot, other, timeout=100)
    assert str(said.value) == (
        "the keyboard not in QLineEdit(other) in QWidget(查找办件) after 100 ms: keyboard in QLineEdit(typed) in "
        "QWidget(查找办件); active window QWidget(查找办件); focus window 查找办件; popup none; modal none; "
        "in sight ['QWidget(查找办件)']"
    )
