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
The pad never takes the clerk's keyboard: its window does not accept the focus, is shown without being activated, and
hands the keyboard straight back where a platform activates it all the same (the applicant's tap on a one-screen
desk took the clerk's keys for as long as the pad stood).  The clerk ends the pad with Shift+F9 from any of the desk's
windows (Esc where the pad has a keyboard of its own): as the time running out would (unrated before a face is
tapped, the tapped face kept after), or the thanks go.  No key, and no desk closing, can
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
(:class:`counter.ui.pad.controller.PadController` does).  It holds the pad's run from page to page, what a tap
records and how large its text may be; the pages' widgets are built in :mod:`counter.ui.pad.pad_pages`, and the
words set as their script is written (a line, or Mongolian columns) in :mod:`counter.ui.pad.pad_script`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum
from functools import partial

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from counter.case.moments import local_moment
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level, is_bad
from counter.ratings.views import PadCase
from counter.ui.look.text_size import factor
from counter.ui.pad.clerk_card import AVATAR, Words
from counter.ui.pad.pad_pages import IdlePage, RatingPage, ReasonsPage, ThanksPage
from counter.ui.pad.pad_script import Columns, mongolian, scale_columns
from counter.ui.pad.region_page import RegionPage
from counter.ui.pad.style import LEVEL_BADGES, pad_style, scale_of
from counter.ui.pad.text_fit import largest_fitting, lay_out
from counter.ui.pad.timers import PadTimer, TimerFactory
from counter.ui.pad.touch_watch import TouchWatch
from counter.ui.pad.vertical_text import VerticalText
from counter.ui.pad.words import (
    PAD_APPLICANT,
    PAD_BACK,
    PAD_BUNDLE,
    PAD_BUNDLE_MN,
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
from counter.ui.widgets.restyle import set_style_property
from counter.words.punctuation import GAP
from counter.words.ratings import RATING_LEVEL
from counter.words.translate import words_in

#: how long the thanks stay before the pad returns to its idle page
THANKS_MS = 6000


def taken_text(at: dt.datetime) -> str:
    """When a case was taken, as the pad shows it: the time alone on the day it was taken, else the day too."""
    local = local_moment(at)
    return local.strftime("%H:%M" if local.date() == dt.datetime.now().astimezone().date() else "%Y-%m-%d %H:%M")


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
    prompted = Signal(str)  # what the pad asks or says now, in Chinese: for its voice (counter.host.devices.voice)
    spoken = Signal(str, str)  # the same in Chinese and in the pad's language: said in both where it has a voice
    took_keys = Signal()  # made the active window with no keyboard of its own: the clerk's keys are to go back

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
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # shown for F9, the clerk's keys stay put
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWindowTitle(PAD_WINDOW_TITLE)
        self.timeout_timer = timer_factory(self)
        self.thanks_timer = timer_factory(self)
        self._case: PadCase | None = None
        self._idle = PadIdle("", "", "", "", "", "")
        self._level: Level | None = None  # the bad face tapped for the service on the pad: from then on, the rating
        self._scale = 0.0
        self._room = QSize()  # the size the pad is drawn for: its window's, or the panel it is about to be given
        self._sheet = ""
        self.columns = Columns()  # the labels set in vertical columns when their text is Mongolian
        self.idle_page = IdlePage(self.columns)
        self.rating_page = RatingPage(self.columns)
        self.reasons_page = ReasonsPage(self.columns, keyboard)
        self.thanks_page = ThanksPage(self.columns)
        # the pages' widgets the window fills, by their names on the pad
        self.welcome, self.idle_desk = self.idle_page.welcome, self.idle_page.desk
        self.idle_card, self.notice = self.idle_page.card, self.idle_page.notice
        self.rating_card, self.bundle, self.applicant = (
            self.rating_page.card,
            self.rating_page.bundle,
            self.rating_page.applicant,
        )
        self.question, self.tap_hint = self.rating_page.question, self.rating_page.tap_hint
        self.face_buttons = self.rating_page.face_buttons
        self.chosen, self.reasons_question = self.reasons_page.chosen, self.reasons_page.question
        self.comment = self.reasons_page.comment
        self.back_button, self.submit_button = self.reasons_page.back_button, self.reasons_page.submit_button
        self.thanks, self.thanks_mark = self.thanks_page.thanks, self.thanks_page.mark
        self.thanks_detail = self.thanks_page.detail
        self.pages = QStackedWidget()
        for page in (self.idle_page, self.rating_page, self.reasons_page, self.thanks_page):
            self.pages.addWidget(page)
        self.region = RegionPage(self.columns)
        self.pages.addWidget(self.region)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the pad takes the size it is given (its panel, the spot beside the clerk's windows) and fits its text to it;
        # a layout's least size would grow the window past the screen's edge instead (Mongolian lines are tall)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.pages)
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
        self.columns.set_text(self.tap_hint, words(PAD_TAP_HINT))
        self.columns.set_text(self.reasons_question, words(PAD_REASONS_QUESTION))
        self.comment.setPlaceholderText(words(PAD_COMMENT_HINT))
        self.comment.setAccessibleName(words(PAD_COMMENT_HINT))
        self.back_button.setText(words(PAD_BACK))
        self.submit_button.setText(words(PAD_SUBMIT))
        self.reasons_page.relabel(words)
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

    def _connect_signals(self) -> None:
        for level, button in self.face_buttons.items():
            button.clicked.connect(partial(self.on_face_clicked, level))
        self.comment.textEdited.connect(self.on_touched)
        self.back_button.clicked.connect(self.on_back_clicked)
        self.submit_button.clicked.connect(self.on_submit_clicked)
        self.timeout_timer.fired.connect(self.on_timeout)
        self.thanks_timer.fired.connect(self.on_thanks_over)

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
        self.idle_card.show_clerk(
            idle.office, idle.desk_no, idle.clerk, idle.staff_no, idle.photo, self.words, idle.office_mn
        )
        self.columns.set_text(self.notice, idle.notice or self.words(PAD_IDLE_DEFAULT))
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
        self.rating_card.show_clerk(
            case.office, case.desk_no, case.clerk, case.staff_no, case.photo, self.words, self._idle.office_mn
        )
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
        named = words(PAD_BUNDLE_MN)  # Mongolian on a Mongolian pad
        if case.bundle_name_mn and mongolian(named):
            self.bundle.setText(named.format(bundle=case.bundle_name_mn))
        else:
            self.bundle.setText(words(PAD_BUNDLE).format(bundle=case.bundle_name))
        applicant = words(PAD_APPLICANT).format(name=case.rater_masked)
        # the time it was taken, in digits any pad language reads: the applicant knows the service is hers
        self.applicant.setText(f"{applicant}  {taken_text(case.taken_at)}" if case.taken_at else applicant)
        self.columns.set_text(self.question, words(PAD_FOLLOW_UP_QUESTION if case.round > 1 else PAD_QUESTION))

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
        self.columns.set_text(self.thanks, headline)
        self.thanks_mark.setVisible(bool(headline))
        self.columns.set_text(self.thanks_detail, detail)
        self._fit_text(PadPage.THANKS)
        self.pages.setCurrentIndex(PadPage.THANKS)
        self.thanks_timer.start(THANKS_MS)

    @property
    def reason_buttons(self) -> list[QPushButton]:
        """The reasons page's buttons, one for each reason offered, in the order offered."""
        return self.reasons_page.buttons

    def _fill_reasons(self, reasons: tuple[str, ...]) -> None:
        """A button for each reason, in the pad's words, each watched for touches and ticks."""
        self.reasons_page.fill(reasons, self.words, self._reason_made)

    def _reason_made(self, button: QPushButton) -> None:
        button.toggled.connect(self.on_reason_toggled)
        self.touches.watch(button)  # touched before it is polished (shown) too

    def set_keyboard(self, keyboard: bool) -> None:
        """Whether the applicant has a keyboard (the desk's setting changed); the text line follows."""
        self.keyboard = keyboard
        self.comment.setHidden(not keyboard)
        if not keyboard:
            self.comment.clear()
        self._fit_text(PadPage.REASONS)

    def chosen_reasons(self) -> tuple[str, ...]:
        """The reasons ticked, as offered (the labels, never the pad's translation of them)."""
        return self.reasons_page.chosen_reasons()

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

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Esc, where the pad has the keyboard (an applicant's keyboard, ``pad_keyboard``): as the clerk's Shift+F9.
        Never a shortcut of the pad's window: the pad is not the active window, and the clerk's keys are not its."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.on_escape()
            return
        super().keyPressEvent(event)

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
        """A band over the pad's top (a training desk's strip) leaves its pages less room: they are drawn for it.

        Made the active window while the applicant has no keyboard (shown or tapped where the platform activates it
        whatever its flags): :attr:`took_keys`, and the controller hands the keyboard back to the clerk."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and not self.keyboard:
            self.took_keys.emit()
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
        for layout in (self.idle_page.box, self.rating_page.box, self.reasons_page.box, self.region.box):
            layout.setContentsMargins(margin, margin, margin, margin)
            layout.setSpacing(spacing)
        self.reasons_page.column.setSpacing(spacing)
        self.rating_page.faces.setSpacing(round(10 * scale))
        self.reasons_page.grid.setSpacing(round(12 * scale))
        for card in (self.idle_card, self.rating_card):
            card.set_avatar_size(round(AVATAR * scale))
        self._fit_text()

    def _fit_text(self, *which: PadPage) -> None:
        """Each page's text (``which``, or all) at the desk's size, or as much less as that page needs to fit the
        room, never under :data:`counter.ui.pad.text_fit.LEAST_TEXT`.

        Mongolian script's lines are half as tall again as Chinese ones, and its words three times as long: at the
        desk's 150 % a Mongolian pad's page would need twice its panel.  The applicant must see every face and
        button first; the text is as large as that allows, page by page (a long notice on the idle page makes the
        faces no smaller).  The sizes are tried from the desk's down (:func:`counter.ui.pad.text_fit.largest_fitting`):
        the desk's own size fits at the first try but on a small Mongolian pad.
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
                self._apply_text(page, largest_fitting(page, self._room, factor(), partial(self._apply_text, page)))
        if current is not None and kept is not None:
            current.setGeometry(kept)
            lay_out(current)

    def _apply_text(self, page: QWidget, text: float) -> None:
        page.setProperty("text_size", text)
        if pad_style(self._scale, text) != page.styleSheet():
            page.setStyleSheet(pad_style(self._scale, text))
        scale_columns(page, self._scale)
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
