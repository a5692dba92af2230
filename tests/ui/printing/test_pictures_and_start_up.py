"""The preview's picture can be drawn; and the desk starts without anything the preview needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication

from counter.ui.printing.preview_window import WINDOW_SIZE
from tests.ui.printing.helpers import page_counts
from tests.ui.printing.pictures import draw
from tests.ui.start.test_startup import RUN, run_app

PRINTING_MODULES = (
    "pypdfium2",
    "reportlab",
    "counter.documents",
    "counter.ui.printing",
    "counter.actions.cases.documents",
)


@pytest.mark.slow
def test_the_preview_picture_is_drawn(qapp: QApplication, app_font: str | None, tmp_path: Path) -> None:
    assert app_font == "WenQuanYi Micro Hei"
    path, window = draw(tmp_path, tmp_path)
    try:
        assert page_counts(window)[0] >= 2
        with Image.open(path) as image:
            assert image.size == WINDOW_SIZE
            colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None
        assert len(colours) > 50  # anti-aliased text on a drawn page, not an empty window
        assert (11, 79, 138) in {colour for _count, colour in colours}  # the 打印 button
    finally:
        window.close()


@pytest.mark.slow
def test_nothing_of_printing_is_loaded_when_the_window_shows(resources: Path) -> None:
    probe = (
        "import sys\n"
        "from counter.ui.mainwindow import main_window\n"
        "show = main_window.MainWindow.show\n"
        "def spy(self):\n"
        "    show(self)\n"
        f"    wanted = {PRINTING_MODULES!r}\n"
        "    loaded = sorted(m for m in sys.modules if m.startswith(wanted))\n"
        "    print('printing loaded when shown:', loaded)\n"
        "main_window.MainWindow.show = spy\n"
        f"{RUN}\n"
    )
    first = run_app(probe)  # creates the database and imports the catalog
    assert first.returncode == 0, first.stderr
    assert "printing loaded when shown: []" in first.stdout
    again = run_app(probe)  # the quick start
    assert again.returncode == 0, again.stderr
    assert "printing loaded when shown: []" in again.stdout
