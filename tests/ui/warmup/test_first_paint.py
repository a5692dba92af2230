"""What waits for the desk's first paint runs one wait a turn of the event loop: run back to back they held up a key
typed just after the window showed (the rare fonts, the desk's socket, the scanner's filter)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counter.ui.warmup.first_paint import after_first_paint, watch_only


def test_what_comes_during_a_wait_goes_before_the_next_wait(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    order: list[str] = []

    def first() -> None:
        order.append("first")
        QTimer.singleShot(0, lambda: order.append("a key"))  # as a key typed meanwhile, queued behind the paint

    after_first_paint(app, lambda: order.append("second"))
    after_first_paint(app, first)  # the last added runs first
    window = QWidget()
    qtbot.addWidget(window)
    watch_only(app, window)
    window.show()
    qtbot.waitUntil(lambda: "second" in order)
    assert order == ["first", "a key", "second"]
