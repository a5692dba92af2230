"""Stored moments read back: without a zone they are UTC, and the office's day is the desk's own."""

from __future__ import annotations

import datetime as dt

import pytest

from counter.case.moments import local_moment, minute_text, office_day, second_text, stored_utc

CHINA = dt.timezone(dt.timedelta(hours=8))


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


@pytest.mark.usefixtures("in_ulanhot")
def test_a_person_reads_a_stored_time_on_the_desks_clock_or_the_one_a_face_is_given() -> None:
    late = dt.datetime(2026, 11, 23, 17, 30, 5)  # UTC as SQLite gives it back
    assert minute_text(late) == "2026-11-24 01:30"
    assert minute_text(late.replace(tzinfo=dt.UTC)) == "2026-11-24 01:30"  # as PostgreSQL gives it back
    assert second_text(late) == "2026-11-24 01:30:05"
    assert minute_text(late, dt.UTC) == "2026-11-23 17:30"  # a face given its clock keeps that clock's zone
