"""The pad on a 1024×768 monitor with text at 150 %: run only on that screen (see ``test_one_screen``).

Not collected by a plain ``pytest`` (the name does not start with ``test_``): run in its own process
(:mod:`tests.ui.own_process`) by :func:`tests.ui.pad.test_one_screen.test_the_pad_on_a_small_screen_at_150_percent`,
with one "Monitor" screen of 1024×768.  The text size is set before any window is made, as the desk's start does.
The pad goes through the controller's own placement, beside a desk window (and a maximised intake) of the clerk's.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.ratings.levels import Level
from counter.ui.look.fonts import install_fonts
from counter.ui.look.text_size import set_text_percent
from counter.ui.pad.controller import PadController
from counter.ui.pad.pad_window import PadPage
from tests.conftest import REPO
from tests.ratings.conftest import DESK, Clock
from tests.ui.pad.conftest import ManualTimer
from tests.ui.runners import runner_on

SMALL = QRect(0, 0, 1024, 768)
#: twenty characters each: a Mongolian-script name, and a long name in hanzi
NAMES = {
    "mongolian": "ᠪᠠᠲᠤᠮᠥᠩᠬᠡᠪᠠᠶᠠᠷᠰᠠᠶᠢᠬᠠ",
    "hanzi": "阿拉坦其其格乌日汗图雅巴特尔宝力道孟和朝",
}


@pytest.fixture(scope="session", autouse=True)
def large_text(qapp: QApplication) -> None:
    """150 % text and the shipped font, before any window; and fail, never pass vacuously, on another screen."""
    assert [s.geometry() for s in QGuiApplication.screens()] == [SMALL], "run with the 1024×768 screen"
    set_text_percent(150)
    install_fonts(qapp, REPO / "counter" / "resources" / "fonts")


def window_at(qtbot: QtBot, rect: QRect, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.setGeometry(rect)
    window.show()
    return window


def outside(widgets: list[QWidget]) -> list[str]:
    """What of ``widgets`` is hidden or not wholly on the screen, by its text and place."""
    problems = []
    for widget in widgets:
        corners = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.mapToGlobal(widget.rect().bottomRight()))
        if not widget.isVisible() or not SMALL.contains(corners):
            problems.append(f"{widget.accessibleName() or widget.property('text')} at {corners.getRect()}")
    return problems


@pytest.mark.parametrize("keyboard", [False, True], ids=["touch", "keyboard"])
@pytest.mark.parametrize("intake", [False, True], ids=["desk", "intake"])
@pytest.mark.parametrize("name", list(NAMES))
def test_every_face_is_on_the_screen_whatever_the_clerks_name(
    qtbot: QtBot,
    sessions: sessionmaker[Session],
    clock: Clock,
    demo_cases: dict[str, str],
    name: str,
    intake: bool,
    keyboard: bool,
) -> None:
    clerk = NAMES[name]
    assert len(clerk) == 20
    area = QGuiApplication.primaryScreen().availableGeometry()
    desk_window = window_at(qtbot, area, QMainWindow())
    if intake:
        window_at(qtbot, area, QWidget())  # an intake maximised: no room beside it
    controller = PadController(
        runner_on(sessions), dataclasses.replace(DESK, clerk=clerk), desk_window=desk_window, clock=clock,
        timer_factory=ManualTimer, keyboard=keyboard,
    )  # fmt: skip
    qtbot.addWidget(controller.pad)
    qtbot.addWidget(controller.strip)
    controller.start()
    assert controller.send_case(demo_cases["受理"])
    pad = controller.pad
    qtbot.waitExposed(pad)
    assert clerk in pad.rating_card.clerk.text()
    assert SMALL.contains(pad.frameGeometry()), pad.frameGeometry()
    assert outside([*pad.face_buttons.values(), pad.rating_card.clerk]) == []  # 非常不满意 among them
    pad.face_buttons[Level.VERY_DISSATISFIED].click()
    assert pad.page() is PadPage.REASONS
    QApplication.processEvents()
    assert SMALL.contains(pad.frameGeometry()), pad.frameGeometry()
    assert outside([*pad.reason_buttons, pad.back_button, pad.submit_button]) == []
