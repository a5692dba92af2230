"""A window freed by the garbage collector leaves the application's screen alone.

PySide ties the screen's Python object to the widget that called ``QWidget.screen()``; freeing that widget in a
cycle could free the QScreen with it, and the next window shown crashed Qt (a segmentation fault in
``QCursor::pos()``, seen in the window tests after the draft test's two desk windows were collected).  The probe
runs in a child process, since without the fix the crash takes the process down, and uses the real fit_to_screen.
"""

from __future__ import annotations

import ast
import gc
import os
import subprocess
import sys

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counter.ui.look.geometry import fit_to_screen, screen_of
from tests.conftest import REPO

PROBE = """
import gc

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from counter.ui.look.geometry import fit_to_screen

app = QApplication([])


class Window(QWidget):
    pass


kept = Window()
fit_to_screen(kept, (400, 300))  # the screen's Python object made before the window below


def open_and_drop() -> None:
    window = Window()
    window.me = window  # a cycle: only the collector frees it
    fit_to_screen(window, (400, 300))
    window.show()


gc.disable()
open_and_drop()
gc.collect()
later = QWidget()
later.show()
later.hide()
print(len(QGuiApplication.screens()))
"""


def test_a_collected_window_leaves_the_screen_to_the_next_one() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1"]


def test_fitting_a_window_does_not_tie_the_screen_to_it(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    fit_to_screen(window, (400, 300))
    screen = QGuiApplication.primaryScreen()
    assert all(holder is not window for holder in gc.get_referrers(screen))


def test_an_unshown_window_opens_on_its_desk_windows_screen(qtbot: QtBot) -> None:
    desk = QWidget()
    qtbot.addWidget(desk)
    desk.show()
    panel = QWidget(desk)
    assert screen_of(panel) is screen_of(desk) is QGuiApplication.primaryScreen()


def test_no_widget_is_asked_for_its_screen() -> None:
    """Every window finds its screen with screen_of: a widget's own screen() ties the QScreen to it as above."""
    asking = [
        f"{path.relative_to(REPO)}:{node.lineno}"
        for path in sorted((REPO / "counter").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "screen"
    ]
    assert asking == []
