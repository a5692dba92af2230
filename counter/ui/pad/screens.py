"""Which screen the pad fills: the desk's chosen one, else the first that is not the clerk's.

With no second screen (a laptop at a township centre, a screen unplugged) the
pad is an ordinary window the clerk can move and turn towards the applicant;
the desk keeps working either way.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from counter.ui.geometry import fit_to_screen

#: the pad's size when it is a movable window: the usual 7-inch pad panel (as much of it as the screen holds)
WINDOW_SIZE = (800, 480)


def pad_screen(name: str) -> QScreen | None:
    """The screen named ``name``; with no name, the first screen other than the primary one."""
    screens = QGuiApplication.screens()
    if name:
        return next((s for s in screens if s.name() == name), None)
    primary = QGuiApplication.primaryScreen()
    return next((s for s in screens if s is not primary), None)


def place_pad(window: QWidget, screen_name: str) -> bool:
    """Show the pad full screen on its screen (True), or as a movable window when there is none (False)."""
    screen = pad_screen(screen_name)
    if screen is None:
        fit_to_screen(window, WINDOW_SIZE, maximise=False)
        window.showNormal()
        return False
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()
    return True
