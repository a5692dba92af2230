"""The set-up's one try of a hall server (``counter desk --server …``) against an address that speaks TLS with the
hall's certificate but drips the key's answer, or sends it without end: a finding of the try within its wait, never a
set-up that hangs or fills the machine's memory."""

from __future__ import annotations

import time

import pytest

from counter.service.hall_server_check import ANSWER_LIMIT, check_server
from tests.service.hall_stub import Answer, answering, head

WAIT_S = 0.6  # the try's wait in these tests: its own is ten seconds
MARGIN_S = 1.0  # the handshake's own try before the key's, and a loaded machine


@pytest.mark.slow  # the wait waited for
def test_a_key_answer_dripped_is_a_finding_at_the_wait() -> None:
    body = b'{"refused": "desk"}'
    with answering([Answer(head(len(body)) + b"{", dripped=body[1:])]) as (root, ca_file, _seen):
        started = time.monotonic()
        found = check_server(root, ca_file, "8", "k" * 43, timeout_s=WAIT_S)
        took = time.monotonic() - started
    assert (found.reached, found.trusted, found.key_accepted) == (True, True, None)
    assert found.detail == f"no whole answer within {WAIT_S:g} s"
    assert took < WAIT_S + MARGIN_S


def test_a_key_answer_without_end_is_a_finding_at_its_cap() -> None:
    endless = Answer(head(None, "Connection: close\r\n"), streamed=b" " * 0x4000, close=True)
    with answering([endless]) as (root, ca_file, seen):
        found = check_server(root, ca_file, "8", "k" * 43, timeout_s=WAIT_S)
    assert (found.reached, found.trusted, found.key_accepted) == (True, True, None)
    assert found.detail == f"an answer over {ANSWER_LIMIT} bytes (more than {ANSWER_LIMIT} bytes sent)"
    assert seen.streamed_whole == 0
