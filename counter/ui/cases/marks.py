"""The two warning colours of the case windows, one meaning each, everywhere.

Amber: a deferred material is still awaited (or due within two working days).
Red: its deadline has passed.  The page's materials table and the lists use
the same colours, so a supervisor reads them the same way in both.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from counter.ui.cases.rules import MaterialMark, Urgency
from counter.ui.widgets.restyle import apply_style_again

AMBER = "#fff0c2"
AMBER_TEXT = "#7a4a00"
AMBER_BORDER = "#e9b949"
RED = "#fde1de"
RED_TEXT = "#9b1c13"
RED_BORDER = "#f0a39b"
LACKING_TEXT = "#b42318"

URGENCY_COLOURS: dict[Urgency, tuple[str, str]] = {
    Urgency.OVERDUE: (RED, RED_TEXT),
    Urgency.TODAY: (RED, RED_TEXT),  # due today: not the amber of tomorrow, which still leaves a day
    Urgency.SOON: (AMBER, AMBER_TEXT),
}
MARK_COLOURS: dict[MaterialMark, tuple[str, str]] = {
    MaterialMark.DEFERRED_OVERDUE: (RED, RED_TEXT),
    MaterialMark.DEFERRED_OPEN: (AMBER, AMBER_TEXT),
}

#: the sentence above a list of cases: what it holds, or why it could not be read (:func:`restyle` turns one into
#: the other)
LIST_STYLE = f"""
QLabel#listSummary {{ color: #334e68; padding: 6px 2px; }}
QLabel#listError {{ color: {RED_TEXT}; font-weight: bold; padding: 6px 2px; }}
"""


def paint(items: list[QTableWidgetItem], colours: tuple[str, str] | None) -> None:
    """Background and text colour of a whole table row; ``None`` leaves the row plain."""
    if colours is None:
        return
    background, text = (QBrush(QColor(c)) for c in colours)
    for item in items:
        item.setBackground(background)
        item.setForeground(text)


def restyle(widget: QWidget, name: str) -> None:
    """Give a widget another object name and let the style sheet's rule for that name apply, its box included
    (:func:`counter.ui.widgets.restyle.apply_style_again`)."""
    widget.setObjectName(name)
    apply_style_again(widget)
