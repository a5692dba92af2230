"""When the desk is ready: the first keystroke's answer, listed and painted, as the clerk would see it.

``--exit-when-ready`` ends the desk here, and the start-up benchmark and tests time or probe it here.  It needs no
Qt at import, so a probe can hook it before the program imports the window, as the program itself does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from counter.ui.mainwindow.main_window import MainWindow

FIRST_QUERY = "xcg"  # what a clerk types first: pinyin initials (我要开小餐馆)


def answer_first_search(window: MainWindow) -> None:
    """The query goes through the search box like typed text, and the list paints its rows with the desk's fonts.

    Ready is when the clerk can type and be answered, so that is where the start-up's measure ends.
    """
    window.search_panel.box.setText(FIRST_QUERY)
    window.search_panel.results.viewport().repaint()
