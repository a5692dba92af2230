"""Every control a clerk clicks is at least 24 by 24 pixels (WCAG 2.2, 2.5.8 Target Size), the line edit's own
buttons included.

Qt sizes a line edit's clear button from the style's line-edit icon size: 16 pixels, which makes a button of 22 by
18 (the icon and 6 across, 2 down), a target the mouse misses.  :class:`LargerSideButtons` asks for an icon of 22
pixels at 100 % text (the desk's text size scales it), so the button is 28 by 24, and draws the icon to match.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QProxyStyle, QStyle, QStyleOption, QWidget

from counter.ui.look.text_size import px

#: the smallest target, each way, at 100 % text
TARGET = 24
#: Qt's button around a line edit's icon is this much taller than the icon
_SIDE_BUTTON_MARGIN = 2


class LargerSideButtons(QProxyStyle):
    """The application's style, with a line edit's icon buttons (its clear button) at least :data:`TARGET` tall."""

    def pixelMetric(  # noqa: N802 (Qt's name)
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric == QStyle.PixelMetric.PM_LineEditIconSize:
            return px(TARGET - _SIDE_BUTTON_MARGIN)
        return super().pixelMetric(metric, option, widget)


def with_large_side_buttons(edit: QLineEdit) -> None:
    """Give ``edit`` the style of :class:`LargerSideButtons`, which lives as long as the edit (a widget does not own
    its style: the style is made the edit's child)."""
    style = LargerSideButtons()
    style.setParent(edit)
    edit.setStyle(style)
