"""An item's clock: the day its department must decide by, by law and by the hall's promise, and how near it is.

Both limits count from the day the case was accepted (行政许可法 第四十二条: 自受理行政许可申请之日起), that day itself
not counted (民法典 第二百零一条), as the case's own promised date is counted (:meth:`WorkCalendar.deadline`).

- A pause stops the clock (第四十五条): the days after the day it began, up to and including the day it ended, are not
  counted, so both dates move later by them, in the limit's own unit (working days for a limit in working days).
  While the item is paused it has no date: it gets one again when the clock runs.
- Before its 受理 the item has no date while its department waits for the applicant's 补正 (第三十二条): the limits
  start only when the 补正 is complete and the department accepts (:func:`signed_on`).
- An extension (第四十二条) adds its working days to the legal limit only.  The hall's promise is not extended: the
  applicant is told the new legal date, and a promise missed shows as missed.

A date past the holiday data is provisional, as every computed date (:class:`counter.calendar.workdays.DateResult`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from counter.calendar.workdays import DateResult, WorkCalendar
from counter.case.item_path import ItemEvent, ItemState, ItemStep, state_of
from counter.catalog.model import TimeLimit, TimeUnit


@dataclass(frozen=True, slots=True)
class PauseSpan:
    """From the day a pause began to the day the clock ran again (None: still paused)."""

    began: dt.date
    ended: dt.date | None


@dataclass(frozen=True, slots=True)
class ItemClock:
    legal_due: DateResult | None  # None: the item has no legal limit in the catalog, or it is paused now
    promised_due: DateResult | None  # None: no promised limit, or paused now
    pauses: tuple[PauseSpan, ...]

    @property
    def paused_since(self) -> dt.date | None:
        last = self.pauses[-1] if self.pauses else None
        return last.began if last is not None and last.ended is None else None


def pauses_of(path: Sequence[ItemStep]) -> tuple[PauseSpan, ...]:
    """The pauses of an item's path, in order (a checked path: each pause ended before the next began)."""
    spans: list[PauseSpan] = []
    began: dt.date | None = None
    for step in path:
        if step.event is ItemEvent.PAUSED:
            began = step.day
        elif step.event is ItemEvent.RESUMED and began is not None:
            spans.append(PauseSpan(began, step.day))
            began = None
    if began is not None:
        spans.append(PauseSpan(began, None))
    return tuple(spans)


def signed_on(path: Sequence[ItemStep]) -> dt.date | None:
    """The day the item's department signed for it (签收); None before.  Where the hall only received the item, that
    is the department's 受理, and the item's limits run from it (许可法 第四十二条: 自受理行政许可申请之日起;
    :mod:`counter.documents.acceptance`)."""
    return next((step.day for step in path if step.event is ItemEvent.SIGNED), None)


#: the working days within which a department tells its 补正 after the hall received the materials (许可法 第三十二条
#: 第一款第四项: 五日内; 第八十二条: 以工作日计算)
CORRECTION_DAYS = 5


def correction_deadline(calendar: WorkCalendar, received_on: dt.date) -> dt.date:
    """The last day a department may tell its 补正 of what the hall received on ``received_on``: 逾期不告知的，自收到
    申请材料之日起即为受理.  The hall's 收件 is the receipt (seed 001 第三十二条: the hall receives for the
    departments), so the five days run from it, not from the day the item reached the department's desk."""
    return calendar.add_working_days(received_on, CORRECTION_DAYS).date


def accepted_on(
    path: Sequence[ItemStep], received_on: dt.date, correction_by: dt.date, *, licensing: bool
) -> dt.date | None:
    """The day a received item was accepted: its department's 签收, or, for a licence whose department told no 补正
    within five working days of the hall's receipt (``correction_by``: :func:`correction_deadline`), the day the
    hall received the materials, whenever the 签收 came — 许可法 第三十二条第一款第四项: 逾期不告知的，自收到申请材料
    之日起即为受理.  A department that signed late used to put the 受理, and every limit, at its own late day, to the
    applicant's loss.  Other items (no source gives them the rule) keep their 签收; None: not signed yet."""
    signed = signed_on(path)
    if signed is None:
        return None
    told = any(step.event is ItemEvent.CORRECTION for step in path)
    return received_on if licensing and not told and signed > correction_by else signed


def item_clock(
    calendar: WorkCalendar,
    accepted_on: dt.date,
    legal: TimeLimit | None,
    promised: TimeLimit | None,
    path: Sequence[ItemStep],
) -> ItemClock:
    """The item's dates after the steps of ``path``, for a case accepted on ``accepted_on``."""
    pauses = pauses_of(path)
    if state_of(path) is ItemState.CORRECTING:  # not accepted yet: no limit runs until the 补正 is complete
        return ItemClock(None, None, pauses)
    extension = sum(step.days for step in path if step.event is ItemEvent.EXTENDED)
    return ItemClock(
        _due(calendar, accepted_on, legal, pauses, extension),
        _due(calendar, accepted_on, promised, pauses, 0),
        pauses,
    )


def _due(
    calendar: WorkCalendar, start: dt.date, limit: TimeLimit | None, pauses: Sequence[PauseSpan], extension: int
) -> DateResult | None:
    if limit is None or any(span.ended is None for span in pauses):
        return None
    stopped = 0
    for span in pauses:
        assert span.ended is not None  # every pause ended: checked above
        if limit.unit is TimeUnit.WORKING_DAY:
            stopped += calendar.working_days_between(span.began, span.ended).days
        else:
            stopped += (span.ended - span.began).days
    added = extension if limit.unit is TimeUnit.WORKING_DAY else 0
    if extension and limit.unit is TimeUnit.CALENDAR_DAY:
        # a limit in calendar days extended by working days: the extension's last working day, counted on from the
        # limit's own last day, is the new date
        base = calendar.deadline(start, TimeLimit(limit.value + stopped, limit.unit))
        extended = calendar.add_working_days(base.date, extension)
        return DateResult(extended.date, base.beyond or extended.beyond)
    return calendar.deadline(start, TimeLimit(limit.value + stopped + added, limit.unit))


def served_promise(
    promised: DateResult | None, legal: DateResult | None, case_promised: dt.date | None
) -> DateResult | None:
    """The promise of an item a 容缺 material of the case serves: the case's promised date when its own is earlier.

    The guide's deferral period is printed whole, and where the department's margin after it passes an item's own
    promise, the case's promised date moved past it instead (:mod:`counter.intake.outcome`); the items waiting for
    the material keep that date, never beyond their legal one.  Only what the case stores is read (its promised
    date, its deferred lines), so the date is the one the receipt printed, whatever the settings say later.
    """
    if promised is None or case_promised is None:
        return promised
    floor = min(case_promised, legal.date) if legal is not None else case_promised
    return DateResult(floor, promised.beyond) if promised.date < floor else promised


class DueAlert(StrEnum):
    """How near an undecided item is to its date: the day before, the day itself, after it."""

    DUE_NEXT = "due_next"  # its date is the next working day
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"


def due_alert(calendar: WorkCalendar, due: dt.date, today: dt.date) -> DueAlert | None:
    """The alert of an undecided item due on ``due``, on ``today``; None while it is further off.

    "A day before" is the working day before: on a Friday an item due on Monday is due next.
    """
    if today > due:
        return DueAlert.OVERDUE
    if today == due:
        return DueAlert.DUE_TODAY
    if due <= calendar.add_working_days(today, 1).date:
        return DueAlert.DUE_NEXT
    return None
