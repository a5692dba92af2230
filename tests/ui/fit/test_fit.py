"""Every window fits the small screens desks have (1366×768, 1024×768), also with text at 150 %.

Qt learns its screens once, when the QApplication is made, and pytest-qt makes one per process; so each screen size
gets a fresh pytest process running :mod:`tests.ui.fit.screens` with the offscreen platform configured to that one
screen (design §5), and the text size in ``COUNTER_FIT_TEXT``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.own_process import run_on_screens, screen

HERE = Path(__file__).resolve().parent


def run_screens(tmp_path: Path, width: int, height: int, percent: int) -> None:
    desk = screen("Desk", 0, 0, width, height)
    run_on_screens(tmp_path, [desk], HERE / "screens.py", env={"COUNTER_FIT_TEXT": str(percent)})


@pytest.mark.slow
@pytest.mark.parametrize(
    ("width", "height", "percent"), [(1366, 768, 100), (1024, 768, 100), (1366, 768, 150), (1024, 768, 150)]
)
def test_every_window_fits(tmp_path: Path, width: int, height: int, percent: int) -> None:
    run_screens(tmp_path, width, height, percent)
