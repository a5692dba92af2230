"""Processes of one machine at one database: a check never finds a number committed and not yet noted, and no
number noted is lost.

A desk notes what it issued just after its commit (counter.db.issued_notes).  A second process of the same
machine at the same desk (a second window, a command) that checked in between found the number in the database and
none in the note, and refused to number as if the note were lost: one desk of twenty did so in the hall's load
test.  The commit now holds the machine's turn at the note until the note is written, and the check waits for it;
so does the check before a receipt or a notice is numbered, when the note knows nothing of its desk yet.

Two processes noting their desks' first numbers at once each made the note whole, the second replacing the first's:
the first desk's next receipt was refused (the hall's load test, again).  Writing the note is a turn too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from counter.actions.numbers import number_guard
from counter.db import issued_notes
from counter.db.engine import make_engine, make_sessions
from counter.host.notes import database_notes
from counter.host.notes.database_notes import load_note, remember_marks, turn_path
from counter.host.notes.note_turn import NoteTurn
from tests.conftest import made_database
from tests.db.test_number_check_race import DESK, TODAY, demo_intake

WAIT = 0.5  # s: how long the check is given to answer while the other process is between its commit and its note


@contextmanager
def commit_held_before_its_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A first process's intake at :data:`DESK` (the desk's first number), committed and held before its note is
    written until the block ends; the sessions of a second process of the same machine."""
    url = made_database(tmp_path / "desk.sqlite3")
    first, second = make_sessions(make_engine(url)), make_sessions(make_engine(url))
    number_guard._checked.clear()  # the check runs once per process and day: this test's desk is new to it
    in_between, go_on = threading.Event(), threading.Event()
    remember = database_notes.remember_marks

    def noted_late(*args: Any) -> None:  # the first process, committed and not yet noted
        in_between.set()
        go_on.wait()
        remember(*args)

    monkeypatch.setattr(issued_notes, "remember_marks", noted_late)
    taken: list[str] = []
    committing = threading.Thread(target=lambda: taken.append(demo_intake(first, 1)))
    committing.start()
    try:
        assert in_between.wait(30)
        number_guard._checked.clear()  # as in another process, which has not checked this desk today
        yield second
    finally:
        go_on.set()
        committing.join(30)
        first.kw["bind"].dispose()
        second.kw["bind"].dispose()
    assert taken == ["XAM01-20261120-03-0001"]


def answer_after_the_note(sessions: Any, check: Callable[[Session], None]) -> Callable[[], list[BaseException | None]]:
    """Start ``check`` in a session of ``sessions`` on a thread; assert it has not answered within :data:`WAIT`; a
    function that waits for its answer (None: it passed)."""
    checked: list[BaseException | None] = []

    def run() -> None:
        try:
            with sessions() as session:
                check(session)
            checked.append(None)
        except BaseException as err:  # whatever the check raised is the test's answer
            checked.append(err)

    checking = threading.Thread(target=run)
    checking.start()
    checking.join(WAIT)
    assert checked == []  # waiting for its turn: it refused at once (NumbersBehind, note_missing) before

    def answer() -> list[BaseException | None]:
        checking.join(30)
        return checked

    return answer


@pytest.mark.slow
def test_a_check_waits_for_a_commit_to_be_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with commit_held_before_its_note(tmp_path, monkeypatch) as second:
        answer = answer_after_the_note(second, lambda session: number_guard.check_numbers(session, DESK, TODAY))
    assert answer() == [None]


@pytest.mark.slow
def test_a_receipts_check_waits_for_the_desks_first_number_to_be_noted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process that checked the desk's numbers before anything was issued, and now numbers a receipt or a notice."""
    with commit_held_before_its_note(tmp_path, monkeypatch) as second:
        answer = answer_after_the_note(
            second, lambda session: number_guard.check_series(session, DESK, TODAY, number_guard.DOCUMENT_KIND)
        )
    assert answer() == [None]


@pytest.mark.slow
def test_two_desks_first_numbers_noted_at_once_are_both_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither process finds a note: the first makes it whole, the second waits and adds its line to it."""
    place = str(tmp_path / "hall")
    in_between, go_on = threading.Event(), threading.Event()
    write = database_notes.write_note

    def written_late(note: database_notes.DatabaseNote) -> None:  # the first, about to make the note whole
        if not in_between.is_set():
            in_between.set()
            go_on.wait()
        write(note)

    monkeypatch.setattr(database_notes, "write_note", written_late)
    first = threading.Thread(target=remember_marks, args=(place, {"XAM01-1": "XAM01-20261120-01-0001"}, {}))
    first.start()
    assert in_between.wait(30)
    second = threading.Thread(target=remember_marks, args=(place, {"XAM01-2": "XAM01-20261120-02-0001"}, {}))
    second.start()
    second.join(WAIT)
    assert second.is_alive()  # waiting for the first to make the note: before, it made one of its own
    go_on.set()
    first.join(30)
    second.join(30)
    note = load_note(place)
    assert isinstance(note, database_notes.DatabaseNote)
    assert note.issued == {"XAM01-1": "XAM01-20261120-01-0001", "XAM01-2": "XAM01-20261120-02-0001"}


@pytest.mark.slow
def test_the_turn_is_one_at_a_time_and_let_go(tmp_path: Path) -> None:
    path = turn_path(str(tmp_path / "desk.sqlite3"))
    held = NoteTurn(path)
    got: list[NoteTurn] = []
    waiting = threading.Thread(target=lambda: got.append(NoteTurn(path)))
    waiting.start()
    waiting.join(WAIT)
    assert got == []
    held.release()
    held.release()  # again: nothing
    waiting.join(30)
    assert len(got) == 1
    got[0].release()
