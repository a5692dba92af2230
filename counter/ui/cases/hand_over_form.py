"""The 统一出件 form under a case's buttons: which results go out, how, and to whom.

Like the other step forms it sits inside the page (the clerk sees the case while filling it in, and what was typed
stays when saving fails).  It offers every decided item not handed over yet, all ticked; unticking one is a
partial hand-over, which the applicant must have asked for, so the form says so and the box 申请人要求部分出件
must be ticked too (the action checks it again: :func:`counter.case.hand_over.hand_over_problems`).  The way
starts as the one the applicant chose at the intake; only the fields of the way chosen show.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter.case.hand_over import HandOverRequest, HandOverWay
from counter.ui.cases import words
from counter.ui.look.text_size import px
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.step_form import frame_step_form, order_tabs
from counter.words.hand_over import HAND_OVER_WAY
from counter.words.punctuation import LIST_JOIN


class HandOverForm(QFrame):
    """Its buttons are wired by the page that holds it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes_area = QWidget()
        self.boxes_layout = QVBoxLayout(self.boxes_area)
        self.boxes_layout.setContentsMargins(12, 0, 0, 0)
        self.checkboxes: dict[str, QCheckBox] = {}
        self.undecided = plain_label(wrap=True)
        self.partial = QCheckBox(words.HAND_OVER_PARTIAL)
        self.way = QComboBox()
        for way in HandOverWay:
            self.way.addItem(HAND_OVER_WAY[way], way.value)
        self.recipient = QLineEdit()
        self.id_no = QLineEdit()
        self.id_no.setMaxLength(18)
        self.id_no.setPlaceholderText(words.HAND_OVER_ID_HINT)
        self.carrier = QLineEdit()
        self.tracking_no = QLineEdit()
        self.tracking_no.setMaxLength(40)
        self.address = QLineEdit()
        for field in (self.recipient, self.id_no, self.carrier, self.tracking_no, self.address):
            field.setMinimumWidth(px(280))
        self.fields = QFormLayout()
        rows: tuple[tuple[str, QWidget], ...] = (
            (words.HAND_OVER_WAY_LABEL, self.way),
            (words.HAND_OVER_RECIPIENT, self.recipient),
            (words.HAND_OVER_ID, self.id_no),
            (words.HAND_OVER_CARRIER, self.carrier),
            (words.HAND_OVER_TRACKING, self.tracking_no),
            (words.HAND_OVER_ADDRESS, self.address),
        )
        for label, widget in rows:
            self.fields.addRow(label, widget)
        body = (self.boxes_area, self.undecided, self.partial, self.fields)
        self.title, self.problems, self.confirm_button, self.cancel_button = frame_step_form(
            self, body, words.HAND_OVER_CONFIRM, words.CASE_FORM_CANCEL, words.HAND_OVER_TITLE
        )
        self.way.currentIndexChanged.connect(self._show_way)

    def open_for(
        self,
        items: Sequence[tuple[str, str]],
        undecided: Sequence[str],
        way: str,
        recipient: str,
        address: str,
    ) -> None:
        """Show the form: ``items`` (code, name) to hand over, all ticked; ``undecided`` the names still with their
        departments; the way, recipient and electronic address the case suggests."""
        for box in self.checkboxes.values():
            self.boxes_layout.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.checkboxes = {}
        for code, name in items:
            box = QCheckBox(name)
            box.setChecked(True)
            self.checkboxes[code] = box
            self.boxes_layout.addWidget(box)
        fields = (self.partial, self.way, self.recipient, self.id_no, self.carrier, self.tracking_no, self.address)
        order_tabs(self, [*self.checkboxes.values(), *fields], self.confirm_button, self.cancel_button)  # boxes first
        self.undecided.setText(words.HAND_OVER_UNDECIDED.format(items=LIST_JOIN.join(undecided)) if undecided else "")
        self.undecided.setVisible(bool(undecided))
        self.partial.setChecked(False)
        index = self.way.findData(way if way in {w.value for w in HandOverWay} else HandOverWay.PICKUP.value)
        self.way.setCurrentIndex(index)
        self.recipient.setText(recipient)
        self.address.setText(address)
        for field in (self.id_no, self.carrier, self.tracking_no):
            field.clear()
        self.problems.clear()
        self._show_way()
        self.show()
        (self.id_no if self.chosen_way() is HandOverWay.PICKUP else self.way).setFocus()

    def chosen_way(self) -> HandOverWay:
        return HandOverWay(self.way.currentData())

    def _show_way(self) -> None:
        way = self.chosen_way()
        shown = {
            self.recipient: way is HandOverWay.PICKUP,
            self.id_no: way is HandOverWay.PICKUP,
            self.carrier: way is HandOverWay.POST,
            self.tracking_no: way is HandOverWay.POST,
            self.address: way is HandOverWay.ELECTRONIC,
        }
        for field, visible in shown.items():
            self.fields.setRowVisible(field, visible)

    def request(self) -> HandOverRequest:
        """What the clerk entered; a partial hand-over names its items, a whole one leaves them to the action."""
        ticked = tuple(code for code, box in self.checkboxes.items() if box.isChecked())
        every = len(ticked) == len(self.checkboxes)
        partial = self.partial.isChecked()
        return HandOverRequest(
            self.chosen_way(),
            recipient=self.recipient.text(),
            id_no=self.id_no.text().strip(),
            carrier=self.carrier.text(),
            tracking_no=self.tracking_no.text(),
            address=self.address.text(),
            items=() if every and not partial else ticked,
            partial=partial,
        )

    def show_problems(self, text: str) -> None:
        self.problems.setText(text)

    def close_form(self) -> None:
        self.problems.clear()
        self.hide()
