"""A lapse is never found on a date the year's notice may still move: refused in the provisional window.

The report's case: a 容缺 of 我要开小餐馆 (XAM-YJS-008) taken on Friday 2028-01-21, with no holiday data for 2028,
was printed due 02-03 (3 working days: 01-24, then 除夕 to 初七 off as the notices have given 春节, 02-02, 02-03) and
lapsed on 02-04; the year's notice then gave 01-24 to 02-02 off, putting the date at 02-07.  A lapse on 02-04 is now
refused, as is a correction's lapse counted over the same holiday; once the notice is in, each lapses from the
next working day after its governing date.  A provisional date far from any holiday lapses as before.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.decisions import deny_lapsed_deferral
from counter.actions.cases.holidays import import_schedule
from counter.actions.intake.take import lapse_correction
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.status import CaseStatus
from counter.words.cases import decision_refused_text
from tests.actions.signed_head import head_of
from tests.actions.test_dates_moved import correction, deferral, due_of, view_of
from tests.actions.test_intake_actions import take

D = dt.date
ENTRUSTED_RESTAURANT = True  # the hall records the restaurant's items for their departments (tests/entrusted.py)
TAKEN = D(2028, 1, 21)  # a Friday, four days before 除夕

# SAMPLE DATA, NOT THE OFFICIAL 2028 ARRANGEMENT: invented in the wording of the State Council's notice, with real
# 2028 weekdays.  Its Spring Festival starts a day before 除夕 and ends a day after the model's 初七.
NOTICE_2028 = """\
国务院办公厅关于2028年部分节假日安排的通知（测试样例，非官方）
一、元旦：1月1日（周六）至3日（周一）放假，共3天。
二、春节：1月24日（周一）至2月2日（周三）放假调休，共10天。2月12日（周六）上班。
三、清明节：4月4日（周二）放假1天。
四、劳动节：5月1日（周一）至5日（周五）放假调休，共5天。4月29日（周六）上班。
五、端午节：5月27日（周六）至29日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周日）至8日（周日）放假调休，共8天。9月30日（周六）上班。
国务院办公厅
2027年11月4日
"""


@pytest.fixture
def head(sessions: sessionmaker[Session], desk: Desk) -> Desk:
    return head_of(sessions, desk)


def import_2028(sessions: sessionmaker[Session], desk: Desk, at: dt.datetime | None = None) -> tuple[str, ...]:
    with sessions.begin() as s:
        imported = import_schedule(s, NOTICE_2028, 2028, "2028.txt", desk=desk, at=at)
    assert imported.ok, imported.problems
    return imported.moved


def test_a_deferral_due_on_a_provisional_date_beside_the_spring_festival_does_not_lapse(
    sessions: sessionmaker[Session], head: Desk
) -> None:
    desk = head
    number = take(sessions, desk, deferral(sessions), TAKEN)
    printed = view_of(sessions, number)
    assert due_of(printed) == D(2028, 2, 3)
    assert printed.dates_beyond_data
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        deny_lapsed_deferral(s, desk, number, D(2028, 2, 4), "未补交")
    assert refused.value.problem is DecisionProblem.PROVISIONAL_DUE
    assert refused.value.first_day == D(2028, 2, 3)
    said = decision_refused_text(refused.value)
    assert "2028-02-03" in said
    assert "暂定" in said
    assert "counter" not in said
    assert view_of(sessions, number).status is CaseStatus.AWAITING_DEFERRED

    assert import_2028(sessions, desk) == (number,)
    assert due_of(view_of(sessions, number)) == D(2028, 2, 7)
    with sessions.begin() as s, pytest.raises(DecisionRefused) as early:
        deny_lapsed_deferral(s, desk, number, D(2028, 2, 7), "未补交")
    assert early.value.problem is DecisionProblem.NOT_LAPSED
    assert early.value.first_day == D(2028, 2, 8)
    with sessions.begin() as s:
        lapse = deny_lapsed_deferral(s, desk, number, D(2028, 2, 8), "未补交")
    assert lapse.materials == ("M08",)


def test_a_correction_counted_over_a_provisional_holiday_does_not_lapse(
    sessions: sessionmaker[Session], head: Desk
) -> None:
    desk = head
    number = take(sessions, desk, correction(sessions), TAKEN)
    due = view_of(sessions, number).correction_due
    assert due is not None
    after = D(2028, 3, 1)  # well past the printed date
    assert due < after
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        lapse_correction(s, desk, number, after)
    assert refused.value.problem is DecisionProblem.PROVISIONAL_DUE
    assert refused.value.first_day == due
    assert view_of(sessions, number).status is CaseStatus.CORRECTION_ISSUED
    import_2028(sessions, desk)
    with sessions.begin() as s:
        assert lapse_correction(s, desk, number, after) is CaseStatus.CORRECTION_LAPSED


def test_a_provisional_date_far_from_any_holiday_lapses_as_before(sessions: sessionmaker[Session], head: Desk) -> None:
    desk = head
    number = take(sessions, desk, deferral(sessions), D(2028, 3, 6))  # a Monday: 7, 8, 9 March
    printed = view_of(sessions, number)
    assert due_of(printed) == D(2028, 3, 9)
    assert printed.dates_beyond_data
    with sessions.begin() as s:
        assert deny_lapsed_deferral(s, desk, number, D(2028, 3, 10), "未补交").materials == ("M08",)
