"""The office calendar: the office's own days read in one statement, laid on the package's table.

Every deadline the desk works out reads it first (an intake, the F6 lists, a rating's rectification), so its cost is
paid by each of them; an edit must still be seen at once, by the same transaction and by the next.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.holidays import import_schedule, set_holiday
from tests.actions.test_provisional_dates import NOTICE_2027
from tests.db.plans import counted

D = dt.date


def test_the_days_and_the_covered_spans_are_read_in_one_statement(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions.begin() as s:
        import_schedule(s, NOTICE_2027, 2027, "国办发明电〔2026〕样例", desk=desk)
        set_holiday(s, D(2028, 3, 6), "off", desk=desk)
    with sessions() as s, counted(sessions) as sent:
        calendar = office_calendar(s)
    [read] = sent
    assert "holiday" in read
    assert calendar.table.covers(D(2027, 6, 1)), "the covered spans come with the days"
    assert not calendar.is_working_day(D(2027, 2, 8)), "an imported day off"
    assert calendar.is_working_day(D(2027, 1, 31)), "an imported make-up working day (a Sunday)"
    assert not calendar.is_working_day(D(2028, 3, 6)), "an edited day off (a Monday)"


def test_a_day_written_by_another_program_is_counted_by_the_next_read(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        assert office_calendar(s).is_working_day(D(2027, 3, 8))  # a Monday, kept as read
    with sessions.begin() as s:
        s.execute(text("INSERT INTO holiday (day, kind, source) VALUES ('2027-03-08', 'off', 'another desk')"))
    with sessions() as s:
        assert not office_calendar(s).is_working_day(D(2027, 3, 8))


def test_an_edit_is_seen_by_its_own_transaction_and_the_next(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions() as s:
        first, again = office_calendar(s), office_calendar(s)
    assert first.table == again.table
    with sessions.begin() as s:
        set_holiday(s, D(2027, 3, 8), "off", desk=desk)
        inside = office_calendar(s)  # the same transaction sees its own edit
    assert not inside.is_working_day(D(2027, 3, 8))
    assert inside.table != first.table
    with sessions() as s:
        after = office_calendar(s)
    assert not after.is_working_day(D(2027, 3, 8)), "the next unit of work sees the edit"
    with sessions.begin() as s:
        set_holiday(s, D(2027, 3, 8), None, desk=desk)
    with sessions() as s:
        back = office_calendar(s)
    assert back.is_working_day(D(2027, 3, 8))
    assert back.table == first.table
