"""The desk's transport against a server that takes the connection and never shakes hands (its process frozen, its
machine half dead): with one server named too, each try gives up within the connection's bound, not its request's
whole minute, the face told while it tries."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from counter.service.remote import CONNECT_TIMEOUT_S, SLOW_CONNECT_S, Remote, ServerUnreachable
from counter.service.retries import RETRY_WAITS_S
from tests.db.tls_server import make_authority
from tests.service.silent_server import silent_server

MARGIN_S = 2.0  # what a try's end may take beyond its bound on a loaded machine


def _remote(root: str, tmp_path: Path, waits: tuple[float, ...]) -> Remote:
    ca = make_authority("兴安盟政务服务中心 CA").write(tmp_path / "hall-ca.crt")
    return Remote(root, ca, retry_waits_s=waits)


@pytest.mark.slow  # the connection's bound waited for, twice
def test_one_server_that_never_shakes_hands_is_given_up_within_the_connections_bound(tmp_path: Path) -> None:
    told: list[float] = []
    with silent_server() as server:
        desk = _remote(f"https://127.0.0.1:{server.port}", tmp_path, (0.1,))
        desk.on_trouble = lambda _thread: told.append(time.monotonic())
        started = time.monotonic()
        failed: list[Exception] = []

        def sign_in() -> None:
            try:
                desk.sign_in("bater", "Xam01desk2026", "8", "k" * 43)
            except Exception as err:
                failed.append(err)

        asking = threading.Thread(target=sign_in, daemon=True)
        asking.start()
        asking.join(2 * CONNECT_TIMEOUT_S + 0.1 + MARGIN_S)
        took = time.monotonic() - started
    assert failed, f"still trying after {took:.1f} s"
    assert isinstance(failed[0], ServerUnreachable)
    assert took >= 2 * CONNECT_TIMEOUT_S  # both tries given their bound
    assert told
    assert told[0] - started < SLOW_CONNECT_S + 1.0  # told while the first try still opened
    desk.close()


def test_what_a_request_may_try_before_the_server_is_said_away(tmp_path: Path) -> None:
    """The figure the command line says: every try's connection bound, every server in each round, and the waits."""
    one = _remote("https://127.0.0.1:8443", tmp_path, RETRY_WAITS_S)
    two = _remote("https://127.0.0.1:8443 https://127.0.0.2:8443", tmp_path, RETRY_WAITS_S)
    tries = len(RETRY_WAITS_S) + 1
    assert one.unreachable_within_s() == pytest.approx(tries * CONNECT_TIMEOUT_S + sum(RETRY_WAITS_S))
    assert two.unreachable_within_s() == pytest.approx(2 * tries * CONNECT_TIMEOUT_S + sum(RETRY_WAITS_S))
    assert one.unreachable_within_s() < 30.0  # a person waits this long at a terminal, not six minutes
