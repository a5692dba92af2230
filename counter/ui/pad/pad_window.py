"""The review pad: the screen facing the applicant.

Four pages: idle (the hall's notice and who serves at this desk), rating (who served, what for, five faces), reasons
(only after a bad rating: buttons, and a line of text where the applicant has a keyboard), thanks; and a fifth where
the site rates on the region's page (:mod:`counter.ui.pad.region_page`), whose time running out (or Esc) only closes
the request, recorded as no rating on the pad.  One tap on a good face records it; a bad face asks why first, and
重新选择 lets the applicant tap another face instead.  With no touch for the set time the pad gives up: before any face
is tapped, :attr:`PadWindow.timed_out` — the service is recorded as unrated, never as a rating; once a face is
tapped, that face is the rating, recorded with the reasons ticked so far, none perhaps (the applicant left before
saying why, or went back to the faces and then left).  Every touch, tap, key or movement of the mouse on the pad
starts that time again (:class:`counter.ui.pad.touch_watch.TouchWatch`), so an applicant still reading or choosing
is never cut off (适老化: no time-out while the user is acting).

The pad is for the applicant's finger (or mouse), not for a keyboard: no button takes the keyboard focus, so none is
ringed as if chosen before the applicant touches it, and no key rates — the clerk must not choose for the applicant.
The one key is Esc, for the clerk whose pad shares the only screen: it ends the pad as the time running out would
(unrated before a face is tapped, the tapped face kept after), or the thanks go.  No key, and no desk closing, can
turn a tapped 差评 into 未评价 (:meth:`PadWindow.give_up`).

A touch pad has no keyboard, and typing Chinese on a screen keyboard is more than an applicant at the window should
face: without a keyboard the reasons are only the office's buttons (其他 among them), which is all a 差评 needs; the
line of free text is offered where the desk says the applicant has a keyboard.

The pad speaks the desk's pad language (``pad_language``: Chinese, or Mongolian from
``resources/translations/mn.po``) while the clerk's windows stay Chinese; the 差评 reasons too, each button showing its
label in the pad's words while the rating records the label itself (data, in Chinese); its idle page greets in both
scripts whatever the language, the Mongolian line above the Chinese (内政办发〔1996〕32号 第三条).  A Mongolian pad
sets its question, hint, reasons' question, reasons and thanks as Mongolian is written, in vertical columns left to
right (:class:`counter.ui.pad.vertical_text.VerticalText`, standing in for the label); data shown as it is kept (the
clerk's name, the bundle's), the faces' names and the two buttons' short words stay on a horizontal line.

The window shows plain data and says what the applicant did; it never opens the database
(:class:`counter.ui.pad.controller.PadController` does).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from functools import partial

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter.ratings.choice import MAX_COMMENT_LENGTH, RatingChoice
from counter.ratings.levels import Level, is_bad
from counter.ratings.views import PadCase
from counter.ui.pad.clerk_card import AVATAR, ClerkCard, Words, pad_label, touch_button
from counter.ui.pad.faces import FaceButton, ThanksMark
from counter.ui.pad.region_page import RegionPage
from counter.ui.pad.style import LEAST_TARGET, LEVEL_BADGES, pad_style, scale_of
from counter.ui.pad.text_fit import largest_fitting, lay_out
from counter.ui.pad.timers import PadTimer, TimerFactory
from counter.ui.pad.touch_watch import TouchWatch
from counter.ui.pad.vertical_text import VerticalText
from counter.ui.pad.words import (
    PAD_APPLICANT,
    PAD_BACK,
    PAD_BUNDLE,
    PAD_COMMENT_HINT,
    PAD_DESK,
    PAD_FOLLOW_UP_QUESTION,
    PAD_GREETING,
    PAD_IDLE_DEFAULT,
    PAD_QUESTION,
    PAD_REASONS_QUESTION,
    PAD_REGION_QUESTION,
    PAD_SUBMIT,
    PAD_TAP_HINT,
    PAD_THANKS,
    PAD_THANKS_BAD,
    PAD_THANKS_GOOD,
    PAD_WELCOME,
    PAD_WINDOW_TITLE,
    SPOKEN,
)
from counter.ui.restyle import set_style_property
from counter.ui.text_size import factor
from counter.words.punctuation import GAP
from counter.words.ratings import RATING_LEVEL
from counter.words.translate import words_in

#: how long the thanks stay before the pad returns to its idle page
THANKS_MS = 6000
REASON_COLUMNS = 3
#: a Mongolian reason stands in columns, narrower than a line: more buttons to a row, fewer rows
VERTICAL_REASON_COLUMNS = 5
REASON = "reason"  # the property of a reason button holding the reason it stands for
#: how long a column of vertical Mongolian may be, by role, at 800×480: larger text takes more columns, as larger
#: horizontal text takes more lines (the rating's question and hint in the height the faces leave spare)
COLUMN_LENGTHS = {"question": 68, "hint": 68, "thanks": 150, "thanks-detail": 150, "reason-words": 140}


def mongolian(text: str) -> bool:
    """Whether ``text`` holds Mongolian script (U+1800–U+18AF), which is set vertically."""
    return any("\u1800" <= char <= "\u18af" for char in text)


def two_lines(label: str) -> str:
    """A reason's words on two lines, broken at the space nearest its middle: a button does not wrap its text, and a
    Mongolian reason of three or four words on one line made the three columns of buttons wider than the pad (a
    label without spaces, as a Chinese one is, stays on one line; the narrow space U+202F before a suffix is never a
    break)."""
    spaces = [i for i, char in enumerate(label) if char == " "]
    if not spaces:
        return label
    middle = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return f"{label[:middle]}\n{label[middle + 1 :]}"


def label_reason(button: QPushButton, text: str) -> None:
    """A reason button's words: Mongolian in vertical columns on the button (the button as large as they need), any
    other on the button's own line, on two lines where it has a space (:func:`two_lines`)."""
    column = button.findChild(VerticalText)
    button.setAccessibleName(text)
    if not mongolian(text):
        button.setText(two_lines(text))
        if column is not None:
            column.hide()
        return
    button.setText("")
    if column is None:
        column = VerticalText("reason-words", parent=button)
        column.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # a tap on the words taps the button
        column.setProperty("checked", "false")
        box = QHBoxLayout(button)  # the button never less than its columns need, whatever its style's min-height
        box.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        box.addStrut(LEAST_TARGET)  # nor, for a short reason, less high than a touch target (适老化)
        box.addWidget(column, 0, Qt.AlignmentFlag.AlignCenter)
    column.setText(text)
    column.show()


