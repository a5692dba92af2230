"""Whether a pad's page fits its room, and the largest text size at which it does.

A page fits when every label, button and field it shows is whole (its text has the room it needs) and inside the
page: measured on the laid-out widgets, as the applicant would see them, never estimated from the text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from counter.ui.pad.clerk_card import NameLine
from counter.ui.pad.faces import FaceButton
from counter.ui.pad.vertical_text import VerticalText

#: the least text size the pad shrinks to where its room is short, and its steps down from the desk's size
LEAST_TEXT = 0.7
TEXT_STEP = 0.05


def largest_fitting(page: QWidget, room: QSize, desk_size: float, apply: Callable[[float], None]) -> float:
    """The largest text size, in steps of :data:`TEXT_STEP` from ``desk_size`` down to :data:`LEAST_TEXT`, at which
    ``page`` fits ``room`` once ``apply`` has set it; the least when none does.

    The sizes are tried from the largest down, each in turn: a page of Mongolian columns does not fit less as its
    text grows (a smaller font takes one more word into a column, and the column grows to its whole length), so a
    search by halves passed over the largest size that fits (the reasons at 0.7 on a 150 % desk, where 1.0 fits).
    A try takes about 9 ms here; the desk's own size, which fits but on a small Mongolian pad, is the first.  Above
    the 100 % size, a page with faces is first laid out at 100 %: each tile's height there is its floor, and a larger
    size fits only where no tile is lower (at 150 % the tiles went from 145×258 to 145×208, the text taking their
    height)."""
    faces = page.findChildren(FaceButton)
    for face in faces:
        face.floor = 0
    if desk_size > 1.0 and faces:  # the faces' tiles at the 100 % size: larger text takes no height from them
        apply(1.0)
        if page_fits(page, room):
            for face in faces:
                face.floor = face.height()
    size = desk_size
    while True:
        apply(size)
        if size - TEXT_STEP < LEAST_TEXT - 1e-9 or page_fits(page, room):
            return size
        size = round(size - TEXT_STEP, 2)


def lay_out(widget: QWidget) -> None:
    """Lay out ``widget`` and everything in it at their sizes now, shown or not (a page not on top is hidden).

    The innermost first, then from the outside in: a widget whose layout sets its least size (a reason button as
    large as its Mongolian columns) has set it before the page's layout places it, and is then placed."""
    inner = widget.findChildren(QWidget)
    for _ in range(2):
        for each in (*reversed(inner), widget, *inner):
            layout = each.layout()
            if layout is not None:
                layout.invalidate()
                layout.activate()
        # a hidden page's widgets are told of no resize: the clerk's name, whole on a line or broken after its dot
        # by the width it has, is set for its width now, and the page laid out again for it
        if not [line for line in widget.findChildren(NameLine) if line.follow_width()]:
            break


def _shown_in(widget: QWidget, page: QWidget) -> bool:
    """Whether ``widget`` shows when ``page`` does: nothing between them is hidden."""
    each: QWidget | None = widget
    while each is not None and each is not page:
        if each.isHidden():
            return False
        each = each.parentWidget()
    return True


def _whole(widget: QLabel | QAbstractButton | QLineEdit | VerticalText) -> bool:
    """Whether the widget has the room its text needs; the faces fit their names to their tiles themselves, and need
    only the height that draws each face as large as the tile's width allows (:meth:`FaceButton.full_size`): larger
    text takes its room from the rest of the page, or is made smaller, never from the faces."""
    if isinstance(widget, FaceButton):
        return widget.full_size()
    if isinstance(widget, VerticalText):  # its columns, at the height the layout gave it
        return widget.fits()
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.heightForWidth(widget.width()) <= widget.height() and not _overflows(widget)
    least = widget.minimumSizeHint()
    return least.width() <= widget.width() and least.height() <= widget.height()


def _overflows(label: QLabel) -> bool:
    """Whether a wrapping label has a run it may not break (a name kept whole, a long word) wider than its line: the
    label lets such a run pass its edge, cut off there (阿拉坦其其 of 阿拉坦其其格·孟和巴雅尔), however high it is."""
    width = label.contentsRect().width() - 2 * label.margin() - max(0, label.indent())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    for paragraph in label.text().split("\n"):
        layout = QTextLayout(paragraph, label.font())
        layout.setTextOption(option)
        layout.beginLayout()
        widest = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            widest = max(widest, line.naturalTextWidth())
        layout.endLayout()
        if widest > width + 0.5:
            return True
    return False


def _inside(widget: QWidget, page: QWidget) -> bool:
    """Whether ``widget`` lies inside each widget that holds it, up to ``page``: a card given less height than its
    lines need lays its last line (the desk, at the card's foot) past its edge, where the card cuts it off."""
    each = widget
    while (holder := each.parentWidget()) is not None and each is not page:
        if not holder.rect().contains(each.geometry()):
            return False
        each = holder
    return True


def page_fits(page: QWidget, room: QSize) -> bool:
    """Whether ``page`` at ``room`` shows every label, button and field whole and inside it."""
    page.setGeometry(QRect(QPoint(0, 0), room))
    lay_out(page)  # first: the least sizes of widgets laid out by their own layouts are those of the text now
    least = page.minimumSizeHint()
    if least.width() > room.width() or least.height() > room.height():  # its layout would lay widgets over others
        return False
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton | QLineEdit | VerticalText):
            continue
        if not _shown_in(widget, page) or widget.width() == 0:
            continue
        if not _inside(widget, page) or not _whole(widget):
            return False
    return True
