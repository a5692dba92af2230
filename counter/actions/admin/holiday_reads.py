"""What ``holidays list`` shows: the days this office set by hand, and how far the holiday data reaches."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.actions.admin.calendar import office_calendar
from counter.db.holiday_store import OFF, WORK, edited_days

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["OFF", "WORK", "EditedDay", "HolidayOverview", "holiday_overview"]


@dataclass(frozen=True)
class EditedDay:
    day: dt.date
    kind: str  # OFF or WORK
    source: str  # "edited", or the schedule file it was imported from


@dataclass(frozen=True)
class HolidayOverview:
    covered_until: dt.date | None  # the last day the holiday data knows; None when it knows none
    days: tuple[EditedDay, ...]


def holiday_overview(session: Session) -> HolidayOverview:
    days = tuple(EditedDay(day, kind, source) for day, kind, source in edited_days(session))
    return HolidayOverview(office_calendar(session).table.last_covered, days)
