"""The applicant acting on the pad — a touch, a tap, a key, the mouse — seen on the pad's own widgets.

Each starts the pad's time-out again.  The pad's widgets are watched, not the whole application: a Python filter on the
application is handed every event of every object, the clerk's keys in the desk's window included, and PySide makes
Python types for each object it hands over (work on the window's thread while the clerk types).
"""

from __future__ import annotations

from PySide6.QtCore import QChildEvent, QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

_CHILD_POLISHED = QEvent.Type.ChildPolished  # a widget within the pad made whole: from then on watched too
#: what the applicant does on the pad: each starts the time-out again
TOUCHES = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.KeyPress,
    QEvent.Type.InputMethod,
})  # fmt: skip


class TouchWatch(QObject):
    """Watches ``window`` and every widget within it, those made later too; ``touched`` on each act of the applicant."""

    touched = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.watch(window)

    def watch(self, widget: QWidget) -> None:
        """Watch ``widget`` and the widgets within it (installing again leaves one filter).  Each tracks the mouse:
        Qt hands a widget that does not a move with no button pressed only through the application's filters."""
        for each in (widget, *widget.findChildren(QWidget)):
            each.installEventFilter(self)
            each.setMouseTracking(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """A widget joins the watched ones when it is polished (ChildPolished, before it is first shown): a widget
        only being made (ChildAdded) is not yet whole enough to hand to Python."""
        kind = event.type()
        if kind in TOUCHES and isinstance(watched, QWidget) and watched.window() is self._window:
            self.touched.emit()
        elif kind == _CHILD_POLISHED and isinstance(event, QChildEvent):
            child = event.child()
            if isinstance(child, QWidget):
                self.watch(child)
        return False
