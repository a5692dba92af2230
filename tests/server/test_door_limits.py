"""The door's limits asked in process (an ASGI call: no port, no thread): bodies over their cap or too slow, sign-ins
that leave nothing behind, password checks a few at a time.

Measured before them: 200 sign-ins without a desk's key left 200 receipts of 1.8 KB (kept a week), and 40 sign-ins at
once with one desk's key ran 40 scrypt checks of 128 MiB together.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any, cast

import pytest
from uvicorn.config import Config
from uvicorn.server import ServerState

from counter.access.account_views import SignInResult
from counter.access.desk_session import DeskSignIn
from counter.access.lockout import SignInOutcome
from counter.access.roles import Actor, Role
from counter.server import bodies, bounds, hashing
from counter.server.app import make_app
from counter.server.bodies import BODY_CAP, DOOR_CAP, PACKAGE_CAP, BoundedBodies, body_cap
from counter.server.bounds import SPARE, BoundedH11
from counter.server.hashing import HashingGate, KeyBusy, hashes_at_once
from counter.server.secrets_hash import digest
from counter.service.hall import CHECK_DESK, OPEN_SESSION
from counter.service.local import serve
from counter.service.sync import IMPORT_PACKAGE
from tests.conftest import made_database
from tests.server.asgi_call import Message, answer, asked, scope


async def _echo(scope: Any, receive: Any, send: Any) -> None:
    """A route that answers the length of the body it read."""
    size = 0
    while True:
        message = await receive()
        size += len(message.get("body", b""))
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": json.dumps(size).encode()})


def test_each_route_has_its_cap() -> None:
    assert body_cap("/v1/sign-in") == DOOR_CAP
    assert body_cap("/v1/operations/intake.take") == BODY_CAP
    assert body_cap(f"/v1/operations/{IMPORT_PACKAGE.name}") == PACKAGE_CAP > BODY_CAP


def test_a_body_declared_over_its_cap_is_refused_before_a_byte_is_read() -> None:
    read: list[bool] = []

    async def run() -> list[Message]:
        async def receive() -> Message:
            read.append(True)
            return {"type": "http.request", "body": b"", "more_body": False}

        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        asking = scope("/v1/sign-in", {"Content-Length": str(300 << 20)})
        await BoundedBodies(_echo)(asking, receive, send)
        return sent

    status, body, headers = answer(asyncio.run(run()))
    assert (status, body, read) == (413, {"refused": "too_large"}, [])
    assert headers[b"connection"] == b"close"


def test_a_body_sent_without_its_length_is_refused_once_past_its_cap() -> None:
    parts = [b"x" * (8 << 10)] * 3  # 24 KB to a door that takes 16
    status, body, _ = answer(asyncio.run(asked(BoundedBodies(_echo), "/v1/sign-in", parts, {})))
    assert (status, body) == (413, {"refused": "too_large"})


def test_a_body_within_its_cap_and_deadline_reaches_the_route_whole() -> None:
    parts = [b"x" * (1 << 20)] * 3
    app = BoundedBodies(_echo)
    status, body, _ = answer(asyncio.run(asked(app, "/v1/operations/x", parts, {"Content-Length": str(3 << 20)})))
    assert (status, body) == (200, 3 << 20)


def test_a_body_not_whole_by_its_deadline_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodies, "BODY_S", 0.3)
    sent = asyncio.run(asked(BoundedBodies(_echo), "/v1/sign-in", [b"{"] * 10, {"Content-Length": "10"}, wait_s=0.1))
    status, body, headers = answer(sent)
    assert (status, body, headers[b"connection"]) == (408, {"refused": "too_slow"}, b"close")


def test_a_body_its_desk_hung_up_on_runs_nothing_and_gives_back_its_room() -> None:
    """A desk's connection lost in the middle of its body (a cable pulled): the half body reaches no operation, no
    answer is written to nobody, and what it reserved of :data:`BODIES_HELD` is free again."""
    reached: list[Any] = []

    async def route(scope: Any, receive: Any, send: Any) -> None:
        reached.append(scope["path"])

    app = BoundedBodies(route)
    given: list[Message] = [
        {"type": "http.request", "body": b'{"case_no": "XAM01', "more_body": True},
        {"type": "http.disconnect"},
    ]

    async def receive() -> Message:
        return given.pop(0)

    sent: list[Any] = []

    async def send(message: Any) -> None:
        sent.append(message)

    asyncio.run(app(scope("/v1/operations/cases.waive_papers", {"Content-Length": "100"}), receive, send))
    assert (reached, sent, app.held) == ([], [], {False: 0, True: 0})


def test_bodies_held_at_once_are_bounded_and_a_body_that_does_not_fit_is_refused_unread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bodies, "BODIES_HELD", 3 << 20)
    app = BoundedBodies(_echo)

    async def run() -> list[int]:
        one_mb = {"Content-Length": str(1 << 20)}
        # three bodies whose first megabyte came, the fourth asked while they are still being read: the bytes
        # received are held, never those only declared
        parts = [b"x" * (1 << 20), b""]
        slow = [asyncio.create_task(asked(app, "/v1/operations/x", parts, one_mb, 0.2)) for _ in range(3)]
        await asyncio.sleep(0.3)
        refused = await asked(app, "/v1/operations/x", [b"x" * (1 << 20)], one_mb)
        answered = [answer(sent)[0] for sent in await asyncio.gather(*slow)]
        after = await asked(app, "/v1/operations/x", [b"x" * (1 << 20)], one_mb)  # room again once they are done
        return [answer(refused)[0], *answered, answer(after)[0]]

    assert asyncio.run(run()) == [503, 200, 200, 200, 200]
    assert (app.held, app.by_client) == ({False: 0, True: 0}, {})


def _rows(path: Path) -> int:
    with sqlite3.connect(path) as db:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return sum(db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables)


def test_sign_ins_without_a_desks_key_leave_no_row(tmp_path: Path) -> None:
    path = tmp_path / "hall.sqlite3"
    service = serve(made_database(path, catalog=False))
    before = _rows(path)
    body = json.dumps({"login": "wulan", "password": "x" * 20, "desk_no": "8", "desk_key": "not-a-key"}).encode()

    async def run() -> list[int]:
        app = make_app(service)
        answers = [await asked(app, "/v1/sign-in", [body], {"Content-Length": str(len(body))}) for _ in range(200)]
        return [answer(sent)[0] for sent in answers]

    try:
        assert set(asyncio.run(run())) == {403}
    finally:
        service.close()
    assert _rows(path) == before


def test_password_checks_run_a_few_at_a_time_and_once_per_desk_key() -> None:
    async def run() -> tuple[int, list[str]]:
        gate = HashingGate(at_once=2)
        running, most, outcomes = 0, 0, []

        async def sign_in(key: str) -> None:
            nonlocal running, most
            try:
                async with gate.admitted(key):
                    running += 1
                    most = max(most, running)
                    await asyncio.sleep(0.05)
                    running -= 1
                    outcomes.append("checked")
            except KeyBusy:
                outcomes.append("busy")

        await asyncio.gather(*(sign_in(f"desk-{n}") for n in range(6)), *(sign_in("desk-0") for _ in range(3)))
        await sign_in("desk-0")  # its first ended: the key signs in again
        return most, outcomes

    most, outcomes = asyncio.run(run())
    assert most == 2
    assert (outcomes.count("checked"), outcomes.count("busy")) == (7, 3)


class _CheckingDoor:
    """A hall's service at the door whose password check waits for the test (an event per desk): desks 8 and 9 are
    registered with the keys :data:`_KEYS`; a sign-in with any other key is answered at once, as the service
    answers it (no password tried)."""

    def __init__(self) -> None:
        self.let_go = {desk_no: threading.Event() for desk_no in _KEYS.values()}
        self.checked: list[str] = []  # the desks whose password check began, in order
        self.priorities: list[int] = []  # the nice of the thread each ran on

    def call(self, op: Any, asked: Any) -> Any:
        known = _KEYS.get(asked.key_hash) == asked.desk_no
        if op is CHECK_DESK:
            return known
        assert op is OPEN_SESSION, op.name
        if not known:
            return DeskSignIn(SignInResult(SignInOutcome.UNKNOWN_LOGIN, asked.login), desk_known=False)
        self.checked.append(asked.desk_no)
        self.priorities.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        assert self.let_go[asked.desk_no].wait(60)
        if asked.password == _RIGHT:
            actor = Actor(asked.login, asked.login, frozenset({Role.CLERK}))
            return DeskSignIn(SignInResult(SignInOutcome.SIGNED_IN, asked.login, actor))
        return DeskSignIn(SignInResult(SignInOutcome.UNKNOWN_LOGIN, asked.login))


_KEYS = {digest("key-of-desk-8"): "8", digest("key-of-desk-9"): "9"}
_RIGHT = "Right2026pw"  # the one password the stand-in takes


def test_a_desk_waits_for_the_check_in_hand_and_its_own_not_for_a_flood_at_another_desk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One check at a time; desk 9's stolen key checking, then 39 more with it and 40 with made-up keys at desk 9,
    then desk 8: desk 8 is checked next, and no made-up key waited for the check in hand.  Before, the made-up keys
    stood in the one line: answered only after desk 9's check, and desk 8 after all of them."""
    monkeypatch.setattr(hashing, "hashes_at_once", lambda: 1)
    door = _CheckingDoor()
    answered: list[tuple[str, int]] = []

    async def sign_in(who: str, desk_no: str, key: str) -> None:
        answered.append((who, await _signs_in(app, desk_no, key, "Guess2026x")))

    async def until(done: Any) -> None:
        for _ in range(1000):
            if done():
                return
            await asyncio.sleep(0.01)

    async def run() -> None:
        stolen = asyncio.create_task(sign_in("stolen", "9", "key-of-desk-9"))
        await until(lambda: door.checked)
        flood = [asyncio.create_task(sign_in("again", "9", "key-of-desk-9")) for _ in range(39)]
        flood += [asyncio.create_task(sign_in("made-up", "9", f"made-up-{n}")) for n in range(40)]
        other = asyncio.create_task(sign_in("desk 8", "8", "key-of-desk-8"))
        await until(lambda: len(answered) == 79)
        door.let_go["9"].set()
        await stolen
        door.let_go["8"].set()
        await asyncio.gather(other, *flood)

    app = make_app(cast(Any, door))
    asyncio.run(run())
    assert door.checked == ["9", "8"]
    assert answered[-2:] == [("stolen", 200), ("desk 8", 200)]  # desk 8 served next
    assert sorted(set(answered[:-2])) == [("again", 429), ("made-up", 403)]


