"""A hall desk's command line facing a hall server that takes the connection and never answers (its process frozen
by ``kill -STOP``, its machine half dead): said on standard error within seconds, in the window's words, then the
server away, within the transport's bound, nothing on standard output.

Found with ``counter serve`` stopped by SIGSTOP: ``counter --user bater case list`` said nothing for minutes, each
of the transport's tries waiting its request's whole minute for a TLS handshake that never came.
"""

from __future__ import annotations

import io
import math
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from counter.cli.main import main
from counter.host.keys.desk_key import keep_desk_key
from counter.host.machine.desk_config import load_desk_config, save_desk_config
from counter.service.remote import CONNECT_TIMEOUT_S
from counter.service.retries import RETRY_WAITS_S
from counter.words.hall import SERVER_AWAY, SERVER_REACHING_AT_MOST
from tests.cli.test_hall_desk import databases_on_the_desk
from tests.db.tls_server import make_authority
from tests.service.silent_server import silent_server

DESK_KEY = "Zk3q8V1rX0bP2mW5nT7yH4cJ6dL9sA1eF3gQ5uR7tY0"  # the machine's key, as add-desk gave it
#: the longest a command tries a server that takes no connection: every try's connection bound, the waits between
BOUND_S = (len(RETRY_WAITS_S) + 1) * CONNECT_TIMEOUT_S + sum(RETRY_WAITS_S)
#: what a person at a terminal accepts before being told the server cannot be reached
ACCEPTED_S = 30.0
#: what the command's end may take beyond its bound on a loaded machine: the process's start, a thread's wake-up
MARGIN_S = 5.0
#: how soon the first line comes: the transport's slow connection (one second), with room for a loaded machine
TOLD_WITHIN_S = 2.5


class TimedStream(io.StringIO):
    """Standard error, each write kept with when it came."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[tuple[float, str]] = []

    def write(self, text: str) -> int:
        self.writes.append((time.monotonic(), text))
        return super().write(text)


def desk_set_for(root: str, tmp_path: Path) -> None:
    """This machine set up as desk 8 of a hall whose server is at ``root`` (``counter desk --desk 8``, then its
    server, CA and key, as ``counter desk --server --ca --desk-key-file`` keeps them, without its one try)."""
    assert main(["desk", "--desk", "8", "--clerk", "巴特尔"]) == 0
    ca = make_authority("兴安盟政务服务中心 CA").write(tmp_path / "hall-ca.crt")
    save_desk_config(replace(load_desk_config(), server=root, server_ca=str(ca)))
    keep_desk_key(DESK_KEY)


@pytest.mark.slow  # the transport's whole bound, some 25 s, waited for
def test_a_server_that_takes_the_connection_and_never_answers_is_said_then_given_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ACCEPTED_S > BOUND_S  # the bound itself is one a person accepts
    monkeypatch.setenv("COUNTER_PASSWORD", "Xam01desk2026")
    with silent_server() as server:
        desk_set_for(f"https://127.0.0.1:{server.port}", tmp_path)
        capsys.readouterr()
        said = TimedStream()
        monkeypatch.setattr(sys, "stderr", said)
        ended: list[tuple[int, float]] = []
        started = time.monotonic()
        command = threading.Thread(
            target=lambda: ended.append((main(["--user", "bater", "case", "list"]), time.monotonic())), daemon=True
        )
        command.start()
        command.join(BOUND_S + MARGIN_S)
        writes = list(said.writes)
    notice = SERVER_REACHING_AT_MOST.format(seconds=math.ceil(BOUND_S))
    told = [at - started for at, text in writes if notice in text]
    assert told, f"nothing said while the command waited; standard error: {said.getvalue()!r}"
    assert told[0] < TOLD_WITHIN_S
    assert ended, f"the command still waited after {BOUND_S + MARGIN_S:.0f} s"
    code, at = ended[0]
    assert code == 1
    assert BOUND_S - 1.0 < at - started < BOUND_S + MARGIN_S  # its tries ran to the bound, no further
    text = said.getvalue()
    assert text.count("正在连接大厅服务器") == 1  # once, not at every retry
    assert text.splitlines()[0] == notice
    assert SERVER_AWAY in text
    assert "127.0.0.1" not in text
    assert "Traceback" not in text
    assert capsys.readouterr().out == ""  # scripts read standard output: nothing there
    assert databases_on_the_desk() == []
