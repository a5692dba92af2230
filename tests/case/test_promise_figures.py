"""即办 and the two figures of the 24-point table, as pure rules: which bundle is 即办, how the months add up."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.case.promise_figures import (
    VersionCount,
    bundle_facts,
    item_reduction,
    month_days,
    promise_figures,
)
from counter.case.same_day import SameDayProblem, immediate_item, same_day_bundle, same_day_problems
from counter.case.status import CaseStatus
from counter.catalog.model import Bundle, CaseKind, GuideStatus, Item, TimeLimit, TimeUnit

WD, CD = TimeUnit.WORKING_DAY, TimeUnit.CALENDAR_DAY
DAY = dt.date(2026, 11, 20)


def _item(code: str, kind: CaseKind | None, legal: TimeLimit | None, promised: TimeLimit | None) -> Item:
    return Item(code, "", code, code, None, kind, "", "", (), legal, promised, None, "")


def _bundle(*items: Item, promised: TimeLimit | None = None) -> Bundle:
    return Bundle("XAM-YJS-T", 1, "测试", GuideStatus.PUBLISHED, False, promised_limit=promised, items=items)


NOW = _item("now", CaseKind.IMMEDIATE, TimeLimit(1, WD), TimeLimit(0, WD))
LATER = _item("later", CaseKind.PROMISED, TimeLimit(20, WD), TimeLimit(5, WD))


def test_a_bundle_is_same_day_only_when_every_item_is_immediate_and_promises_no_days() -> None:
    assert same_day_bundle(_bundle(NOW, NOW))
    assert same_day_bundle(_bundle(NOW, promised=TimeLimit(0, CD)))
    assert not same_day_bundle(_bundle(NOW, LATER))
    assert not same_day_bundle(_bundle())  # no item, nothing done at once
    assert not same_day_bundle(_bundle(NOW, promised=TimeLimit(2, WD)))  # the bundle still promises days
    # marked 即办件 but promising days: a contradiction, not a same-day item
    assert not immediate_item(_item("x", CaseKind.IMMEDIATE, TimeLimit(5, WD), TimeLimit(3, WD)))
    assert not immediate_item(_item("x", None, TimeLimit(0, WD), TimeLimit(0, WD)))  # kind not stated
    assert immediate_item(_item("x", CaseKind.IMMEDIATE, TimeLimit(0, WD), None))  # the law itself gives 0 days


def test_every_reason_against_the_same_day_step_is_given() -> None:
    promised = _bundle(NOW, LATER)
    window = frozenset(item.code for item in _bundle(NOW).items)  # the site holds them: its window decides them
    assert same_day_problems(_bundle(NOW), CaseStatus.ACCEPTED, DAY, "pickup", DAY, window) == ()
    assert same_day_problems(promised, CaseStatus.AWAITING_DEFERRED, DAY, "post", DAY) == (
        SameDayProblem.NOT_IMMEDIATE,
        SameDayProblem.NOT_WINDOW_DECIDED,
        SameDayProblem.NOT_ACCEPTED,
        SameDayProblem.NOT_AT_WINDOW,
    )
    yesterday = DAY - dt.timedelta(days=1)
    late = same_day_problems(_bundle(NOW), CaseStatus.ACCEPTED, yesterday, "pickup", DAY, window)
    assert late == (SameDayProblem.NOT_TODAY,)
    # 即办 items of a department: the department grants them, not the window
    assert same_day_problems(_bundle(NOW), CaseStatus.ACCEPTED, DAY, "pickup", DAY) == (
        SameDayProblem.NOT_WINDOW_DECIDED,
    )


def test_the_reduction_never_mixes_working_and_calendar_days() -> None:
    assert item_reduction(LATER) == Fraction(3, 4)  # 1 − 5/20
    assert item_reduction(NOW) == 1
    assert item_reduction(_item("x", None, TimeLimit(20, WD), TimeLimit(20, CD))) is None
    assert item_reduction(_item("x", None, TimeLimit(30, CD), TimeLimit(15, CD))) == Fraction(1, 2)
    assert item_reduction(_item("x", None, TimeLimit(0, WD), TimeLimit(0, WD))) is None  # nothing to cut
    assert item_reduction(_item("x", None, TimeLimit(20, WD), None)) is None
    assert item_reduction(_item("x", None, TimeLimit(5, WD), TimeLimit(10, WD))) == -1  # shown as it is


def test_a_month_of_two_desks_adds_up_per_item_and_per_case() -> None:
    mixed = bundle_facts(_bundle(NOW, LATER, _item("odd", CaseKind.PROMISED, TimeLimit(20, WD), TimeLimit(9, CD))))
    whole = bundle_facts(_bundle(NOW, NOW))
    counts = [  # the cases with as many items decided on the day they were taken
        VersionCount(("XAM01", "10"), "10", mixed, 3, 1),
        VersionCount(("XAM01", "8"), "8", whole, 2, 2),
        VersionCount(("XAM01", "8"), "8", mixed, 1, 1),
    ]
    lines, total = promise_figures(counts)
    assert [line.key for line in lines] == [("XAM01", "8"), ("XAM01", "10")]  # desk 8 before desk 10
    eight = lines[0]
    assert (eight.cases, eight.same_day_cases, eight.item_cases, eight.same_day_item_cases) == (3, 2, 7, 5)
    assert eight.same_day_share == Fraction(5, 7)
    assert eight.same_day_case_share == Fraction(2, 3)
    # measured: 2×(1, 1) + 1×(1, 3/4); the item in calendar days against working days is left out
    assert (eight.measured_item_cases, eight.unmeasured_item_cases) == (6, 1)
    assert eight.mean_reduction == (Fraction(4) + Fraction(7, 4)) / 6
    assert (total.cases, total.item_cases, total.same_day_item_cases) == (6, 16, 8)
    assert total.same_day_share == Fraction(1, 2)
    assert total.mean_reduction == (Fraction(4) + 4 * Fraction(7, 4)) / 12


def test_what_happened_counts_not_what_the_catalog_promised() -> None:
    """A wholly 即办 bundle's case with one item decided on the day and one left: one 即办 item, no whole case."""
    whole = bundle_facts(_bundle(NOW, NOW))
    assert whole.items == 2
    (line,), _total = promise_figures([VersionCount(("a",), "a", whole, 4, 1), VersionCount(("a",), "a", whole, 1)])
    assert (line.cases, line.same_day_cases, line.item_cases, line.same_day_item_cases) == (5, 0, 10, 4)
    # a 承诺件 decided on the day it was taken was done on the spot; a count past the items is held to them
    (line,), _total = promise_figures([VersionCount(("a",), "a", bundle_facts(_bundle(LATER)), 2, 3)])
    assert (line.same_day_cases, line.same_day_item_cases) == (2, 2)


