"""Every window sized from the screen it opens on, never from the screen it was designed on.

Desks run 1366×768 laptops, 1024×768 monitors and large screens alike, and the taskbar takes its share:
:func:`fit_to_screen` takes a window's preferred size (at 100 % text, grown with the desk's text size), keeps it
inside the screen's available area (frame included) and centres it there; a window that does not fit is shown
maximised (or, where that makes no sense, as large as fits), and its layout scrolls rather than overflowing.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from counter.ui.look.text_size import px

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


def screen_of(window: QWidget) -> QScreen:
    """The screen ``window`` is on once shown; before that, the screen of the window it belongs to (or the primary).

    Never ``QWidget.screen()``: PySide makes the screen's Python object a child of the widget that asked, and when
    that widget is later freed by the cyclic garbage collector (a window in a reference cycle,
    counter.ui.door.collector) the collector may free the screen's object first, as if Python owned it, and with it the
    application's QScreen. Qt keeps the dangling screen, and the next window shown or hidden crashes the desk in
    ``QCursor::pos()``.  The application's static functions give the screen without tying it to any widget.
    """
    anchor = window
    parent = window.parentWidget()
    if not window.isVisible() and parent is not None:
        anchor = parent.window()  # an intake not yet shown opens on its desk window's screen, as Qt places it
    return QGuiApplication.screenAt(anchor.frameGeometry().center()) or QGuiApplication.primaryScreen()


def fit_to_screen(window: QWidget, preferred: tuple[int, int], *, maximise: bool = True) -> None:
    """Size and place ``window`` on the screen it opens on; call before it is first shown.

    ``preferred`` is the size at 100 % text.  When it does not fit, a main working window (``maximise``) is shown
    maximised, a dialog as large as fits; either way it is centred on that screen, so it opens where the clerk looks.
    """
    available = screen_of(window).availableGeometry()
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
