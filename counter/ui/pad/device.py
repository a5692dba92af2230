"""The pad device (评价器) on a small PC beside the window: the pad window's own code, run against the hall server's
pad routes under the pad's key (:class:`counter.service.pad_remote.PadRemote`), never through a clerk's desk.

One thread asks the server for the pad's request (a held ask: it shows within a fraction of a second of the clerk's
asking); while a request is on the pad it asks again every ``SHOWN_ASK_S`` seconds only to say it is still there, so
that a pad that died with the faces on it is said to its desk within seconds (:mod:`counter.server.pad_routes`).  The
applicant's answer, or the end of the pad's time, goes on a thread of its own and the pad shows its thanks once the
server kept it.  A lost connection is said on the idle pad and asked again every :data:`RETRY_S` seconds; an answer
whose connection was lost is said on the pad (:data:`PAD_SAVE_FAILED`), and nothing is recorded twice (the server
refuses a second answer to one request).
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from counter.ratings.choice import RatingChoice
from counter.ratings.levels import is_bad
from counter.ratings.recorded import RatingRecorded
from counter.ratings.refusals import ChoiceRefused, RatingRefused
from counter.ratings.status import SendRefusal
from counter.ratings.views import PadCase, PadDeviceStart
from counter.service.pad_remote import PadAway, PadKeyRefused, PadRemote
from counter.service.pads import SHOWN_ASK_S
from counter.ui.pad.pad_window import PadIdle, PadWindow
from counter.ui.pad.timers import PadTimer, TimerFactory
from counter.ui.pad.words import PAD_DEVICE_AWAY, PAD_DEVICE_KEY_REFUSED, PAD_SAVE_FAILED

log = logging.getLogger(__name__)

#: between two tries of a server that did not answer
RETRY_S = 2.0
#: before asking again for a request whose answer is on its way
LOOK_AGAIN_S = 0.25


class PadDevice(QObject):
    """The pad window driven by the server: shows its desk's requests, sends the applicant's answers."""

    started = Signal(object)  # PadDeviceStart
    case_came = Signal(object)  # PadCase
    reached = Signal(bool)  # the server answered (True) or not (False)
    key_refused = Signal()
    answered = Signal(object, bool)  # RatingRecorded or the exception, and whether the level was a bad one

    def __init__(
        self,
        link: PadRemote,
        *,
        language: str = "zh",
        timer_factory: TimerFactory = PadTimer,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._link = link
        self.pad = PadWindow(timer_factory, language=language)
        self._start: PadDeviceStart | None = None
        self._away = False
        self._stop = threading.Event()
        self._free = threading.Event()  # no request on the pad: the asking thread asks for the next
        self._free.set()
        self._done: set[int] = set()  # requests this pad answered or let lapse: not shown again while the server
        # has still to record them
        self._thread: threading.Thread | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.started.connect(self.on_started)
        self.case_came.connect(self.on_case_came)
        self.reached.connect(self.on_reached)
        self.key_refused.connect(self.on_key_refused)
        self.answered.connect(self.on_answered)
        self.pad.choice_made.connect(self.on_choice_made)
        self.pad.timed_out.connect(self.on_timed_out)
        self.pad.went_idle.connect(self.on_went_idle)

    def start(self) -> None:
        """Show the idle pad and start asking the server."""
        self.pad.show_idle(PadIdle("", "", "", "", "", ""))
        self._thread = threading.Thread(target=self._ask, name="pad-device", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop asking (the ask in hand ends with its wait) and close the pad."""
        self._stop.set()
        self._free.set()
        self.pad.close()

    # --- the asking thread ---------------------------------------------------------------------------------------

    def _ask(self) -> None:
        started: PadDeviceStart | None = None
        while not self._stop.is_set():
            while not self._free.wait(SHOWN_ASK_S):  # a request on the pad
                self._still_here()
            if self._stop.is_set():
                return
            try:
                if started is None:
                    started = self._link.start()
                    self.started.emit(started)
                case = self._link.next_case()
                if case is None:  # a quiet moment: who serves at the desk now, for the idle page
                    now = self._link.start()
                    if now != started:
                        started = now
                        self.started.emit(now)
            except PadKeyRefused:
                self.key_refused.emit()
                return
            except PadAway as err:
                log.warning("the hall server did not answer the pad: %s", err)
                self.reached.emit(False)
                self._stop.wait(RETRY_S)
                continue
            self.reached.emit(True)
            if case is not None and case.request_id in self._done:
                self._stop.wait(LOOK_AGAIN_S)  # its answer or lapse is on its way to the server
                continue
            if case is not None:
                self._free.clear()  # set again once the pad is idle: the request answered, lapsed or given up
                self.case_came.emit(case)

    def _still_here(self) -> None:
        """Told the server the pad is still there with its request: the request's own ask again, not held (its answer,
        the request on the pad, shows nothing new).  A server away is said when the pad is idle again."""
        try:
            self._link.next_case(wait=0)
        except (PadAway, PadKeyRefused) as err:
            log.warning("the hall server did not hear the pad showing its request: %s", err)

    # --- the window's thread -------------------------------------------------------------------------------------

    def _idle(self, notice: str | None = None) -> PadIdle:
        s = self._start
        if s is None:
            return PadIdle("", "", "", "", "", notice or "")
        shown = s.settings.idle_text if notice is None else notice
        return PadIdle(s.office, s.desk_no, s.clerk, s.staff_no, "", shown, s.office_name_mn)

    def on_started(self, start: PadDeviceStart) -> None:
        self._start = start
        self.pad.update_idle(self._idle())

    def on_reached(self, reached: bool) -> None:
        if reached == (not self._away):
            return
        self._away = not reached
        self.pad.update_idle(self._idle(PAD_DEVICE_AWAY if self._away else None))

    def on_key_refused(self) -> None:
        log.error("the hall server no longer takes this pad's key")
        self.pad.update_idle(self._idle(PAD_DEVICE_KEY_REFUSED))

    def on_case_came(self, case: PadCase) -> None:
        self.pad.show_case(case)

    def on_went_idle(self) -> None:
        self._free.set()

    def on_choice_made(self, request_id: int, choice: RatingChoice) -> None:
        bad = is_bad(choice.level)

        def send() -> None:
            try:
                self.answered.emit(self._link.answer(request_id, choice), bad)
            except (PadAway, RatingRefused, ChoiceRefused, PadKeyRefused) as err:
                self.answered.emit(err, bad)
            except Exception as err:  # a fault of the program: logged, and the applicant told it was not kept
                log.exception("the pad's answer failed")
                self.answered.emit(err, bad)

        threading.Thread(target=send, name="pad-answer", daemon=True).start()

    def on_answered(self, done: RatingRecorded | Exception, bad: bool) -> None:
        closed = isinstance(done, RatingRefused) and done.code is SendRefusal.REQUEST_CLOSED
        if isinstance(done, RatingRecorded) or closed:  # closed: kept by an answer whose reply was lost
            if isinstance(done, RatingRecorded):
                log.info("rating of %s kept at the server", done.case_no)
            self.pad.show_thanks(bad)
            return
        log.error("rating not stored at the server: %s", type(done).__name__)
        self.pad.show_problem(PAD_SAVE_FAILED)

    def on_timed_out(self, request_id: int) -> None:
        self._done.add(request_id)

        def send() -> None:
            try:
                self._link.unrated(request_id)
            except (PadAway, RatingRefused, PadKeyRefused) as err:
                log.warning("unrated service not stored at the server: %s", type(err).__name__)

        threading.Thread(target=send, name="pad-unrated", daemon=True).start()
