"""The runner: an action in one unit of work, a database fault worded once, and nothing kept of a failed write."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from counter.actions.site.store import Store
from counter.db.settings_store import get_setting, put_setting
from counter.host.database.database_faults import DbFault
from counter.service.local import InProcess
from counter.service.operation import Open, Operation
from counter.ui import words
from counter.ui.cases.words import CASE_READ_FAILED, CASE_SAVE_FAILED
from counter.ui.door.runner import Failed, Runner, failures_to
from counter.ui.intake.words import INTAKE_DB_FAULT
from counter.words.database import DB_FAULT
from tests.backup.test_backup import damage
from tests.conftest import made_database
from tests.service import served
from tests.service.served import COUNT, COUNTED, Count
from tests.service.served import KEY as SERVED_KEY
from tests.ui.door.test_runner_thread import in_the_loop
from tests.ui.held_service import held
from tests.ui.runners import answer_of

KEY = "test.runner"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(made_database(tmp_path / "desk.sqlite3", catalog=False), create=True)
    yield opened
    opened.dispose()


FAILS: Operation[Count, int] = Operation(
    "test.write_then_fail", Count, int, True, Open.ANY_DESK, served.write_then_fail
)
READ_ONLY: Operation[Count, int] = Operation(
    "test.write_read_only", Count, int, True, Open.ANY_DESK, served.write_read_only
)


def test_a_fault_in_a_write_becomes_the_widgets_sentence_and_nothing_is_committed(store: Store) -> None:
    runner = Runner(InProcess(store))
    with pytest.raises(Failed) as failed:
        answer_of(runner, FAILS, Count(1), message=CASE_SAVE_FAILED)
    assert failed.value.message == CASE_SAVE_FAILED.format(fault=DB_FAULT["other"])
    assert failed.value.error == "OperationalError"  # for the log; never in the clerk's sentence
    assert failed.value.fault is DbFault.OTHER
    assert not failed.value.connection_lost  # SQLite is a file here: nothing to wait for
    assert store.read(lambda unit: get_setting(unit, SERVED_KEY)) is None


def test_without_a_sentence_of_its_own_the_cause_is_said_in_plain_words(store: Store) -> None:
    runner = Runner(InProcess(store))
    with pytest.raises(Failed) as failed:
        answer_of(runner, FAILS, Count(1))
    assert failed.value.message == DB_FAULT["other"]


def test_a_read_only_database_is_named_as_such(store: Store) -> None:
    runner = Runner(InProcess(store))
    with pytest.raises(Failed) as failed:
        answer_of(runner, READ_ONLY, Count(1), message=INTAKE_DB_FAULT)
    assert failed.value.fault is DbFault.READ_ONLY
    assert failed.value.message == INTAKE_DB_FAULT.format(fault=DB_FAULT["read_only"])


def test_a_write_that_returns_is_committed_whole(store: Store) -> None:
    runner = Runner(InProcess(store))
    assert answer_of(runner, COUNT, Count(2)) == 2
    assert answer_of(runner, COUNTED, Count(0)) == 2


def test_a_database_of_a_newer_program_is_worded_as_at_start(store: Store) -> None:
    store.sessions()
    store.write(lambda unit: unit.execute(text("UPDATE alembic_version SET version_num = '9999_future'")))
    store.dispose()  # the next use opens it again, and finds the newer schema
    with pytest.raises(Failed) as failed:
        answer_of(Runner(InProcess(store)), COUNTED, Count(0), message=CASE_READ_FAILED)
    assert failed.value.message == words.DESK_SCHEMA_TOO_NEW.format(revision="9999_future")


def test_a_file_that_fails_its_check_is_named_damaged_and_nothing_is_done(tmp_path: Path) -> None:
    """A unit of work asked for while the start's check finds the file damaged: worded, never an unexpected error."""
    path = tmp_path / "desk.sqlite3"
    made = Store(made_database(path, catalog=False), create=True)
    made.write(lambda unit: put_setting(unit, KEY, "kept"))
    made.dispose()
    damage(path)
    store = Store(f"sqlite:///{path}", check_whole=True)
    with pytest.raises(Failed) as failed:
        answer_of(Runner(InProcess(store)), COUNT, Count(1), message=CASE_SAVE_FAILED)
    store.dispose()
    assert failed.value.fault is DbFault.DAMAGED
    assert failed.value.message == CASE_SAVE_FAILED.format(fault=DB_FAULT["damaged"])


