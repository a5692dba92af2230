"""Where a sign-in is checked: the desk's own database, or the hall server's door.

The sign-in window and the screen lock ask a :class:`Door` and never know which.  On a desk with its own database
the door is the accounts' operations run in process (``admin.sign_in``, ``admin.unlock``, ``admin.sign_out``).  On a
hall's desk it is the server (:class:`ServerDoor`): the password is checked there, the lockout counted there, and the
session the server opens is what every later operation is asked under; the screen lock ends that session at the
server (signed out as idle), and unlocking signs the same account in again, so a desk left locked holds no live
session.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from counter.service.admin import SIGN_IN, SIGN_OUT, UNLOCK, SignedIn, SignIn, SignOut
from counter.ui.door.runner import logged_only

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.access.desk_session import DeskSignIn
    from counter.access.roles import Actor
    from counter.service.remote import Remote
    from counter.ui.door.runner import Runner


class DeskUnknown(Exception):
    """The server does not know this machine's desk key: no password was tried."""


#: the answer of a sign-in (or an unlock), handed over on the window's thread
Answered = Callable[[SignedIn], None]
#: why it could not be asked: :class:`Failed` (worded with the caller's sentence), :class:`DeskUnknown`
Refused = Callable[[Exception], None]


class Door(Protocol):
    """Each attempt is called back (:meth:`counter.ui.door.runner.Runner.submit`): the caller returns at once, and the
    answer (or why there is none) comes on the window's thread, nothing for an ``owner`` closed meanwhile."""

    def sign_in(
        self, login: str, password: str, message: str, *, owner: QObject, answered: Answered, refused: Refused
    ) -> None:
        """The attempt's answer; :class:`Failed` (worded with ``message``) when it could not be asked."""
        ...

    def unlock(
        self, login: str, password: str, message: str, *, owner: QObject, answered: Answered, refused: Refused
    ) -> None:
        """The signed-in account's password at the screen lock; as :meth:`sign_in`."""
        ...

    def lock(self, owner: QObject) -> None:
        """The screen locked."""
        ...

    def sign_out(self, actor: Actor, owner: QObject) -> None:
        """``actor`` left (换人登录); logged when it could not be recorded."""
        ...


class LocalDoor:
    """The accounts of the desk's own database."""

    def __init__(self, runner: Runner, desk: Desk) -> None:
        self._runner, self._desk = runner, desk

    def sign_in(
        self, login: str, password: str, message: str, *, owner: QObject, answered: Answered, refused: Refused
    ) -> None:
        self._runner.submit(SIGN_IN, SignIn(login, password), self._desk, message, owner=owner, answered=answered,
                            failed=refused)  # fmt: skip

    def unlock(
        self, login: str, password: str, message: str, *, owner: QObject, answered: Answered, refused: Refused
    ) -> None:
        self._runner.submit(UNLOCK, SignIn(login, password), self._desk, message, owner=owner, answered=answered,
                            failed=refused)  # fmt: skip

    def lock(self, owner: QObject) -> None:
        """Nothing to end: the desk's own database has no session."""

    def sign_out(self, actor: Actor, owner: QObject) -> None:
        desk = dataclasses.replace(self._desk, actor=actor)
        self._runner.submit(SIGN_OUT, SignOut(idle=True), desk, owner=owner, answered=_kept, failed=logged_only)


class ServerDoor:
    """The hall server's door, with this machine's desk number and key (:mod:`counter.host.keys.desk_key`)."""

    def __init__(self, runner: Runner, remote: Remote, desk_no: str, desk_key: str) -> None:
        self._runner, self._remote = runner, remote
        self._desk_no, self._desk_key = desk_no, desk_key

    def sign_in(
        self, login: str, password: str, message: str, *, owner: QObject, answered: Answered, refused: Refused
    ) -> None:
        """The server signs in on its own clock."""
        remote, desk_no, key = self._remote, self._desk_no, self._desk_key

        def known(answer: DeskSignIn) -> None:
            if not answer.desk_known:
                refused(DeskUnknown(desk_no))
                return
            answered(SignedIn(answer.result, answer.staff_no))

        self._runner.submit_work("door.sign_in", lambda: remote.sign_in(login, password, desk_no, key), message,
                                 owner=owner, answered=known, failed=refused)  # fmt: skip

    def unlock(
        self, login: str, password: str, message: str, *, owner: QObject, answered: Answered, refused: Refused
    ) -> None:
        """The lock ended the session: unlocking is a sign-in of the same account, under the same lockout."""
        self.sign_in(login, password, message, owner=owner, answered=answered, refused=refused)

    def lock(self, owner: QObject) -> None:
        self._end(owner, idle=True)

    def sign_out(self, actor: Actor, owner: QObject) -> None:
        self._end(owner, idle=False)

    def _end(self, owner: QObject, *, idle: bool) -> None:
        """The session ended at the server; one the server cannot be told of now ends there by itself when idle."""
        remote = self._remote

        self._runner.submit_work("door.sign_out", lambda: remote.sign_out(idle=idle), "{fault}", owner=owner,
                                 answered=_kept, failed=logged_only)  # fmt: skip


def _kept(_: object) -> None:
    """A sign-out recorded: nothing more to do."""
