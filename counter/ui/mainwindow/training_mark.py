"""Training is marked on every window of a training desk, not on the main window alone.

A clerk in training works in the intake, the preview, the pad and the case page as much as in the main window, and a
maximised intake, a preview full of a real-looking receipt or a question box must not pass for the live desk.  Every
window the desk shows while training is titled 【培训】 and carries the training strip across its top: a main window
above its menus, any other in a band of its own, its content moved down to make room (by its layout's margin; a
window of tabs, 督办 and 帮您办, by its style sheet, as it lays its tabs out by its style).  The mark is put on when a
window first shows; its title keeps the mark when the window changes it.

The windows of the desk are those its main window owns and those shown with no owner at all (the pad, the
supervisor's window, an unexpected error's box): the whole process is in training.  A widget made without a parent
and placed in a window later (a page, a group of fields) is no window when it shows, and is not marked.  Once the
main window closes nothing more is marked.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget, QWidget

from counter.ui import words
from counter.ui.look.text_size import scaled
from counter.ui.widgets.plain_text import plain_label

TITLE_MARK = words.DESK_TRAINING_TITLE_MARK
STRIP_NAME = "trainingStrip"
STRIP_STYLE = (
    "QLabel#trainingStrip { background: #c2410c; color: #ffffff; font-size: 15px; font-weight: bold;"
    " padding: 3px 12px; }"
)
BAND = "trainingBand"  # a strip laid over the window's top, the content moved down by its height
MARKED = "training"  # a window's property once marked (a window of tabs' style sheet selects on it)
#: a window of tabs lays its tabs out by its style, not by a layout: its tab bar and pages move down by the band
TABS_BELOW = (
    'QTabWidget[training="true"]::tab-bar {{ top: {h}px; }} QTabWidget[training="true"]::pane {{ top: {h}px; }}'
)


def below_band(sheet: str, height: int) -> str:
    """A window of tabs' own style sheet, its tabs moved down by ``height``: the band's height, measured on the band,
    whose words are already at the desk's text size."""
    return f"{sheet}\n{TABS_BELOW.format(h=height)}" if height else sheet


def training_strip(today: dt.date) -> QLabel:
    """The strip that says the desk is in training, and which day it takes for today: it cannot be closed."""
    strip = plain_label(words.DESK_TRAINING.format(today=today.isoformat()), wrap=True)
    strip.setObjectName(STRIP_NAME)
    strip.setAlignment(Qt.AlignmentFlag.AlignCenter)
    strip.setStyleSheet(scaled(STRIP_STYLE))
    return strip


class TrainingMark(QObject):
    """Installed on the application by a training desk's main window (its parent: it goes with the window)."""

    def __init__(self, today: dt.date, parent: QObject) -> None:
        super().__init__(parent)
        self._today = today
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if not isinstance(watched, QWidget):
            return False
        if kind == QEvent.Type.ParentChange and not watched.isWindow() and watched.property(MARKED):
            self._unmark(watched)  # shown on its own, then placed in a window: the window's mark is enough
        if not watched.isWindow():
            return False
        if kind == QEvent.Type.Close and watched is self.parent():
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)  # the desk closes: what shows later is none of its own
        elif kind == QEvent.Type.Resize:
            band = watched.findChild(QLabel, BAND, Qt.FindChildOption.FindDirectChildrenOnly)
            if band is not None:
                self._lay_band(watched, band)
        elif kind == QEvent.Type.WindowTitleChange and watched.property(MARKED):
            self._title(watched)
        elif (
            kind == QEvent.Type.Show
            and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
            and self._of_this_desk(watched)
        ):
            self.mark(watched)
        return False

    def _of_this_desk(self, window: QWidget) -> bool:
        """The training desk's main window, a window it owns (the intake, a preview, a question it asks), or one
        with no owner (the pad, the supervisor's window): another main window's are not (a test's live desk)."""
        desk = self.parent()
        widget = window
        while True:
            if widget is desk:
                return True
            above = widget.parentWidget()
            if above is None:
                return not isinstance(widget, QMainWindow)
            widget = above

    @staticmethod
    def _title(window: QWidget) -> None:
        title = window.windowTitle()
        if not title.startswith(TITLE_MARK):
            window.setWindowTitle(TITLE_MARK + title)

    def mark(self, window: QWidget) -> None:
        """【培训】 before the title, and the strip across the top (once)."""
        self._title(window)
        if window.property(MARKED):
            return
        window.setProperty(MARKED, True)
        if isinstance(window, QMainWindow):  # the training desk's own (the one main window :meth:`_of_this_desk` takes)
            return  # its strip is in its layout already (counter.ui.mainwindow.main_window)
        strip = training_strip(self._today)
        strip.setParent(window)
        strip.setObjectName(BAND)
        strip.setProperty("top", window.contentsMargins().top())
        strip.setProperty("sheet", window.styleSheet())
        strip.setStyleSheet(scaled(STRIP_STYLE.replace(STRIP_NAME, BAND)))
        self._lay_band(window, strip)
        strip.show()  # a child added to a window already shown stays hidden until shown

    @staticmethod
    def _unmark(widget: QWidget) -> None:
        widget.setProperty(MARKED, False)
        band = widget.findChild(QLabel, BAND, Qt.FindChildOption.FindDirectChildrenOnly)
        if band is None:
            return
        margins = widget.contentsMargins()
        widget.setContentsMargins(margins.left(), int(band.property("top")), margins.right(), margins.bottom())
        if isinstance(widget, QTabWidget):
            widget.setStyleSheet(below_band(str(band.property("sheet")), 0))
        band.deleteLater()

    @staticmethod
    def _lay_band(window: QWidget, band: QLabel) -> None:
        """The band across the window's top, as high as its words need at that width; the content below it."""
        band.ensurePolished()  # its padding is its style sheet's
        height = band.heightForWidth(window.width())
        band.setGeometry(0, 0, window.width(), height)
        band.raise_()
        if isinstance(window, QTabWidget):
            if window.styleSheet() != below_band(str(band.property("sheet")), height):
                window.setStyleSheet(below_band(str(band.property("sheet")), height))
            return
        margins = window.contentsMargins()
        top = int(band.property("top")) + height
        if margins.top() != top:
            window.setContentsMargins(margins.left(), top, margins.right(), margins.bottom())
