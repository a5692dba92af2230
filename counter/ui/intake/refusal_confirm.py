"""The last look before a 不予受理通知书: the ground, its basis and the office to turn to, as the notice prints them.

Where the window only receives one of the items (:mod:`counter.documents.acceptance`) the paper is the window's
申请事项告知书, which decides nothing: the dialog says so, and repeats that paper's finding and bodies instead.

A refusal cannot be taken back at the window, so it is never one keystroke
away.  The dialog repeats word for word what the notice will say (the paper's
own words, :mod:`counter.documents.words`, not the desk's translation) and
starts on 返回修改: Enter or Esc goes back to the form.  Issuing takes a
deliberate choice — Tab to 确认出具 then Enter, Alt+Y, or a click.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter.catalog.model import Item
from counter.documents.acting import received_refusal_lines
from counter.documents.item_law import refusal_basis_lines, turn_to_lines
from counter.documents.no_licence import no_licence_basis_lines, no_licence_items
from counter.documents.words import DOC_BASIS, DOC_REASON, DOC_TURN_TO, REFUSAL_GROUND
from counter.intake.outcome import RefusalGround
from counter.ui.intake.style import QUIET
from counter.ui.intake.words import (
    INTAKE_RECEIVED_CONFIRM_INTRO,
    INTAKE_RECEIVED_CONFIRM_TITLE,
    INTAKE_RECEIVED_INSISTS,
    INTAKE_RECEIVED_INSISTS_KEYS,
    INTAKE_REFUSAL_CONFIRM_BACK,
    INTAKE_REFUSAL_CONFIRM_GO,
    INTAKE_REFUSAL_CONFIRM_INTRO,
    INTAKE_REFUSAL_CONFIRM_KEYS,
    INTAKE_REFUSAL_CONFIRM_TITLE,
)
from counter.ui.look.text_size import scaled
from counter.ui.widgets.plain_text import plain_label
from counter.words.punctuation import FIELD_LABEL

#: the dialog's result where the applicant insists (neither 确认出具 nor 返回修改)
INSISTS = 2


def notice_lines(
    ground: RefusalGround, turn_to: str, items: Iterable[Item], *, received: bool = False
) -> list[tuple[str, str]]:
    """(caption, text) of each line the notice prints about the refusal, in its order; ``received``: the window's
    申请事项告知书's (:func:`counter.documents.acting.received_refusal_lines`).

    The basis is the notice's own (:func:`counter.documents.item_law.refusal_basis_lines`): one article of
    行政许可法 only where every item is a 行政许可, else each item's own basis, as the notice's table has it; for
    第一项, the licences ticked and of the others that the notice decides nothing (:mod:`counter.documents.no_licence`).
    """
    items = tuple(items)
    if received:
        return received_refusal_lines(ground, turn_to, items)
    found = no_licence_items(turn_to, items) if ground is RefusalGround.NO_LICENCE_NEEDED else ()
    basis = "\n".join(no_licence_basis_lines(found, items) if found else refusal_basis_lines(items, ground))
    lines = [(DOC_REASON, REFUSAL_GROUND[ground]), (DOC_BASIS, basis)]
    if turn_to and not found:
        lines.append((DOC_TURN_TO, turn_to_lines(turn_to, items)))
    return lines


class RefusalConfirmation(QDialog):
    def __init__(
        self,
        ground: RefusalGround,
        turn_to: str,
        items: Iterable[Item],
        parent: QWidget | None = None,
        *,
        received: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(INTAKE_RECEIVED_CONFIRM_TITLE if received else INTAKE_REFUSAL_CONFIRM_TITLE)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        intro = plain_label(INTAKE_RECEIVED_CONFIRM_INTRO if received else INTAKE_REFUSAL_CONFIRM_INTRO, wrap=True)
        intro.setStyleSheet("font-weight: bold; color: #9b1c13;")
        self.lines: dict[str, QLabel] = {}
        form = QFormLayout()
        for caption, text in notice_lines(ground, turn_to, items, received=received):
            label = plain_label(text, wrap=True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet(scaled("font-size: 15px; color: #102a43;"))
            self.lines[caption] = label
            form.addRow(FIELD_LABEL.format(label=caption), label)
        keys = plain_label(INTAKE_REFUSAL_CONFIRM_KEYS, wrap=True)
        keys.setStyleSheet(f"color: {QUIET};")
        self.back_button = QPushButton(INTAKE_REFUSAL_CONFIRM_BACK)
        self.confirm_button = QPushButton(INTAKE_REFUSAL_CONFIRM_GO)
        self.confirm_button.setStyleSheet(scaled("font-weight: bold; color: #9b1c13; padding: 6px 14px;"))
        self.back_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(keys)
        # a window that only receives refuses nothing: issuing is the applicant's "不坚持"; insisting goes back to the
        # form as 收件 (counter.intake.outcome.Refusal.insists)
        self.insist_button: QPushButton | None = None
        if received:
            layout.addWidget(plain_label(INTAKE_RECEIVED_INSISTS_KEYS, wrap=True))
            self.insist_button = QPushButton(INTAKE_RECEIVED_INSISTS)
            buttons.addWidget(self.insist_button)
            self.insist_button.clicked.connect(lambda: self.done(INSISTS))
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.reject)
        self.confirm_button.clicked.connect(self.accept)
        self.back_button.setFocus()

    def text(self) -> str:
        """The lines as the clerk reads them (for tests and screen readers)."""
        return "\n".join(label.text() for label in self.lines.values())
