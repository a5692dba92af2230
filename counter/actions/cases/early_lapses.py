"""When the office's holiday data changes: the lapses already recorded before the date that governs them now.

:func:`flag_early_lapses` runs beside :func:`counter.actions.cases.date_moves.honour_printed_dates`, in the unit of
work of
the change, on the calendar as it now stands.  A case with a lapse line on or after the first day whose standing
changed is counted again with the rule its intake used (:func:`counter.intake.recount.recount_dates`); each lapse
recorded before the next working day after its governing date (the later of the printed and the recounted one,
domain §11) is found early (:mod:`counter.case.early_lapses`):

* a history line (LAPSE_EARLY) names each, with its dates, and its audit entry the case as it now stands;
* the deciding bodies find it in :func:`early_lapses`, each denied item with its body and the correction path
  (自行纠正, :data:`counter.words.lapses.CORRECTION_PATH`);
* where the hall has an SMS gateway and the case a phone, the applicant is told the date that governs.

The act itself stands: it is the deciding body's to take back, after its own review, not the holiday table's.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.office import office_settings
from counter.actions.cases.decisions import case_and_bundle
from counter.actions.cases.intake_settings import intake_rules
from counter.actions.cases.received_cases import status_after
from counter.audit.actions import AuditAction
from counter.calendar.workdays import WorkCalendar
from counter.case.dates_moved import CORRECTION, governed
from counter.case.decisions import items_served, lapse_day
from counter.case.early_lapse_rows import EarlyLapseRow
from counter.case.early_lapses import (
    LAPSE_EVENTS,
    EarlyLapse,
    early,
    early_note,
    found_early,
    lapsed_what,
    not_yet_found,
)
from counter.case.moments import office_day
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseView
from counter.catalog.model import Bundle
from counter.db import models
from counter.db.case_store import add_history, case_view
from counter.db.outbox_store import gateway_configured, queue_dated
from counter.documents.deciders import decider_name
from counter.intake.recount import recount_dates
from counter.intake.rules import IntakeRules
from counter.sms.kinds import MessageKind

log = logging.getLogger(__name__)


def flag_early_lapses(
    session: Session, desk: Desk, after: WorkCalendar, first: dt.date, at: dt.datetime
) -> tuple[str, ...]:
    """Find the lapses recorded before their governing dates on ``after``, the data having changed from ``first``
    on; the numbers of the cases where one was found (none twice: the same data again finds nothing new).  Each
    finding is a history line at ``at``, the moment of the change (a training desk's day too), and its message to
    the applicant is queued then."""
    h, c = models.CaseHistory, models.Case
    since = dt.datetime.combine(first, dt.time.min) - dt.timedelta(days=1)  # the office's day, whatever the zone
    lapsed = select(h.case_id).where(h.event.in_(sorted(LAPSE_EVENTS)), h.at >= since)
    query = select(c.case_no).where(c.id.in_(lapsed), c.status != CaseStatus.VOIDED.value).order_by(c.case_no)
    rules = intake_rules(session)
    found = [number for number in session.scalars(query) if _flag(session, desk, number, after, rules, at)]
    if found:
        log.warning("holiday data changed from %s: lapses found early in %d cases", first, len(found))
    return tuple(found)


def _flag(session: Session, desk: Desk, number: str, after: WorkCalendar, rules: IntakeRules, at: dt.datetime) -> bool:
    case, bundle = case_and_bundle(session, number, lock=True)
    view = case_view(session, case.case_no)
    assert view is not None
    new = not_yet_found(_early(governed(view), bundle, after, rules), view.history)
    if not new:
        return False
    status_after(session, case, CaseEvent.LAPSE_EARLY)  # the status stays
    note = early_note(new)
    add_history(session, case, CaseEvent.LAPSE_EARLY.value, note, clerk=desk.clerk, at=at)
    detail = {"event": CaseEvent.LAPSE_EARLY.value, "status": case.status, "note": note}
    record_at_desk(session, desk, AuditAction.CASE_CHANGED, case.case_no, detail)
    if case.notify_phone.strip() and gateway_configured(session):
        due = max(f.due for f in new)
        queue_dated(session, case.id, case.uid, case.notify_phone, MessageKind.LAPSE_EARLY, due, at)
    return True


def _early(view: CaseView, bundle: Bundle, calendar: WorkCalendar, rules: IntakeRules) -> list[EarlyLapse]:
    """Each lapse of the case's history recorded before the next working day after its governing date."""
    dues = {m.code: m.due_on for m in view.materials if m.due_on is not None}
    decided_on = office_day(view.history[0].at) if view.history else view.received_on  # the intake's own line
    recounted = recount_dates(
        bundle,
        calendar,
        accepted_on=view.accepted_on,
        decided_on=decided_on,
        deferred=tuple(sorted(dues)),
        correction=view.correction_due is not None,
        policy=rules.correction_policy(),
        deferral_policy=rules.deferral_policy(),
    )
    found: list[EarlyLapse] = []
    for line in view.history:
        if line.event not in LAPSE_EVENTS:
            continue
        lapsed_on = office_day(line.at)
        for what in lapsed_what(line):
            printed = view.correction_due if what == CORRECTION else dues.get(what)
            counted = recounted.correction if what == CORRECTION else recounted.deferred.get(what)
            if printed is None:
                continue
            due = max(printed, counted or printed)
            one = early(what, lapsed_on, due, lapse_day(due, calendar))
            if one is not None:
                found.append(one)
    return found


def early_lapses(session: Session) -> list[EarlyLapseRow]:
    """Every lapse found early, by case number: the list the deciding bodies correct from."""
    h, c = models.CaseHistory, models.Case
    flagged = select(h.case_id).where(h.event == CaseEvent.LAPSE_EARLY.value)
    rows: list[EarlyLapseRow] = []
    for number in session.scalars(select(c.case_no).where(c.id.in_(flagged)).order_by(c.case_no)):
        case, bundle = case_and_bundle(session, number)
        view = case_view(session, number)
        assert view is not None
        office = office_settings(session, case.site_code)
        denied = {code for code, d in view.decisions().items() if not d.approved}
        for lapse in found_early(view.history):
            if lapse.what == CORRECTION:
                codes: tuple[str, ...] = tuple(i.code for i in bundle.items)
            else:
                codes = tuple(code for code in items_served(bundle, (lapse.what,)) if code in denied)
            items = tuple(
                (item.code, item.name, decider_name(item, office)) for item in bundle.items if item.code in codes
            )
            rows.append(EarlyLapseRow(number, lapse, items))
    return rows