async def _signs_in(app: Any, desk_no: str, key: str, password: str) -> int:
    body = json.dumps({"login": "nobody", "password": password, "desk_no": desk_no, "desk_key": key})
    return answer(await asked(app, "/v1/sign-in", [body.encode()], {"Content-Length": str(len(body))}))[0]


def test_after_a_failure_a_desk_keys_next_check_runs_at_the_lowest_priority_until_one_succeeds() -> None:
    """A stolen key asked over and over keeps one check running: after its first failure each of its checks runs on
    the lane's thread at nice 19, so that it takes only what the machine leaves over, while another desk's runs at
    the server's own priority.  Before, every check ran on the worker threads, at the priority of all the others."""
    door = _CheckingDoor()
    for event in door.let_go.values():
        event.set()
    own = os.getpriority(os.PRIO_PROCESS, 0)

    async def run() -> list[int]:
        tries = [("9", "key-of-desk-9", "Guess2026x")] * 3 + [("8", "key-of-desk-8", "Guess2026x")]
        tries += [("9", "key-of-desk-9", _RIGHT), ("9", "key-of-desk-9", "Guess2026x")]
        return [await _signs_in(app, desk_no, key, password) for desk_no, key, password in tries]

    app = make_app(cast(Any, door))
    assert asyncio.run(run()) == [200] * 6
    assert door.checked == ["9", "9", "9", "8", "9", "9"]
    # the first at desk 9 and desk 8's in a slot; desk 9's next two, and the right password, in the lane; after
    # the right password, desk 9's next in a slot again
    assert door.priorities == [own, hashing.LANE_NICE, hashing.LANE_NICE, own, hashing.LANE_NICE, own]


