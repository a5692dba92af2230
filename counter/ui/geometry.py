"""Every window sized from the screen it opens on, never from the screen it was designed on.

Desks run 1366×768 laptops, 1024×768 monitors and large screens alike, and the taskbar takes its share:
:func:`fit_to_screen` takes a window's preferred size (at 100 % text, grown with the desk's text size), keeps it
inside the screen's available area (frame included) and centres it there; a window that does not fit is shown
maximised (or, where that makes no sense, as large as fits), and its layout scrolls rather than overflowing.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, Qt
from PySide6.QtWidgets import QWidget

from counter.ui.text_size import px

#: room for the window manager's title bar and borders while the window has none yet (it is not shown)
FRAME_ALLOWANCE = QMargins(8, 38, 8, 8)


def frame_margins(window: QWidget) -> QMargins:
    """The frame around the window: the real one once shown, else room for a usual title bar."""
    if window.isVisible():
        outer, inner = window.frameGeometry(), window.geometry()
        real = QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                        outer.right() - inner.right(), outer.bottom() - inner.bottom())  # fmt: skip
        if real.top() > 0:
            return real
    return FRAME_ALLOWANCE


def fit_to_screen(window: QWidget, preferred: tuple[int, int], *, maximise: bool = True) -> None:
    """Size and place ``window`` on the screen it opens on; call before it is first shown.

    ``preferred`` is the size at 100 % text.  When it does not fit, a main working window (``maximise``) is shown
    maximised, a dialog as large as fits; either way it is centred on that screen, so it opens where the clerk looks.
    """
    available = window.screen().availableGeometry()
    frame = frame_margins(window)
    room = available.marginsRemoved(frame)
    width, height = px(preferred[0]), px(preferred[1])
    fits = width <= room.width() and height <= room.height()
    width, height = min(width, room.width()), min(height, room.height())
    window.resize(width, height)
    outer = QRect(0, 0, width + frame.left() + frame.right(), height + frame.top() + frame.bottom())
    outer.moveCenter(available.center())
    window.move(outer.topLeft())
    if not fits and maximise:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
