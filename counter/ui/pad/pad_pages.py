"""The review pad's four own pages, built: idle, rating, reasons, thanks (the region's is
:mod:`counter.ui.pad.region_page`).

Apart from :class:`counter.ui.pad.pad_window.PadWindow` because a page's widgets and how they stand are one thing and
what the applicant's taps do with them another: a page holds its labels, buttons and layouts and says where a label's
Mongolian columns stand (:class:`counter.ui.pad.pad_script.Columns`); the window decides which page shows, with what
words, and what a tap records.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter.ratings.choice import MAX_COMMENT_LENGTH
from counter.ratings.levels import Level
from counter.ui.pad.clerk_card import ClerkCard, Words, pad_label, touch_button
from counter.ui.pad.faces import FaceButton, ThanksMark
from counter.ui.pad.pad_script import Columns, label_reason
from counter.ui.pad.vertical_text import VerticalText
from counter.ui.pad.words import PAD_BACK, PAD_COMMENT_HINT, PAD_REASONS_QUESTION, PAD_SUBMIT, PAD_TAP_HINT, PAD_THANKS
from counter.words.ratings import RATING_LEVEL

REASON_COLUMNS = 3
#: a Mongolian reason stands in columns, narrower than a line: more buttons to a row, fewer rows
VERTICAL_REASON_COLUMNS = 5
REASON = "reason"  # the property of a reason button holding the reason it stands for


class IdlePage(QWidget):
    """No service on the pad: the greeting, this desk and its clerk, the hall's notice."""

    def __init__(self, columns: Columns) -> None:
        super().__init__()
        self.welcome = pad_label("welcome", wrap=True)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.desk = pad_label("desk")
        self.desk.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # the greeting names the office and the line above the card the desk: the card does not say them again, and
        # the Mongolian page, whose office line took two lines, has the height for text larger at 150 %
        self.card = ClerkCard(office_line=False)
        self.notice = pad_label("notice", wrap=True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.welcome)
        layout.addWidget(self.desk)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 3)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.notice, 1)
        # a notice in Mongolian, the default one or the hall's, in columns: a paragraph is read, not glanced at as the
        # bilingual greeting is (whose Mongolian line stands above the Chinese, as on the region's horizontal signs)
        columns.add(self.notice, layout)
        self.box = layout


class RatingPage(QWidget):
    """Who served, what for, the question, five faces and the hint to tap one."""

    def __init__(self, columns: Columns) -> None:
        super().__init__()
        self.card = ClerkCard()
        self.bundle = pad_label("case", wrap=True)
        self.applicant = pad_label("case")
        case_card = QFrame()
        case_card.setProperty("role", "card")
        case_box = QVBoxLayout(case_card)
        case_box.addWidget(self.bundle)
        case_box.addWidget(self.applicant)
        case_box.addStretch(1)
        head = QHBoxLayout()
        # the clerk's card two thirds: an ordinary name (工作人员：窗口工作人员) keeps to one line at 150 % text on an
        # 800×480 pad, where a second line would push the faces off it; the case's lines wrap
        head.addWidget(self.card, 2)
        head.addWidget(case_card, 1)
        # wraps: a Mongolian question is three times as long as the Chinese
        self.question = pad_label("question", wrap=True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.face_buttons = {level: FaceButton(level, RATING_LEVEL[level]) for level in Level}
        faces = QHBoxLayout()
        for button in self.face_buttons.values():
            faces.addWidget(button)
        self.tap_hint = pad_label("hint", PAD_TAP_HINT, wrap=True)
        self.tap_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.question)
        layout.addLayout(faces, 1)
        layout.addWidget(self.tap_hint)
        # in Mongolian, the question's columns and then the hint's at the head's end, beside the cards: the faces are
        # as large as the page's width allows, and a column of whole words is taller than the strip they leave
        # between the cards and the faces (its longest word alone 207 px at 100 %, on a pad 480 px high)
        columns.add(self.question, head, 2)
        columns.add(self.tap_hint, head, 3)
        self.box = layout
        self.faces = faces