def test_a_desk_key_that_failed_is_checked_once_at_a_time_in_the_lane_and_refused_busy_meanwhile() -> None:
    """After a failure a key's checks run in the lane: while one runs, the same key asking again is answered 429 at
    once (no second scrypt queued behind it); once it ends, the key is checked again."""
    door = _CheckingDoor()
    key = "key-of-desk-9"

    async def until(done: Any) -> None:
        for _ in range(1000):
            if done():
                return
            await asyncio.sleep(0.01)

    async def run() -> list[int]:
        door.let_go["9"].set()
        statuses = [await _signs_in(app, "9", key, "Guess2026x")]  # checked in a slot, and failed
        door.let_go["9"].clear()
        held = asyncio.create_task(_signs_in(app, "9", key, "Guess2026x"))  # in the lane, waiting on the test
        await until(lambda: len(door.checked) == 2)
        statuses.append(await _signs_in(app, "9", key, _RIGHT))  # the same key meanwhile: busy, not checked
        door.let_go["9"].set()
        statuses.append(await held)
        statuses.append(await _signs_in(app, "9", key, _RIGHT))  # the lane free again: checked
        return statuses

    app = make_app(cast(Any, door))
    assert asyncio.run(run()) == [200, 429, 200, 200]
    assert door.checked == ["9", "9", "9"]
    assert door.priorities[1:] == [hashing.LANE_NICE, hashing.LANE_NICE]


