"""The items with their departments, as the department's queue and the hall's loads list them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.case.item_clock import DueAlert
from counter.case.item_path import ItemState


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One item with its department: the case, the item, where it stands and when it is due."""

    case_no: str
    applicant_name: str
    bundle_name: str
    item_code: str
    item_name: str
    department: str
    state: ItemState
    routed_on: dt.date
    due_on: dt.date | None  # None while paused
    legal_due: dt.date | None
    promised_due: dt.date | None
    paused_since: dt.date | None
    alert: DueAlert | None


@dataclass(frozen=True, slots=True)
class DepartmentLoad:
    """A department's count of items in hand, and how many of them are overdue today."""

    department: str
    items: int
    overdue: int
