"""The record of whole ID numbers read, listed since a day: the desk's day, whatever UTC's digits say."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counter.access.read_record import IdReadRow, ReadsAsked
from counter.actions.site.store import Store
from counter.db.read_log import keep_reads, list_reads
from tests.conftest import made_database


def read_at(at: dt.datetime) -> IdReadRow:
    return IdReadRow(at, "wulan", "乌兰", "XAM01", "1", "XAM01-20261128-01-0001", "", "case.read")


@pytest.mark.usefixtures("in_ulanhot")
def test_the_reads_since_a_day_begin_at_the_desks_midnight(tmp_path: Path) -> None:
    store = Store(made_database(tmp_path / "desk.sqlite3"))
    late = dt.datetime(2026, 11, 27, 15, 55, tzinfo=dt.UTC)  # 23:55 in 乌兰浩特, the 27th
    early = dt.datetime(2026, 11, 27, 16, 5, tzinfo=dt.UTC)  # 00:05, the 28th
    morning = dt.datetime(2026, 11, 28, 1, 0, tzinfo=dt.UTC)  # 09:00, the 28th
    store.write(lambda unit: keep_reads(unit, [read_at(late), read_at(early), read_at(morning)]))
    found = store.read(lambda unit: list_reads(unit, ReadsAsked(since=dt.date(2026, 11, 28))))
    assert [r.at for r in found] == [morning, early]
