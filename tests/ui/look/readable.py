"""Whether a window's words can be read and its controls hit: WCAG 2.2's contrast ratio of each text against what is
behind it (1.4.3, 4.5:1) and the size of each target (2.5.8, 24 by 24 CSS pixels), measured on the real widgets.

Both colours are read from the window as drawn, inside each widget's visible part (its border left out): what is
behind the words is the colour most of its pixels have, whichever parent or style sheet painted it, and the words'
colour the pixel that stands out most from it.  The window's fonts draw their strokes' cores in the full colour, so
that is the colour the palette or the style sheet gives the words, in whatever state the widget is (a checked option
button's white on blue, which no palette holds).  A delegate's words in a list are not widgets: they are read in
the same way, part of the row by part (:func:`colours`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QToolButton,
    QWidget,
)

#: WCAG 2.2, 1.4.3 Contrast (Minimum): text and images of text
TEXT_CONTRAST = 4.5
#: WCAG 2.2, 2.5.8 Target Size (Minimum), in pixels at 100 % (the desk's pixel is the CSS pixel: 96 per inch)
TARGET = 24


def luminance(colour: QColor) -> float:
    """The relative luminance of an sRGB colour (WCAG 2.2's definition)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def colours(image: QImage, rect: QRect) -> tuple[QColor, QColor]:
    """The colour most pixels of ``rect`` have (the background) and the one that stands out most from it (the
    words'), in ``image``."""
    part = image.copy(rect.intersected(image.rect())).convertToFormat(QImage.Format.Format_RGB32)
    pixels = Counter(memoryview(part.constBits()).cast("I"))
    (most, _), *_ = pixels.most_common(1)
    behind = QColor.fromRgb(most)
    words = max((QColor.fromRgb(rgb) for rgb in pixels), key=lambda colour: contrast(colour, behind))
    return behind, words


@dataclass(frozen=True)
class Reading:
    """One widget's words: what it says, in which colour on which, and their contrast."""

    widget: QWidget
    text: str
    colour: str
    behind: str
    ratio: float

    def __str__(self) -> str:
        return f"{type(self.widget).__name__} {self.text[:24]!r}: {self.colour} on {self.behind} = {self.ratio:.2f}"


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return widget.text() if widget.pixmap().isNull() else ""
    if isinstance(widget, QToolButton) and widget.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonIconOnly:
        return ""  # its text is the name a screen reader says, not words on the screen (the clear button's)
    if isinstance(widget, QAbstractButton):
        return widget.text()
    return ""


def _shown(widget: QWidget, window: QWidget) -> QRect | None:
    """The part of ``widget`` the window shows, in the window's coordinates; None unless it shows its whole height
    (hidden, or in a column scrolled away: read once scrolled to, not here)."""
    if not widget.isVisibleTo(window):
        return None
    visible = widget.visibleRegion().boundingRect()
    if visible.height() < widget.height():  # cut off at a scrolled column's edge: its words are read once in view
        return None
    return visible.translated(widget.mapTo(window, QPoint(0, 0)))


def readings(window: QWidget) -> list[Reading]:
    """Every shown label's and button's words in ``window``, measured on the window as drawn now.  A disabled
    widget's are read too (its grey): WCAG exempts them, so they must carry no instruction."""
    image = window.grab().toImage()
    found = []
    for widget in window.findChildren(QWidget):
        text = _text(widget).strip()
        rect = _shown(widget, window)
        if not text or rect is None:
            continue
        rect = rect.adjusted(2, 2, -2, -2)  # the frame and focus border of a button or a row: not its words
        if isinstance(widget, QCheckBox | QRadioButton):  # the box is drawn on the left; the words after it
            rect.setLeft(rect.left() + min(widget.height(), rect.width() // 2))
        if rect.width() <= 0 or rect.height() <= 0:
            continue
        behind, colour = colours(image, rect)
        found.append(Reading(widget, text, colour.name(), behind.name(), contrast(colour, behind)))
    return found


#: what a clerk clicks or taps: a button of any kind (push, tool, check, radio; a line edit's own clear button is a
#: tool button), a field, a list to choose from, a date's box (its line edit inside is not a target of its own)
TARGETS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def small_targets(window: QWidget) -> list[str]:
    """Every shown target of ``window`` narrower or lower than :data:`TARGET` pixels, a disabled one too: it is
    the target the clerk aims at once it is enabled (容缺's conditions once asked for)."""
    return [
        f"{type(widget).__name__} {widget.objectName() or _text(widget)[:16]!r} {widget.width()}x{widget.height()}"
        for widget in window.findChildren(QWidget)
        if isinstance(widget, TARGETS)
        and not isinstance(widget.parent(), QAbstractSpinBox)
        and _shown(widget, window) is not None
        and min(widget.width(), widget.height()) < TARGET
    ]
