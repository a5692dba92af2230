"""The one way a widget reaches the database: an operation of the service, run off the window's thread.

In the spirit of Anki's ``CollectionOp`` and ``QueryOp``: a widget submits a named operation of
:mod:`counter.service` with its request, the sentence it shows when the database fails, and what to do with the
answer (:meth:`Runner.submit`; :meth:`Runner.submit_work` for what is no operation, the hall server's door).  The
operation runs on one of a few worker threads the program keeps (:data:`WORKERS`, started as they are first needed,
shared by every runner): a thread, and a hall desk's connection (:mod:`counter.service.remote`), are not made anew
for each call.  The caller returns at once; its answer is handed to the widget's callback on the window's thread
once it is there, and no event loop turns inside the caller's stack meanwhile: the window paints, and the clerk's
keys go to their widgets in the order typed.
Operations run one at a time: one submitted while another runs is started in its turn, and the answers are handed
over in the order asked.  A timer's operation (``background``: a reminder's read, the draft kept while typing) waits
its turn like any other and runs: refused while another ran, the three reads of the desk's minute tick lost all but
the first, and a township's 未送达大厅 count or a hall's 新差评 alert never came.  A wait longer than a moment is
shown (:attr:`Runner.busy`, the wait cursor, the status bar); the same write submitted again while it runs is refused
(:class:`Busy`), so a clerk pressing Ctrl+Enter twice takes one intake.  An answer for a widget closed meanwhile is
dropped, logged and handed to nobody.
A worker done rings the window's thread (:data:`_BELL`, a queued signal of an object that lives as long as the
program): the answer is handed over at the loop's next turn, with no timer looking for it meanwhile.
A hall server that has not answered a try of the operation yet is said at once (:attr:`Runner.reaching`), while the
transport goes on trying.

A :class:`StoreFault` or :class:`SchemaTooNew`, and a hall server's own faults (:func:`server_failed`), become a
:class:`Failed` whose :attr:`Failed.message` is the widget's sentence filled in, and are logged — here, and nowhere
else: a widget handed a :class:`Failed` says it, and logs no more than what it did about it.  A write that fails was
rolled back whole: nothing of it was kept.

A widget's sentence names ``{fault}``: the cause in plain words, from :data:`counter.words.database.DB_FAULT`, one
truth per fault wherever it is shown.  What the database raised (an English class name and message) goes to the
log for support, never on screen.  A database written by a newer program is always worded as the desk's start-up
says it.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication

from counter.host.database.database_faults import DatabaseDamaged, DbFault, SchemaTooNew, StoreFault
from counter.ui import words

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.service.local import Service
    from counter.service.operation import Operation

log = logging.getLogger(__name__)

T = TypeVar("T")
Req = TypeVar("Req")
Res = TypeVar("Res")

#: how long an operation runs before the window says it is busy: shorter waits would only flicker
BUSY_AFTER_MS = 250
#: the worker threads at most: each runner runs one operation at a time, and a window holds two (the sign-in's and
#: its own); a worker still held by an operation whose widget is gone leaves the others to the window
WORKERS = 4


class Failed(Exception):
    """The action did not happen; :attr:`message` says why, in the widget's words."""

    def __init__(self, message: str, fault: DbFault, error: str, connection_lost: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.fault = fault
        self.error = error  # the class name of what the database raised
        self.connection_lost = connection_lost  # a server that dropped: worth waiting for (ui.door.connection)


class Busy(Failed):
    """Another operation of this window is still in flight: this one was not started."""

    def __init__(self, running: str) -> None:
        super().__init__(words.RUNNER_BUSY, DbFault.BUSY, "Busy")
        self.running = running


#: The sentence of a widget that has none of its own: the cause, in plain words.
CAUSE = "{fault}"


def failed(err: StoreFault | SchemaTooNew, message: str) -> Failed:
    """``err`` worded with the widget's sentence ``message``."""
    if isinstance(err, SchemaTooNew):
        return Failed(words.DESK_SCHEMA_TOO_NEW.format(revision=err.revision), DbFault.OTHER, "SchemaTooNew")
    from counter.words.database import fault_text  # the sentences load with the first fault, not at start

    text = message.format(fault=fault_text(err.fault.value, err.server))
    return Failed(text, err.fault, err.error, err.connection_lost)


def failures_to(then: Callable[[Failed], None]) -> Callable[[Exception], None]:
    """A ``failed`` for :meth:`Runner.submit` that hands a :class:`Failed` to ``then``: a read that failed is said (the
    runner logged it) and the widget goes on; any other exception is a fault of the program, raised on to the
    window's error hook."""

    def handed(err: Exception) -> None:
        if not isinstance(err, Failed):
            raise err
        then(err)

    return handed


def logged_only(err: Exception) -> None:
    """A ``failed`` for :meth:`Runner.submit` whose read, failing, is only left undone (a help, a count the next read
    sets right): the runner has logged the fault, and nothing more is said; any other exception is a fault of the
    program, raised on to the window's error hook."""
    if not isinstance(err, Failed):
        raise err


def server_failed(err: Exception, message: str) -> Failed | None:  # noqa: PLR0911 - one case per fault
    """A hall server's fault (:mod:`counter.service.remote`) worded with the widget's sentence ``message``; None for
    any other exception.

    Only a desk on a server has loaded the transport: on any other the module is not there to be asked (and is not
    imported for the asking).  A server away is a lost connection (the intake waits for it, as for a database);
    a session ended is said here and brings the sign-in back (:mod:`counter.ui.door.hall_desk`).
    """
    import sys

    remote = sys.modules.get("counter.service.remote")
    if remote is None:
        return None
    from counter.sync.outage import OutageRefused
    from counter.ui.door import server_words

    if isinstance(err, OutageRefused):
        return Failed(message.format(fault=server_words.OUTAGE_REFUSED), DbFault.OTHER, type(err).__name__)

    if isinstance(err, remote.ServerUnreachable):
        return Failed(message.format(fault=server_words.SERVER_AWAY), DbFault.UNREACHABLE, type(err).__name__, True)
    if isinstance(err, remote.ServerNotTrusted):
        return Failed(message.format(fault=server_words.SERVER_NOT_TRUSTED), DbFault.CERTIFICATE, type(err).__name__)
    if isinstance(err, remote.SessionEnded):
        return Failed(message.format(fault=server_words.SESSION_OVER), DbFault.OTHER, type(err).__name__)
    if isinstance(err, remote.NotUnderstood):  # before Refused, of which it is one
        return Failed(message.format(fault=server_words.SERVER_NOT_UNDERSTOOD), DbFault.OTHER, type(err).__name__)
    if isinstance(err, remote.Refused):
        return Failed(message.format(fault=server_words.SERVER_REFUSED), DbFault.OTHER, type(err).__name__)
    return None


class Runner(QObject):
    """Runs the widgets' operations on one :class:`Service`, one at a time, off the window's thread."""

    #: an operation has run longer than :data:`BUSY_AFTER_MS` (True), or ended (False)
    busy = Signal(bool)
    #: the hall server has not answered a try of the operation in flight (refused, or slow to connect): the transport
    #: goes on trying, and the window says it is still reaching the server; ``busy(False)`` follows when it ends
    reaching = Signal()

    def __init__(self, service: Service, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._running = ""  # the operation in flight, or the last one: for the log
        self._pending: Future[Any] = _IDLE  # nothing in flight yet
        self._owed: list[_Owed[Any]] = []  # the submitted operations whose answers are still to be handed over
        self._queued: list[Callable[[], None]] = []  # submitted while another ran: started in turn
        self._after_answers: list[Callable[[], None]] = []  # waiting for every answer owed to be handed over
        # a worker done rings the program's bell, never this runner: a signal of the runner emitted from a worker could
        # reach a runner already gone (the program closing), and that is a crash.  Nor is the runner connected to the
        # bell: a ring queued for a runner being let go on the window's thread was delivered to it half gone, and that
        # crashed too (a runner made for one call, dropped as its answer came); the bell, which outlives every runner,
        # is the one receiver, and it calls on the runners still there
        _bell().listeners.add(self)
        self._busy_after = QTimer(self)
        self._busy_after.setSingleShot(True)
        self._busy_after.setInterval(BUSY_AFTER_MS)
        self._busy_after.timeout.connect(self._show_busy)
        self._worker = 0  # the ident of the thread the operation in flight runs on
        self._troubled = 0  # the ident of the last thread whose try the transport reported failed or slow
        self._reach_said = False
        self._busy_shown = False
        watch = getattr(service, "report_trouble_to", None)  # a hall desk's transport reports its failed tries
        if watch is not None:
            watch(self._on_trouble)

    @property
    def running(self) -> str:
        """The name of the operation in flight; "" when none is."""
        return "" if self._pending.done() else self._running

    @property
    def in_flight(self) -> bool:
        """An operation runs, or its answer is still owed: what is submitted now runs after it (the draft's keeper,
        asked meanwhile, keeps the form after the step instead, which may end the intake)."""
        return not self._pending.done() or bool(self._owed)

    def submit(
        self,
        op: Operation[Req, Res],
        request: Req,
        desk: Desk | None = None,
        message: str = CAUSE,
        *,
        owner: QObject,
        answered: Callable[[Res], None],
        failed: Callable[[Exception], None] | None = None,
        background: bool = False,
    ) -> None:
        """``op`` asked for ``desk`` with ``request``, its answer handed to ``answered`` on the window's thread, its
        fault to ``failed`` (None: raised to the window's error hook): a :class:`Failed` worded with ``message``, or
        the operation's declared faults as they are; nothing is handed over once ``owner`` is closed.

        Nothing turns the window's event loop inside the caller: the caller returns at once, and the clerk's keys go
        on to their widgets as they come while the operation runs.  Asked while another operation runs, it is started
        in its turn, a ``background`` one (asked by a timer, not by the clerk: the draft kept while typing, a count
        refreshed) too; the same clerk's write asked again while it runs is refused (:class:`Busy`).  Where no event
        loop turns (a test's own call), the answer is handed over before this returns.
        """
        work = partial(self.service.call, op, request, desk)
        self._submit(op.name, work, message, owner, answered, failed, background=background, writes=op.writes)

    def submit_step(
        self,
        op: Operation[Req, Res],
        request: Req,
        desk: Desk | None = None,
        message: str = CAUSE,
        *,
        owner: QObject,
        answered: Callable[[Res], None],
        failed: Callable[[Exception], None],
    ) -> None:
        """A clerk's step, submitted as :meth:`submit` does; pressed again while the same write runs, its
        :class:`Busy` is handed to ``failed`` at once, to be said where any other refusal is, and the step is taken
        once."""
        try:
            self.submit(op, request, desk, message, owner=owner, answered=answered, failed=failed)
        except Busy as err:
            failed(err)

    def submit_work(
        self,
        name: str,
        work: Callable[[], T],
        message: str = CAUSE,
        *,
        owner: QObject,
        answered: Callable[[T], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        """``work`` that is no operation of the service (the hall server's door: a sign-in, a sign-out), submitted as
        an operation is (:meth:`submit`)."""
        self._submit(name, work, message, owner, answered, failed)

    def _submit(
        self,
        name: str,
        work: Callable[[], T],
        message: str,
        owner: QObject,
        answered: Callable[[T], None],
        failed: Callable[[Exception], None] | None,
        *,
        background: bool = False,
        writes: bool = True,
    ) -> None:
        refused = failed or _raise
        # where no event loop turns (a test's own call, the program ending after its loop), the work is carried out
        # and its answer handed over before this returns; no loop is started here: it would run the deferred
        # deletions of the widgets closing around the call
        at_once = QApplication.instance() is None or QThread.currentThread().loopLevel() == 0
        if not self._pending.done() or self._owed:
            if writes and not background and name == self._running:
                log.info("operation %s refused: %s is still running", name, self._running)
                raise Busy(self._running)
            if not at_once:
                self._queued.append(partial(self._submit, name, work, message, owner, answered, failed, writes=writes))
                return
            self._pending.exception()  # another operation first: waited for, whatever it answers
        self._running = name
        future: Future[T] = Future()
        self._troubled, self._reach_said, self._worker = 0, False, 0
        _WORKERS.submit(name, partial(self._tracked, work), future)
        self._pending = future
        self._owed.append(_Owed(name, future, message, owner, answered, refused))
        if at_once:
            future.exception()
            self._hand_over()
            return
        self._busy_after.start()

    def after_answers(self, then: Callable[[], None]) -> None:
        """``then`` called on the window's thread once every operation submitted so far has been answered and its
        answer handed over, and those the answers submitted in turn (any other asked meanwhile too); at once when
        none is owed.

        The start's last work only submits its reads (the draft's offer, the pad's start): it is over once they are
        answered, not once they are asked (:class:`counter.ui.start.app.StartWork`)."""
        if not self._owed and not self._queued:
            then()
            return
        self._after_answers.append(then)

    def finish(self) -> None:
        """The program ends, its event loop over: the operations submitted and not yet done are carried out, in the
        order asked, before the database or the server's connection closes (the draft a closing intake keeps, a
        sign-out), and what they answer is handed over where it still can be.  A worker is a daemon: the program's
        end would not wait for it, and an operation asked after the store closed would open it again."""
        while self._owed or self._queued:
            try:
                if self._owed:
                    self._owed[0].future.exception()  # waits for it, whatever it answers
                    self._hand_over()
                else:
                    self._queued.pop(0)()  # no event loop turns now: carried out before it returns
            except Exception:  # the program ends regardless: for support
                log.exception("an answer not handed over at the end")
        self._pending.exception()

    def _tracked(self, work: Callable[[], T]) -> T:
        """On the worker: ``work``, its thread noted, so that a trouble the transport tells from it is this call's."""
        self._worker = threading.get_ident()
        return work()

    def _hand_over(self) -> None:
        """The answers of the submitted operations that are done, each to its widget, in the order asked; then the
        next one submitted meanwhile started."""
        if not self._pending.done():
            self._look_for_trouble()
        while self._owed and self._owed[0].future.done():
            owed = self._owed.pop(0)
            if not shiboken6.isValid(owed.owner):
                log.info("operation %s answered after its widget closed: dropped", owed.name)
                continue
            try:
                answer = self._answer(owed.name, owed.future, owed.message)
            except Exception as err:
                owed.failed(err)
            else:
                owed.answered(answer)
        if self._pending.done() and not self._owed:
            # its answer handed over: let go of it, and of what its fault holds (the frames it was handed over from,
            # with the widget that asked), rather than keep it until the next operation
            self._pending = _IDLE
        if self._pending.done() and self._queued:
            self._queued.pop(0)()
        if not self._owed and not self._queued:
            self._busy_after.stop()
            if self._busy_shown:
                self._busy_shown = False
                QApplication.restoreOverrideCursor()
                self.busy.emit(False)
            waiting, self._after_answers = self._after_answers, []
            for then in waiting:
                then()

    def _answer(self, name: str, future: Future[T], message: str) -> T:
        """``future``'s answer, or its fault worded with ``message``."""
        try:
            return future.result()
        except StoreFault as err:
            log.warning("database fault (%s) in %s: %s", err.fault.value, name, err.detail)
            raise failed(err, message) from err
        except SchemaTooNew as err:
            log.error("database schema %s is newer than this program", err.revision)
            raise failed(err, message) from err
        except DatabaseDamaged as err:  # its opening's check failed: the start asks the clerk about a backup
            log.error("database damaged in %s: %s fails its quick check", name, err.path)
            damaged = StoreFault(DbFault.DAMAGED, f"{err.path} fails its quick check", type(err).__name__)
            raise failed(damaged, message) from err
        except Exception as err:
            remote = server_failed(err, message)
            if remote is None:
                raise
            log.warning("hall server fault (%s) in %s: %s", remote.error, name, err)
            raise remote from err

    def _on_trouble(self, thread: int) -> None:
        """On the transport's thread: noted, and the bell rung (a signal of the runner emitted here could reach a
        window already gone); the window's thread looks at it (:meth:`_look_for_trouble`)."""
        self._troubled = thread
        _ring()

    def _look_for_trouble(self) -> None:
        if self._troubled and self._troubled == self._worker and not self._reach_said and self.running:
            self._reach_said = True
            log.info("operation %s: the hall server has not answered yet, still trying", self._running)
            if not self._busy_shown:  # said at once, not after the moment
                self._show_busy()
            self.reaching.emit()

    def _show_busy(self) -> None:
        if self.running and not self._busy_shown:
            self._busy_shown = True
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self.busy.emit(True)


#: what no operation in flight is: a future done, with nothing in it
_IDLE: Future[Any] = Future()
_IDLE.set_result(None)


def _raise(err: Exception) -> None:
    """A fault no widget words: on to the window's error hook (:mod:`counter.ui.start.unexpected`)."""
    raise err


@dataclass(frozen=True)
class _Owed(Generic[T]):
    """A submitted operation whose answer is still to be handed over on the window's thread."""

    name: str
    future: Future[T]
    message: str
    owner: QObject
    answered: Callable[[T], None]
    failed: Callable[[Exception], None]


class _Workers:
    """The program's worker threads, started as the operations asked at once first need them, up to :data:`WORKERS`.

    Daemon threads: what the window asked and has not been answered yet is carried out before the store closes
    (:meth:`Runner.finish`), so none is left working at the end but one whose window is gone, and the program's end
    (:mod:`counter.host.machine.quick_exit` joins the threads that are not daemons) does not wait on it, nor on the idle
    ones.
    """

    def __init__(self, most: int) -> None:
        self._most = most
        self._work: queue.SimpleQueue[tuple[str, Callable[[], Any], Future[Any]]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._started = 0
        self._idle = 0

    def submit(self, name: str, work: Callable[[], T], future: Future[T]) -> None:
        with self._lock:
            if self._idle:
                self._idle -= 1  # taken by this work: the next one asked meanwhile does not count on it
            elif self._started < self._most:
                self._started += 1
                threading.Thread(target=self._serve, name=f"counter-worker-{self._started}", daemon=True).start()
        self._work.put((name, work, future))

    def _serve(self) -> None:
        while True:
            name, work, future = self._work.get()
            log.debug("operation %s on %s", name, threading.current_thread().name)
            _carry_out(work, future)
            # not held while the worker waits for the next: a fault kept in the future holds the frames it was
            # handed over from on the window's thread, the widget that asked among them
            del name, work, future
            with self._lock:
                self._idle += 1


_WORKERS = _Workers(WORKERS)


def _carry_out(work: Callable[[], T], future: Future[T]) -> None:
    """``work`` on a worker, its answer or its exception kept in ``future`` for the window's thread, which is rung."""
    try:
        future.set_result(work())
    except BaseException as err:
        future.set_exception(err)
    _ring()


class _Bell(QObject):
    """Rung from a worker (or the transport's thread) when there is news for the window's thread: its own queued
    connection hands each runner's answers over there at the loop's next turn."""

    rang = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.listeners: weakref.WeakSet[Runner] = weakref.WeakSet()  # a runner let go is no longer called
        self.rang.connect(self._rung, Qt.ConnectionType.QueuedConnection)

    def _rung(self) -> None:
        for runner in list(self.listeners):  # a runner's answer may make or let go of another meanwhile
            if shiboken6.isValid(runner):
                runner._hand_over()  # the bell is the runners' own


_BELLS: list[_Bell] = []  # the one bell, made on the window's thread by the first runner and kept for the program
_BELL_HELD = threading.Lock()  # a ring and the program's end never at once


def _bell() -> _Bell:
    if not _BELLS:
        _BELLS.append(_Bell())
        atexit.register(_silenced)
    return _BELLS[0]


def _silenced() -> None:
    """The program ends: no worker rings the bell from now on.  A daemon worker finishing a call rang it while the
    interpreter was taking Qt down, and the process died at its exit (a segmentation fault in ``_ring``, the window's
    thread past its last Python frame); atexit runs this before PySide's own clean-up."""
    with _BELL_HELD:
        _BELLS.clear()


def _ring() -> None:
    """Tell the window's thread that a worker is done (from any thread; before any runner, nobody is waiting)."""
    with _BELL_HELD:
        if _BELLS:
            _BELLS[0].rang.emit()
