"""Two processes of one machine at one desk: a check never finds a number committed and not yet noted.

A desk notes what it issued just after its commit (counter.actions.number_guard).  A second process of the same
machine at the same desk (a second window, a command) that checked in between found the number in the database and
none in the note, and refused to number as if the note were lost: one desk of twenty did so in the hall's load
test.  The commit now holds the machine's turn at the note until the note is written, and the check waits for it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from counter.actions import number_guard
from counter.db.engine import make_engine, make_sessions
from counter.host import database_notes
from counter.host.note_turn import NoteTurn
from tests.conftest import made_database
from tests.db.test_number_check_race import DESK, TODAY, demo_intake

WAIT = 0.5  # s: how long the check is given to answer while the other process is between its commit and its note


def test_a_check_waits_for_a_commit_to_be_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = made_database(tmp_path / "desk.sqlite3")
    first, second = make_sessions(make_engine(url)), make_sessions(make_engine(url))
    number_guard._checked.clear()  # the check runs once per process and day: this test's desk is new to it
    in_between, go_on = threading.Event(), threading.Event()
    remember = database_notes.remember_marks

    def noted_late(*args: Any) -> None:  # the first process, committed and not yet noted
        in_between.set()
        go_on.wait()
        remember(*args)

    monkeypatch.setattr(number_guard, "remember_marks", noted_late)
    taken: list[str] = []
    committing = threading.Thread(target=lambda: taken.append(demo_intake(first, 1)))
    committing.start()
    assert in_between.wait(30)
    number_guard._checked.clear()  # as in another process, which has not checked this desk today
    checked: list[BaseException | None] = []

    def check() -> None:
        try:
            with second() as session:
                number_guard.check_numbers(session, DESK, TODAY)
            checked.append(None)
        except BaseException as err:  # whatever the check raised is the test's answer
            checked.append(err)

    checking = threading.Thread(target=check)
    checking.start()
    checking.join(WAIT)
    assert checked == []  # waiting for its turn: it refused at once (NumbersBehind, note_missing) before
    go_on.set()
    committing.join(30)
    checking.join(30)
    assert taken == ["XAM01-20261120-03-0001"]
    assert checked == [None]
    first.kw["bind"].dispose()
    second.kw["bind"].dispose()


def test_the_turn_is_one_at_a_time_and_let_go(tmp_path: Path) -> None:
    place = str(tmp_path / "desk.sqlite3")
    held = NoteTurn(place)
    got: list[NoteTurn] = []
    waiting = threading.Thread(target=lambda: got.append(NoteTurn(place)))
    waiting.start()
    waiting.join(WAIT)
    assert got == []
    held.release()
    held.release()  # again: nothing
    waiting.join(30)
    assert len(got) == 1
    got[0].release()
