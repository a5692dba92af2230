"""The report's own rules on plain rows: when a deferral is overdue, where rectifications stand, what a total adds."""

from __future__ import annotations

import datetime as dt

from counter.case.period_figures import CaseCounts, PeriodLine, RectCounts, total_line
from counter.case.promise_figures import PromiseFigures
from counter.ratings.figures import Figures
from counter.ratings.rectification import RectState
from tests.figures_oracle import deferral_overdue, rect_counts

DAY = dt.date(2026, 11, 20)
BEFORE, AFTER = DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=1)


def test_a_deferral_is_overdue_when_a_material_came_late_or_not_at_all_by_its_date() -> None:
    assert not deferral_overdue([(DAY, DAY)], AFTER)  # came on its due date
    assert deferral_overdue([(DAY, AFTER)], AFTER)  # came a day late: it stays a late deferral
    assert not deferral_overdue([(DAY, None)], DAY)  # still due today
    assert deferral_overdue([(BEFORE, None)], DAY)  # due yesterday, not come
    assert not deferral_overdue([(None, None), (None, BEFORE)], AFTER)  # lines that were never deferred
    assert deferral_overdue([(AFTER, None), (BEFORE, BEFORE), (BEFORE, None)], DAY)  # any one of them


def test_rectifications_open_overdue_closed_and_voided() -> None:
    rows = [
        (BEFORE, RectState.AWAITING_REVISIT, None),  # open, past due
        (AFTER, RectState.VERIFYING, None),  # open, within time
        (BEFORE, RectState.FIX_BY_DEADLINE, AFTER),  # 限期整改: held to its ledger date, not yet past
        (AFTER, RectState.FIX_BY_DEADLINE, BEFORE),  # …and past it, though the seven days are not over
        (BEFORE, RectState.FED_BACK, None),  # closed: never overdue
        (BEFORE, RectState.VOIDED, None),  # removed on appeal
    ]
    assert rect_counts(rows, DAY) == RectCounts(opened=6, open=4, overdue=2, closed=1, voided=1)


def test_the_total_adds_counts_and_takes_the_promise_total_as_given() -> None:
    lines = [
        PeriodLine("a", "a", Figures("a", services=3, rated=2, good=1, bad=1), CaseCounts(accepted=2, refused=1),
                   PromiseFigures(("a",), "a"), RectCounts(opened=1, open=1)),
        PeriodLine("b", "b", Figures("b", services=1, not_sent=1), CaseCounts(deferred=1, overdue_deferrals=1),
                   PromiseFigures(("b",), "b"), RectCounts()),
    ]  # fmt: skip
    promise = PromiseFigures((), "", cases=2)
    total = total_line(lines, promise)
    assert (total.key, total.label, total.promise) == ("", "", promise)
    assert total.ratings == Figures("", services=4, rated=2, good=1, bad=1, not_sent=1)
    assert total.cases == CaseCounts(accepted=2, deferred=1, refused=1, overdue_deferrals=1)
    assert total.rectifications == RectCounts(opened=1, open=1)
    assert total.ratings.good_rate == total.ratings.bad_rate == 0.5
