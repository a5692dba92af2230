"""A desk's counters behind what it issued, found before it numbers again, and the administrator's two repairs.

The command-line tests (tests/test_number_guard.py) run these in a process of their own; here the paths they do not
reach: a notice on record above its counter, and a note made again for a desk that numbered notices.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.actions.numbers import number_guard, number_note
from counter.actions.numbers.number_guard import CASE_KIND, DOCUMENT_KIND
from counter.case.number_faults import NumbersBehind
from counter.db import models
from counter.db.engine import Sessions, make_engine, make_sessions
from counter.db.number_checks import counter_last, raise_counter
from counter.host.notes.database_notes import DatabaseNote, SeriesMark, load_note, renew_note, series_key
from tests.conftest import made_database
from tests.db.test_number_check_race import DESK, TODAY

NOW = dt.datetime(2026, 11, 20, 9, 30)


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[Sessions]:
    engine = make_engine(made_database(tmp_path / "desk.sqlite3"))
    number_guard._checked.clear()  # the check runs once per process and day: this test's desk is new to it
    yield make_sessions(engine)
    engine.dispose()


def _set_counter(sessions: Sessions, kind: str, last: int) -> None:
    """The desk's counter of ``kind`` today at ``last``, up or down: as a database restored from a backup has it."""
    with sessions.begin() as session:
        row = session.get(models.DeskCounter, ("XAM01", "3", TODAY, kind))
        if row is None:
            raise_counter(session, "XAM01", "3", TODAY, kind, last)
        else:
            row.last = last


def test_a_notice_on_record_above_its_counter_stops_numbering_until_the_numbers_are_skipped(sessions: Sessions) -> None:
    """Notice 7 of the desk is on record, and noted, and its counter says none was given out: the next would be 1.

    Skipping the issued numbers used to raise the counter and say nothing was behind (``None``): the administrator
    was told only that numbering was sound, not from where it goes on.
    """
    with sessions.begin() as session:
        session.add(
            models.DocumentRecord(
                doc_no="XAM01-261120-S-030007", kind="S", issued_on=TODAY, site_code="XAM01", desk_no="3",
                clerk="乌兰", office="{}", content_hash="0" * 64,
            )
        )  # fmt: skip
        place = number_guard.place_of(session)
    renew_note(place, {}, {series_key("XAM01-3", DOCUMENT_KIND): SeriesMark(TODAY, 7, "XAM01-261120-S-030007")}, NOW)
    with sessions() as session, pytest.raises(NumbersBehind) as behind:
        number_guard.check_numbers(session, DESK, TODAY)
    assert behind.value.where == "records"
    assert behind.value.last_issued == "XAM01-261120-…-030007"
    with sessions.begin() as session:
        skipped = number_guard.skip_issued(session, DESK, TODAY)
    assert skipped == "XAM01-261120-…-030007"  # the notice's own number, its kind letter aside
    with sessions() as session:
        assert counter_last(session, "XAM01", "3", TODAY, DOCUMENT_KIND) == 7  # the next notice is 8
        number_guard.check_numbers(session, DESK, TODAY)


def test_a_note_made_again_keeps_the_desks_notice_series_and_finds_it_set_back(sessions: Sessions) -> None:
    """The desk gave out cases to 2 and notices to 5, and its note of them was lost: numbering stops until the note is
    made again from the database; made again, it holds notice 5 too, so a database set back below that is found."""
    _set_counter(sessions, CASE_KIND, 2)
    _set_counter(sessions, DOCUMENT_KIND, 5)
    with sessions() as session, pytest.raises(NumbersBehind) as lost:
        number_guard.check_numbers(session, DESK, TODAY)
    assert lost.value.where == "note_missing"
    with sessions.begin() as session:
        made = number_note.renote(session, DESK, NOW)
    assert (made.aside, made.noted) == ("", "XAM01-20261120-03-0002")
    with sessions() as session:
        note = load_note(number_guard.place_of(session))
        report = number_note.note_report(session, DESK, TODAY)
        number_guard.check_numbers(session, DESK, TODAY)
        number_guard.check_series(session, DESK, TODAY, DOCUMENT_KIND)
    assert isinstance(note, DatabaseNote)
    assert note.series[series_key("XAM01-3", DOCUMENT_KIND)] == SeriesMark(TODAY, 5, "XAM01-3 doc 2026-11-20 #5")
    assert (report.path, report.fault, report.noted, report.recorded, report.problem) == (
        made.path, "", "XAM01-20261120-03-0002", "XAM01-20261120-03-0002", None
    )  # fmt: skip

    _set_counter(sessions, DOCUMENT_KIND, 3)  # a backup from before notices 4 and 5 put back
    with sessions() as session, pytest.raises(NumbersBehind) as set_back:
        number_guard.check_series(session, DESK, TODAY, DOCUMENT_KIND)
    assert (set_back.value.last_issued, set_back.value.where) == ("XAM01-3 doc 2026-11-20 #5", "note")
