"""Where the pad and the strip go on the clerk's one screen: the rules on plain rectangles."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QRect, QSize
from pytestqt.qtbot import QtBot

from counter.ratings.levels import Level
from counter.ui.look.text_size import set_text_percent
from counter.ui.pad.pad_window import PadPage, PadWindow
from counter.ui.pad.placement import PAD_MINIMUM, PAD_SIZE, edge_spot, free_spot, pad_spot
from tests.ui.pad.conftest import ManualTimer
from tests.ui.pad.pictures import CASE

WIDE = QRect(0, 0, 1920, 1080)
LAPTOP = QRect(0, 0, 1366, 768)


def test_the_pad_takes_the_free_part_of_a_wide_screen_right_first() -> None:
    intake = QRect(0, 0, 1280, 800)
    spot = free_spot(WIDE, [intake], PAD_SIZE, PAD_MINIMUM)
    assert spot is not None
    assert not spot.intersects(intake)
    assert spot.left() > intake.right()  # the right (640 wide) over the bottom (280 high: too low)
    assert spot.size() == QSize(640, 480)


def test_below_when_the_windows_leave_the_bottom_free() -> None:
    main = QRect(0, 0, 1920, 560)
    spot = free_spot(WIDE, [main], PAD_SIZE, PAD_MINIMUM)
    assert spot == QRect(560, 580, 800, 480)


def test_no_room_is_said_rather_than_a_pad_too_small_to_tap() -> None:
    assert free_spot(LAPTOP, [QRect(0, 0, 800, 768)], PAD_SIZE, PAD_MINIMUM) is None  # 566 wide is too narrow


def test_the_main_window_may_be_covered_the_intake_not() -> None:
    main, intake = QRect(0, 0, 1366, 768), QRect(0, 0, 700, 768)
    spot = pad_spot(LAPTOP, main, [intake])
    assert not spot.intersects(intake)
    assert LAPTOP.contains(spot)
    assert pad_spot(LAPTOP, main, []) == QRect(283, 144, 800, 480)  # no intake: centred over the main window
    assert pad_spot(LAPTOP, main, [main]).center() == LAPTOP.center()  # no room at all: the middle


def test_the_strip_stays_off_the_windows_content() -> None:
    below_title_bar = QRect(0, 30, 1366, 738)
    size = QSize(360, 28)
    assert edge_spot(LAPTOP, size, [below_title_bar]) == QRect(503, 0, 360, 28)
    status_bar_free = QRect(0, 0, 1366, 740)
    assert edge_spot(LAPTOP, size, [status_bar_free]) == QRect(503, 740, 360, 28)
    left_half = QRect(0, 0, 683, 768)
    assert not edge_spot(LAPTOP, size, [left_half]).intersects(left_half)


def test_a_pad_larger_than_its_design_is_centred_whole_inside_a_small_screen() -> None:
    """At 150 % text the pad needs more than its 800×480: the spot is of that size, not grown off the edge later."""
    small = QRect(0, 0, 1024, 768)
    needed = QSize(974, 520)
    spot = pad_spot(small, small, [], needed)
    assert small.contains(spot)
    assert spot.size().expandedTo(needed) == spot.size()
    assert small.contains(pad_spot(small, small, [small], needed))


@pytest.mark.parametrize(
    "clerk", ["ᠪᠠᠲᠤᠮᠥᠩᠬᠡᠪᠠᠶᠠᠷᠰᠠᠶᠢᠬᠠᠨᠲᠤ", "阿拉坦其其格·乌日汗图雅·巴特尔"], ids=["mongolian", "chinese"]
)
def test_a_long_clerk_name_at_150_percent_keeps_the_pad_on_a_1024_screen(
    qtbot: QtBot, pad_font: str | None, clerk: str
) -> None:
    assert len(clerk) >= 16
    small = QRect(0, 0, 1024, 768)
    set_text_percent(150)
    try:
        pad = PadWindow(ManualTimer)
        qtbot.addWidget(pad)
        pad.show_case(dataclasses.replace(CASE, clerk=clerk, office="科尔沁右翼前旗乌兰毛都苏木便民服务中心"))
        for page in (PadPage.RATING, PadPage.REASONS):
            pad.pages.setCurrentIndex(page)
            needed = PAD_MINIMUM.expandedTo(pad.minimumSizeHint())
            assert small.size().expandedTo(needed) == small.size(), needed
            spot = pad_spot(small, small, [], needed)
            pad.setGeometry(spot)
            pad.show()
            qtbot.waitExposed(pad)
            assert small.contains(pad.geometry()), pad.geometry()
            faces = [pad.face_buttons[level] for level in Level]
            for face in faces:
                corner = face.mapTo(pad, face.rect().bottomRight())
                assert pad.rect().contains(corner), (face.text(), corner)
    finally:
        set_text_percent(100)