class PadPage(IntEnum):
    IDLE = 0
    RATING = 1
    REASONS = 2
    THANKS = 3
    REGION = 4  # the 自治区 system's page for the 办件编号, as a QR code


@dataclass(frozen=True, slots=True)
class PadIdle:
    """What the idle pad shows: the office, this desk and its clerk, the hall's notice."""

    office: str
    desk_no: str
    clerk: str
    staff_no: str
    photo: str
    notice: str
    office_mn: str = ""  # the office's name in Mongolian script (单位信息); "": the greeting names no office


class PadWindow(QWidget):
    choice_made = Signal(int, object)  # request id, RatingChoice
    timed_out = Signal(int)  # request id: no rating within the set time
    went_idle = Signal()  # the idle page is on: no service on the pad, no thanks showing
    prompted = Signal(str)  # what the pad asks or says now, in Chinese: for its voice (counter.host.voice)
    spoken = Signal(str, str)  # the same in Chinese and in the pad's language: said in both where it has a voice

    def __init__(
        self,
        timer_factory: TimerFactory = PadTimer,
        parent: QWidget | None = None,
        *,
        keyboard: bool = False,
        language: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.keyboard = keyboard  # the applicant has a keyboard: the reasons page offers a line of text
        self.words: Words = words_in(language)  # the pad's words; the clerk's windows keep theirs
        self.mongolian: Words = words_in("mn")  # the greeting's Mongolian line, whatever the pad's language
        self.setObjectName("pad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(PAD_WINDOW_TITLE)
        self.timeout_timer = timer_factory(self)
        self.thanks_timer = timer_factory(self)
        self._case: PadCase | None = None
        self._idle = PadIdle("", "", "", "", "", "")
        self._level: Level | None = None  # the bad face tapped for the service on the pad: from then on, the rating
        self._scale = 0.0
        self._room = QSize()  # the size the pad is drawn for: its window's, or the panel it is about to be given
        self._sheet = ""
        self.columns: dict[QLabel, VerticalText] = {}  # a label, and the vertical text shown for it in Mongolian
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_idle())
        self.pages.addWidget(self._build_rating())
        self.pages.addWidget(self._build_reasons())
        self.pages.addWidget(self._build_thanks())
        self.region = RegionPage()
        self.pages.addWidget(self.region)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the pad takes the size it is given (its panel, the spot beside the clerk's windows) and fits its text to it;
        # a layout's least size would grow the window past the screen's edge instead (Mongolian lines are tall)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.pages)
        self.reason_buttons: list[QPushButton] = []
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._connect_signals()
        # every touch on any part of the pad, its own widgets made later included: the pad's own widgets are watched,
        # never the whole application, whose every event of every object a Python filter would be handed (the clerk's
        # keys among them, each held up by it while the pad starts)
        self.touches = TouchWatch(self)
        self.touches.touched.connect(self.on_touched)
        self._translate()
        self.rescale(800, 480)

    def set_language(self, language: str | None) -> None:
        """The desk's pad language changed: the pad's words now, the page on it shown again in them."""
        self.words = words_in(language)
        self._translate()
        if self.page() is PadPage.IDLE:
            self.show_idle()
        elif self._case is not None and self.page() is PadPage.RATING:
            self._show_case_words(self._case)

    def _translate(self) -> None:
        """The words that do not depend on the service: the title, the hints, the buttons, the faces."""
        words = self.words
        self.setWindowTitle(words(PAD_WINDOW_TITLE))
        self.set_text(self.tap_hint, words(PAD_TAP_HINT))
        self.set_text(self.reasons_question, words(PAD_REASONS_QUESTION))
        self.comment.setPlaceholderText(words(PAD_COMMENT_HINT))
        self.comment.setAccessibleName(words(PAD_COMMENT_HINT))
        self.back_button.setText(words(PAD_BACK))
        self.submit_button.setText(words(PAD_SUBMIT))
        for reason_button in self.reason_buttons:
            label_reason(reason_button, words(reason_button.property(REASON)))
        self._place_reasons()
        names = tuple(words(RATING_LEVEL[level]) for level in self.face_buttons)
        for level, button in self.face_buttons.items():
            button.setText(words(RATING_LEVEL[level]))
            button.setAccessibleName(words(RATING_LEVEL[level]))
            button.peers = names
        self._fit_text()

    def greeting(self, idle: PadIdle) -> str:
        """The idle page's welcome in both scripts: the Mongolian line above the Chinese (内政办发〔1996〕32号 第三条),
        the Mongolian naming the office by its Mongolian name when the office has set one."""
        chinese = PAD_WELCOME.format(office=idle.office)
        mongolian = self.mongolian(PAD_GREETING)
        if mongolian == PAD_GREETING:  # no Mongolian catalogue: the Chinese alone, never the Chinese twice
            return chinese
        if idle.office_mn:
            mongolian = GAP.format(first=idle.office_mn, second=mongolian)
        return f"{mongolian}\n{chinese}"

    def _vertical(self, label: QLabel, layout: QBoxLayout, at: int | None = None, length: int = 0) -> None:
        """A vertical text for ``label``, in ``layout`` at ``at`` (beside the label by default): shown instead of the
        label when its text is Mongolian; its columns ``length`` long at 800×480 (by its role's when 0)."""
        column = VerticalText(str(label.property("role")))
        column.setProperty("length", length or COLUMN_LENGTHS.get(str(label.property("role")), 120))
        column.setHidden(True)
        stretch = layout.stretch(layout.indexOf(label)) if at is None else 0
        at = layout.indexOf(label) + 1 if at is None else at
        layout.insertWidget(at, column, stretch, Qt.AlignmentFlag.AlignCenter)
        self.columns[label] = column

    def set_text(self, label: QLabel, text: str) -> None:
        """``label``'s text: on the label, or in vertical columns when it is Mongolian script."""
        label.setText(text)
        column = self.columns.get(label)
        if column is None:
            return
        column.setText(text)
        vertical = mongolian(text)
        label.setHidden(vertical or not text)
        column.setHidden(not vertical)

    # --- pages ------------------------------------------------------------------------

    def _build_idle(self) -> QWidget:
        page = QWidget()
        self.welcome = pad_label("welcome", wrap=True)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle_desk = pad_label("desk")
        self.idle_desk.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle_card = ClerkCard()
        self.notice = pad_label("notice", wrap=True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addWidget(self.welcome)
        layout.addWidget(self.idle_desk)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.idle_card, 3)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.notice, 1)
        self._idle_layout = layout
        return page

    def _build_rating(self) -> QWidget:
        page = QWidget()
        self.rating_card = ClerkCard()
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
        head.addWidget(self.rating_card, 2)
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
        # in Mongolian, the question's columns and then the hint's, side by side above the faces: the faces are as
        # large as the page's width allows, and the height they leave spare holds the columns
        said = QHBoxLayout()
        said.addStretch(1)
        said.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(head)
        layout.addWidget(self.question)
        layout.addLayout(said)
        layout.addLayout(faces, 1)
        layout.addWidget(self.tap_hint)
        self._vertical(self.question, said, 1)
        self._vertical(self.tap_hint, said, 2)
        self._rating_layout = layout
        self._faces_layout = faces
        return page

    def _build_reasons(self) -> QWidget:
        page = QWidget()
        self.chosen = pad_label("chosen")
        self.reasons_question = pad_label("question", PAD_REASONS_QUESTION, wrap=True)
        top = QHBoxLayout()
        top.addWidget(self.chosen)
        top.addWidget(self.reasons_question, 1)
        top.addStretch(0)  # the badge its own width when the question stands in columns beside the page
        self.reason_grid = QGridLayout()
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
        column.addLayout(self.reason_grid)
        column.addWidget(self.comment)
        column.addStretch(1)
        column.addLayout(buttons)
        layout = QHBoxLayout(page)
        layout.addLayout(column, 1)
        self._vertical(self.reasons_question, layout, 0, 440)  # in Mongolian, columns on the page's left, as tall
        self.comment.setHidden(not self.keyboard)
        self._reasons_layout = layout
        self._reasons_column = column
        return page

    def _build_thanks(self) -> QWidget:
        page = QWidget()
        self.thanks_mark = ThanksMark()
        self.thanks = pad_label("thanks", PAD_THANKS)
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_detail = pad_label("thanks-detail", wrap=True)
        self.thanks_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.thanks_mark, 3)
        layout.addWidget(self.thanks)
        layout.addWidget(self.thanks_detail)
        layout.addStretch(1)
        self._vertical(self.thanks, layout)
        self._vertical(self.thanks_detail, layout)
        return page

    def _connect_signals(self) -> None:
        for level, button in self.face_buttons.items():
            button.clicked.connect(partial(self.on_face_clicked, level))
        self.comment.textEdited.connect(self.on_touched)
        self.back_button.clicked.connect(self.on_back_clicked)
        self.submit_button.clicked.connect(self.on_submit_clicked)
        self.timeout_timer.fired.connect(self.on_timeout)
        self.thanks_timer.fired.connect(self.on_thanks_over)
        self.escape.activated.connect(self.on_escape)

    # --- what the controller asks --------------------------------------------------------

    def page(self) -> PadPage:
        return PadPage(self.pages.currentIndex())

    @property
    def case(self) -> PadCase | None:
        """The service on the pad now; None when idle or thanking."""
        return self._case

    def show_idle(self, idle: PadIdle | None = None) -> None:
        if idle is not None:
            self._idle = idle
        idle = self._idle
        self._case = None
        self.timeout_timer.stop()
        self.thanks_timer.stop()
        greeting = self.greeting(idle)
        self.welcome.setText(greeting)
        # in both scripts, smaller: Mongolian script's lines are tall, and the pad's panel is 480 pixels high
        set_style_property(self.welcome, "role", "welcome-both" if "\n" in greeting else "welcome")
        self.idle_desk.setText(self.words(PAD_DESK).format(desk_no=idle.desk_no))
        self.idle_card.show_clerk(idle.office, idle.desk_no, idle.clerk, idle.staff_no, idle.photo, self.words)
        self.notice.setText(idle.notice or self.words(PAD_IDLE_DEFAULT))
        self._fit_text(PadPage.IDLE)
        self.pages.setCurrentIndex(PadPage.IDLE)
        self.went_idle.emit()

    @property
    def idle(self) -> PadIdle:
        return self._idle

    def update_idle(self, idle: PadIdle) -> None:
        """New idle content (a saved notice): shown at once when idle, else when the pad next returns to idle."""
        self._idle = idle
        if self.page() is PadPage.IDLE:
            self.show_idle()

    def show_case(self, case: PadCase) -> None:
        self._case = case
        self._level = None
        self.thanks_timer.stop()
        if case.page_address:
            self._show_region(case)
            return
        self.rating_card.show_clerk(case.office, case.desk_no, case.clerk, case.staff_no, case.photo, self.words)
        self._show_case_words(case)
        self._say(PAD_FOLLOW_UP_QUESTION if case.round > 1 else PAD_QUESTION, PAD_TAP_HINT)
        self._fill_reasons(case.reasons)
        self._fit_text(PadPage.RATING, PadPage.REASONS)
        self.pages.setCurrentIndex(PadPage.RATING)
        self.timeout_timer.start(case.timeout_seconds * 1000)

    def _show_region(self, case: PadCase) -> None:
        """The region's page for the case: its QR code, the 办件编号 and the address, until the time runs out."""
        self.region.show_case(case, self.words)
        self._say(PAD_REGION_QUESTION)
        self._fit_text(PadPage.REGION)
        self.pages.setCurrentIndex(PadPage.REGION)
        self.timeout_timer.start(case.timeout_seconds * 1000)

    def _show_case_words(self, case: PadCase) -> None:
        words = self.words
        self.bundle.setText(words(PAD_BUNDLE).format(bundle=case.bundle_name))
        self.applicant.setText(words(PAD_APPLICANT).format(name=case.rater_masked))
        self.set_text(self.question, words(PAD_FOLLOW_UP_QUESTION if case.round > 1 else PAD_QUESTION))

    def show_thanks(self, bad: bool) -> None:
        self._finish(self.words(PAD_THANKS), self.words(PAD_THANKS_BAD if bad else PAD_THANKS_GOOD))
        self._say(PAD_THANKS, PAD_THANKS_BAD if bad else PAD_THANKS_GOOD)

    def _say(self, first: str, second: str = "") -> None:
        """A prompt for the pad's voice: in Chinese, and in the pad's words for a voice of the pad's language."""
        words = self.words
        chinese = SPOKEN.format(first=first, second=second) if second else first
        own = words(SPOKEN).format(first=words(first), second=words(second)) if second else words(first)
        self.prompted.emit(chinese)
        self.spoken.emit(chinese, own)

    def show_problem(self, text: str) -> None:
        """A message for the applicant (a words constant), in the pad's words."""
        self._finish("", self.words(text))

    def _finish(self, headline: str, detail: str) -> None:
        self._case = None
        self.timeout_timer.stop()
        self.set_text(self.thanks, headline)
        self.thanks_mark.setVisible(bool(headline))
        self.set_text(self.thanks_detail, detail)
        self._fit_text(PadPage.THANKS)
        self.pages.setCurrentIndex(PadPage.THANKS)
        self.thanks_timer.start(THANKS_MS)

    def _fill_reasons(self, reasons: tuple[str, ...]) -> None:
        """A button for each reason, in the pad's words; the reason itself (the label a rating stores) is kept on it."""
        self.comment.clear()
        if tuple(b.property(REASON) for b in self.reason_buttons) == reasons:
            for button in self.reason_buttons:
                button.setChecked(False)
            return
        for button in self.reason_buttons:
            self.reason_grid.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.reason_buttons = []
        for _index, reason in enumerate(reasons):
            button = touch_button("", "reason")
            button.setProperty(REASON, reason)
            button.setCheckable(True)
            label_reason(button, self.words(reason))
            button.toggled.connect(self.on_reason_toggled)
            self.touches.watch(button)  # touched before it is polished (shown) too
            self.reason_buttons.append(button)
        self._place_reasons()

    def _place_reasons(self) -> None:
        """The reason buttons in rows: three to a row, five where their words stand in Mongolian columns."""
        vertical = any(button.findChild(VerticalText) for button in self.reason_buttons)
        per_row = VERTICAL_REASON_COLUMNS if vertical else REASON_COLUMNS
        for index, button in enumerate(self.reason_buttons):
            self.reason_grid.removeWidget(button)
            self.reason_grid.addWidget(button, index // per_row, index % per_row)

    def set_keyboard(self, keyboard: bool) -> None:
        """Whether the applicant has a keyboard (the desk's setting changed); the text line follows."""
        self.keyboard = keyboard
        self.comment.setHidden(not keyboard)
        if not keyboard:
            self.comment.clear()
        self._fit_text(PadPage.REASONS)

    def chosen_reasons(self) -> tuple[str, ...]:
        """The reasons ticked, as offered (the labels, never the pad's translation of them)."""
        return tuple(b.property(REASON) for b in self.reason_buttons if b.isChecked())

    # --- what the applicant does --------------------------------------------------------

    def on_face_clicked(self, level: Level) -> None:
        case = self._case
        if case is None:
            return
        if not is_bad(level):
            self.choice_made.emit(case.request_id, RatingChoice(level))
            return
        self._level = level
        self._fill_reasons(case.level_reasons.get(level, case.reasons))  # the national 测评内容 are per level
        self.chosen.setText(self.words(RATING_LEVEL[level]))
        self.chosen.setStyleSheet(f"background: {LEVEL_BADGES[level]};")
        for button in self.reason_buttons:
            button.setChecked(False)
        self.comment.clear()
        self.submit_button.setEnabled(False)
        self._fit_text(PadPage.REASONS)
        self.pages.setCurrentIndex(PadPage.REASONS)
        self._say(PAD_REASONS_QUESTION)
        self.on_touched()

    def on_reason_toggled(self) -> None:
        for button in self.reason_buttons:  # a ticked reason's columns white on the button's blue, as its line is
            column = button.findChild(VerticalText)
            if column is not None:
                set_style_property(column, "checked", "true" if button.isChecked() else "false")
        self.submit_button.setEnabled(bool(self.chosen_reasons()))
        self.on_touched()

    def on_touched(self) -> None:
        if self._case is not None:
            self.timeout_timer.start(self._case.timeout_seconds * 1000)

    def on_back_clicked(self) -> None:
        """重新选择: the faces again; the face tapped stands until another is tapped."""
        self.pages.setCurrentIndex(PadPage.RATING)
        self.on_touched()

    def on_submit_clicked(self) -> None:
        case, level = self._case, self._level
        if case is None or level is None or not self.chosen_reasons():
            return
        comment = self.comment.text().strip() if self.keyboard else ""
        self.choice_made.emit(case.request_id, RatingChoice(level, self.chosen_reasons(), comment))

    def on_timeout(self) -> None:
        self.give_up()

    def give_up(self) -> None:
        """The rating ends unfinished (the time ran out, the clerk's Esc, the desk closing): a face tapped is the
        rating, with the reasons ticked so far; with none tapped, the service is unrated."""
        case, level = self._case, self._level
        if case is None:
            return
        if level is not None:
            comment = self.comment.text().strip() if self.keyboard else ""
            self.choice_made.emit(case.request_id, RatingChoice(level, self.chosen_reasons(), comment, left=True))
            return
        self.show_idle()
        self.timed_out.emit(case.request_id)

    @property
    def tapped(self) -> Level | None:
        """The bad face tapped for the service on the pad, not yet recorded; None before any face."""
        return self._level if self._case is not None else None

    def on_thanks_over(self) -> None:
        self.show_idle()

    def on_escape(self) -> None:
        """The clerk's Esc: the pad ends as when its time runs out (the chosen face kept), or the thanks go."""
        if self._case is not None:
            self.give_up()
        elif self.page() is PadPage.THANKS:
            self.show_idle()

    # --- size ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        room = self.contentsRect()
        self.rescale(room.width(), room.height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """A band over the pad's top (a training desk's strip) leaves its pages less room: they are drawn for it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ContentsRectChange:
            room = self.contentsRect()
            self.rescale(room.width(), room.height())

    def rescale(self, width: int, height: int) -> None:
        """Fonts, touch targets and spacing in proportion to the screen, the text as large as the room allows."""
        scale = scale_of(width, height)
        room = QSize(width, height)
        if abs(scale - self._scale) < 0.01 and room == self._room:
            return
        self._scale, self._room = scale, room
        margin, spacing = round(18 * scale), round(12 * scale)
        for layout in (self._idle_layout, self._rating_layout, self._reasons_layout, self.region.box):
            layout.setContentsMargins(margin, margin, margin, margin)
            layout.setSpacing(spacing)
        self._reasons_column.setSpacing(spacing)
        self._faces_layout.setSpacing(round(10 * scale))
        self.reason_grid.setSpacing(round(12 * scale))
        for card in (self.idle_card, self.rating_card):
            card.set_avatar_size(round(AVATAR * scale))
        self._fit_text()

    def _fit_text(self, *which: PadPage) -> None:
        """Each page's text (``which``, or all) at the desk's size, or as much less as that page needs to fit the
        room, never under :data:`counter.ui.pad.text_fit.LEAST_TEXT`.

        Mongolian script's lines are half as tall again as Chinese ones, and its words three times as long: at the
        desk's 150 % a Mongolian pad's page would need twice its panel.  The applicant must see every face and
        button first; the text is as large as that allows, page by page (a long notice on the idle page makes the
        faces no smaller).  The sizes are tried by halves (about 20 ms each on this machine): a tap is answered at
        once.
        """
        if not self._room.isValid() or self._scale <= 0:
            return
        if pad_style(self._scale, factor()) != self._sheet:  # the pad's background, and anything outside the pages
            self._sheet = pad_style(self._scale, factor())
            self.setStyleSheet(pad_style(self._scale, factor()))
        current = self.pages.currentWidget()
        kept = current.geometry() if current is not None else None
        for index in which or tuple(PadPage):
            page = self.pages.widget(index)
            if page is not None:
                self._apply_text(page, self._largest_fitting(page))
        if current is not None and kept is not None:
            current.setGeometry(kept)
            lay_out(current)

    def _largest_fitting(self, page: QWidget) -> float:
        """The largest text size from the desk's down at which ``page`` fits the room (:func:`largest_fitting`)."""
        return largest_fitting(page, self._room, factor(), partial(self._apply_text, page))

    def _apply_text(self, page: QWidget, text: float) -> None:
        page.setProperty("text_size", text)
        if pad_style(self._scale, text) != page.styleSheet():
            page.setStyleSheet(pad_style(self._scale, text))
        for column in page.findChildren(VerticalText):
            base = column.property("length") or COLUMN_LENGTHS.get(str(column.property("role")), 120)
            column.set_length(round(int(base) * self._scale))
        if page.isAncestorOf(self.question):
            for face in self.face_buttons.values():
                face.set_scale(self._scale, text)

    @property
    def text_size(self) -> float:
        """The text size the rating page (the faces, the question) draws at now, as a factor of the 100 % design."""
        return self.page_text_size(PadPage.RATING)

    def page_text_size(self, page: PadPage) -> float:
        """The text size a page draws at now: the desk's, or less where the room is short."""
        widget = self.pages.widget(page)
        size = widget.property("text_size") if widget is not None else None
        return float(size) if size is not None else factor()
