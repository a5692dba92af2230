"""Every outward channel sent by the one frame, against a receiver that answers as none should: a drip, a redirect
to plain HTTP, 200 MB, and a row of a kind this version does not know.  Run once per channel: each send ends within
its deadline, nothing is marked sent that was not, memory stays flat, and the other rows still go."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.outbox import front_store, messages, platform
from counter.db import models
from counter.host.outward.front_store import FrontStoreLink
from counter.outbox.rules import SendRound
from counter.platform.settings import PlatformSettings
from counter.sms.gateway import GatewaySettings
from counter.words.channel_problems import channel_problem
from counter.words.messages import KIND_UNKNOWN, message_kind
from counter.words.platform import platform_kind
from tests.actions.senders import Writes
from tests.actions.test_intake_actions import full_request, take
from tests.codings import CHOSEN, confirm_guides
from tests.hostile_receiver import DRIP, HUGE, OK, REDIRECT, Receiver, running_receiver

TIMEOUT = 1.0  # the settings' least: one send's whole deadline
UNKNOWN = "from_a_newer_version"


@dataclasses.dataclass(frozen=True)
class Side:
    """One channel as the test drives it."""

    name: str
    model: Any
    remote_column: str
    configure: Callable[[sessionmaker[Session], Desk, Receiver, Path], None]
    send: Callable[[sessionmaker[Session], Path, Callable[[], dt.datetime]], SendRound]
    listed: Callable[[Session, Desk], list[Any]]
    kind_words: Callable[[Any], str]


def _sms_configure(sessions: sessionmaker[Session], desk: Desk, receiver: Receiver, keys: Path) -> None:
    with sessions.begin() as s:
        messages.save_gateway(s, GatewaySettings(receiver.url, "hall", "s3cret", "", TIMEOUT, 4), desk=desk)


def _platform_configure(sessions: sessionmaker[Session], desk: Desk, receiver: Receiver, keys: Path) -> None:
    settings = PlatformSettings(
        True, receiver.url, "hall", "s3cret", TIMEOUT, 4, ca_file=receiver.ca_file, codings=CHOSEN
    )
    with sessions.begin() as s:
        platform.save_platform(s, settings, desk=desk, folder=keys)
        confirm_guides(s)


SIDES = {
    "sms": Side(
        "sms", models.OutboxMessage, "gateway_id", _sms_configure,
        lambda sessions, keys, clock: messages.send_due(Writes(sessions), clock=clock),
        messages.message_list, message_kind,
    ),
    "platform": Side(
        "platform", models.PlatformEvent, "platform_id", _platform_configure,
        lambda sessions, keys, clock: platform.send_due(Writes(sessions), clock=clock, folder=keys),
        platform.event_list, platform_kind,
    ),
}  # fmt: skip


@pytest.fixture(params=sorted(SIDES))
def side(request: pytest.FixtureRequest) -> Side:
    return SIDES[request.param]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as receiver:
        yield receiver


def _rows(sessions: sessionmaker[Session], side: Side) -> list[Any]:
    with sessions() as s:
        rows = list(s.scalars(select(side.model).order_by(side.model.id)))
        s.expunge_all()
        return rows


def _queued(sessions: sessionmaker[Session], desk: Desk, side: Side, count: int) -> list[int]:
    for _ in range(count):
        take(sessions, desk, full_request(sessions))
    ids = [row.id for row in _rows(sessions, side)]
    assert len(ids) == count  # one row per intake on each channel
    return ids


def _clock() -> Callable[[], dt.datetime]:
    now = models.utcnow() + dt.timedelta(seconds=1)  # every row queued so far is due
    return lambda: now


@pytest.mark.slow
def test_a_hostile_receiver_costs_each_send_its_deadline_and_no_row_is_sent_that_was_not(
    sessions: sessionmaker[Session], desk: Desk, receiver: Receiver, side: Side, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    side.configure(sessions, desk, receiver, keys)
    ids = _queued(sessions, desk, side, 5)
    with sessions.begin() as s:  # the third row: of a kind a newer version queued
        s.execute(update(side.model).where(side.model.id == ids[2]).values(kind=UNKNOWN))
    receiver.script = [DRIP, REDIRECT, HUGE, OK]
    tracemalloc.start()
    started = time.monotonic()
    try:
        done = side.send(sessions, keys, _clock())
        took = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert done == SendRound(sent=1, waiting=2, failed=2)
    assert receiver.answered == [DRIP, REDIRECT, HUGE, OK]  # the row it cannot read never left; the others did
    assert took < 4 * TIMEOUT + 2  # the drip ended at its deadline, the rest within theirs
    assert peak < 24 * 1024 * 1024  # the 200 MB answer was never read: 64 KiB of it at most
    assert receiver.followed == 0  # nothing went where the redirect pointed
    rows = _rows(sessions, side)
    assert [r.state for r in rows] == ["waiting", "failed", "failed", "waiting", "sent"]
    assert [getattr(r, side.remote_column) for r in rows] == ["", "", "", "", "R0004"]
    drip, redirect, unknown, huge, _ok = (r.last_error for r in rows)
    assert drip == f"timeout after {TIMEOUT:g} s"
    assert redirect.startswith("HTTP 302: redirect not followed http://")
    assert unknown.startswith("set aside: ValueError")  # as stored before the lists worded it
    assert UNKNOWN in unknown
    assert huge == "answer larger than 64 KiB: not read"
    assert [channel_problem(e) for e in (drip, redirect, unknown, huge)] == [
        f"对方在 {TIMEOUT:g} 秒内没有回答",
        "对方要求转到别的地址，未跟随（HTTP 302）",
        "这一条无法读取，已搁置",
        "对方的回答过大，未读取",
    ]
    with sessions() as s:  # the list still lists every row, the one it cannot read too
        listed = {row.id: row for row in side.listed(s, desk)}
    assert sorted(listed) == ids
    assert (listed[ids[2]].kind, side.kind_words(listed[ids[2]].kind)) == (UNKNOWN, KIND_UNKNOWN)


def test_an_event_whose_payload_cannot_be_read_is_set_aside_and_the_next_goes(
    sessions: sessionmaker[Session], desk: Desk, receiver: Receiver, tmp_path: Path
) -> None:
    side = SIDES["platform"]
    keys = tmp_path / "keys"
    side.configure(sessions, desk, receiver, keys)
    ids = _queued(sessions, desk, side, 2)
    with sessions.begin() as s:
        s.execute(update(side.model).where(side.model.id == ids[0]).values(detail="{not json"))
    assert side.send(sessions, keys, _clock()) == SendRound(sent=1, failed=1)
    unreadable, sent = _rows(sessions, side)
    assert (unreadable.state, sent.state) == ("failed", "sent")
    assert unreadable.last_error.startswith("set aside: JSONDecodeError")


def test_the_pass_closes_the_connection_its_channel_kept(sessions: sessionmaker[Session]) -> None:
    closed: list[bool] = []

    class Kept(FrontStoreLink):
        def close(self) -> None:
            closed.append(True)
            super().close()

    assert front_store.send_due(Writes(sessions), link=Kept()) == SendRound()  # the hall has no front store
    assert closed == [True]
