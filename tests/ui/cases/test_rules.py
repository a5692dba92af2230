"""Which actions a case offers, and how its lines read: the rules under the page, without a window."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.access.roles import Actor, Role
from counter.case.item_clock import DueAlert
from counter.case.status import MOVES, CaseEvent, CaseStatus
from counter.case.view import CaseView
from counter.db.case_store import case_view
from counter.db.engine import make_engine, make_sessions
from counter.ui.cases.marks import URGENCY_COLOURS
from counter.ui.cases.rules import (
    ALERT_URGENCY,
    FormProblem,
    FormValues,
    Urgency,
    available_actions,
    deferral_due,
    form_problems,
    urgency,
)
from tests.ui.cases.casebook import Casebook

DUE = dt.date(2026, 11, 25)
#: the clerk who serves as the hall's supervisor too, signed in (the single desk takes no supervisor's step)
SUPERVISING = Actor("qiqige", "其其格", frozenset({Role.CLERK, Role.SUPERVISOR}))


@pytest.fixture(scope="module")
def awaiting(casebook_template: tuple[Path, Casebook]) -> CaseView:
    """A deferral case as stored (two materials due 2026-11-25), read once for the module."""
    path, book = casebook_template
    engine = make_engine(f"sqlite:///{path}")
    with make_sessions(engine)() as session:
        view = case_view(session, book.awaiting)
    engine.dispose()
    assert view is not None
    return view


@given(status=st.sampled_from(CaseStatus), offset=st.integers(-30, 30))
def test_only_moves_the_table_allows_are_offered(awaiting: CaseView, status: CaseStatus, offset: int) -> None:
    view = dataclasses.replace(awaiting, status=status)
    today = DUE + dt.timedelta(days=offset)
    shown = available_actions(view, today, SUPERVISING)
    assert all(status in MOVES[event][0] for event in shown)
    if status is CaseStatus.AWAITING_DEFERRED:
        assert (CaseEvent.DENIED in shown) == (today > DUE)  # denial only once the deadline has passed
        assert CaseEvent.DEFERRED_ARRIVED in shown
        assert CaseEvent.DEFERRAL_EXTENDED in shown


def test_a_lapse_is_offered_from_the_first_day_the_page_read(awaiting: CaseView) -> None:
    """``lapse_from``: the next working day after the deadline, as the action checks it; not the days off before."""
    monday = DUE + dt.timedelta(days=5)  # the due date is a Wednesday: say Thursday to Sunday are days off
    for day in (DUE + dt.timedelta(days=1), DUE + dt.timedelta(days=4)):
        assert CaseEvent.DENIED not in available_actions(awaiting, day, lapse_from=monday)
    assert CaseEvent.DENIED in available_actions(awaiting, monday, lapse_from=monday)


def test_nothing_to_fulfil_or_extend_once_everything_arrived(awaiting: CaseView) -> None:
    arrived = tuple(dataclasses.replace(m, arrived_on=DUE) for m in awaiting.materials)
    view = dataclasses.replace(awaiting, materials=arrived)
    assert deferral_due(view) is None
    assert available_actions(view, DUE, SUPERVISING) == (CaseEvent.WITHDRAWN, CaseEvent.VOIDED)
    assert available_actions(view, DUE) == (CaseEvent.WITHDRAWN,)  # the single desk is a clerk: it voids nothing


def test_form_problems_come_all_at_once(awaiting: CaseView) -> None:
    today = dt.date(2026, 11, 20)
    assert form_problems(CaseEvent.DEFERRAL_EXTENDED, FormValues(new_due=today), awaiting, today) == [
        FormProblem.REASON_MISSING,
        FormProblem.DATE_NOT_AFTER_TODAY,
    ]
    assert form_problems(CaseEvent.DEFERRAL_EXTENDED, FormValues(reason="x"), awaiting, today) == [
        FormProblem.DATE_MISSING
    ]
    assert form_problems(CaseEvent.DEFERRED_ARRIVED, FormValues(), awaiting, today) == [FormProblem.NOTHING_TICKED]
    assert form_problems(CaseEvent.COMPLETED, FormValues(), awaiting, today) == []


@pytest.mark.parametrize("reason", ["重复\x00录入", "重复\u200b录入", "重复\u202e录入", "重" * 501])
def test_a_reason_the_desk_would_not_take_holds_the_form(awaiting: CaseView, reason: str) -> None:
    """A reason is printed on the notice and sent in the township's package: held as every free text is."""
    today = dt.date(2026, 11, 20)
    found = form_problems(CaseEvent.VOIDED, FormValues(reason=reason), awaiting, today)
    assert found == [FormProblem.REASON_NOT_TAKEN]
    assert form_problems(CaseEvent.VOIDED, FormValues(reason="重复录入，正确的办件为另一件"), awaiting, today) == []


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (None, Urgency.NONE),
        (dt.date(2026, 11, 19), Urgency.OVERDUE),
        (dt.date(2026, 11, 20), Urgency.TODAY),  # red on the day, as past it: not the amber of the days before
        (dt.date(2026, 11, 24), Urgency.SOON),
        (dt.date(2026, 11, 25), Urgency.LATER),
    ],
)
def test_urgency(due: dt.date | None, expected: Urgency) -> None:
    assert urgency(due, dt.date(2026, 11, 20), soon_until=dt.date(2026, 11, 24)) is expected


def test_an_item_due_today_is_red_and_one_due_tomorrow_amber() -> None:
    """Due today shared the amber of due tomorrow: the clerk could not see which had no day left."""
    red = URGENCY_COLOURS[Urgency.OVERDUE]
    assert URGENCY_COLOURS[ALERT_URGENCY[DueAlert.DUE_TODAY]] == red
    assert URGENCY_COLOURS[ALERT_URGENCY[DueAlert.DUE_NEXT]] != red
