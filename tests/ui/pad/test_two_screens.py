"""The pad on a second screen, in a process of its own with two offscreen screens (:mod:`tests.ui.pad.two_screens`).

The two-screen configuration of design §5: a "Clerk" screen of 1280×800 and a "Pad" screen of 800×480 to its right.
"""

from __future__ import annotations

from pathlib import Path

from tests.ui.own_process import run_on_screens, screen

HERE = Path(__file__).resolve().parent
SCREENS = [screen("Clerk", 0, 0, 1280, 800), screen("Pad", 1280, 0, 800, 480)]
INNER_TESTS = 5


def test_the_pad_on_two_screens(tmp_path: Path) -> None:
    run_on_screens(tmp_path, SCREENS, HERE / "two_screens.py", INNER_TESTS)
