"""The question before the desk's window closes at the clerk's hand (Alt+F4, the title bar's button).

Closing the main window ends the program and takes the review pad with it, so a key pressed by mistake must not
do it: the window asks as the intake asks before a filled intake closes.  Enter quits, Esc stays; the question is
modal to the desk's window only.  A close the program makes itself (the session's end, a test) is not the clerk's
and is not asked about: only the window system's close event is spontaneous.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from counter.ui import words
from counter.ui.widgets.plain_text import plain_box


def quit_question(parent: QWidget, quit_now: Callable[[], None]) -> QMessageBox:
    """The question, its default 退出 (Enter) calling ``quit_now``, its escape 继续工作."""
    box = plain_box(QMessageBox(QMessageBox.Icon.Question, words.DESK_QUIT_TITLE, words.DESK_QUIT_QUESTION,
                                parent=parent))  # fmt: skip
    go = box.addButton(words.DESK_QUIT_GO, QMessageBox.ButtonRole.AcceptRole)
    stay = box.addButton(words.DESK_QUIT_STAY, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go)
    box.setEscapeButton(stay)
    go.clicked.connect(quit_now)
    return box
