"""The office calendar is read again only when its stamp changed, and laid on the package's table once for each
content read.

Every deadline the desk works out reads it first (an intake, the F6 lists, a rating's rectification), so its cost is
paid by each of them; an edit must still be seen at once, by the same transaction and by the next.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.calendar import import_schedule, office_calendar, set_holiday
from counter.actions.desk import Desk
from tests.actions.test_case_page_reads import _counted
from tests.actions.test_provisional_dates import NOTICE_2027

D = dt.date


def test_the_days_are_read_again_only_when_their_stamp_changed(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions.begin() as s:
        import_schedule(s, NOTICE_2027, 2027, "国办发明电〔2026〕样例", desk=desk)
        set_holiday(s, D(2028, 3, 6), "off", desk=desk)
    with sessions() as s, _counted(sessions) as sent:
        calendar = office_calendar(s)
    assert len(sent) == 2, sent
    stamp_read, days_read = sent
    assert "calendar_stamp" in stamp_read, "the stamp first"
    assert "holiday" not in stamp_read
    assert "holiday" in days_read, "then the days"
    assert "calendar_stamp" in days_read, "with the stamp they are kept under"
    assert calendar.covers(D(2027, 6, 1)), "the covered spans come with the days"
    assert not calendar.is_working_day(D(2027, 2, 8)), "an imported day off"
    assert calendar.is_working_day(D(2027, 1, 31)), "an imported make-up working day (a Sunday)"
    assert not calendar.is_working_day(D(2028, 3, 6)), "an edited day off (a Monday)"
    with sessions() as s, _counted(sessions) as sent:
        again = office_calendar(s)
    [only] = sent
    assert "holiday" not in only, "the days unchanged: only their stamp read"
    assert again.table is calendar.table


def _stamp(sessions: sessionmaker[Session]) -> str:
    with sessions() as s:
        return str(s.execute(text("SELECT stamp FROM calendar_stamp")).scalar_one())


def test_every_write_of_the_days_changes_their_stamp_whoever_writes(sessions: sessionmaker[Session]) -> None:
    """Written by hand, not by the program: the triggers of the database change the stamp, not the program."""
    covered = "'holidays.covered'"
    changes = [
        "INSERT INTO holiday (day, kind, source) VALUES ('2027-03-08', 'off', 'by hand')",
        "UPDATE holiday SET kind = 'work' WHERE day = '2027-03-08'",
        "DELETE FROM holiday WHERE day = '2027-03-08'",
        f"INSERT INTO setting (key, value) VALUES ({covered}, '[]')",
        f'UPDATE setting SET value = \'[["2027-01-01", "2027-12-31"]]\' WHERE key = {covered}',
        f"DELETE FROM setting WHERE key = {covered}",
    ]
    stamps = [_stamp(sessions)]
    for change in changes:
        with sessions.begin() as s:
            s.execute(text(change))
        stamps.append(_stamp(sessions))
    assert len(set(stamps)) == len(stamps), list(zip(["before", *changes], stamps, strict=True))
    with sessions.begin() as s:
        s.execute(text("INSERT INTO setting (key, value) VALUES ('print.copies', '2')"))
    assert _stamp(sessions) == stamps[-1], "another setting is not the calendar"


def test_a_day_written_by_another_program_is_counted_by_the_next_read(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        assert office_calendar(s).is_working_day(D(2027, 3, 8))  # a Monday, kept as read
    with sessions.begin() as s:
        s.execute(text("INSERT INTO holiday (day, kind, source) VALUES ('2027-03-08', 'off', 'another desk')"))
    with sessions() as s:
        assert not office_calendar(s).is_working_day(D(2027, 3, 8))


def test_the_tables_are_laid_together_once_for_each_content(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions() as s:
        first, again = office_calendar(s), office_calendar(s)
    assert first.table is again.table, "the same office days: the merged table kept"
    with sessions.begin() as s:
        set_holiday(s, D(2027, 3, 8), "off", desk=desk)
        inside = office_calendar(s)  # the same transaction sees its own edit
    assert not inside.is_working_day(D(2027, 3, 8))
    assert inside.table is not first.table
    with sessions() as s:
        after = office_calendar(s)
    assert not after.is_working_day(D(2027, 3, 8)), "the next unit of work sees the edit"
    with sessions.begin() as s:
        set_holiday(s, D(2027, 3, 8), None, desk=desk)
    with sessions() as s:
        back = office_calendar(s)
    assert back.is_working_day(D(2027, 3, 8))
    assert back.table == first.table
