"""Which screen the pad fills: the desk's chosen one, else (mode auto) the first that is not the clerk's.

With no such screen (a laptop at a township centre, a screen unplugged, or a desk
whose second screen is the clerk's own) the pad has no screen of its own: it
shares the clerk's (:mod:`counter.ui.pad.placement`); the desk keeps working
either way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

#: the pad on the clerk's screen: no frame (nothing for the applicant to drag or close), above the desk's windows
SHARED_FLAGS = Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
#: a pad whose applicant has no keyboard never takes the clerk's: the window manager (and Windows) leave the keyboard
#: where it is when the applicant taps it (ICCCM's "no input" hint, WS_EX_NOACTIVATE)
KEEPS_NO_KEYS = Qt.WindowType.WindowDoesNotAcceptFocus


def pad_flags(flags: Qt.WindowType, keyboard: bool) -> Qt.WindowType:
    """The pad's window flags: ``flags``, and the keyboard left to the clerk unless the applicant types on the pad."""
    return flags if keyboard else flags | KEEPS_NO_KEYS


def pad_screen(name: str, any_other: bool = True) -> QScreen | None:
    """The screen named ``name``; with no name, the first screen other than the primary one (if ``any_other``)."""
    screens = QGuiApplication.screens()
    if name:
        return next((s for s in screens if s.name() == name), None)
    if not any_other:
        return None
    primary = QGuiApplication.primaryScreen()
    return next((s for s in screens if s is not primary), None)


def fill_screen(window: QWidget, screen: QScreen, keyboard: bool = False) -> None:
    """The pad full screen on its own screen, facing the applicant all day."""
    flags = pad_flags(Qt.WindowType.Window, keyboard)
    if window.windowFlags() != flags:
        window.setWindowFlags(flags)
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    # showFullScreen() without its activateWindow(): the pad facing the applicant never takes the clerk's keyboard
    window.setWindowState(Qt.WindowState.WindowFullScreen)
    window.show()


def share_screen(window: QWidget, keyboard: bool = False) -> None:
    """The pad set to appear on the clerk's screen when asked (:mod:`counter.ui.pad.placement`); hidden now."""
    window.hide()
    flags = pad_flags(SHARED_FLAGS, keyboard)
    if window.windowFlags() != flags:
        window.setWindowFlags(flags)
