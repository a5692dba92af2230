"""A QR code on the pad: the same modules the papers print (:func:`counter.documents.qr.qr_modules`).

The symbol is reportlab's own (its encoder, error correction level M, the mask its widget chooses), so a phone reads
on the pad the very address a receipt carries; no second encoder is added for the screen.  Drawn square, as large as
the widget allows, dark modules on white with the four-module quiet zone a reader needs.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from counter.documents.qr import qr_modules

QUIET = 4  # modules of white around the symbol (ISO/IEC 18004)


class QrView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = ""
        self._modules: tuple[tuple[bool, ...], ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(120, 120))

    @property
    def value(self) -> str:
        return self._value

    @property
    def modules(self) -> tuple[tuple[bool, ...], ...]:
        """The symbol drawn: rows of modules, dark = True."""
        return self._modules

    def set_value(self, value: str) -> None:
        self._value = value
        self._modules = qr_modules(value) if value else ()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._modules:
            return
        count = len(self._modules) + 2 * QUIET
        side = min(self.width(), self.height())
        box = side // count  # whole pixels a module: a scaled module blurs its edges for the camera
        if box < 1:
            return
        left, top = (self.width() - box * count) // 2, (self.height() - box * count) // 2
        painter = QPainter(self)
        painter.fillRect(QRectF(left, top, box * count, box * count), QColor(Qt.GlobalColor.white))
        dark = QColor(Qt.GlobalColor.black)
        for r, row in enumerate(self._modules):
            for c, on in enumerate(row):
                if on:
                    painter.fillRect(left + (c + QUIET) * box, top + (r + QUIET) * box, box, box, dark)
        painter.end()