class ReasonsPage(QWidget):
    """After a bad face: the face tapped, why (the office's reasons as buttons, a line of text where the applicant
    has a keyboard), 重新选择 and 提交."""

    def __init__(self, columns: Columns, keyboard: bool) -> None:
        super().__init__()
        self.chosen = pad_label("chosen")
        self.question = pad_label("question", PAD_REASONS_QUESTION, wrap=True)
        top = QHBoxLayout()
        top.addWidget(self.chosen)
        top.addWidget(self.question, 1)
        top.addStretch(0)  # the badge its own width when the question stands in columns beside the page
        self.grid = QGridLayout()
        self.comment = QLineEdit()
        self.comment.setProperty("role", "comment")
        self.comment.setPlaceholderText(PAD_COMMENT_HINT)
        self.comment.setAccessibleName(PAD_COMMENT_HINT)
        self.comment.setMaxLength(MAX_COMMENT_LENGTH)
        self.back_button = touch_button(PAD_BACK, "back")
        self.submit_button = touch_button(PAD_SUBMIT, "submit")
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(self.grid)
        column.addWidget(self.comment)
        column.addStretch(1)
        column.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(column, 1)
        columns.add(self.question, layout, 0, 440)  # in Mongolian, columns on the page's left, as tall
        self.comment.setHidden(not keyboard)
        self.box = layout
        self.column = column
        self.buttons: list[QPushButton] = []

    def fill(self, reasons: tuple[str, ...], words: Words, made: Callable[[QPushButton], None]) -> None:
        """A button for each reason, in the pad's words; the reason itself (the label a rating stores) is kept on it;
        ``made`` is handed each new button.  The same reasons again keep their buttons, none ticked."""
        self.comment.clear()
        if tuple(b.property(REASON) for b in self.buttons) == reasons:
            for button in self.buttons:
                button.setChecked(False)
            return
        for button in self.buttons:
            self.grid.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons = []
        for reason in reasons:
            button = touch_button("", "reason")
            button.setProperty(REASON, reason)
            button.setCheckable(True)
            label_reason(button, words(reason))
            made(button)
            self.buttons.append(button)
        self.place()

    def relabel(self, words: Words) -> None:
        """Each reason in the pad's words, the buttons placed again (Mongolian ones stand five to a row)."""
        for button in self.buttons:
            label_reason(button, words(button.property(REASON)))
        self.place()

    def place(self) -> None:
        """The reason buttons in rows: three to a row, five where their words stand in Mongolian columns."""
        vertical = any(button.findChild(VerticalText) for button in self.buttons)
        per_row = VERTICAL_REASON_COLUMNS if vertical else REASON_COLUMNS
        for index, button in enumerate(self.buttons):
            self.grid.removeWidget(button)
            self.grid.addWidget(button, index // per_row, index % per_row)

    def chosen_reasons(self) -> tuple[str, ...]:
        """The reasons ticked, as offered (the labels, never the pad's translation of them)."""
        return tuple(b.property(REASON) for b in self.buttons if b.isChecked())


class ThanksPage(QWidget):
    """The rating recorded (a mark, the thanks, a word on what follows), or a message for the applicant."""

    def __init__(self, columns: Columns) -> None:
        super().__init__()
        self.mark = ThanksMark()
        self.thanks = pad_label("thanks", PAD_THANKS)
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = pad_label("thanks-detail", wrap=True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # in Mongolian, the thanks' columns and then the detail's, side by side under the mark as they are read: one
        # above the other, each word whole, they took twice the height and the text shrank to fit
        said = QHBoxLayout()
        said.addStretch(1)
        said.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.mark, 3)
        layout.addWidget(self.thanks)
        layout.addWidget(self.detail)
        layout.addLayout(said)
        layout.addStretch(1)
        columns.add(self.thanks, said, 1)
        columns.add(self.detail, said, 2)
