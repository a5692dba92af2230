"""The desk's transport against a "server" that answers too much or too slowly: a proxy, a half-broken machine, a
wrong address that speaks TLS with the hall's certificate.  Each answer ends within the transport's deadline or at its
size cap, the connection closed and its place in the pool given back, the clerk told in the window's own words."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from counter.access.desk_session import DeskSignIn
from counter.cli.hall_desk import hall_failure_text
from counter.server.bodies import PACKAGE_CAP
from counter.service import remote
from counter.service.remote import POOL_SIZE, NotUnderstood, Remote, ServerUnreachable
from counter.service.retries import TIMEOUT_S
from counter.ui.door.runner import server_failed
from counter.words.hall import SERVER_AWAY, SERVER_NOT_UNDERSTOOD
from tests.service.hall_stub import GOOD, Answer, Seen, answering, as_json, good, head
from tests.service.served import COUNT, Count

DEADLINE_S = 0.6  # the whole answer's deadline in these tests: the transport's own is a minute
LIMIT = 64 << 10  # the answer's cap in these tests
MARGIN_S = 1.0  # what the deadline's end may take beyond it on a loaded machine: closing, the thread's wake-up


@contextmanager
def hall(answers: list[Answer]) -> Iterator[tuple[Remote, Seen]]:
    """A desk's transport (no retries) to a stub answering ``answers`` (:func:`tests.service.hall_stub.answering`)."""
    with answering(answers) as (root, ca_file, seen):
        desk = Remote(root, ca_file, retry_waits_s=())
        try:
            yield desk, seen
        finally:
            desk.close()


@pytest.fixture(autouse=True)
def bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(remote, "ANSWER_DEADLINE_S", DEADLINE_S)
    monkeypatch.setattr(remote, "ANSWER_LIMIT", LIMIT)


def _sign_in(desk: Remote) -> DeskSignIn:
    return desk.sign_in("wulan", "Xam01desk2026", "8", "k" * 43)


def _fails(desk: Remote, kind: type[Exception]) -> tuple[Exception, float]:
    started = time.monotonic()
    with pytest.raises(kind) as raised:
        _sign_in(desk)
    return raised.value, time.monotonic() - started


def _all_at_once(desk: Remote, times: int, ask: Callable[[], object]) -> list[object]:
    """``ask`` on ``times`` threads at once: what each raised or answered, every thread ended (a slot kept by a call
    that failed would hold the last ones for ever)."""
    outcomes: list[object] = []

    def one() -> None:
        try:
            outcomes.append(ask())
        except Exception as err:
            outcomes.append(err)

    threads = [threading.Thread(target=one, daemon=True) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(DEADLINE_S * 2 + 10)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def _the_clerk_reads(err: Exception, words: str) -> None:
    told = server_failed(err, "{fault}")
    assert told is not None
    assert told.message == words
    said = hall_failure_text(err)
    assert said is not None
    assert words in said


CHUNK = b"4000\r\n" + b" " * 0x4000 + b"\r\n"  # 16 KB of JSON's white space, chunk after chunk

TOO_LARGE = {
    "declared": lambda: Answer(head(2 << 30) + b'{"sign_in": '),  # two gigabytes said: refused unread
    "chunked": lambda: Answer(head(None, "Transfer-Encoding: chunked\r\n"), streamed=CHUNK, end=b"0\r\n\r\n"),
    "until_closed": lambda: Answer(head(None, "Connection: close\r\n"), streamed=b" " * 0x4000, close=True),
}


@pytest.mark.parametrize("shape", list(TOO_LARGE))
def test_an_answer_larger_than_the_cap_is_not_understood_and_its_connection_let_go(shape: str) -> None:
    with hall([TOO_LARGE[shape]() for _ in range(POOL_SIZE)]) as (desk, seen):
        outcomes = _all_at_once(desk, POOL_SIZE, lambda: _sign_in(desk))
        assert all(isinstance(outcome, NotUnderstood) for outcome in outcomes), outcomes
        assert isinstance(_sign_in(desk), DeskSignIn)  # every slot given back: a good answer is read
        assert isinstance(outcomes[0], NotUnderstood)
        _the_clerk_reads(outcomes[0], SERVER_NOT_UNDERSTOOD)
    assert seen.streamed_whole == 0  # each read to the cap and no further: the rest never came


DRIPPED = {
    "body": lambda: Answer(head(len(as_json(GOOD))) + b"{", dripped=as_json(GOOD)[1:]),
    "headers": lambda: Answer(b"HTTP/1.1 200 OK\r\n", dripped=b"X-Slow: " + b"a" * 100 + b"\r\n"),
    "continues": lambda: Answer(b"", dripped=b"HTTP/1.1 100 Continue\r\n\r\n" * 20),
}


@pytest.mark.slow  # the deadline waited for, twice
@pytest.mark.parametrize("part", list(DRIPPED))
def test_an_answer_dripped_ends_at_the_deadline_as_a_server_away(part: str) -> None:
    with hall([DRIPPED[part]() for _ in range(POOL_SIZE + 1)]) as (desk, _seen):
        err, took = _fails(desk, ServerUnreachable)
        assert DEADLINE_S <= took < DEADLINE_S + MARGIN_S
        _the_clerk_reads(err, SERVER_AWAY)
        started = time.monotonic()
        outcomes = _all_at_once(desk, POOL_SIZE, lambda: _sign_in(desk))
        assert all(isinstance(outcome, ServerUnreachable) for outcome in outcomes), outcomes
        assert time.monotonic() - started < DEADLINE_S + MARGIN_S  # the pool's connections dripped at once
        assert isinstance(_sign_in(desk), DeskSignIn)  # every slot given back: a good answer is read


@pytest.mark.slow  # the deadline waited for
def test_a_write_whose_answer_was_cut_at_the_deadline_is_asked_again_under_its_key() -> None:
    """The server may have applied the write before its answer dripped: the same key is answered from its receipt,
    so asking again is safe, and the clerk's act is not lost to a slow answer."""
    with hall([DRIPPED["body"](), good(b"1")]) as (desk, seen):
        desk._waits = (0.01,)
        desk._token, desk._desk_key = "a token", "a key"  # signed in: what follows is the server's answers
        assert desk.call(COUNT, Count(1)) == 1
    keys = [headers["Idempotency-Key"] for headers in seen.asked]
    assert len(keys) == 2
    assert keys[0] == keys[1]


def test_the_cap_takes_the_largest_package_the_server_takes_from_a_desk(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sync export given back as data is the largest answer; its packages are taken in by another hall's desk
    through its server, whose cap on a request is :data:`counter.server.bodies.PACKAGE_CAP`."""
    monkeypatch.undo()  # the module's own figures
    assert remote.ANSWER_LIMIT >= PACKAGE_CAP
    assert remote.ANSWER_DEADLINE_S == TIMEOUT_S  # the retries' window counts every try at its whole timeout
