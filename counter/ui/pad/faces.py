"""The five faces, the stars under them, and the thank-you mark, drawn with QPainter.

Drawn rather than taken from a font: the shipped font has no colour emoji, and
a drawn face is the same on every machine and at every size.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from counter.ratings.levels import Level
from counter.ui.pad.style import INK, LEVEL_COLOURS, MOUTH_BEND, STARS, THANKS


def draw_face(painter: QPainter, centre: QPointF, diameter: float, level: Level) -> None:
    colour = QColor(LEVEL_COLOURS[level][0])
    painter.setPen(QPen(colour.darker(125), diameter * 0.03))
    painter.setBrush(colour)
    painter.drawEllipse(centre, diameter / 2, diameter / 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ffffff"))
    eye = diameter * 0.075
    for side in (-1, 1):
        painter.drawEllipse(QPointF(centre.x() + side * diameter * 0.17, centre.y() - diameter * 0.12), eye, eye * 1.2)
    bend = MOUTH_BEND[level] * diameter
    base_y = centre.y() + diameter * (0.2 if bend >= 0 else 0.28)
    half = diameter * 0.23
    mouth = QPainterPath(QPointF(centre.x() - half, base_y))
    mouth.cubicTo(
        QPointF(centre.x() - half * 0.55, base_y + bend * 1.35),
        QPointF(centre.x() + half * 0.55, base_y + bend * 1.35),
        QPointF(centre.x() + half, base_y),
    )
    pen = QPen(QColor("#ffffff"), diameter * 0.07)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(mouth)


def star(centre: QPointF, radius: float) -> QPolygonF:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre.x() + r * math.cos(angle), centre.y() - r * math.sin(angle)))
    return QPolygonF(points)


#: the face's share of its tile: as wide as this part of the tile, or as tall as this part, whichever is less
FACE_WIDTH, FACE_HEIGHT = 0.76, 0.52
#: the tallest a tile grows at 800×480 (in proportion elsewhere): a screen's spare height goes around the faces, not
#: into tiles that larger text would then have to take back (a tile of 487 px at 1024×768 left the text no room)
TALLEST = 230


class FaceButton(QAbstractButton):
    """One level: a big face, its name, its stars.  The whole tile is the touch target."""

    def __init__(self, level: Level, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.setText(label)
        self.setAccessibleName(label)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # never focused, so never ringed: no face may look chosen before the applicant touches one
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._scale = 1.0
        self._text = 1.0
        #: the tile's least height: its height at the 100 % text size in the pad's room, set while the pad fits its
        #: text (:func:`counter.ui.pad.text_fit.largest_fitting`), so larger text never makes a tile lower; 0 none
        self.floor = 0
        self.setMaximumHeight(TALLEST)
        self.peers: tuple[str, ...] = ()  # the five names: each is drawn at the size the longest of them fits

    def set_scale(self, scale: float, text: float = 1.0) -> None:
        """The pad's proportions (:func:`counter.ui.pad.style.scale_of`): the least size follows them, as the rest
        of the pad does, so a pad with less room (a smaller panel, a training strip over it) still fits its faces;
        ``text`` is the pad's text size (the desk's, or less where the pad's room is short)."""
        self._scale = scale
        self._text = text
        self.setMaximumHeight(round(TALLEST * scale))
        self.updateGeometry()
        self.update()

    def label_size(self, box: QRectF) -> int:
        """The names' pixel size in ``box``: the desk's text size, made smaller only as far as the longest of the five
        names needs to fit the tile, so that all five are drawn alike (非常不满意 no smaller than 满意)."""
        font = QFont(self.font())
        wanted = max(16, round(min(box.height() * 0.1, box.width() * 0.15) * self._text))
        font.setPixelSize(wanted)
        font.setBold(True)
        # measured, as a Mongolian letter is far narrower than the hanzi's square
        width = max(QFontMetricsF(font).horizontalAdvance(text) for text in (*self.peers, self.text()))
        if width > box.width() * 0.92:
            return max(1, int(wanted * box.width() * 0.92 / width))
        return wanted

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(round(140 * self._scale), round(220 * self._scale))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(round(110 * self._scale), round(170 * self._scale))

    def full_size(self) -> bool:
        """Whether the face is drawn as large as its tile's width allows (:data:`FACE_WIDTH` of it), as at the 100 %
        text size: a tile made lower by larger text around it would draw it smaller (:data:`FACE_HEIGHT`); and the
        tile, the applicant's touch target, no lower than at the 100 % size (:attr:`floor`)."""
        box = self.box()
        return box.height() * FACE_HEIGHT >= box.width() * FACE_WIDTH - 0.5 and self.height() >= self.floor

    def box(self) -> QRectF:
        """The tile inside the button's edge: what is drawn and measured."""
        return QRectF(self.rect()).adjusted(4, 4, -4, -4)

    def diameter(self) -> float:
        """The face's diameter as drawn in the tile now."""
        box = self.box()
        return min(box.width() * FACE_WIDTH, box.height() * FACE_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.box()
        colour, tint = (QColor(c) for c in LEVEL_COLOURS[self.level])
        painter.setPen(QPen(colour if self.isDown() else QColor("#d9e2ec"), 3 if self.isDown() else 2))
        painter.setBrush(tint if self.isDown() else QColor("#ffffff"))
        painter.drawRoundedRect(box, 14, 14)
        diameter = self.diameter()
        font = QFont(self.font())
        font.setPixelSize(self.label_size(box))
        font.setBold(True)
        radius = min(box.width() / 12.5, box.height() * 0.035)
        # face, name and stars as one group, centred in the tile
        gap = diameter * 0.12
        group = diameter + gap + font.pixelSize() * 1.5 + radius * 3.2
        top = box.top() + max(box.height() * 0.04, (box.height() - group) / 2)
        centre = QPointF(box.center().x(), top + diameter / 2)
        draw_face(painter, centre, diameter, self.level)
        painter.setFont(font)
        painter.setPen(QColor(INK))
        text_box = QRectF(box.left(), centre.y() + diameter / 2 + gap, box.width(), font.pixelSize() * 1.5)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, self.text())
        count = STARS[self.level]
        y = text_box.bottom() + radius * 1.6
        painter.setPen(Qt.PenStyle.NoPen)
        for i in range(5):
            x = box.center().x() + (i - 2) * radius * 2.3
            painter.setBrush(QColor("#f2b01e") if i < count else QColor("#d9e2ec"))
            painter.drawPolygon(star(QPointF(x, y), radius))
        painter.end()


class ThanksMark(QWidget):
    """A green disc with a tick: "done", understood without reading."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(80, 80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(150, 150)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = min(self.width(), self.height()) * 0.9
        centre = QPointF(self.width() / 2, self.height() / 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(THANKS))
        painter.drawEllipse(centre, d / 2, d / 2)
        tick = QPainterPath(QPointF(centre.x() - d * 0.22, centre.y() + d * 0.01))
        tick.lineTo(QPointF(centre.x() - d * 0.06, centre.y() + d * 0.17))
        tick.lineTo(QPointF(centre.x() + d * 0.24, centre.y() - d * 0.15))
        pen = QPen(QColor("#ffffff"), d * 0.09)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
        painter.end()
