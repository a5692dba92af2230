"""What ``holidays list`` shows: the days this office set by hand, and how far the holiday data reaches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.actions.admin.calendar import office_calendar
from counter.calendar.office_days import EditedDay, HolidayOverview
from counter.db.holiday_store import edited_days

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["holiday_overview"]


def holiday_overview(session: Session) -> HolidayOverview:
    days = tuple(EditedDay(day, kind, source) for day, kind, source in edited_days(session))
    return HolidayOverview(office_calendar(session).table.last_covered, days)