def test_nothing_to_divide_gives_no_figure() -> None:
    lines, total = promise_figures([])
    assert lines == ()
    assert (total.same_day_share, total.same_day_case_share, total.mean_reduction) == (None, None, None)


@given(st.lists(st.tuples(st.sampled_from("ab"), st.booleans(), st.integers(1, 50)), max_size=12))
def test_the_total_is_the_sum_of_the_lines(rows: list[tuple[str, bool, int]]) -> None:
    facts = {True: bundle_facts(_bundle(NOW)), False: bundle_facts(_bundle(NOW, LATER))}
    lines, total = promise_figures(VersionCount((k,), k, facts[w], n, 1 if w else 0) for k, w, n in rows)
    assert total.cases == sum(line.cases for line in lines) == sum(n for _, _, n in rows)
    assert total.reduction_sum == sum((line.reduction_sum for line in lines), Fraction(0))
    assert total.same_day_item_cases == sum(line.same_day_item_cases for line in lines)


@pytest.mark.parametrize(
    ("month", "days"),
    [
        ("2026-11", (dt.date(2026, 11, 1), dt.date(2026, 11, 30))),
        ("2026-12", (dt.date(2026, 12, 1), dt.date(2026, 12, 31))),
        ("2028-02", (dt.date(2028, 2, 1), dt.date(2028, 2, 29))),
    ],
)
def test_month_days(month: str, days: tuple[dt.date, dt.date]) -> None:
    assert month_days(month) == days


@pytest.mark.parametrize("month", ["2026-13", "2026-1", "202611", "11-2026", "", "2026-1a"])
def test_a_month_that_is_not_one_is_refused(month: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (the only error month_days raises)
        month_days(month)
