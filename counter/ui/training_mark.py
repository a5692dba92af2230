"""Training is marked on every window of a training desk, not on the main window alone.

A clerk in training works in the intake, the preview and the case page as much as in the main window, and a
maximised intake or a preview full of a real-looking receipt must not pass for the live desk.  Every window the
desk shows while training is titled 【培训】, and every window laid out in a box (the intake, the preview, the case
page, the lists, a question) carries the training strip at its top; a main window carries it above its menus.
The mark is put on when a window shows, and again when a window changes its own title.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QBoxLayout, QLabel, QMainWindow, QWidget

from counter.ui import words
from counter.ui.plain_text import plain_label
from counter.ui.text_size import scaled

TITLE_MARK = words.DESK_TRAINING_TITLE_MARK
STRIP_NAME = "trainingStrip"
STRIP_STYLE = (
    "QLabel#trainingStrip { background: #c2410c; color: #ffffff; font-size: 15px; font-weight: bold;"
    " padding: 6px 12px; }"
)


def training_strip(today: dt.date) -> QLabel:
    """The strip that says the desk is in training, and which day it takes for today: it cannot be closed."""
    strip = plain_label(words.DESK_TRAINING.format(today=today.isoformat()))
    strip.setObjectName(STRIP_NAME)
    strip.setAlignment(Qt.AlignmentFlag.AlignCenter)
    strip.setWordWrap(True)
    strip.setStyleSheet(scaled(STRIP_STYLE))
    return strip


class TrainingMark(QObject):
    """Installed on the application by a training desk's main window (its parent: it goes with the window), for
    the windows that main window owns."""

    def __init__(self, today: dt.date, parent: QObject) -> None:
        super().__init__(parent)
        self._today = today
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() in (QEvent.Type.Show, QEvent.Type.WindowTitleChange)
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
            and self._of_this_desk(watched)
        ):
            self.mark(watched)
        return False

    def _of_this_desk(self, window: QWidget) -> bool:
        """The training desk's main window, or a window it owns (the intake, a preview, a question it asks)."""
        desk = self.parent()
        widget: QWidget | None = window
        while widget is not None:
            if widget is desk:
                return True
            widget = widget.parentWidget()
        return False

    def mark(self, window: QWidget) -> None:
        title = window.windowTitle()
        if not title.startswith(TITLE_MARK):
            window.setWindowTitle(TITLE_MARK + title)
        if window.findChild(QLabel, STRIP_NAME) is not None:
            return
        strip = training_strip(self._today)
        layout = window.layout()
        if isinstance(window, QMainWindow) and window.menuWidget() is None:
            window.setMenuWidget(strip)
        elif isinstance(layout, QBoxLayout) and layout.direction() == QBoxLayout.Direction.TopToBottom:
            layout.insertWidget(0, strip)
        else:
            strip.deleteLater()  # a window of another shape keeps its title's mark only
            return
        strip.show()  # a child added to a window already shown stays hidden until shown
