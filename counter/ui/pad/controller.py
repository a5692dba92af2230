"""The desk's side of the pad: send a case to it, learn only whether it was rated.

:meth:`PadController.send_case` is what a key (F9) calls after an outcome —
an acceptance, a deferral, a correction notice or a refusal: a service
happened.  The clerk's status widget then reads 评价中, and later 已评价 or
未评价; the level goes from the pad to the database and to the supervisor's
alerts, never to a signal the desk listens to.  One operation per event; the
pad's clock and timers are injected.

Where the pad is: full screen on a screen of its own (a desk with a second
screen), or, on a desk with one screen, hidden until a rating is asked, then
beside the clerk's windows and hidden again once it is given or given up
(:mod:`counter.ui.pad.placement`); the desk's ``pad_mode`` may add a small strip
at the screen's edge in between (:class:`~counter.ui.pad.strip.PadStrip`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen, QWindow
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from shiboken6 import isValid

from counter.access.desk import Desk
from counter.host.devices.voice import Speaker
from counter.host.machine.desk_config import PadMode
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import is_bad
from counter.ratings.recorded import RatingRecorded
from counter.ratings.refusals import ChoiceRefused, RatingRefused
from counter.ratings.settings import RatingSettings
from counter.ratings.status import DeskStatus, RequestState
from counter.ratings.views import PadCase
from counter.service.ratings import (
    CLOSE_STALE,
    RECORD_RATING,
    RECORD_UNRATED,
    REQUEST_STATE,
    SEND_TO_PAD,
    START_PAD,
    PadStart,
    RecordRating,
    RequestId,
)
from counter.service.requests import CaseNo, Nothing
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Busy, Failed, Runner, failures_to
from counter.ui.look.geometry import screen_of
from counter.ui.look.text_size import scaled
from counter.ui.pad.alerts import SupervisorAlerts
from counter.ui.pad.pad_window import PadIdle, PadWindow
from counter.ui.pad.placement import PAD_MINIMUM, PAD_SIZE, desk_windows, edge_spot, pad_spot
from counter.ui.pad.screens import fill_screen, pad_screen, share_screen
from counter.ui.pad.strip import STRIP_SIZE, PadStrip
from counter.ui.pad.timers import Clock, PadTimer, TimerFactory, local_now
from counter.ui.pad.words import (
    DESK_RATING_ASKED,
    DESK_RATING_CASE,
    DESK_RATING_FAILED,
    DESK_RATING_NONE,
    DESK_RATING_PAD_AWAY,
    DESK_RATING_PAD_BUSY,
    DESK_RATING_SENDING,
    DESK_RATING_STATUS,
    PAD_SAVE_FAILED,
)
from counter.ui.words import RUNNER_BUSY
from counter.words.ratings import RATING_DESK_STATUS, RATING_REFUSAL

log = logging.getLogger(__name__)

#: how often the desk reads the state of its request on a pad device while it waits: the rating given there, or the
#: pad gone away, is said within this (one small read, and only while a request waits)
WATCH_MS = 3000


class DeskRatingLabel(QLabel):
    """The clerk's view of the rating: 评价中 / 已评价 / 未评价, and nothing more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(DESK_RATING_NONE, parent)
        self.setStyleSheet(scaled("QLabel { padding: 0px 12px; color: #334e68; }"))

    def on_status_changed(self, case_no: str, status: DeskStatus) -> None:
        shown = DESK_RATING_CASE.format(status=RATING_DESK_STATUS[status], case_no=case_no)
        self.setText(DESK_RATING_STATUS.format(status=shown))
        colour = {DeskStatus.PENDING: "#9c4a00", DeskStatus.RATED: "#1b7f3b", DeskStatus.UNRATED: "#486581"}[status]
        self.setStyleSheet(scaled(f"QLabel {{ padding: 0px 12px; color: {colour}; font-weight: bold; }}"))

    def on_sending(self, case_no: str) -> None:
        """F9 pressed: the case about to be asked, named before the pad shows it."""
        self.setText(DESK_RATING_STATUS.format(status=DESK_RATING_SENDING.format(case_no=case_no)))

    def on_asked(self, case: PadCase) -> None:
        """On the pad: which case, for whom (masked) and what for, so the clerk sees the service is the one served."""
        shown = DESK_RATING_ASKED.format(case_no=case.case_no, bundle=case.bundle_name, name=case.rater_masked)
        self.setText(DESK_RATING_STATUS.format(status=shown))

    def on_pad_away(self, case_no: str) -> None:
        """The desk's pad device stopped asking the server while the request waits: the clerk checks the pad."""
        self.setText(DESK_RATING_STATUS.format(status=DESK_RATING_PAD_AWAY.format(case_no=case_no)))
        self.setStyleSheet(scaled("QLabel { padding: 0px 12px; color: #9b1c13; font-weight: bold; }"))

    def on_refused(self, message: str) -> None:
        self.setText(message)
        self.setStyleSheet(scaled("QLabel { padding: 0px 12px; color: #9b1c13; font-weight: bold; }"))


