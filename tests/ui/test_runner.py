"""The runner: an action in one unit of work, a database fault worded once, and nothing kept of a failed write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from counter.actions.store import DbFault, Store
from counter.db.settings_store import get_setting, put_setting
from counter.ui import words
from counter.ui.cases.words import CASE_READ_FAILED, CASE_SAVE_FAILED
from counter.ui.intake.words import INTAKE_DB_FAULT
from counter.ui.runner import Failed, Runner
from counter.words.database import DB_FAULT

KEY = "test.runner"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}", create=True)
    yield opened
    opened.dispose()


def write_then_fail(unit: Session) -> None:
    put_setting(unit, KEY, "half")
    unit.flush()  # the first half is in the database's transaction …
    unit.execute(text("INSERT INTO no_such_table VALUES (1)"))  # … and the second half fails


def test_a_fault_in_a_write_becomes_the_widgets_sentence_and_nothing_is_committed(store: Store) -> None:
    runner = Runner(store)
    with pytest.raises(Failed) as failed:
        runner.write(write_then_fail, CASE_SAVE_FAILED)
    assert failed.value.message == CASE_SAVE_FAILED.format(error="OperationalError")
    assert failed.value.fault is DbFault.OTHER
    assert not failed.value.connection_lost  # SQLite is a file here: nothing to wait for
    assert runner.read(lambda unit: get_setting(unit, KEY)) is None


def test_without_a_sentence_of_its_own_the_cause_is_said_in_plain_words(store: Store) -> None:
    runner = Runner(store)
    with pytest.raises(Failed) as failed:
        runner.write(write_then_fail)
    assert failed.value.message == DB_FAULT["other"].format(error="OperationalError")


def test_a_read_only_database_is_named_as_such(store: Store) -> None:
    runner = Runner(store)

    def refused(unit: Session) -> None:
        unit.execute(text("PRAGMA query_only = ON"))
        put_setting(unit, KEY, "no")
        unit.flush()

    with pytest.raises(Failed) as failed:
        runner.write(refused, INTAKE_DB_FAULT)
    assert failed.value.fault is DbFault.READ_ONLY
    cause = DB_FAULT["read_only"].format(error=failed.value.error)
    assert failed.value.message == INTAKE_DB_FAULT.format(fault=cause)


def test_a_write_that_returns_is_committed_whole(store: Store) -> None:
    runner = Runner(store)
    runner.write(lambda unit: put_setting(unit, KEY, "kept"))
    assert runner.read(lambda unit: get_setting(unit, KEY)) == "kept"


def test_a_database_of_a_newer_program_is_worded_as_at_start(store: Store) -> None:
    store.sessions()
    store.write(lambda unit: unit.execute(text("UPDATE alembic_version SET version_num = '9999_future'")))
    store.dispose()  # the next use opens it again, and finds the newer schema
    with pytest.raises(Failed) as failed:
        Runner(store).read(lambda unit: get_setting(unit, KEY), CASE_READ_FAILED)
    assert failed.value.message == words.DESK_SCHEMA_TOO_NEW.format(revision="9999_future")
