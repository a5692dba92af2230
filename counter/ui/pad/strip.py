"""The strip: the review pad folded to a small bar at the edge of the clerk's only screen.

It tells the applicant that the desk asks for a rating after each service, and takes nothing from the clerk:
it never takes the keyboard, never comes in front of the clerk's work when the edge has a place free of it
(:func:`counter.ui.pad.placement.edge_spot`), and cannot be touched into a rating — only the clerk's F9 opens
the pad, for the service just done.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from counter.ui.look.text_size import scaled
from counter.ui.pad.style import PRIMARY
from counter.ui.pad.words import PAD_STRIP, PAD_WINDOW_TITLE
from counter.ui.widgets.plain_text import plain_label

#: the strip's size: as high as a title bar, so over a maximised window it hides nothing of its content
STRIP_SIZE = QSize(360, 28)


class PadStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("padStrip")
        self.setWindowTitle(PAD_WINDOW_TITLE)
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(
            scaled(
                f"QWidget#padStrip {{ background: {PRIMARY}; border-radius: 6px; }}"
                " QLabel { color: #ffffff; font-size: 15px; font-weight: bold; }"
            )
        )
        self.label = plain_label(PAD_STRIP)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 12, 0)
        layout.addWidget(self.label)
        self.resize(STRIP_SIZE)
