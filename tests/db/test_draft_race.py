"""The desk's draft row: two sessions writing it at once both succeed, and two computers never share one.

Two machines set to one desk number raced on the draft row (the second failed on its key, UniqueViolation) and,
sharing one row, could each be offered the other's applicant.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from counter.access.desk import Desk
from counter.actions.intake.drafts import check_drafts
from counter.case.numbers import DeskIdentity
from counter.db.draft_store import load_drafts, save_draft
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.host.machine import workstation
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import load_desk_config

KEY = "XAM01-8"
UID = "0123456789abcdef0123456789abcdef"  # one intake's, written twice at once


@pytest.fixture
def engine(either_engine: Engine) -> Engine:
    upgrade(either_engine)  # the SQLite file is empty; the PostgreSQL database already migrated
    return either_engine


def test_two_sessions_saving_one_draft_at_once_both_succeed(engine: Engine) -> None:
    sessions = make_sessions(engine)
    other_engine = make_engine(engine.url.render_as_string(hide_password=False))  # a second machine's connection
    first_done = threading.Event()
    failures: list[BaseException] = []

    @event.listens_for(other_engine, "after_cursor_execute")
    def _ran(*_: object) -> None:
        first_done.set()  # the second machine has looked (or written): the first may now commit

    def second_machine() -> None:
        try:
            with make_sessions(other_engine).begin() as session:
                save_draft(session, KEY, UID, "second")
        except BaseException as err:  # handed to the test thread, which fails on it
            failures.append(err)

    with sessions(bind=sessions.kw["bind"]) as first:  # a unit of work that writes, begun by hand
        first.begin()
        save_draft(first, KEY, UID, "first")
        first.flush()  # the first machine's row is written, not yet committed
        thread = threading.Thread(target=second_machine)
        thread.start()
        # the second's statement either ran (a read that found no row) or waits on the first's row: commit either way
        first_done.wait(timeout=1.0)
        first.commit()
    thread.join(timeout=30)
    other_engine.dispose()
    assert not thread.is_alive()
    assert failures == []
    with sessions() as session:
        found = load_drafts(session, KEY)
    assert [row[2] for row in found] == ["second"]  # the last write wins, as when one machine saves twice


def test_two_computers_with_one_desk_number_keep_their_own_drafts(engine: Engine) -> None:
    sessions = make_sessions(engine)
    identity = DeskIdentity("XAM01", "8")
    here = Desk(identity, "乌兰", workstation="a1b2c3d4e5f60718")
    there = Desk(identity, "其木格", workstation="0f1e2d3c4b5a6978")
    with sessions.begin() as session:
        save_draft(session, here.draft_key, UID, '{"applicant": "张海军"}')  # what keep_draft stores, by its key
    with sessions.begin() as session:
        assert not check_drafts(session, there)  # the other computer is offered nothing
        assert load_drafts(session, there.draft_key) == []
        (stored,) = load_drafts(session, here.draft_key)
    assert stored[2] == '{"applicant": "张海军"}'


def test_the_workstation_tells_two_computers_apart_and_stays_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = load_desk_config()
    monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "one"))
    one, again = desk_at(config), desk_at(config)
    monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "two"))
    two = desk_at(config)
    assert one.draft_key == again.draft_key
    assert one.draft_key != two.draft_key
    assert one.draft_key.startswith(f"{config.site_code}-{config.desk_no}-")
    assert len(one.draft_key) <= 40  # the column's width


def test_the_computer_is_read_once_a_process_and_the_data_folder_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desk asks for its workstation at every operation; the user's name and the machine's identity come from
    the system's databases, so they are read once, while the data folder, which a test or a second desk changes,
    is read each time."""
    asked: list[int] = []

    def user() -> str:
        asked.append(1)
        return "clerk"

    workstation._this_computer.cache_clear()
    monkeypatch.setattr(workstation, "_user", user)
    monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "one"))
    first = [workstation.workstation_id() for _ in range(3)]
    monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "two"))
    other = workstation.workstation_id()
    workstation._this_computer.cache_clear()
    assert len(asked) == 1
    assert len(set(first)) == 1
    assert other != first[0]
