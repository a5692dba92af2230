"""The question a preview asks when the clerk closes it with papers never printed (Esc, 关闭).

A case's papers are the act (a 受理凭证, a 承诺书 to sign, a 不予受理决定): closed silently, the applicant leaves
without one and nothing on screen says so.  The question names them; Enter goes back to print (the default, as a
slip of Esc should cost nothing), 仍然关闭 closes.  Modal to the preview alone: the desk's other windows go on.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from counter.ui.printing.words import PRINTING_UNPRINTED_BACK, PRINTING_UNPRINTED_CLOSE, PRINTING_UNPRINTED_QUESTION
from counter.ui.widgets.plain_text import plain_box
from counter.words.punctuation import LIST_JOIN


def unprinted_question(preview: QWidget, titles: list[str]) -> tuple[QMessageBox, QPushButton]:
    """The question, shown; and its 仍然关闭 button, which the caller connects to the close."""
    box = plain_box(
        QMessageBox(
            QMessageBox.Icon.Question,
            preview.windowTitle(),
            PRINTING_UNPRINTED_QUESTION.format(titles=LIST_JOIN.join(titles)),
            parent=preview,
        )
    )
    back = box.addButton(PRINTING_UNPRINTED_BACK, QMessageBox.ButtonRole.RejectRole)
    leave = box.addButton(PRINTING_UNPRINTED_CLOSE, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.open()
    return box, leave