def test_password_checks_at_once_are_sized_to_processors_and_free_memory() -> None:
    gib = 1 << 30
    assert hashes_at_once(processors=4, free_memory=16 * gib) == 4
    assert hashes_at_once(processors=8, free_memory=1 * gib) == 1  # 128 MiB each, a quarter of memory for them
    assert hashes_at_once(processors=2, free_memory=gib // 4) == 1  # never none


class _Transport:
    """What uvicorn's protocol asks of a connection's transport; closing it tells the protocol, as asyncio does."""

    def __init__(self) -> None:
        self.closed = False
        self.protocol: Any = None

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("10.1.2.3", 40000), "sockname": ("10.1.2.1", 8443)}.get(name, default)

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            asyncio.get_running_loop().call_soon(self.protocol.connection_lost, None)

    def write(self, data: bytes) -> None:
        pass

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


def test_at_the_cap_the_oldest_idle_connection_makes_room_and_silent_ones_end_at_their_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bounds, "HEAD_S", 0.3)

    async def run() -> tuple[list[bool], list[bool], int, bool]:
        config = Config(_echo, limit_concurrency=SPARE + 3, http=BoundedH11)
        config.load()
        state = ServerState()

        async def connect() -> _Transport:
            transport = _Transport()
            transport.protocol = BoundedH11(config, state, {}, asyncio.get_running_loop())
            transport.protocol.connection_made(transport)
            await asyncio.sleep(0)  # a closed one's connection_lost runs
            return transport

        first = [await connect() for _ in range(2)]  # under the cap: both kept
        kept = [one.closed for one in first]
        later = [await connect() for _ in range(3)]  # each at the cap: the oldest idle one goes
        shed = [one.closed for one in first]
        held = len(state.connections)
        await asyncio.sleep(0.5)
        return kept, shed, held, all(one.closed for one in later)

    before = dict(bounds.CLOSED)
    kept, shed, held, all_ended = asyncio.run(run())
    assert bounds.CLOSED["shed"] - before["shed"] == 3  # counted for the metrics
    assert bounds.CLOSED["no_head"] - before["no_head"] == 2
    assert kept == [False, False]
    assert shed == [True, True]  # oldest first, so that a desk's new connection finds room
    assert held == 2  # kept under the cap less its spare room, however many came
    assert all_ended  # none sent a request's head within its deadline
