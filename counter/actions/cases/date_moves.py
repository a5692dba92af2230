"""When the office's holiday data changes: every open date told to an applicant counted again, the later one governing.

:func:`honour_printed_dates` runs in the unit of work of the change itself — a year's notice imported or a day edited
(:mod:`counter.actions.admin.calendar`), a hall's holidays taken in by a township
(:mod:`counter.actions.sync.packages`) — with the
calendar as it stood before.  Only a case with a date on or after the first day whose standing changed can move
(:func:`counter.db.case_store.cases_dated_from`); each is counted again with the rule its intake used
(:func:`counter.intake.recount.recount_dates`) and keeps the later of each date (:mod:`counter.case.dates_moved`):

* the case's columns hold the governing dates, so the lists, the reminders, the lapse checks and the paper read them;
* a history line (期限顺延) records each move, from and to, and its audit entry the case as it now stands;
* where the hall has an SMS gateway and the case a phone, the applicant is told each later date;
* the items still with their departments are clocked again on the new calendar (their queue's dates);
* a lapse already recorded before the date that now governs it is found, for its deciding body to correct
  (:mod:`counter.actions.cases.early_lapses`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import case_and_bundle
from counter.actions.cases.early_lapses import flag_early_lapses
from counter.actions.cases.intake_settings import intake_rules
from counter.actions.cases.item_track import IN_HAND, track_items
from counter.actions.cases.received_cases import status_after
from counter.audit.actions import AuditAction
from counter.calendar.workdays import WorkCalendar
from counter.case.dates_moved import (
    CORRECTION,
    OPEN_STATUSES,
    PROMISED,
    DateMove,
    later_dates,
    moves_note,
    open_dates,
)
from counter.case.item_lines import office_day
from counter.case.status import CaseEvent
from counter.db import models
from counter.db.case_store import add_history, case_materials, case_view, cases_dated_from
from counter.db.outbox_store import gateway_configured, queue_dated
from counter.intake.recount import Recount, recount_dates
from counter.intake.rules import IntakeRules
from counter.sms.kinds import MessageKind

log = logging.getLogger(__name__)


def changed_days(before: WorkCalendar, after: WorkCalendar, days: Iterable[dt.date]) -> list[dt.date]:
    """The days among ``days`` that were working days and are no more, or the other way round."""
    return [day for day in days if before.is_working_day(day) != after.is_working_day(day)]


def honour_printed_dates(
    session: Session, desk: Desk, before: WorkCalendar, days: Iterable[dt.date], at: dt.datetime | None = None
) -> tuple[str, ...]:
    """Count every open date again after a change of the holiday data over ``days``; the numbers of the cases moved.

    ``at``: the moment of the change its history lines are written and its messages queued at (now unless given: a
    training desk's day).

    ``before``: the office's calendar as it stood before the change, which the caller has written in this unit of
    work.  Nothing is counted when no day of ``days`` changed its standing (a notice imported again, say).
    """
    asked = list(days)
    if not asked:
        return ()  # no day changed: the calendar is not even read again
    after = office_calendar(session)
    changed = changed_days(before, after, asked)
    if not changed:
        return ()
    first = min(changed)
    at = models.utcnow() if at is None else at  # one moment for every line and message of the change
    rules = intake_rules(session)
    moved = [
        number
        for number in cases_dated_from(session, first, OPEN_STATUSES)
        if _move(session, desk, number, after, rules, at)
    ]
    _retrack(session, first)
    flag_early_lapses(
        session, desk, after, first, at
    )  # the lapses the new data shows early, for their bodies to correct
    log.info("holiday data changed from %s: %d open cases' dates moved later", first, len(moved))
    return tuple(moved)


def _move(session: Session, desk: Desk, number: str, after: WorkCalendar, rules: IntakeRules, at: dt.datetime) -> bool:
    """Count the case's open dates again on ``after`` and keep the later of each; whether any moved.

    Its columns are brought to the governing dates even where nothing moves now: a move the other site made reaches
    this one as a history line only (:func:`counter.case.dates_moved.governed`), and the lists read the columns.
    """
    case, bundle = case_and_bundle(session, number, lock=True)
    view = case_view(session, case.case_no)
    assert view is not None
    now = open_dates(view)
    decided_on = office_day(view.history[0].at) if view.history else view.received_on  # the intake's own line
    recounted = recount_dates(
        bundle,
        after,
        accepted_on=view.accepted_on,
        decided_on=decided_on,
        deferred=tuple(now.deferred),
        correction=now.correction is not None,
        policy=rules.correction_policy(),
        deferral_policy=rules.deferral_policy(),
    )
    moves = later_dates(now, recounted)
    governing = _after_moves(now, moves)
    if not _set_columns(session, case, governing) and not moves:
        return False
    status_after(session, case, CaseEvent.DATES_MOVED)  # the status stays; MoveNotAllowed reaches the caller
    note = moves_note(moves)
    if moves:
        add_history(session, case, CaseEvent.DATES_MOVED.value, note, clerk=desk.clerk, at=at)
        _tell(session, case, moves, governing, at)
    detail = {"event": CaseEvent.DATES_MOVED.value, "status": case.status, "note": note}
    record_at_desk(session, desk, AuditAction.CASE_CHANGED, case.case_no, detail)
    return bool(moves)


def _after_moves(now: Recount, moves: tuple[DateMove, ...]) -> Recount:
    later = {move.what: move.after for move in moves}
    return Recount(
        promised=later.get(PROMISED, now.promised),
        correction=later.get(CORRECTION, now.correction),
        deferred={code: later.get(code, due) for code, due in now.deferred.items()},
    )


def _set_columns(session: Session, case: models.Case, governing: Recount) -> bool:
    """The case's columns at the governing dates where they are behind; whether any was."""
    changed = False
    if governing.promised is not None and case.promised_on is not None and case.promised_on < governing.promised:
        case.promised_on, changed = governing.promised, True
    if (
        governing.correction is not None
        and case.correction_due is not None
        and case.correction_due < governing.correction
    ):
        case.correction_due, changed = governing.correction, True
    for line in case_materials(session, case.id):
        due = governing.deferred.get(line.material_code)
        if _behind(line.due_on, due):
            line.due_on, changed = due, True
    return changed


def _behind(column: dt.date | None, governing: dt.date | None) -> bool:
    return column is not None and governing is not None and column < governing


def _tell(
    session: Session, case: models.Case, moves: tuple[DateMove, ...], governing: Recount, at: dt.datetime
) -> None:
    """Each later date told to the applicant, where the hall has a gateway and the case a phone: the promise, the
    correction's deadline, and of the deferred materials the earliest date now awaited; queued ``at``, the moment of
    the line that moved them."""
    if not case.notify_phone.strip() or not gateway_configured(session):
        return
    told: dict[MessageKind, dt.date | None] = {}
    for move in moves:
        if move.what == PROMISED:
            told[MessageKind.PROMISE_MOVED] = governing.promised
        elif move.what == CORRECTION:
            told[MessageKind.CORRECTION_MOVED] = governing.correction
        else:
            told[MessageKind.DEFERRAL_MOVED] = min(governing.deferred.values())
    for kind, day in told.items():
        if day is not None:
            queue_dated(session, case.id, case.uid, case.notify_phone, kind, day, at)


def _retrack(session: Session, first: dt.date) -> None:
    """The items still with their departments whose dates run on or after ``first``, clocked on the new calendar
    (:func:`counter.actions.cases.item_track.track_items`), each case locked as every step of it is."""
    o = models.OpenItem
    dated = select(o.case_id).where((o.legal_due >= first) | (o.promised_due >= first))
    numbers = session.scalars(
        select(models.Case.case_no).where(models.Case.id.in_(dated), models.Case.status.in_(sorted(IN_HAND)))
    ).all()
    for number in numbers:
        case, bundle = case_and_bundle(session, number, lock=True)
        track_items(session, case, bundle)
