"""A package is taken in only if it was written after the last one taken in from its sender, and not days ahead.

The township's clock is the one its packages are dated by: here it is set back or ahead by exporting at another
``now``.  A refused package leaves nothing of itself at the hall.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.db import models
from counter.db.sync.store import last_written
from counter.sync.freshness import CLOCK_SLACK
from counter.sync.package import PackageRejected, RejectCode
from counter.words.sync import package_rejected
from tests.sync.sync_world import NOW, REGISTERED, Site, township_with_demo


@pytest.fixture(params=["sqlite", "postgresql"])
def pair(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[tuple[Site, Site]]:
    """The hall and a township with the training run's six cases, registered with each other a month ago."""
    yield from township_with_demo(request, catalog, tmp_path)


def count(sessions: sessionmaker[Session], model: type[models.Base]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def refused(hall: Site, data: bytes) -> RejectCode:
    with pytest.raises(PackageRejected) as caught:
        hall.take(data)
    assert count(hall.sessions, models.Case) == 0
    assert count(hall.sessions, models.SyncImport) == 0
    return caught.value.code


@pytest.mark.parametrize(
    "written",
    [
        dt.datetime(1970, 1, 1, tzinfo=dt.UTC),
        REGISTERED - CLOCK_SLACK - dt.timedelta(minutes=1),
    ],
    ids=["1970", "before its registration"],
)
def test_a_package_dated_before_its_senders_registration_is_refused_whole(
    pair: tuple[Site, Site], written: dt.datetime
) -> None:
    hall, ars = pair
    assert refused(hall, ars.export(now=written).data) is RejectCode.STALE


@pytest.mark.parametrize(
    "written",
    [dt.datetime(2200, 1, 1, tzinfo=dt.UTC), dt.datetime.now(dt.UTC) + CLOCK_SLACK + dt.timedelta(hours=1)],
    ids=["2200", "two days and an hour ahead"],
)
def test_a_package_dated_days_ahead_is_refused_whole(pair: tuple[Site, Site], written: dt.datetime) -> None:
    hall, ars = pair
    assert refused(hall, ars.export(now=written).data) is RejectCode.DATED_AHEAD


def test_a_package_written_before_the_last_one_taken_in_is_refused_and_a_replay_still_answered(
    pair: tuple[Site, Site],
) -> None:
    hall, ars = pair
    older = ars.export(now=NOW).data  # not acknowledged: the next export holds the same cases again
    newer = ars.export(now=NOW + dt.timedelta(hours=1)).data
    assert hall.take(newer).applied == 6
    with pytest.raises(PackageRejected) as caught:
        hall.take(older)  # the earlier file carried after the later one
    assert caught.value.code is RejectCode.STALE
    with hall.sessions() as session:
        assert session.scalars(select(models.SyncImport.export_no)).all() == [2]
        assert last_written(session, ars.code) == NOW + dt.timedelta(hours=1)  # as its header said
    assert hall.take(newer).replayed  # the same package again is still known as taken in
    assert hall.take(ars.export(now=NOW + dt.timedelta(hours=1)).data).export_no == 3  # written at the same time


def test_the_clerk_is_told_why_in_chinese() -> None:
    for code in (RejectCode.STALE, RejectCode.DATED_AHEAD):
        text = package_rejected(code.value)
        assert "生成时间" in text
        assert text.endswith("整个数据包未导入，本站点数据没有任何改动。")
