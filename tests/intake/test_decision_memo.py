"""The decision an intake's commit finds made: by the same guide, calendar table and form, never by a lookalike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from counter.calendar.workdays import HolidayTable, WorkCalendar
from counter.intake import decision_memo
from counter.intake.checklist import Checklist, Receipt
from counter.intake.decision_memo import remembered_decision
from counter.intake.outcome import CorrectionPolicy, DeadlineCalendar, Decision, DeferralPolicy, Outcome, decide
from tests.intake.samples import RESTAURANT, TODAY, WeekendCalendar, everything_received, record_as

TABLE = HolidayTable(covered=())


@pytest.fixture
def decided(monkeypatch: pytest.MonkeyPatch) -> list[dt.date]:
    """The days of each decision actually made (not found kept); the kept ones forgotten first."""
    decision_memo._decided.cache_clear()
    monkeypatch.setattr(decision_memo, "_last", None)
    made: list[dt.date] = []

    def counting(*args: Any, **kwargs: Any) -> Decision:
        made.append(kwargs["today"])
        return decide(*args, **kwargs)

    monkeypatch.setattr(decision_memo, "decide", counting)
    return made


def _decision(calendar: DeadlineCalendar, **changes: Any) -> Decision:
    given: dict[str, Any] = {
        "bundle": RESTAURANT,
        "checklist": everything_received(),
        "today": TODAY,
        "calendar": calendar,
        "policy": CorrectionPolicy(),
        "deferral_policy": DeferralPolicy(),
        "received_on": None,
        "draft_allowed": False,
    } | changes
    bundle, checklist = given.pop("bundle"), given.pop("checklist")
    return remembered_decision(bundle, checklist, None, None, **given)


def test_the_same_form_on_the_same_guide_and_calendar_is_decided_once(decided: list[dt.date]) -> None:
    first = _decision(WorkCalendar(TABLE))
    again = _decision(WorkCalendar(TABLE))  # the office's calendar made anew, over the table kept for its days
    assert decided == [TODAY]
    assert again is first
    assert first == decide(RESTAURANT, everything_received(), None, None, today=TODAY, calendar=WorkCalendar(TABLE))
    assert first.outcome is Outcome.ACCEPT


@pytest.mark.parametrize(
    "change",
    [
        lambda: {"calendar": WorkCalendar(HolidayTable(days_off=frozenset({TODAY + dt.timedelta(days=1)})))},
        lambda: {"calendar": WorkCalendar(HolidayTable(covered=()))},  # equal days, but a table read anew
        lambda: {"bundle": replace(RESTAURANT)},  # an equal guide, but another object: compared by identity
        lambda: {"today": TODAY + dt.timedelta(days=1)},
        lambda: {"checklist": record_as(everything_received(), RESTAURANT, "premises", Receipt.MISSING)},
        lambda: {"draft_allowed": True},
    ],
)
def test_anything_else_it_is_made_from_decides_again(
    decided: list[dt.date], change: Callable[[], dict[str, Any]]
) -> None:
    _decision(WorkCalendar(TABLE))
    _decision(**{"calendar": WorkCalendar(TABLE)} | change())
    assert len(decided) == 2


def test_a_calendar_of_another_kind_is_kept_by_identity(decided: list[dt.date]) -> None:
    calendar = WeekendCalendar()
    _decision(calendar)
    _decision(calendar)
    assert len(decided) == 1
    _decision(WeekendCalendar())  # the same days, but nothing says so but the object
    assert len(decided) == 2


def test_a_work_calendar_of_a_kind_of_its_own_is_kept_by_identity(decided: list[dt.date]) -> None:
    class Stricter(WorkCalendar):
        """Might count the same table otherwise."""

    _decision(WorkCalendar(TABLE))
    _decision(Stricter(TABLE))
    assert len(decided) == 2


def test_the_commit_after_its_preview_finds_the_decision_without_hashing_the_checklist(
    decided: list[dt.date], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last decision is found by the identity of the form's checklist: hashing its lines is most of a lookup."""
    checklist = everything_received()
    preview = _decision(WorkCalendar(TABLE), checklist=checklist)
    hashed: list[Checklist] = []
    plain_hash = Checklist.__hash__

    def counting(self: Checklist) -> int:
        hashed.append(self)
        return plain_hash(self)

    monkeypatch.setattr(Checklist, "__hash__", counting)
    # the commit: the office's calendar and the hall's policies read anew in its transaction, equal to the preview's
    commit = _decision(WorkCalendar(TABLE), checklist=checklist, policy=CorrectionPolicy())
    assert commit is preview
    assert decided == [TODAY]
    assert hashed == []
    # an equal checklist made anew is another form's: found among those kept, by its hash
    again = _decision(WorkCalendar(TABLE), checklist=everything_received())
    assert again is preview
    assert decided == [TODAY]
    assert len(hashed) == 1
