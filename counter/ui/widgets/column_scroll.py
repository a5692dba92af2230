"""A column that scrolls up and down when the screen is short, and never lets a splitter squeeze it narrower than its
content can be; and two such columns that stand one above the other when the window is too narrow for them side by
side.

A plain :class:`QScrollArea` asks for almost no width, so a splitter or a window shrinks it below what its buttons
need and they are cut off at the right, with no scroll bar to reach them.  This one asks for the width its content
needs (with the vertical scroll bar beside it); should the window still be narrower, it scrolls sideways too rather
than cut anything.  Whatever takes the keyboard inside it is scrolled into view, by Tab or by the program (a
material's 问题说明 field opened by its key, the next row after one is settled): the clerk never types below the
visible edge.  A field shown and focused at once (the note) has no place yet when it takes the keyboard: its row is
laid out later, in the event loop, and every row below moves down.  So it is scrolled to again once the content
has been laid out anew (:class:`FocusFollower`), wherever its row is in the column.

:class:`ColumnPair` holds two columns.  Side by side each scrolls on its own; where the window is narrower than the
two need together (a 1024-pixel screen at 150 % text), the second goes under the first and the pair scrolls as one
column, as wide as the wider of the two needs: nothing is cut, nothing is pushed off the screen, and what stands
beside the pair (the intake's outcome and its button) stays in view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QSplitter, QWidget
from shiboken6 import isValid


def _on_focus_change(slot: Callable[[QWidget | None, QWidget | None], None]) -> None:
    """``slot`` hears of every change of the keyboard's widget (to scroll it into view)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.focusChanged.connect(slot)


class FocusFollower(QObject):
    """Keeps the widget with the keyboard in view of ``area`` while the content it is in is laid out anew.

    :meth:`follow` scrolls to the widget at once (Tab onto a control already placed) and again after each resize of
    the area's content while the widget keeps the keyboard: the resize comes when a row shown or grown is laid out,
    and the scroll waits for the event loop, by when the resize has placed every widget inside the content.
    """

    _focused: QWidget | None = None  # a class default: the filter may hear of an event as the object is torn down

    def __init__(self, area: QScrollArea, content: QWidget) -> None:
        super().__init__(area)
        self._area = area
        content.installEventFilter(self)

    def follow(self, widget: QWidget | None) -> None:
        """``widget`` took the keyboard inside the content (None: the keyboard went elsewhere)."""
        self._focused = widget
        if widget is not None:
            self._area.ensureWidgetVisible(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._focused is not None and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._show_focused)
        return False

    def _show_focused(self) -> None:
        focused = self._focused
        if focused is None or not isValid(focused) or not focused.hasFocus():
            self._focused = None
            return
        self._area.ensureWidgetVisible(focused)


class ColumnScroll(QScrollArea):
    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls; the column scrolls to follow
        self.unrolled = False  # as tall as its content, in a pair stacked: the pair scrolls, not the column
        content.installEventFilter(self)
        self.follower = FocusFollower(self, content)
        _on_focus_change(self.follow_focus)

    @Slot(QWidget, QWidget)
    def follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.widget()
        inside = new is not None and content is not None and content.isAncestorOf(new)
        self.follower.follow(new if inside else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """The content laid out anew (a row shown, a text changed): the width this column asks for may change."""
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def side_width(self) -> int:
        """The least width this column needs standing on its own, its vertical scroll bar beside it."""
        content = self.widget()
        if content is None:
            return super().minimumSizeHint().width()
        least = content.minimumSizeHint().expandedTo(content.minimumSize()).width()
        return least + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def unroll(self, unrolled: bool) -> None:
        """As tall as its content (no scroll bar of its own), or scrolling on its own again."""
        self.unrolled = unrolled
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if unrolled else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        self.setVerticalScrollBarPolicy(policy)
        self.updateGeometry()

    def _content_height(self) -> int:
        content = self.widget()
        if content is None:
            return 0
        width = self.viewport().width()
        tall = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        return max(tall, content.sizeHint().height(), content.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        width = max(hint.width(), self.side_width())
        if self.unrolled:
            return QSize(width, self._content_height() + 2 * self.frameWidth())
        return QSize(width, hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        return hint.expandedTo(self.minimumSizeHint()) if self.unrolled else hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.unrolled and event.size().width() != event.oldSize().width():
            self.updateGeometry()  # a wrapped line's height follows the width


class ColumnPair(QScrollArea):
    """Two columns side by side (a splitter between them), or, in a window too narrow for that, one above the other."""

    def __init__(self, first: QWidget, second: QWidget, widths: tuple[int, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (ColumnScroll(first), ColumnScroll(second))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for index, (column, width) in enumerate(zip(self.columns, widths, strict=True)):
            self.splitter.addWidget(column)
            self.splitter.setStretchFactor(index, width)  # a narrower pair takes from each column in proportion
        self.splitter.setSizes(list(widths))
        self.splitter.setChildrenCollapsible(False)
        self.setWidget(self.splitter)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # stacked, it is never too narrow
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for watched in (self.splitter, first, second):  # a column laid out anew may ask for another width
            watched.installEventFilter(self)
        self.follower = FocusFollower(self, self.splitter)
        _on_focus_change(self.follow_focus)

    @property
    def stacked(self) -> bool:
        return self.splitter.orientation() is Qt.Orientation.Vertical

    @Slot(QWidget, QWidget)
    def follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        inside = self.stacked and new is not None and self.splitter.isAncestorOf(new)
        self.follower.follow(new if inside else None)

    def side_by_side_width(self) -> int:
        """The least width the two columns need side by side."""
        return sum(column.side_width() for column in self.columns) + self.splitter.handleWidth()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As narrow as the wider column, stacked; as low as a column that scrolls."""
        hint = super().minimumSizeHint()
        width = max(column.side_width() for column in self.columns) + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), width), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """A column asks for another width (a row shown, the text changed): side by side may fit, or no longer."""
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange(self.width())
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def _arrange(self, width: int) -> None:
        stack = width < self.side_by_side_width()
        if stack == self.stacked:
            return
        self.splitter.setOrientation(Qt.Orientation.Vertical if stack else Qt.Orientation.Horizontal)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if stack else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        for column in self.columns:
            column.unroll(stack)
        self.splitter.handle(1).setEnabled(not stack)  # stacked, each column is as tall as it is: nothing to drag
