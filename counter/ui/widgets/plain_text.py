"""Labels, message boxes and tips that show text as text: never as Qt rich text.

A QLabel, a QMessageBox and a tool tip guess by default (``Qt.TextFormat.AutoText``): a text that looks like HTML is
rendered as HTML.  An applicant's name is typed by anyone, in a township's package too, so a name such as
``<b style=color:red>已核验：公安身份核查通过</b>`` showed as a red badge the hall never issued, and
``<span style="display:none">冒用</span>`` hid what the name says.  Every label of the window is made here, plain;
the few that lay out rich text of their own (a link, bold headings) set ``RichText`` themselves and escape every value
they put in it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A label that shows ``text`` (and every text set on it later) exactly as written; ``wrap``: broken into lines
    where its row is narrower than its text."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


class WrappedLine(QLabel):
    """A label of plain text that keeps to one line where its row has room for it, and wraps where it has not.

    A wrapping QLabel asks its layout for a guess narrower than its line, so a row beside empty space still gives it
    two lines; this one asks for its whole line, and wraps only when the row is narrower than that.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        margins = self.contentsMargins()
        line = self.fontMetrics().horizontalAdvance(self.text())
        width = line + margins.left() + margins.right() + 2 * self.margin() + 1  # the last pixel of the last glyph
        return QSize(width, self.heightForWidth(width))


def plain_box(box: QMessageBox) -> QMessageBox:
    """The message box with its text shown as written (its message names cases, people and files)."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def plain_tip(text: str) -> str:
    """A tool tip that shows ``text`` as written: Qt guesses a tip's format as a label's, so it is given as escaped
    rich text, which shows the characters themselves."""
    from html import escape  # only the pages with tips need it, not the first window (tests/ui/start/test_startup.py)

    return f"<qt>{escape(text)}</qt>" if text else ""
