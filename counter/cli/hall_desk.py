"""The command line on a hall's desk: the hall server's operations, asked as the window asks them.

A desk set for a server (``counter desk --server … --ca … --desk-key-file …``) keeps no database of its own: its
window asks the server (:mod:`counter.service.remote`), and so does every command, through the same transport,
signed in at the server's door as ``--user`` with the machine's desk key.  The server numbers, dates and records
what a command does, as it does the window's.  Only ``--db`` (the technician's choice) or training (``--today``,
``counter demo``, whose file is the desk's own, as the window's training is) names a database here instead.

What only a database of the desk's own has is refused, in words, before anything is opened or made: the set-up's
``counter db upgrade``, and the backups and restores of a file (the hall's database is its administrator's, backed
up at the server).  A server that does not answer, or is not the hall's, fails the command with nothing made on the
desk.  While the transport still tries a server that has not answered, the command says so once on standard error
(:class:`ReachingNotice`), as the window does in its status bar: a technician at a stopped or hung server is not
left before a silent terminal.
"""

from __future__ import annotations

import logging
import math
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.access.roles import Actor
    from counter.service.operation import Operation
    from counter.service.remote import Remote

log = logging.getLogger(__name__)

Req = TypeVar("Req")
Res = TypeVar("Res")

HALL_NEEDS_USER = tr(
    "本机是大厅的窗口，命令在大厅服务器上办理，须以账号登录：请加 --user 登录名"
    "（密码取自环境变量 COUNTER_PASSWORD，或按提示输入）。"
)
HALL_NO_UPGRADE = tr("本机是大厅的窗口，没有本机数据库：数据库结构由大厅服务器的管理员升级。")
HALL_NO_BACKUP = tr("本机是大厅的窗口，没有本机数据库：数据在大厅服务器上，由服务器的管理员备份和恢复。")
#: the ``{fault}`` of the server's faults (counter.words.hall), and that the command did nothing
HALL_FAILED = tr("{fault}。命令没有完成，本机没有保存任何内容。")
#: the same, where the server's answer was not understood: whether it was done there is not known
HALL_UNKNOWN = tr("{fault}。本机没有保存任何内容。")


class HallCommands:
    """The hall server's operations for one command run, signed in as ``--user``: the service a command holds."""

    def __init__(self, remote: Remote, actor: Actor) -> None:
        self.remote = remote
        self.actor = actor
        self.clock = remote.clock

    def call(self, op: Operation[Req, Res], request: Req, desk: Desk | None = None, *, key: str = "") -> Res:
        return self.remote.call(op, request, desk, key=key)

    def close(self) -> None:
        """The session ended at the server and the connections closed; a server away then ends it itself, idle."""
        try:
            if self.remote.signed_in:
                self.remote.sign_out()
        except Exception:
            log.exception("the command's session not ended at the hall server")
        finally:
            self.remote.close()


class ReachingNotice:
    """Told by the transport when a try failed or a connection is slow to open
    (:attr:`counter.service.remote.Remote.on_trouble`): the first time, one line on standard error, the window's
    正在连接大厅服务器…… with how long the command may still wait; never again at the retries that follow.  Never on
    standard output, which scripts read.  The transport tells it from the asking thread or from its timer's."""

    def __init__(self, seconds: float) -> None:
        self._seconds = math.ceil(seconds)
        self._lock = threading.Lock()
        self._said = False

    def __call__(self, _thread: int) -> None:
        from counter.words.hall import SERVER_REACHING_AT_MOST

        with self._lock:
            if self._said:
                return
            self._said = True
        log.info("the hall server has not answered yet: the command tries on for %d s at most", self._seconds)
        print(SERVER_REACHING_AT_MOST.format(seconds=self._seconds), file=sys.stderr, flush=True)


class HallRefused(Exception):
    """The desk cannot ask the server, or the server refused the sign-in: the sentence to say (exit 1)."""


def open_hall(login: str, password: str) -> HallCommands:
    """The hall server's operations, signed in as ``login`` at the server's door with the machine's desk key."""
    from counter.access.lockout import POLICY
    from counter.host.keys.desk_key import read_desk_key
    from counter.host.machine.desk_config import load_desk_config
    from counter.words.access import sign_in_refusal_text
    from counter.words.hall import SIGNIN_DESK_UNKNOWN

    config = load_desk_config()
    remote = _remote(config.server, config.server_ca)
    try:
        answer = remote.sign_in(login, password, config.desk_no, read_desk_key())
    finally:
        if not remote.signed_in:
            remote.close()
    if not answer.desk_known:
        raise HallRefused(SIGNIN_DESK_UNKNOWN)
    result = answer.result
    if result.actor is None:
        minutes = int(POLICY.lock_for.total_seconds() // 60)
        raise HallRefused(sign_in_refusal_text(result.outcome, result.attempts_left, result.locked_until, minutes))
    log.info("a command signed in at the hall server as %s", login)
    return HallCommands(remote, result.actor)


def _remote(server: str, ca_file: str) -> Remote:
    """The transport to the server, its trouble said (:class:`ReachingNotice`); refused in words when the desk cannot
    even try (no key, no CA, no address)."""
    from counter.host.keys.desk_key import read_desk_key
    from counter.service.remote import Remote
    from counter.words.hall import START_BAD_SERVER, START_NO_CA, START_NO_KEY

    if not read_desk_key():
        raise HallRefused(START_NO_KEY)
    if not ca_file or not Path(ca_file).is_file():
        log.error("the hall's CA certificate %r is not there", ca_file)
        raise HallRefused(START_NO_CA)
    try:
        remote = Remote(server, Path(ca_file))
    except ValueError as err:
        log.exception("the hall server's address %r", server)
        raise HallRefused(START_BAD_SERVER) from err
    except OSError as err:  # unreadable, or no certificate in it (ssl.SSLError is an OSError)
        log.exception("the hall's CA certificate %s", ca_file)
        raise HallRefused(START_NO_CA) from err
    remote.on_trouble = ReachingNotice(remote.unreachable_within_s())
    return remote


def hall_failure_text(err: Exception) -> str | None:
    """A hall server's fault in words (the detail to the log); None for any other exception.

    Asked only where the transport was loaded: a command on the desk's own database never imports it.
    """
    remote = sys.modules.get("counter.service.remote")
    if remote is None:
        return None
    from counter.words.hall import (
        SERVER_AWAY,
        SERVER_NOT_TRUSTED,
        SERVER_NOT_UNDERSTOOD,
        SERVER_REFUSED,
        SESSION_OVER,
    )

    if isinstance(err, remote.NotUnderstood):  # before Refused, of which it is one: whether it was done is not known
        log.error("hall server answer not understood: %s", err.detail)
        return HALL_UNKNOWN.format(fault=SERVER_NOT_UNDERSTOOD)
    faults = {
        remote.ServerUnreachable: SERVER_AWAY,
        remote.ServerNotTrusted: SERVER_NOT_TRUSTED,
        remote.SessionEnded: SESSION_OVER,
        remote.Refused: SERVER_REFUSED,
    }
    for kind, fault in faults.items():
        if isinstance(err, kind):
            log.error("hall server fault %s: %s", type(err).__name__, err)
            return HALL_FAILED.format(fault=fault)
    return None
