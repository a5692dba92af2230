"""A hall's desk: the window on the hall server (:class:`counter.service.remote.Remote`) instead of a database.

Chosen by the desk's settings (``server``, ``server_ca``: ``counter desk --server … --ca …``) or by the window's
``--server`` and ``--ca`` options; the machine's desk key is read from its own file (:mod:`counter.host.keys.desk_key`).
The window holds the same :class:`counter.service.local.Service` either way.  What only a database of the desk's own
needs is not asked of a server: the file's checks, the quick start's index, the bundled catalog's import, the daily
backup and a damaged file's restore are the server's and its administrator's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from counter.ui.door import server_words

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.service.operation import Operation
    from counter.service.outage_desk import OutageDesk
    from counter.service.remote import Remote

log = logging.getLogger(__name__)

Req = TypeVar("Req")
Res = TypeVar("Res")


@dataclass(frozen=True)
class HallSettings:
    """Where this desk's server is and whom it trusts for it; both "" on a desk with its own database."""

    server: str
    ca_file: str

    @property
    def on_server(self) -> bool:
        return bool(self.server)


def hall_settings(server: str | None, ca: str | None) -> HallSettings:
    """The window's options over the desk's settings."""
    from counter.host.machine.desk_config import load_desk_config

    config = load_desk_config()
    return HallSettings(server if server is not None else config.server, ca if ca is not None else config.server_ca)


class HallService(QObject):
    """The hall server's operations, as the window holds them: says when the server ended the session.

    ``session_ended`` is emitted from the worker thread the call ran on; the sign-in controller, of the window's
    thread, receives it queued.  The fault itself goes on to the runner, which words it for the widget that asked.
    """

    session_ended = Signal(str)  # a counter.access.desk_session.SessionEnd value, or "none"
    #: the server did not answer a call, its retries spent (emitted from the worker thread): outage mode is offered
    server_away = Signal()

    def __init__(self, remote: Remote, parent: QObject | None = None, outage: OutageDesk | None = None) -> None:
        super().__init__(parent)
        self.remote = remote
        self.clock = remote.clock  # the day the window shows: the machine's
        self._told: list[Callable[[int], None]] = []
        #: the desk's outage store (:mod:`counter.service.outage_desk`); ``in_outage``: the clerk chose outage mode,
        #: and every call goes to the store (refused there unless the window's own work)
        self.outage = outage
        self.in_outage = False

    def call(self, op: Operation[Req, Res], request: Req, desk: Desk | None = None, *, key: str = "") -> Res:
        from counter.service.remote import ServerUnreachable, SessionEnded

        if self.in_outage and self.outage is not None:
            return self.outage.call(op, request, desk, key=key)
        try:
            return self.remote.call(op, request, desk, key=key)
        except SessionEnded as err:
            self.session_ended.emit(err.reason or "none")
            raise
        except ServerUnreachable:
            self.server_away.emit()
            raise

    def report_trouble_to(self, told: Callable[[int], None]) -> None:
        """``told`` hears of each try the server did not answer (a refusal, a slow connection), with the asking
        thread's ident, on that thread (:attr:`counter.service.remote.Remote.on_trouble`): each runner's own."""
        self._told.append(told)
        self.remote.on_trouble = self._tell

    def _tell(self, thread: int) -> None:
        for told in self._told:
            told(thread)

    def close(self) -> None:
        self.remote.close()
        if self.outage is not None:
            self.outage.close()


def open_remote(settings: HallSettings) -> Remote | str:
    """The transport to the server; the Chinese reason when the desk cannot even try (no key, no CA, no address)."""
    from counter.host.keys.desk_key import read_desk_key
    from counter.service.remote import Remote

    if not read_desk_key():
        return server_words.START_NO_KEY
    if not settings.ca_file or not Path(settings.ca_file).is_file():
        log.error("the hall's CA certificate %r is not there", settings.ca_file)
        return server_words.START_NO_CA
    try:
        return Remote(settings.server, Path(settings.ca_file))
    except ValueError:
        log.exception("the hall server's address %r", settings.server)
        return server_words.START_BAD_SERVER
    except OSError:  # unreadable, or no certificate in it (ssl.SSLError is an OSError)
        log.exception("the hall's CA certificate %s", settings.ca_file)
        return server_words.START_NO_CA
