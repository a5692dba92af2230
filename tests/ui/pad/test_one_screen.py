"""The pad on a township laptop's one screen, in a process of its own (:mod:`tests.ui.pad.one_screen`)."""

from __future__ import annotations

from pathlib import Path

from tests.ui.own_process import run_on_screens, screen

HERE = Path(__file__).resolve().parent
SCREENS = [screen("Laptop", 0, 0, 1366, 768)]
INNER_TESTS = 5


def test_the_pad_on_a_laptops_one_screen(tmp_path: Path) -> None:
    run_on_screens(tmp_path, SCREENS, HERE / "one_screen.py", INNER_TESTS)
