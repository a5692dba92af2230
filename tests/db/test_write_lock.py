"""A unit of work that writes holds SQLite's write lock from its first read; one that reads never takes it.

Without it, the reads of an action (is the correction notice still open? was this intake's uid committed?) ran
before its transaction, and another desk could write in between: two desks resubmitting one notice both found it
open.  Measured here with a second connection that does not wait (``timeout=0``): it is refused while a writing
unit of work is open, whatever that unit has done so far, and let through while only a reader is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from counter.db import models
from counter.db.engine import make_engine, make_sessions
from tests.conftest import made_database


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    made = make_engine(made_database(tmp_path / "desk.sqlite3"))
    yield made
    made.dispose()


def _other_desk_writes(engine: Engine) -> None:
    """Another process's write that does not wait for the lock: raises ``database is locked`` when it is taken."""
    path = engine.url.database
    assert path is not None
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("INSERT INTO setting (key, value) VALUES ('other.desk', '1')")
    finally:
        other.close()


def test_a_writing_unit_of_work_holds_the_lock_from_its_first_read(engine: Engine) -> None:
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        session.scalar(select(models.Setting.value).where(models.Setting.key == "training"))
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            _other_desk_writes(engine)
    _other_desk_writes(engine)  # committed: the lock is free again


def test_a_reading_unit_of_work_takes_no_lock(engine: Engine) -> None:
    sessions = make_sessions(engine)
    with sessions() as session:
        session.scalar(select(models.Setting.value).where(models.Setting.key == "training"))
        _other_desk_writes(engine)
        assert session.scalar(select(models.Setting.value).where(models.Setting.key == "other.desk")) == "1"


def test_a_writing_unit_of_work_that_fails_lets_the_lock_go(engine: Engine) -> None:
    sessions = make_sessions(engine)

    def refused_half_way() -> None:
        with sessions.begin() as session:
            session.add(models.Setting(key="half.done", value="1"))
            session.flush()
            raise RuntimeError("the action refused")

    with pytest.raises(RuntimeError):
        refused_half_way()
    _other_desk_writes(engine)
    with sessions() as session:
        assert session.scalar(select(models.Setting.value).where(models.Setting.key == "half.done")) is None
