"""Stored moments read back: without a zone they are UTC, and the office's day is the desk's own."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator

import pytest

from counter.case.moments import local_moment, office_day, stored_utc

CHINA = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture
def in_ulanhot() -> Iterator[None]:
    """The machine's clock in China's zone, as the desks keep it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_a_time_without_its_zone_is_utc() -> None:
    naive = dt.datetime(2026, 11, 23, 17, 30)
    assert stored_utc(naive) == dt.datetime(2026, 11, 23, 17, 30, tzinfo=dt.UTC)
    morning = dt.datetime(2026, 11, 24, 9, 0, tzinfo=CHINA)
    assert stored_utc(morning) == morning  # the same instant, told in UTC
    assert stored_utc(morning).tzinfo == dt.UTC


@pytest.mark.usefixtures("in_ulanhot")
def test_the_office_day_is_the_desks() -> None:
    late = dt.datetime(2026, 11, 23, 17, 30)  # UTC as SQLite gives it back: half past one at night in 乌兰浩特
    assert office_day(late) == dt.date(2026, 11, 24)
    assert local_moment(late).hour == 1
    assert office_day(dt.datetime(2026, 11, 23, 15, 59, tzinfo=dt.UTC)) == dt.date(2026, 11, 23)
