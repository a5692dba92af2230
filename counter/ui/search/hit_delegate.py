"""How one search hit is drawn: its number in a column, the name wrapped beside it.

Names run from four to twenty-odd characters; wrapped in their own column they
stay whole and the numbers stay aligned.  A bundle without a guide is drawn
grey with a "指南未发布" tag at the right; a 待核 guide, which intake takes in
training or where the site allows it, keeps its colour and is tagged "待核".

Rows differ in height (a long name takes two lines), so the view asks each row
it lays out for its size, some forty rows a keystroke.  Wrapping a name to
measure it is the dearest part of that, and the answer depends only on the
name, its tag, the width and the font: it is kept, so a bundle listed again (as
the clerk types on, or on the next applicant's query) is measured once.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem

from counter.catalog.guide_status import GuideStatus
from counter.catalog.search import SearchHit
from counter.ui import words
from counter.ui.look.text_size import px

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 4  # the GuideStatus value of the bundle's current guide
HIT_ROLE = Qt.ItemDataRole.UserRole + 5  # the SearchHit itself: a row asks the model once for all it draws
# a bundle without a guide, and a row's tag: greyer and redder than the names, still read at 4.5:1 and more on the
# list's white (5.4:1 and 6.7:1) and on its highlight #dceefb (5.4:1 and 5.7:1); a paler grey (#8d99ae, 2.9:1) hid
# 指南未发布 from the clerk who most needed to read it
GREY = QColor("#52606d")
TAG = QColor("#9b3d3d")
PAD_X, PAD_Y, NUMBER_WIDTH, GAP = 8, 8, 30, 10  # at 100 % text (counter.ui.look.text_size)
_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
HEIGHTS_KEPT = 20_000  # row heights kept: every bundle of a league's catalog at two widths; then started afresh

Index = QModelIndex | QPersistentModelIndex


def _number_width(metrics: QFontMetrics) -> int:
    """Room for a three-digit number in the font drawn, at least the column of the 100 % design."""
    return max(px(NUMBER_WIDTH), metrics.horizontalAdvance("000"))


def _tag(hit: SearchHit) -> str:
    """The words at the right of a row: none for a published guide."""
    return words.DESK_STATUS_TAG.get(hit.status, "")


class HitDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[str, str, int, str], int] = {}  # (name, tag, width, font) → the row's height

    def _columns(self, width: int, metrics: QFontMetrics, tag_text: str) -> tuple[int, int]:
        """Left edge and width of the name, inside a row ``width`` wide."""
        tag = metrics.horizontalAdvance(tag_text) + px(GAP) if tag_text else 0
        left = px(PAD_X) + _number_width(metrics) + px(GAP)
        return left, max(width - left - px(PAD_X) - tag, px(40))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 (Qt's name)
        width = self._view.viewport().width()
        hit: SearchHit = index.data(HIT_ROLE)
        name, tag = hit.name, _tag(hit)
        key = (name, tag, width, option.font.key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= HEIGHTS_KEPT:
                self._heights.clear()
            metrics = QFontMetrics(option.font)
            _, name_width = self._columns(width, metrics, tag)
            bounds = metrics.boundingRect(QRect(0, 0, name_width, 10_000), _FLAGS, name)
            height = self._heights[key] = bounds.height() + 2 * px(PAD_Y)
        return QSize(width, height)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802 (Qt's name)
        """The row as the style draws it (background, selection, focus) without its text: :meth:`paint` draws that."""
        super().initStyleOption(option, index)
        option.text = ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # The style draws the row in Qt's own delegate, which asks initStyleOption above: the style never reaches
        # Python, where PySide6 would first build QStyle and its twenty enums (before the first search is answered).
        # The model answers no font or colour role, so the row's own font and palette are the option's.
        super().paint(painter, option, index)
        hit: SearchHit = index.data(HIT_ROLE)
        tag_text = _tag(hit)
        without_guide = hit.status == GuideStatus.UNPUBLISHED
        item = option
        rect: QRect = item.rect
        metrics = QFontMetrics(item.font)
        left, name_width = self._columns(rect.width(), metrics, tag_text)
        top = rect.top() + px(PAD_Y)
        painter.save()
        painter.setPen(GREY if without_guide else item.palette.text().color())
        number = QRect(rect.left() + px(PAD_X), top, _number_width(metrics), metrics.height())
        painter.drawText(number, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, str(hit.number))
        name = QRect(rect.left() + left, top, name_width, rect.height() - 2 * px(PAD_Y))
        painter.drawText(name, _FLAGS, hit.name)
        if tag_text:
            painter.setPen(TAG)
            tag = QRect(
                rect.left() + left + name_width + px(GAP),
                top,
                rect.right() - px(PAD_X) - name.right() - px(GAP),
                metrics.height(),
            )
            painter.drawText(tag, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, tag_text)
        painter.restore()
