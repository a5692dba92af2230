"""A hall server that does not answer, for the window's tests (a port nothing listens on, or a server that takes the
connection and says nothing: :mod:`tests.service.silent_server`); and a service that asks the intake's commit of it
and everything else of the desk's own database, as a hall desk whose server went away after the form was opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter.service.operation import Operation
from counter.service.remote import Remote
from counter.ui.door.hall_desk import HallService
from tests.db.tls_server import make_authority

#: the transport's retries, shortened: the test ends in about two seconds once the words are seen
SHORT_WAITS_S = (0.5, 0.5, 0.5)


def remote_at(port: int, tmp_path: Path) -> Remote:
    """A desk's transport to ``127.0.0.1:port``, as after its sign-in."""
    ca = make_authority("兴安盟政务服务中心 CA").write(tmp_path / "hall-ca.crt")
    remote = Remote(f"https://127.0.0.1:{port}", ca, retry_waits_s=SHORT_WAITS_S)
    remote._token = "token-of-the-sign-in"  # signed in: what follows is the server's silence, not a refusal
    return remote


class ServerForOne:
    """The desk's own service, but for ``remote_ops`` asked of the hall server."""

    def __init__(self, local: Any, remote: Remote, remote_ops: frozenset[str]) -> None:
        self.local = local
        self.clock = local.clock
        self.hall = HallService(remote)
        self.remote_ops = remote_ops

    def call(self, op: Operation[Any, Any], request: Any, desk: Any = None, *, key: str = "") -> Any:
        if op.name in self.remote_ops:
            return self.hall.call(op, request, desk, key=key)
        return self.local.call(op, request, desk, key=key)

    def report_trouble_to(self, told: Callable[[int], None]) -> None:
        self.hall.report_trouble_to(told)
