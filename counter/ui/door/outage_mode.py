"""Outage mode at a hall desk: offered when the server stays away, chosen by the clerk, shown the whole time it lasts.

At each sign-in the desk's outage store is made or brought up to date from the hall's copy, and what an earlier
outage left on it is handed over (:class:`counter.service.outage_desk.OutageDesk`), on a thread of its own.  When a
call finds the server away (its retries spent), the clerk is offered outage mode, never put in it: the choice says
what it means (an intake kept on this machine, its receipt a 收件凭证, no decision, no other desk's case).  Chosen,
every call goes to the store, a red line in the status bar says so until it ends, and an intake that waited for the
server commits to the store by itself (the probe it waits on answers there).  Meanwhile the server is probed every
:data:`PROBE_MS`; once it answers, the store's cases are handed over and the window is on the server again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from counter.ui.door import server_words
from counter.ui.look.text_size import scaled

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.ui.door.hall_desk import HallService

log = logging.getLogger(__name__)

PROBE_MS = 15_000  # how often the server is asked whether it answers again, in outage mode
STILL_AWAY = -1  # a probe's ``handed``: the server did not answer
SESSION_OVER = -2  # a probe's ``handed``: the server answered, the session had ended (the sign-in comes back)


class OutageMode(QObject):
    """The offer, the status line and the hand-over of one hall desk's window."""

    #: a hand-over ended (emitted from its thread): cases taken, cases still waiting; or STILL_AWAY, SESSION_OVER
    handed = Signal(int, int)
    changed = Signal(bool)  # outage mode began (True) or ended
    prepared = Signal()  # the store made or brought up to date at a sign-in (emitted from its thread)

    def __init__(self, service: HallService, window: QWidget, desk: Callable[[], Desk]) -> None:
        super().__init__(window)
        self._service, self._window, self._desk = service, window, desk
        self.line = QLabel(server_words.OUTAGE_LINE)
        self.line.setStyleSheet(scaled("QLabel { background: #b42318; color: white; padding: 2px 12px; }"))
        self.line.hide()
        self.offer_box: QMessageBox | None = None
        self._busy = False  # a probe or hand-over is running
        self.probe = QTimer(self)
        self.probe.setInterval(PROBE_MS)
        self.probe.timeout.connect(self.on_probe)
        service.server_away.connect(self.on_server_away, Qt.ConnectionType.QueuedConnection)
        self.handed.connect(self.on_handed, Qt.ConnectionType.QueuedConnection)

    @property
    def active(self) -> bool:
        return self._service.in_outage

    def on_signed_in(self) -> None:
        """The store made or brought up to date while the server answers, and an earlier outage's cases handed over."""
        outage, desk = self._service.outage, self._desk()
        if outage is None or self.active:
            return

        def run() -> None:
            try:
                outage.prepare(desk)
                self.prepared.emit()
                done, waiting = outage.hand_over(desk)
            except Exception as err:  # the server gone again, or the store's file: asked again at the next sign-in
                log.warning("outage store not prepared or not handed over: %s", err)
                return
            if done.taken or done.held:
                self.handed.emit(len(done.taken), waiting)

        threading.Thread(target=run, name="counter-outage-store", daemon=True).start()

    def on_unlocked(self) -> None:
        """What the store still holds handed over once the clerk is back on the server (a session that ended during
        an outage, asked for the password again); nothing is asked of the server when it holds nothing."""
        outage, desk = self._service.outage, self._desk()
        if outage is None or self.active or not outage.ready:
            return

        def run() -> None:
            try:
                done, waiting = outage.hand_over(desk)
            except Exception as err:  # the server gone again: handed over at the next sign-in or unlock
                log.warning("outage store not handed over: %s", err)
                return
            if done.taken or done.held:
                self.handed.emit(len(done.taken), waiting)

        threading.Thread(target=run, name="counter-outage-hand-over", daemon=True).start()

    def on_server_away(self) -> None:
        outage = self._service.outage
        if self.active or outage is None or not outage.ready or self.offer_box is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, server_words.OUTAGE_OFFER_HEADING, server_words.OUTAGE_OFFER,
                          QMessageBox.StandardButton.NoButton, self._window)  # fmt: skip
        box.setWindowModality(Qt.WindowModality.NonModal)
        enter = box.addButton(server_words.OUTAGE_ENTER, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(server_words.OUTAGE_WAIT, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(enter)
        box.finished.connect(lambda _code: self.on_offer_answered(box.clickedButton() is enter))
        self.offer_box = box
        box.show()

    def on_offer_answered(self, chosen: bool) -> None:
        if self.offer_box is not None:
            self.offer_box.deleteLater()
            self.offer_box = None
        if chosen:
            self.enter()

    def enter(self) -> None:
        log.warning("outage mode chosen: intakes kept on the desk's store until the server answers")
        self._service.in_outage = True
        self.line.show()
        self.probe.start()
        self.changed.emit(True)

    def leave(self) -> None:
        self._service.in_outage = False
        self.line.hide()
        self.probe.stop()
        self.changed.emit(False)

    def on_probe(self) -> None:
        """The server asked on a thread; when it answers, the store's cases handed over."""
        outage = self._service.outage
        if self._busy or outage is None:
            return
        self._busy = True
        desk = self._desk()

        def run() -> None:
            from counter.service.remote import SessionEnded
            from counter.service.requests import Nothing
            from counter.service.site import PING

            try:
                self._service.remote.call(PING, Nothing())
                done, waiting = outage.hand_over(desk)
            except SessionEnded as err:  # back, but the session lapsed meanwhile (30 minutes without a request)
                log.info("outage: the server is back, the session over (%s)", err.reason)
                self.handed.emit(SESSION_OVER, SESSION_OVER)
                self._service.session_ended.emit(err.reason or "none")  # the sign-in, whose end hands over
                return
            except Exception as err:  # still away, or away again under the hand-over: asked again at the next probe
                log.info("outage: the server not back yet (%s)", type(err).__name__)
                self.handed.emit(STILL_AWAY, STILL_AWAY)
                return
            self.handed.emit(len(done.taken), waiting)

        threading.Thread(target=run, name="counter-outage-probe", daemon=True).start()

    def on_handed(self, taken: int, waiting: int) -> None:
        self._busy = False
        if taken == STILL_AWAY:
            return
        if self.active:
            self.leave()
        if taken == SESSION_OVER:  # the window is on the server again: the next sign-in hands the store's cases over
            return
        bar = getattr(self._window, "statusBar", None)
        if bar is None:
            return
        said = server_words.OUTAGE_HANDED.format(count=taken)
        if waiting:
            said = server_words.OUTAGE_HANDED_HELD.format(count=taken, held=waiting)
        bar().showMessage(said, 0 if waiting else 15_000)