class PadController(QObject):
    status_changed = Signal(str, object)  # case number, DeskStatus — never a level
    refused = Signal(str)  # why a case did not go to the pad, for the clerk
    sending = Signal(str)  # F9's case, asked now: named before the pad shows it
    asked = Signal(object)  # PadCase: on the pad now, named with its bundle and the masked name
    pad_away = Signal(str)  # the case whose pad device stopped asking the server while it waits

    def __init__(
        self,
        runner: Runner,
        desk: Desk,
        *,
        pad_screen: str = "",
        mode: PadMode = PadMode.AUTO,
        keyboard: bool = False,
        language: str = "zh",
        voice: bool = False,
        desk_window: QWidget | None = None,
        clock: Clock = local_now,
        timer_factory: TimerFactory = PadTimer,
        alerts: SupervisorAlerts | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk  # who sends services to the pad (hall mode: the account signed in), and where
        self._pad_screen = pad_screen  # the screen the pad fills; "" (mode auto) the first that is not the clerk's
        self._mode = mode
        self._desk_window = desk_window  # the desk's main window: the pad may cover it, never the intake
        self._clock = clock
        self.pad = PadWindow(timer_factory, keyboard=keyboard, language=language)
        self._office_mn = ""  # the office's name in Mongolian (单位信息), read at start: the greeting's
        self._sending = ""  # the case F9 asked to rate, until the pad shows it or says why not
        self.speaker: Speaker | None = None  # the pad's voice, when the desk has it on
        self._speak(voice, language)
        self.strip = PadStrip()
        self.alerts = alerts if alerts is not None else SupervisorAlerts(self)
        self.status_label = DeskRatingLabel()
        self.on_screen = False  # full screen on its own screen, or sharing the clerk's
        self._return_to: QWidget | None = None  # the clerk's window active before the pad came up
        self._clerk_window: QWindow | None = None  # the clerk's window that last had the keyboard
        # the request on the desk's pad device, read every WATCH_MS while it waits: its answer or its pad gone away
        self._watched: PadCase | None = None
        self._watched_away = False
        self._looking = False  # a read of its state is under way
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.pad.choice_made.connect(self.on_choice_made)
        self.pad.timed_out.connect(self.on_timed_out)
        self.pad.went_idle.connect(self.on_pad_idle)
        self.pad.took_keys.connect(self.on_pad_took_keys)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self.on_focus_window_changed)
        self.status_changed.connect(self.status_label.on_status_changed)
        self.refused.connect(self.status_label.on_refused)
        self.sending.connect(self.status_label.on_sending)
        self.asked.connect(self.status_label.on_asked)
        self.pad_away.connect(self.status_label.on_pad_away)
        self.watch.timeout.connect(self.on_watch)

    def start(self) -> None:
        """Close what a stopped pad left open, and show the pad, idle, on its screen, once that has answered."""

        def started(start: PadStart) -> None:
            self.alerts.prime(start.newest_rectification)
            self._office_mn = start.office_name_mn
            for case_no in start.lapsed:
                self.status_changed.emit(case_no, DeskStatus.UNRATED)
            for problem in start.problems:
                log.warning("rating setting %s unusable (%s), default used", problem.key, problem.code.value)
            self._show_idle(start.settings.idle_text)
            self._say_started()

        def failed(err: Failed) -> None:
            self._show_idle("")
            self._say_started()

        self._runner.submit(START_PAD, Nothing(), self._desk, owner=self, answered=started,
                            failed=failures_to(failed))  # fmt: skip

    def _say_started(self) -> None:
        """The end of the desk's start, for support: what came after it found the pad where this line says, once
        the pad is placed (its place waits for the start's read)."""
        where = "its own screen" if self.on_screen else "sharing the clerk's screen"
        log.info("review pad started (%s, %s)", self._mode.value, where)

    def _show_idle(self, notice: str) -> None:
        self.pad.show_idle(self._idle(notice))
        self.place()

    def stop(self) -> None:
        """Close the pad with the desk window (a top-level pad would keep the app running).

        A face tapped for the service on the pad is recorded first: it is the applicant's rating, whoever closes the
        desk.  A service with no face tapped stays open; the next start records it as unrated.
        """
        self._watched = None
        self.watch.stop()
        if self.pad.tapped is not None:
            self.pad.give_up()
        if self.speaker is not None:
            self.speaker.stop()
        self.pad.close()
        self.strip.close()

    # --- where the pad is -----------------------------------------------------------------

    def windows(self) -> tuple[QWidget, QWidget]:
        """The pad's own windows (they stay when the desk locks)."""
        return self.pad, self.strip

    def place(self) -> None:
        """The pad full screen on its own screen; or, sharing the clerk's, out of the way until a rating is asked."""
        screen = pad_screen(self._pad_screen, any_other=self._mode is PadMode.AUTO)
        self.on_screen = screen is not None
        if screen is not None:
            self.strip.hide()
            fill_screen(self.pad, screen, self.pad.keyboard)
            return
        if self.pad.case is not None:  # a rating under way stays where the applicant sees it
            return
        share_screen(self.pad, self.pad.keyboard)
        self._show_strip()

    def apply(self, mode: PadMode, keyboard: bool, language: str = "zh", voice: bool = False) -> None:
        """The desk's pad settings changed: the new place, words and voice at once, the text line from the next bad
        rating."""
        self._mode = mode
        self.pad.set_keyboard(keyboard)
        self.pad.set_language(language)
        self._speak(voice, language)
        self.place()

    def _speak(self, voice: bool, language: str) -> None:
        """The pad's prompts spoken (espeak-ng) when ``voice``, else silent: in Mandarin, then in the pad's language
        where the machine has a voice for it (:mod:`counter.host.devices.voice`)."""
        if self.speaker is not None:
            self.pad.spoken.disconnect(self.speaker.say)
            self.speaker.stop()
            self.speaker = None
        if voice:
            self.speaker = Speaker(language)
            self.pad.spoken.connect(self.speaker.say)

    def _clerk_screen(self) -> QScreen:
        window = self._desk_window
        return screen_of(window) if window is not None else QGuiApplication.primaryScreen()

    def _others(self) -> list[QWidget]:
        return desk_windows((self.pad, self.strip, *((self._desk_window,) if self._desk_window else ())))

    def _show_strip(self) -> None:
        if self._mode is not PadMode.STRIP:
            self.strip.hide()
            return
        windows = [*self._others(), *((self._desk_window,) if self._desk_window else ())]
        content = [w.geometry() for w in windows if w.isVisible()]
        self.strip.setGeometry(edge_spot(self._clerk_screen().availableGeometry(), STRIP_SIZE, content))
        self.strip.show()
        self.strip.raise_()

    def _show_for_rating(self) -> None:
        """Sharing the clerk's screen: the pad comes up beside the clerk's windows, the strip goes."""
        if self.on_screen:
            return
        self._return_to = QApplication.activeWindow()
        self.strip.hide()
        main = self._desk_window
        area = self._clerk_screen().availableGeometry()
        beside = main.frameGeometry() if main is not None and main.isVisible() else None
        others = [w.frameGeometry() for w in self._others()]
        # the pad's text fitted to the panel it asks for (a Mongolian pad at 150 % draws smaller there), so that its
        # least size is what it needs in such a spot, never a size past the screen's edge
        self.pad.rescale(PAD_SIZE.width(), PAD_SIZE.height())
        minimum = PAD_MINIMUM.expandedTo(self.pad.minimumSizeHint())
        spot = pad_spot(area, beside, others, minimum)
        self.pad.setGeometry(spot)
        self.pad.show()  # not activated: the clerk's keys stay where they were (see PadWindow)
        self.pad.raise_()
        if self.pad.keyboard:  # the applicant types on the pad: the reasons' line of text takes the keys
            self.pad.activateWindow()

    def on_focus_window_changed(self, window: QWindow | None) -> None:
        """The clerk's window with the keyboard, remembered: the one a pad that was given it hands it back to."""
        if window is not None and isValid(self.pad) and window is not self.pad.windowHandle():
            self._clerk_window = window

    def on_pad_took_keys(self) -> None:
        """The pad was made the active window (a platform or window manager that activates what is shown or tapped,
        whatever the pad's flags say): the keyboard goes back at once to the clerk's window that had it."""
        back = self._clerk_window
        if back is not None and isValid(back) and back.isVisible():
            back.requestActivate()
            log.debug("the pad was given the keyboard: handed back to the clerk's window")

    def on_pad_idle(self) -> None:
        """Rated, given up or dismissed: a shared pad goes, and the clerk's window is active again."""
        if self.on_screen or not self.pad.isVisible():
            return
        self.pad.hide()
        self._show_strip()
        back, self._return_to = self._return_to, None
        if back is not None and isValid(back) and back.isVisible():
            back.activateWindow()

    def _idle(self, notice: str) -> PadIdle:
        desk = self._desk
        return PadIdle(
            desk.site_name, desk.identity.desk_no, desk.clerk, desk.staff_no, desk.photo, notice, self._office_mn
        )

    def change_desk(self, desk: Desk) -> None:
        """Another clerk signed in at this desk: the idle pad shows who serves now."""
        self._desk = desk
        self.pad.update_idle(self._idle(self.pad.idle.notice))

    def on_settings_saved(self, settings: RatingSettings) -> None:
        """The office's settings changed: the new notice on the idle pad; reasons and times apply from the next case."""
        self.pad.update_idle(self._idle(settings.idle_text))

    def send_case(self, case_no: str) -> bool:
        """Ask the applicant to rate this service, once what a stopped pad left open is closed (and stays so).

        False (and :attr:`refused`) when it cannot go; what is known before this returns (no event loop turns: a
        test's own call), else True, and a refusal that comes later is said through :attr:`refused`."""
        busy = self.pad.case
        if busy is not None:
            self.refused.emit(DESK_RATING_PAD_BUSY.format(case_no=busy.case_no))
            return False
        if self._sending:  # F9 again while the last one goes: one request
            self.refused.emit(RUNNER_BUSY)
            return False
        went: list[bool] = []
        self._sending = case_no
        self.sending.emit(case_no)

        def closed(lapsed: tuple[str, ...]) -> None:
            for stale in lapsed:
                self._unwatch(stale)
                self.status_changed.emit(stale, DeskStatus.UNRATED)
            self._runner.submit(SEND_TO_PAD, CaseNo(case_no), self._desk, DESK_RATING_FAILED, owner=self,
                                answered=sent, failed=refused)  # fmt: skip

        def sent(case: PadCase) -> None:
            self._sending = ""
            if case.pad_device:  # the desk's pad device shows it and alone answers it: this window's pad stays idle
                self.status_changed.emit(case.case_no, DeskStatus.PENDING)
                self.asked.emit(case)
                went.append(True)
                self._watched, self._watched_away = case, False
                self.watch.start()
                self.on_watch()
                return
            self.pad.show_case(case)
            self._show_for_rating()
            self.status_changed.emit(case.case_no, DeskStatus.PENDING)
            self.asked.emit(case)
            went.append(True)

        def refused(err: Exception) -> None:
            self._sending = ""
            if isinstance(err, RatingRefused):
                self.refused.emit(RATING_REFUSAL[err.code].format(case_no=err.case_no or case_no))
            else:
                self.refused.emit(refusal_text(err))
            went.append(False)

        self._runner.submit_step(CLOSE_STALE, Nothing(), self._desk, owner=self, answered=closed, failed=refused)
        return went[0] if went else True

    def on_choice_made(self, request_id: int, choice: RatingChoice) -> None:
        def recorded(rating: RatingRecorded) -> None:
            self.pad.show_thanks(is_bad(choice.level))
            self.status_changed.emit(rating.case_no, DeskStatus.RATED)
            if rating.alert is not None:
                self.alerts.add(rating.alert)

        def failed(err: Exception) -> None:
            if isinstance(err, RatingRefused | ChoiceRefused):  # not the runner's to log, as a Failed's fault is
                log.error("rating not stored: %s", type(err).__name__)
            elif not isinstance(err, Failed):
                raise err
            self.pad.show_problem(PAD_SAVE_FAILED)

        try:
            self._runner.submit(RECORD_RATING, RecordRating(request_id, choice), self._desk, owner=self,
                                answered=recorded, failed=failed)  # fmt: skip
        except Busy:  # a second face tapped while the first is stored: the first is the rating
            log.info("rating of request %d already being stored", request_id)

    def on_timed_out(self, request_id: int) -> None:
        def failed(err: Exception) -> None:
            if isinstance(err, RatingRefused):  # not the runner's to log, as a Failed's fault is
                log.error("unrated service not stored: %s", type(err).__name__)
            elif not isinstance(err, Failed):
                raise err

        self._runner.submit(RECORD_UNRATED, RequestId(request_id), self._desk, owner=self,
                            answered=lambda case_no: self.status_changed.emit(case_no, DeskStatus.UNRATED),
                            failed=failed)  # fmt: skip

    # --- the request on the desk's pad device -----------------------------------------------------------------------

    def on_watch(self) -> None:
        """Read the state of the request on the pad device (``ratings.request_state``), in the background."""
        case = self._watched
        if case is None or self._looking:
            return
        self._looking = True

        def read(state: RequestState) -> None:
            self._looking = False
            self.on_request_state(case, state)

        def failed(err: Exception) -> None:  # the server away is the desk's own to say; the next look tries again
            self._looking = False
            if not isinstance(err, Failed | RatingRefused):
                raise err

        self._runner.submit(REQUEST_STATE, RequestId(case.request_id), self._desk, background=True, owner=self,
                            answered=read, failed=failed)  # fmt: skip

    def on_request_state(self, case: PadCase, state: RequestState) -> None:
        """The pad's answer (or its lapse) said to the clerk and the watch ended; the pad gone away, or back, said."""
        if self._watched is None or self._watched.request_id != case.request_id:
            return  # another request is watched now
        if state.status is not DeskStatus.PENDING:
            self._unwatch(case.case_no)
            self.status_changed.emit(case.case_no, state.status)
        elif state.pad_away != self._watched_away:
            self._watched_away = state.pad_away
            if state.pad_away:
                self.pad_away.emit(case.case_no)
            else:
                self.asked.emit(case)

    def _unwatch(self, case_no: str) -> None:
        if self._watched is not None and self._watched.case_no == case_no:
            self._watched = None
            self.watch.stop()
