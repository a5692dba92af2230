"""The pad watches its own widgets for the applicant's touch, not every event of the desk's application: a Python
filter on the whole application was handed every event of every object, each of the clerk's keys included."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from counter.ui.pad import pad_window
from counter.ui.pad.pad_window import PadWindow
from counter.ui.pad.touch_watch import TouchWatch
from tests.ui.pad.conftest import ManualTimer
from tests.ui.pad.pictures import CASE

SEEN: list[QObject] = []


class _Counting(TouchWatch):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        SEEN.append(watched)
        return super().eventFilter(watched, event)


def test_the_clerks_keys_elsewhere_never_pass_through_the_pad(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pad_window, "TouchWatch", _Counting)
    pad = PadWindow(ManualTimer)
    qtbot.addWidget(pad)
    clerk = QLineEdit()
    qtbot.addWidget(clerk)
    clerk.show()
    SEEN.clear()
    QTest.keyClicks(clerk, "XC2024")
    assert [w for w in SEEN if w is clerk] == []
    QTest.keyClicks(pad, "1")
    assert pad in SEEN  # the count sees the pad's own events: it would see the clerk's


def test_a_widget_the_pad_is_given_later_gives_the_full_time_again_when_touched(qtbot: QtBot) -> None:
    ManualTimer.made.clear()
    pad = PadWindow(ManualTimer)
    qtbot.addWidget(pad)
    pad.resize(800, 480)
    pad.show()
    pad.show_case(CASE)
    later = QLabel("later", pad.pages.currentWidget())
    later.show()  # polished: from then on watched
    timeout = pad.timeout_timer
    assert isinstance(timeout, ManualTimer)
    timeout.stop()
    QTest.mousePress(later, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert timeout.active
