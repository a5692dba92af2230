"""Every window fits the small screens desks have (1366×768, 1024×768), at each text size, with either pad language.

Qt learns its screens once, when the QApplication is made, and pytest-qt makes one per process; so each screen size
gets a fresh pytest process running :mod:`tests.ui.fit.screens` with the offscreen platform configured to that one
screen (design §5), the text size in ``COUNTER_FIT_TEXT`` and the pad's language in ``COUNTER_FIT_PAD_LANGUAGE``.
Twelve runs: two screens, three sizes, Chinese and Mongolian (a township desk for herders chooses Mongolian and large
text together).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.own_process import run_on_screens, screen

HERE = Path(__file__).resolve().parent


SCREENS = ((1366, 768), (1024, 768))
PERCENTS = (100, 125, 150)
LANGUAGES = ("zh", "mn")


def run_screens(tmp_path: Path, width: int, height: int, percent: int, language: str = "zh") -> None:
    desk = screen("Desk", 0, 0, width, height)
    env = {"COUNTER_FIT_TEXT": str(percent), "COUNTER_FIT_PAD_LANGUAGE": language}
    run_on_screens(tmp_path, [desk], HERE / "screens.py", env=env)


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("percent", PERCENTS)
@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_every_window_fits(tmp_path: Path, width: int, height: int, percent: int, language: str) -> None:
    run_screens(tmp_path, width, height, percent, language)
