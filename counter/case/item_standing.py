"""Where one item of a case stands with its department, as the case page and ``counter items show`` list it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.calendar.workdays import DateResult
from counter.case.item_clock import DueAlert
from counter.case.item_path import ItemState, ItemStep


@dataclass(frozen=True, slots=True)
class ItemStanding:
    """Where one item of a case stands: its department, its state, its dates and how near the nearest is.

    A revocation is no step of the item's path (its department's 准予 stays made), so it is kept beside the state:
    a list that read the state alone would show a licence the applicant no longer holds as granted."""

    code: str
    name: str
    department: str
    state: ItemState | None  # None: not routed yet
    legal_due: DateResult | None
    promised_due: DateResult | None
    paused_since: dt.date | None
    alert: DueAlert | None  # of the nearer date, while the item is undecided
    steps: tuple[ItemStep, ...]
    revoked_on: dt.date | None = None  # granted, then revoked on a promise found false (行政许可法 第六十九条第二款)

    @property
    def due_on(self) -> dt.date | None:
        """The nearer of the promised and the legal date; None while paused."""
        dues = [d.date for d in (self.promised_due, self.legal_due) if d is not None]
        return min(dues) if dues else None
