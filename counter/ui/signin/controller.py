"""Who is signed in at this desk, the idle timer, and the screen lock.

Used only where the database has accounts (hall mode).  Any key or click in
any of the app's windows restarts the idle timer; when it runs out, every
window of the app but the applicant's review pad is hidden and the sign-in
window asks for the password.  Hiding keeps each window as it was (a half-filled
intake stays half-filled), so unlocking shows the work exactly as it was left.
Sign-in and unlock are asked of a door (:mod:`counter.ui.signin.door`): the operations of the desk's own database
(``admin.sign_in``, ``admin.unlock``), or a hall server's sign-in; either way failures count toward the lockout and
every attempt is in the audit trail.  A hall server that ends the session (its time is up, the account disabled)
brings this window back as the lock does (:meth:`SignInController.on_session_ended`): the work stays as it was.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from shiboken6 import isValid

from counter.access.account_views import SignInResult
from counter.access.desk import Desk
from counter.access.lockout import POLICY
from counter.access.roles import Actor
from counter.service.admin import SignedIn
from counter.ui.door.runner import Failed, Runner
from counter.ui.keyboard.focus import bring_forward
from counter.ui.look.geometry import fit_to_screen
from counter.ui.signin import words
from counter.ui.signin.door import DeskUnknown, Door, LocalDoor
from counter.ui.signin.sign_in_window import SignInWindow
from counter.ui.signin.stay import STAYS_WHEN_LOCKED
from counter.words.access import ROLE, sign_in_refusal_text
from counter.words.punctuation import LIST_JOIN

log = logging.getLogger(__name__)

IDLE_MINUTES = 5
WINDOW_SIZE = (720, 480)
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)


class SignInController(QObject):
    signed_in = Signal()  # ``actor`` is set; also after 换人登录
    locked = Signal()
    unlocked = Signal()
    signed_out = Signal()  # the one before leaves: close what was theirs

    def __init__(
        self,
        runner: Runner,
        desk: Desk,
        place: str,
        parent: QObject | None = None,
        door: Door | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._door = door if door is not None else LocalDoor(runner, desk)
        self._desk = desk  # where the sign-in is; who is signed in is :attr:`actor`
        self.actor: Actor | None = None
        self.staff_no = ""
        self.is_locked = False
        self.asking = False  # a password is being checked: Enter again asks nothing more
        self._hidden: list[QWidget] = []
        self._focus_before: QWidget | None = None  # where the clerk was typing when the screen locked
        self.home_focus: QWidget | None = None  # where typing goes after unlocking when that is gone
        self.window = SignInWindow(place)
        fit_to_screen(self.window, WINDOW_SIZE, maximise=False)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(IDLE_MINUTES * 60_000)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.window.submitted.connect(self.on_submitted)
        self.window.switch_requested.connect(self.on_switch_requested)
        self.idle_timer.timeout.connect(self.on_idle)

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.window.ask_anyone()
        self.window.show()
        self.window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in ACTIVITY and self.actor is not None and not self.is_locked:
            self.idle_timer.start()
        return False

    # --- locking ---------------------------------------------------------------------

    def on_idle(self) -> None:
        self.lock(idle=True)

    def lock(self, idle: bool = False) -> None:
        """Hide the clerk's windows and ask for the password (idle time, or Ctrl+L)."""
        if self.actor is None or self.is_locked:
            return
        self.is_locked = True
        self.idle_timer.stop()
        self._hide_work()
        self.window.ask_to_unlock(self.actor.login, self.actor.name, IDLE_MINUTES if idle else None)
        bring_forward(self.window, self.window.password)
        log.info("screen locked")
        self._door.lock(self)  # a fault is logged: the session ends at the server by itself when idle
        self.locked.emit()

    def on_session_ended(self, reason: str) -> None:
        """The hall server ended the session under a request: the lock's window, saying why; the work kept.

        Nobody signed in, or the screen locked already (the lock itself ended the session, and a timer's request
        met its end): nothing more to say."""
        if self.actor is None or self.is_locked:
            return
        from counter.ui.door.server_words import SESSION_ENDED, SESSION_ENDED_HEADING

        log.info("session ended at the server (%s): sign-in asked again", reason)
        self.is_locked = True
        self.idle_timer.stop()
        self._hide_work()
        self.window.ask_to_unlock(self.actor.login, self.actor.name, None)
        self.window.heading.setText(SESSION_ENDED_HEADING)
        self.window.hint.setText(SESSION_ENDED.get(reason, SESSION_ENDED["none"]))
        bring_forward(self.window, self.window.password)
        self.locked.emit()

    def _hide_work(self) -> None:
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not self.window and not w.property(STAYS_WHEN_LOCKED)
        ]
        self._focus_before = QApplication.focusWidget()
        for widget in self._hidden:
            widget.hide()

    def _unlock(self) -> None:
        self.is_locked = False
        self.window.hide()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self._give_back_focus()
        self.idle_timer.start()
        log.info("screen unlocked")
        self.unlocked.emit()

    def _give_back_focus(self) -> None:
        """The keyboard where it was before the lock, or in :attr:`home_focus` if that widget is gone or hidden."""
        before, self._focus_before = self._focus_before, None
        for target in (before, self.home_focus):
            if target is not None and isValid(target) and target.isVisible():
                bring_forward(target.window(), target)
                if isinstance(target, QLineEdit):  # a dialog shown again selects its text: typing goes on after it
                    target.deselect()
                return

    # --- slots -----------------------------------------------------------------------

    def on_submitted(self, login: str, password: str) -> None:
        """The password asked at the door, called back: the window's keys go on while it answers; Enter again
        meanwhile asks nothing more."""
        if self.asking:
            return
        unlocking = self.is_locked
        ask = self._door.unlock if unlocking else self._door.sign_in  # committed whatever the outcome: counted
        self.asking = True
        try:
            ask(login, password, words.SIGNIN_DB_ERROR, owner=self,
                answered=partial(self._answered, login, unlocking), refused=self._refused)  # fmt: skip
        except BaseException:
            self.asking = False
            raise

    def _refused(self, err: Exception) -> None:
        self.asking = False
        if isinstance(err, DeskUnknown):
            from counter.ui.door.server_words import SIGNIN_DESK_UNKNOWN

            log.error("the hall server does not know this desk's key")
            self.window.say(SIGNIN_DESK_UNKNOWN)
        elif isinstance(err, Failed):
            self.window.say(err.message)
        else:
            raise err

    def _answered(self, login: str, unlocking: bool, answer: SignedIn) -> None:
        self.asking = False
        result, number = answer.result, answer.staff_no
        if not result.signed_in:
            log.info("sign-in refused: %s", result.outcome.value)
            self.window.say(refusal_text(result))
            return
        if unlocking:
            self._unlock()
            return
        assert result.actor is not None
        self.actor, self.staff_no = result.actor, number
        self.window.hide()
        self.idle_timer.start()
        log.info("signed in: %s", login)
        self.signed_in.emit()

    def on_switch_requested(self) -> None:
        """换人登录 at the lock: the one before is signed out and their windows close."""
        actor = self.actor
        if actor is not None:
            self._door.sign_out(actor, self)  # a fault is logged; the next sign-in is asked after it
        self.actor = None
        self.is_locked = False
        self._hidden = []  # the app closes the work windows; the main window shows at the next sign-in
        self.signed_out.emit()
        self.window.ask_anyone()


def refusal_text(result: SignInResult) -> str:
    """The same words as the command line's, from the same table."""
    minutes = int(POLICY.lock_for.total_seconds() // 60)
    return sign_in_refusal_text(result.outcome, result.attempts_left, result.locked_until, minutes)


def roles_text(actor: Actor) -> str:
    return LIST_JOIN.join(ROLE[r] for r in sorted(actor.roles))
