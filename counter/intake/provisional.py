"""Where the holiday data stops before the dates an intake's decision puts on paper: its dates are provisional.

Worked out with the preview, on the calendar the decision was made on, so that the panel's warning names the last
day the data covers (the outcome box words it).
"""

from __future__ import annotations

import datetime as dt

from counter.calendar.workdays import BeyondData, WorkCalendar
from counter.intake.outcome import Decision


def decision_dates(decision: Decision) -> list[dt.date]:
    """Every date the decision puts on paper."""
    dates = [decision.promised_date, decision.accepted_on, decision.correction_due, decision.notify_by]
    return [d for d in (*dates, *(m.due for m in decision.deferred)) if d is not None]


def provisional_mark(calendar: WorkCalendar, today: dt.date, decision: Decision) -> BeyondData | None:
    """Where the holiday data stops before the decision's dates, for the warning to name; None when it covers them."""
    dates = decision_dates(decision)
    if not decision.beyond_calendar_data or not dates:
        return None
    return calendar.beyond(today, max(dates))
