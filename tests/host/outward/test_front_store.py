"""The 前置库's link against a front store that does not answer as a database should: one that takes the connection
and says nothing, and one that is not there.  Either is no answer (tried again next round, the connection dropped),
within the settings' timeout, never an exception that would end the sender's round."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from counter.host.outward.front_store import FrontStoreLink, FrontWrite
from counter.outbox.rules import Outcome

ROWS: tuple[tuple[str, dict[str, object]], ...] = (
    ("up_case", {"row_guid": "1f0e8c1d-0000-4000-8000-000000000001", "cd_operation": "I"}),
)


@contextmanager
def _silent_store() -> Iterator[int]:
    """A port that takes connections and never says a word; its number."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def take() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=take, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(5)
        for one in held:
            one.close()
        listener.close()


def _write(port: int) -> tuple[Outcome, bool, str, float]:
    link = FrontStoreLink()
    started = time.monotonic()
    try:
        answer = link.write(FrontWrite(f"postgresql+psycopg://hall@127.0.0.1:{port}/front", "secret", 1.0, "B1", ROWS))
    finally:
        link.close()
    return answer.outcome, answer.answered, answer.detail, time.monotonic() - started


@pytest.mark.slow  # waits out the timeout: two seconds of a silent store
def test_a_store_that_takes_the_connection_and_says_nothing_is_no_answer_by_the_timeout() -> None:
    with _silent_store() as port:
        outcome, answered, detail, took = _write(port)
    assert (outcome, answered, detail) == (Outcome.TRY_AGAIN, False, "front store: ConnectionTimeout")
    assert took < 5  # the connection's deadline (libpq counts it in whole seconds, at least two)


def test_a_store_that_is_not_there_is_no_answer() -> None:
    with socket.create_server(("127.0.0.1", 0)) as closed:
        port = closed.getsockname()[1]
    outcome, answered, detail, _took = _write(port)
    assert (outcome, answered, detail) == (Outcome.TRY_AGAIN, False, "front store: OperationalError")


def test_an_event_with_no_rows_is_sent_without_asking() -> None:
    answer = FrontStoreLink().write(FrontWrite("postgresql+psycopg://hall@127.0.0.1:9/front", "secret", 1.0, "B1", ()))
    assert (answer.outcome, answer.remote_id) == (Outcome.SENT, "B1")
