"""The pad's page where a site rates on the 自治区 system's page: its address for the 办件编号, as a QR code and text.

No faces: the applicant rates on the phone, and the pad only shows where (:class:`counter.ratings.settings.RatingMode`).
The address is drawn as the papers print it (:class:`counter.ui.pad.qr_view.QrView`), so the code on the pad and the
one on the receipt lead to the same page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from counter.ratings.views import PadCase
from counter.ui.pad.clerk_card import Words, pad_label
from counter.ui.pad.pad_script import Columns
from counter.ui.pad.qr_view import QrView
from counter.ui.pad.words import PAD_REGION_ADDRESS, PAD_REGION_CASE, PAD_REGION_QUESTION


class RegionPage(QWidget):
    def __init__(self, columns: Columns, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self.question = pad_label("question", PAD_REGION_QUESTION, wrap=True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QrView()
        self.case = pad_label("case")
        self.case.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address = pad_label("hint", wrap=True)
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        middle = QHBoxLayout()
        middle.addWidget(self.qr, 1)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.question)
        self.box.addLayout(middle, 1)
        self.box.addWidget(self.case)
        self.box.addWidget(self.address)
        # in Mongolian, the question's columns on the code's left, read before it: on a line above, a sentence of
        # that length lay on its side across three lines
        columns.add(self.question, middle, 0, 300)

    def show_case(self, case: PadCase, words: Words) -> None:
        """The page for ``case``, in the pad's language."""
        self._columns.set_text(self.question, words(PAD_REGION_QUESTION))
        self.qr.set_value(case.page_address)
        self.case.setText(words(PAD_REGION_CASE).format(case_no=case.case_no))
        self.address.setText(words(PAD_REGION_ADDRESS).format(address=case.page_address))
