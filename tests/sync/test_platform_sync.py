"""A township's reports go up through its hall: queued while it has no network, carried in its package, sent by the
hall under the township's own keys; sent directly too once it has a network, and held once.

The township on SQLite, the hall on either database; the platform played by an HTTPS server with its own CA.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.outbox.platform import save_platform, send_due
from counter.actions.ratings.follow_up import move_rectification
from counter.actions.site.demo import run_demo
from counter.db import models
from counter.outbox.rules import SendRound
from counter.platform.settings import PlatformSettings
from counter.ratings.rectification import RectEvent
from tests.actions.senders import Clock, Writes
from tests.codings import CHOSEN, confirm_guides
from tests.pg_server import BACKENDS
from tests.platform_stub import SECRET, Platform, running_platform
from tests.signed_in import signed_in
from tests.sync.sync_world import NOW, TODAY, Site, hall_and_township
from tests.sync.test_sender_records import township_bad_rating


@pytest.fixture(params=BACKENDS)
def sites(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    hall, ars = hall_and_township(request, catalog, tmp_path)
    yield hall, ars
    ars.sessions.kw["bind"].dispose()
    if request.param == "sqlite":
        hall.sessions.kw["bind"].dispose()


def keys_of(sessions: sessionmaker[Session]) -> dict[str, str]:
    with sessions() as s:
        return {str(k): str(v) for k, v in s.execute(select(models.PlatformEvent.key, models.PlatformEvent.state))}


def report(site: Site, settings: PlatformSettings, keys: Path) -> None:
    with site.sessions.begin() as s:
        save_platform(s, settings, desk=site.desk, folder=keys)


@pytest.mark.slow
def test_a_townships_events_go_up_through_the_hall_and_directly_and_are_held_once(
    sites: tuple[Site, Site], tmp_path: Path
) -> None:
    hall, ars = sites
    with running_platform() as platform:
        direct = PlatformSettings(True, platform.url, "site", SECRET, 1.0, 4, ca_file=platform.ca_file, codings=CHOSEN)
        report(hall, direct, tmp_path / "hall-keys")
        report(
            ars, PlatformSettings(True, codings=CHOSEN), tmp_path / "ars-keys"
        )  # through the hall: no network of its own
        for site in (hall, ars):  # a case under a bundled sample guide is never reported: both confirm theirs
            with site.sessions.begin() as s:
                confirm_guides(s, "XAM-YJS-008")
        run_demo(ars.sessions, ars.desk, TODAY)
        township = keys_of(ars.sessions)
        assert len(township) > 5
        assert set(township.values()) == {"waiting"}
        clock = Clock()
        clock.advance(seconds=1)
        assert send_due(Writes(ars.sessions), clock=clock, folder=tmp_path / "ars-keys") == SendRound()

        hall.take(ars.export().data)
        assert keys_of(hall.sessions).keys() == township.keys()  # the township's events under its own keys
        assert send_due(Writes(hall.sessions), clock=clock, folder=tmp_path / "hall-keys").sent == len(township)
        assert len(platform.held) == len(township)

        hall.take(ars.export().data)  # the next package carries the cases again: nothing queued twice
        assert len(keys_of(hall.sessions)) == len(township)

        report(ars, direct, tmp_path / "ars-keys")  # the township's network is back: it sends its own directly
        assert send_due(Writes(ars.sessions), clock=clock, folder=tmp_path / "ars-keys").sent == len(township)
        assert set(keys_of(ars.sessions).values()) == {"sent"}
        assert len(platform.held) == len(township)  # each acknowledged as the repeat it is
        assert len(platform.requests) == 2 * len(township)
        assert len({r["idempotency_key"] for r in platform.requests}) == len(township)
        assert_unique(platform)


def assert_unique(platform: Platform) -> None:
    """No two events the platform holds are one step under two keys."""
    steps = [tuple(sorted((k, v) for k, v in e.items() if k != "request_id")) for e in platform.events()]
    assert len(set(steps)) == len(steps)


def test_a_townships_rating_and_its_rectification_are_queued_at_the_hall_under_the_townships_keys(
    sites: tuple[Site, Site], tmp_path: Path
) -> None:
    """A 差评 given at the township's pad, and its rectification's steps there: the hall that takes the case in
    queues the same reports the township queued, to send for it; the next package queues none twice."""
    hall, ars = sites
    report(hall, PlatformSettings(True, codings=CHOSEN), tmp_path / "hall-keys")
    report(ars, PlatformSettings(True, codings=CHOSEN), tmp_path / "ars-keys")
    for site in (hall, ars):
        with site.sessions.begin() as s:
            confirm_guides(s, "XAM-YJS-008")
    run_demo(ars.sessions, ars.desk, TODAY)
    uid = township_bad_rating(ars)
    with ars.sessions() as s:
        rectification = s.scalars(select(models.Rectification.id)).one()
    ars = dataclasses.replace(ars, desk=signed_in(ars.sessions, ars.desk))  # from now on, accounts sign in
    with ars.sessions.begin() as s:
        move_rectification(s, rectification, RectEvent.REVISITED, "乌兰", "已电话回访申请人", NOW, desk=ars.desk)
    township = keys_of(ars.sessions)
    with ars.sessions() as s:
        kinds = set(s.scalars(select(models.PlatformEvent.kind)))
    assert {"rated", "revisited"} <= kinds, kinds
    hall.take(ars.export().data)
    assert keys_of(hall.sessions).keys() == township.keys()
    hall.take(ars.export().data)
    assert len(keys_of(hall.sessions)) == len(township)
    with hall.sessions() as s:
        assert s.scalar(select(models.Case.id).where(models.Case.uid == uid)) is not None
