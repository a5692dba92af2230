"""The changes of a date told to the applicant that a 期限告知书 tells of: each a history line, numbered in order.

Three steps change a date after the applicant's paper was handed over: a 容缺 deadline extended
(:data:`~counter.case.status.CaseEvent.DEFERRAL_EXTENDED`, its note the new date and the reason), an item's limit
extended by its department (:data:`~counter.case.status.CaseEvent.ITEM_EXTENDED`, 行政许可法 第四十二条: the days,
who approved it and the reason told to the applicant) and a lapse found early when the holiday data arrived
(:data:`~counter.case.status.CaseEvent.LAPSE_EARLY`, :mod:`counter.case.early_lapses`).  Each gets its own paper,
numbered by its place among the case's changes (1 for the first), so a reprint of one is that one paper, whatever
changed since.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from counter.case.decisions import Line
from counter.case.status import CaseEvent

L = TypeVar("L", bound=Line)

DATE_CHANGE_EVENTS = frozenset(
    {CaseEvent.DEFERRAL_EXTENDED.value, CaseEvent.ITEM_EXTENDED.value, CaseEvent.LAPSE_EARLY.value}
)


def date_changes(history: Sequence[L]) -> tuple[L, ...]:
    """The case's date changes, in order."""
    return tuple(line for line in history if line.event in DATE_CHANGE_EVENTS)


def nth_date_change(history: Sequence[L], n: int) -> L | None:
    """The ``n``-th change (1 for the first; 0 for the latest), None when there is no such change."""
    changes = date_changes(history)
    if n == 0:
        return changes[-1] if changes else None
    return changes[n - 1] if 0 < n <= len(changes) else None


def date_change_no(history: Sequence[Line], n: int) -> int:
    """The place of the change a paper asked for by ``n`` is of: ``n`` itself, or for 0 the latest's (0: none)."""
    return n or len(date_changes(history))
