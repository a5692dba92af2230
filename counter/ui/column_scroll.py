"""A column that scrolls up and down when the screen is short, and never lets a splitter squeeze it narrower than its
content can be.

A plain :class:`QScrollArea` asks for almost no width, so a splitter or a window shrinks it below what its buttons
need and they are cut off at the right, with no scroll bar to reach them.  This one asks for the width its content
needs (with the vertical scroll bar beside it); should the window still be narrower, it scrolls sideways too rather
than cut anything.  Whatever takes the keyboard inside it is scrolled into view, by Tab or by the program (a
material's 问题说明 field opened by its key, the next row after one is settled): the clerk never types below the
visible edge.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Slot
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget


class ColumnScroll(QScrollArea):
    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls; the column scrolls to follow
        content.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.follow_focus)

    @Slot(QWidget, QWidget)
    def follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.ensureWidgetVisible(new)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """The content laid out anew (a row shown, a text changed): the width this column asks for may change."""
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        least = content.minimumSizeHint().expandedTo(content.minimumSize()).width()
        width = least + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())
