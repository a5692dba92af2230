"""The app's own icon on its windows, from the PNGs shipped in the package."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from counter.resources import icons_dir
from counter.ui.start.app_icon import ICON_SIZES, app_icon
from tests.ui.start.test_startup import run_app

PROBE = """
from PySide6.QtWidgets import QApplication
from counter.ui.start.app import run
code = run(None, True, [])
app = QApplication.instance()
print(sorted(size.width() for size in app.windowIcon().availableSizes()), app.desktopFileName())
raise SystemExit(code)
"""


def test_every_size_is_drawn_for_itself(qtbot: QtBot) -> None:
    icon = app_icon(icons_dir())
    assert sorted(size.width() for size in icon.availableSizes()) == list(ICON_SIZES)
    for size in ICON_SIZES:
        image = icon.pixmap(size, size).toImage()
        assert (image.width(), image.height()) == (size, size)
        # the blue of the wall at the centre of the left edge: a real drawing, not an empty pixmap
        assert image.pixelColor(size // 16, size // 2).name() == "#1a4c9c"


@pytest.mark.slow
def test_the_desk_app_wears_it() -> None:
    done = run_app(PROBE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[16,", "32,", "48,", "64,", "128,", "256]", "counter"]
