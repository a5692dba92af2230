"""The pad on a township laptop's one screen, in a process of its own (:mod:`tests.ui.pad.one_screen`)."""

from __future__ import annotations

from pathlib import Path

from tests.ui.own_process import run_on_screens, screen

HERE = Path(__file__).resolve().parent
SCREENS = [screen("Laptop", 0, 0, 1366, 768)]
INNER_TESTS = 5
SMALL_SCREEN = [screen("Monitor", 0, 0, 1024, 768)]
SMALL_SCREEN_TESTS = 8


def test_the_pad_on_a_laptops_one_screen(tmp_path: Path) -> None:
    run_on_screens(tmp_path, SCREENS, HERE / "one_screen.py", INNER_TESTS)


def test_the_pad_on_a_small_screen_at_150_percent(tmp_path: Path) -> None:
    """A twenty-character clerk's name at 150 % text on 1024×768: every face, 非常不满意 too, on the screen."""
    run_on_screens(tmp_path, SMALL_SCREEN, HERE / "small_screen.py", SMALL_SCREEN_TESTS)
