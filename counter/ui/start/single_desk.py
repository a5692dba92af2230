"""One desk window per data folder and database: a second start brings the first window forward instead.

Two windows on the same data would be two writers of one desk: two drafts of the intake in progress, two review
pads, two daily backups, one desk number typing cases from two screens.  So the window takes a lock file in the data
folder before it opens the database, and listens on a local socket (a named pipe on Windows); a second start that
finds the lock taken asks the first, through that socket, to come to the front, and ends.

The lock is keyed by the data folder *and* the database URL.  The data folder is the desk (its ``desk.json``, its
draft, its logs); the database is what is written.  A training desk started with ``--today`` works on the training
database (or its own ``--db``): another writer of other data, it must not be blocked by the live desk beside it.

A desk that crashed or was killed leaves its lock behind, naming a process that no longer runs: Qt sees that and
the next start takes the lock (and replaces the socket the dead desk left).  A living desk's lock is never taken:
Qt removes a lock only when it can take the operating system's lock on the file too, which the living owner holds.
The file's age is not a sign either (a desk runs all day without touching its lock), so Qt's thirty-second age
limit is switched off: it would count where the file system has no such locks (some network shares).
"""

from __future__ import annotations

import enum
import hashlib
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

REQUEST = b"raise\n"
ANSWER = b"raised\n"
KEY_LENGTH = 16  # hex digits: a socket path stays far below Unix's 104 bytes, a pipe name below Windows' 256
ANSWER_MS = 10_000  # a first desk still migrating its database answers once its event loop runs
CLAIM_SECONDS = 15.0  # how long a second start keeps trying: the first may be between its lock and its socket
RETRY_SECONDS = 0.1


class Claim(enum.Enum):
    OWNER = "owner"  # this start is the desk: go on and open the database
    RAISED = "raised"  # another start is the desk and came to the front
    UNANSWERED = "unanswered"  # another start holds the lock but did not answer


def desk_key(folder: Path, db_url: str) -> str:
    """The desk's name for its lock and its socket: the data folder and the database, hashed.

    Hashed so that a long folder or a database URL with a password makes neither a long socket path nor a name
    anyone reads; an SQLite URL is taken by its resolved file, so that two spellings of one file are one desk.
    """
    prefix = "sqlite:///"
    if db_url.startswith(prefix) and "?" not in db_url and db_url != f"{prefix}:memory:":
        db_url = prefix + str(Path(db_url[len(prefix) :]).resolve())
    text = f"{folder.resolve()}\n{db_url}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:KEY_LENGTH]


class SingleDesk(QObject):
    """The lock and the socket of one desk: :meth:`claim`, then :meth:`listen`; :meth:`release` once it has closed."""

    raise_requested = Signal()  # another start asked this desk to come to the front, and it came

    def __init__(self, folder: Path, db_url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        key = desk_key(folder, db_url)
        self.lock_path = folder / f"desk-{key}.lock"
        self.server_name = f"counter-{key}"
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # stale only when its owner is gone: see the module's note
        self._server: QLocalServer | None = None
        # what comes to the front: the start's own questions (a damaged database) until the window is made
        self.front: Callable[[], QWidget | None] = QApplication.activeModalWidget

    def claim(self, seconds: float = CLAIM_SECONDS) -> Claim:
        """Take the desk's lock, or have the desk that holds it come to the front."""
        deadline = time.monotonic() + seconds
        while True:
            if self._take():
                return Claim.OWNER
            if ask_to_raise(self.server_name):
                return Claim.RAISED
            if time.monotonic() >= deadline:
                log.warning("desk lock %s is held but its window does not answer", self.lock_path.name)
                return Claim.UNANSWERED
            time.sleep(RETRY_SECONDS)  # the first is starting (no socket yet) or has just ended (lock not yet free)

    def listen(self) -> None:
        """Answer later starts.  Called once a window has painted: Qt's network module loads after the first paint.

        A later start in between finds no socket yet and tries again (:meth:`claim`).
        """
        if not self._lock.isLocked() or self._server is not None:
            return  # a desk that has already closed, or had no lock to take
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # only this user's starts may ask
        QLocalServer.removeServer(self.server_name)  # a socket left by a killed desk; the lock says it is ours now
        if not server.listen(self.server_name):
            log.warning("desk socket %s: %s; a second start cannot reach this window", self.server_name,
                        server.errorString())  # fmt: skip
            return
        server.newConnection.connect(self._on_new_connection)
        self._server = server

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _take(self) -> bool:
        if self._lock.tryLock(0):
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return False
        # The folder does not let the lock be written: a desk that cannot start is worse than the rare second one.
        log.warning("desk lock %s cannot be written (%s); starting without it", self.lock_path, self._lock.error())
        return True

    def _on_new_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_request(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.canReadLine():
                self._on_request(socket)

    def _on_request(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == REQUEST:
            log.info("another start asked this desk to come to the front")
            bring_to_front(self.front())
            self.raise_requested.emit()
            socket.write(ANSWER)
            socket.flush()
        socket.disconnectFromServer()


def bring_to_front(widget: QWidget | None) -> None:
    """Un-minimise (a maximised window stays maximised), show, raise and activate."""
    if widget is None:
        return
    state = widget.windowState() & ~Qt.WindowState.WindowMinimized
    widget.setWindowState(state | Qt.WindowState.WindowActive)
    widget.show()
    widget.raise_()
    widget.activateWindow()


def ask_to_raise(server_name: str) -> bool:
    """Whether the desk listening on ``server_name`` was reached and said it came to the front."""
    from PySide6.QtNetwork import QLocalSocket

    _allow_foreground()
    socket = QLocalSocket()
    socket.connectToServer(server_name)
    try:
        if not socket.waitForConnected(ANSWER_MS):
            return False
        socket.write(REQUEST)
        if not socket.waitForBytesWritten(ANSWER_MS):
            return False
        while not socket.canReadLine():
            if not socket.waitForReadyRead(ANSWER_MS):
                return False
        return bytes(socket.readLine().data()) == ANSWER
    finally:
        socket.abort()


def _allow_foreground() -> None:
    """Windows lets only the program the user just started take the foreground: pass that right on to the first."""
    if sys.platform == "win32":
        import ctypes

        asfw_any = -1
        ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)