def test_no_sentence_a_widget_hands_the_runner_names_what_the_database_raised() -> None:
    """Each widget's database sentence says the cause in the clerk's words (``{fault}``); the English class name
    of the error (``{error}``, as they once showed: 草稿未能保存（OperationalError）) is the log's alone."""
    import importlib
    import pkgutil

    import counter.ui

    sentences = []
    for info in pkgutil.walk_packages(counter.ui.__path__, "counter.ui."):
        if info.name.endswith("words"):
            module = importlib.import_module(info.name)
            sentences += [(info.name, k, v) for k, v in vars(module).items() if isinstance(v, str) and k.isupper()]
    assert len(sentences) > 300  # the walk found the words
    assert [(module, name) for module, name, text in sentences if "{error}" in text] == []


def test_what_was_submitted_is_carried_out_before_the_program_ends(qtbot: QtBot, store: Store) -> None:
    """A worker is a daemon: a write submitted as the window closed (the intake's draft) was lost when the program
    ended before it ran, and an operation run after the database closed opened it again."""
    runner = Runner(InProcess(store))
    service = held(runner, COUNT)
    owner = QObject()
    answers: list[int] = []

    def write_then_read() -> None:
        runner.submit(COUNT, Count(2), owner=owner, answered=answers.append)
        runner.submit(COUNTED, Count(0), owner=owner, answered=answers.append)  # its turn after the write

    in_the_loop(qtbot, write_then_read)  # the event loop ends with both still to run
    service.go.set()
    runner.finish()
    assert answers == [2, 2]
    assert store.read(lambda unit: get_setting(unit, SERVED_KEY)) == "2"


def test_a_read_that_failed_is_handed_on_and_any_other_fault_raised_to_the_error_hook(store: Store) -> None:
    """``failures_to``: the widget's own ``then`` gets a :class:`Failed` and nothing else; a fault of the program is
    raised on from the callback, as a ``failed`` of None would raise it."""
    handed: list[Failed] = []
    failed = failures_to(handed.append)
    owner = QObject()
    answers: list[int] = []
    Runner(InProcess(store)).submit(FAILS, Count(1), owner=owner, answered=answers.append, failed=failed)
    assert answers == []
    assert [type(err) for err in handed] == [Failed]
    with pytest.raises(ValueError, match="not the database"):
        failed(ValueError("not the database"))
    assert len(handed) == 1


def test_a_widget_whose_read_failed_is_let_go_once_the_failure_is_handed_over(qtbot: QtBot, store: Store) -> None:
    """The runner kept the last operation's fault, and the fault the frames it was handed over from, the widget's
    own among them: a closed preview stayed alive until the desk's next operation."""
    runner = Runner(InProcess(store))
    handed: list[Failed] = []

    def submitted() -> weakref.ref[QObject]:
        owner = QObject()
        runner.submit(FAILS, Count(1), owner=owner, answered=print, failed=failures_to(handed.append))
        return weakref.ref(owner)

    kept = in_the_loop(qtbot, submitted)
    qtbot.waitUntil(lambda: bool(handed))
    handed.clear()

    def let_go() -> bool:
        # the worker thread may still be leaving the call that failed when the window's thread has handed the
        # failure over: the widget is let go once it has, never kept until the desk's next operation
        gc.collect()
        return kept() is None

    qtbot.waitUntil(let_go, timeout=5_000)
