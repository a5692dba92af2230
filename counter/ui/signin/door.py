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
import datetime as dt
from typing import TYPE_CHECKING, Protocol

from counter.service.admin import SIGN_IN, SIGN_OUT, UNLOCK, SignedIn, SignIn, SignOut
from counter.ui.runner import Failed

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.access.roles import Actor
    from counter.service.remote import Remote
    from counter.ui.runner import Runner


class DeskUnknown(Exception):
    """The server does not know this machine's desk key: no password was tried."""


class Door(Protocol):
    def sign_in(self, login: str, password: str, now: dt.datetime, message: str) -> SignedIn:
        """The attempt's answer; :class:`Failed` (worded with ``message``) when it could not be asked."""
        ...

    def unlock(self, login: str, password: str, now: dt.datetime, message: str) -> SignedIn:
        """The signed-in account's password at the screen lock; as :meth:`sign_in`."""
        ...

    def lock(self) -> None:
        """The screen locked."""
        ...

    def sign_out(self, actor: Actor) -> None:
        """``actor`` left (换人登录); :class:`Failed` when it could not be recorded."""
        ...


class LocalDoor:
    """The accounts of the desk's own database."""

    def __init__(self, runner: Runner, desk: Desk) -> None:
        self._runner, self._desk = runner, desk

    def sign_in(self, login: str, password: str, now: dt.datetime, message: str) -> SignedIn:
        answer: SignedIn = self._runner.call(SIGN_IN, SignIn(login, password), self._desk, message)
        return answer

    def unlock(self, login: str, password: str, now: dt.datetime, message: str) -> SignedIn:
        answer: SignedIn = self._runner.call(UNLOCK, SignIn(login, password), self._desk, message)
        return answer

    def lock(self) -> None:
        """Nothing to end: the desk's own database has no session."""

    def sign_out(self, actor: Actor) -> None:
        self._runner.call(SIGN_OUT, SignOut(idle=True), dataclasses.replace(self._desk, actor=actor))


class ServerDoor:
    """The hall server's door, with this machine's desk number and key (:mod:`counter.host.desk_key`)."""

    def __init__(self, runner: Runner, remote: Remote, desk_no: str, desk_key: str) -> None:
        self._runner, self._remote = runner, remote
        self._desk_no, self._desk_key = desk_no, desk_key

    def sign_in(self, login: str, password: str, now: dt.datetime, message: str) -> SignedIn:
        """``now`` is the desk's: the server signs in on its own clock."""
        remote, desk_no, key = self._remote, self._desk_no, self._desk_key
        answer = self._runner.run("door.sign_in", lambda: remote.sign_in(login, password, desk_no, key), message)
        if not answer.desk_known:
            raise DeskUnknown(desk_no)
        return SignedIn(answer.result, answer.staff_no)

    def unlock(self, login: str, password: str, now: dt.datetime, message: str) -> SignedIn:
        """The lock ended the session: unlocking is a sign-in of the same account, under the same lockout."""
        return self.sign_in(login, password, now, message)

    def lock(self) -> None:
        self._end(idle=True)

    def sign_out(self, actor: Actor) -> None:
        self._end(idle=False)

    def _end(self, *, idle: bool) -> None:
        """The session ended at the server; one the server cannot be told of now ends there by itself when idle."""
        remote = self._remote
        try:
            self._runner.run("door.sign_out", lambda: remote.sign_out(idle=idle), "{fault}")
        except Failed:
            if remote.signed_in:
                raise
