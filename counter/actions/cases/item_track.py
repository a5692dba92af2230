"""Where each item of a case stands, from its history; and the rows of the items still with their departments.

:func:`standings` reads a case's items from its history (:mod:`counter.case.item_lines`) and clocks
(:mod:`counter.case.item_clock`).  :func:`track_items` rewrites the case's rows of ``open_item`` from the same
reading, in the unit of work of every step that can change them — an item routed, a department's step, a decision
(the window's, a department's, a lapse's), the case completed, withdrawn or voided, and a sync package's lines — so
the department's queue and the alerts (:mod:`counter.actions.cases.item_queue`) read a small table kept exactly as the
history says, never every case's history.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, exists, func, or_, select
from sqlalchemy.orm import Session

from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.office import office_settings, stored_office_settings
from counter.actions.cases.item_authority import site_authority
from counter.actions.catalog.guides import decider_names
from counter.calendar.workdays import WorkCalendar
from counter.case.decisions import deferred_items
from counter.case.item_clock import accepted_on, correction_deadline, due_alert, item_clock, served_promise
from counter.case.item_lines import item_paths, office_day
from counter.case.item_path import ItemStep, state_of
from counter.case.item_standing import ItemStanding
from counter.case.pledge_checks import item_revocations
from counter.case.status import CaseStatus
from counter.case.view import CaseView
from counter.catalog.model import Bundle, Item, ItemType
from counter.db import models
from counter.db.case_store import case_view
from counter.db.catalog_store import guide_version
from counter.documents.acceptance import (
    HELD,
    Acceptance,
    HeldItems,
    acceptance_of,
    held_from,
    held_of_record,
    kept_snapshot,
    receives_every_item,
    with_case,
)
from counter.documents.data import OfficeSettings
from counter.documents.kinds import DocumentKind

#: the statuses whose items are still worked at their departments (counter.case.status: an item's path runs then)
IN_HAND = frozenset({CaseStatus.ACCEPTED.value, CaseStatus.AWAITING_DEFERRED.value, CaseStatus.IN_APPROVAL.value})

log = logging.getLogger(__name__)


def standings(session: Session, view: CaseView, bundle: Bundle, today: dt.date | None) -> tuple[ItemStanding, ...]:
    """Every item of the case (those its answers apply for), in its bundle's order, with its department as the case's
    site names it; each undecided one's alert as it stands on ``today``, the call's day.

    ``today`` None: no alert is asked (every item's is None), for a reading of the states and dates alone — the
    queue's rows, a legal date checked, a department's reach — which no day changes: none is read from a clock."""
    bundle = bundle.for_case(dict(view.answers))
    paths = item_paths(view.history, office_day)
    departments = decider_names(session, bundle, view.site_code)
    calendar = office_calendar(session)
    start = view.accepted_on or view.received_on
    waiting = deferred_items(bundle, view.materials)
    received = received_only(session, view, bundle)
    revoked = item_revocations(view.history, office_day)
    found = []
    for item in bundle.items:
        steps = tuple(paths.get(item.code, ()))
        state = state_of(steps)
        begun = (accepted_of(calendar, view, item, steps) or start) if item.code in received else start
        clock = item_clock(calendar, begun, item.legal_limit, item.promised_limit, steps)
        promised = clock.promised_due
        if item.code in waiting:  # promised for the case's date, which a 容缺 may have moved
            promised = served_promise(promised, clock.legal_due, view.promised_on)
        dues = [d.date for d in (promised, clock.legal_due) if d is not None]
        alert = None
        if today is not None and dues and not (state and state.decided):
            alert = due_alert(calendar, min(dues), today)
        due = clock.legal_due, promised
        revoked_on = revoked[item.code].day if item.code in revoked else None
        found.append(
            ItemStanding(
                item.code, item.name, departments[item.code], state, *due, clock.paused_since, alert, steps, revoked_on
            )
        )
    return tuple(found)


def accepted_of(calendar: WorkCalendar, view: CaseView, item: Item, steps: Sequence[ItemStep]) -> dt.date | None:
    """The department's 受理 of an item the hall only received (:func:`counter.case.item_clock.accepted_on`): its
    签收, or the hall's receipt where a licence's 补正 was not told in time; None before the 签收."""
    by = correction_deadline(calendar, view.received_on)
    return accepted_on(steps, view.received_on, by, licensing=item.item_type is ItemType.LICENSING)


def receives_only(session: Session, bundle: Bundle, site_code: str) -> bool:
    """Whether the site only receives every item of ``bundle`` for its departments (:mod:`counter.documents.acceptance`)
    as its settings stand: what its guide page and its 一次性告知单 say of the window's own step."""
    office, now = office_settings(session, site_code), site_authority(session, site_code)
    held = held_from(now)
    return receives_every_item(bundle.items, office, held)


def received_only(session: Session, view: CaseView, bundle: Bundle) -> frozenset[str]:
    """The items the site only received for their departments (:mod:`counter.documents.acceptance`): their limits run
    from the department's 受理, its 签收, once it signed for them; from the case's day until then.

    As the case's receipt told the applicant, where one was made (its record keeps the settings and what the site
    held then); else as the site's settings stand."""
    return received_codes(session, view.case_no, view.site_code, bundle.items)


def received_codes(session: Session, case_no: str, site_code: str, items: Iterable[Item]) -> frozenset[str]:
    """:func:`received_only` of the case numbered ``case_no``, taken at ``site_code``, for ``items``."""
    office, held = told_standing_of(session, case_no, site_code)
    return frozenset(i.code for i in items if acceptance_of(i, office, held) is Acceptance.RECEIVED)


def told_standing_of(session: Session, case_no: str, site_code: str) -> tuple[OfficeSettings, HeldItems]:
    """The settings and holdings the case's items stand by as its receipt told the applicant (else the site's now):
    also what the platform's report of the case reads (:mod:`counter.actions.outbox.platform_facts`)."""
    raw = session.scalars(
        select(models.DocumentRecord.office)
        .join(models.Case, models.Case.id == models.DocumentRecord.case_id)
        .where(models.Case.case_no == case_no, models.DocumentRecord.kind == DocumentKind.RECEIPT.value)
        .order_by(models.DocumentRecord.id)
    ).first()
    kept = _snapshot(raw, case_no)
    if raw is not None and kept is not None:
        office, held = stored_office_settings(raw, site_code), held_of_record(kept.get(HELD))
    else:
        now = site_authority(session, site_code)
        office, held = office_settings(session, site_code), held_from(now)
    # forwarded on the applicant's insistence: received, whatever the settings (HeldItems.forwarded)
    found = session.execute(
        select(models.Case.refusal_ground, models.Case.outcome).where(models.Case.case_no == case_no)
    ).first()
    return office, (held if found is None else with_case(held, *found))


def _snapshot(raw: str | None, case_no: str) -> dict[str, object] | None:
    """The receipt's kept settings as an object; None where there is no receipt, or its record keeps none this
    program writes (a township's package carries the record as the township stored it): the case is then tracked
    as the site's settings stand, and its page opens."""
    if raw is None:
        return None
    kept = kept_snapshot(raw)
    if kept is None:
        log.warning("case %s: its receipt's kept settings unreadable; the site's own used", case_no)
        return None
    return kept


def track_items(session: Session, case: models.Case, bundle: Bundle) -> None:
    """Rewrite the case's rows of the items still with their departments, as its history now says.

    None once the case leaves the hall's hands (completed, withdrawn, voided): nothing of it is worked any more.
    """
    untrack_items(session, case)
    if case.status not in IN_HAND:
        return
    session.flush()  # the lines this unit of work wrote are part of the reading
    for row in _open_rows(session, case, bundle):
        session.add(models.OpenItem(case_id=case.id, **row))


#: the columns of ``open_item`` its rows are compared by: what the history and the case's guide say.  Not the dates
#: due, which the office's calendar as it stood at the step gave: a holiday edited since would name every item in hand
_QUEUE_COLUMNS = ("item_code", "item_name", "site_code", "department", "state", "routed_on", "paused_since")


def _open_rows(session: Session, case: models.Case, bundle: Bundle) -> list[dict[str, object]]:
    """The rows of ``open_item`` the case's history gives: its routed items not yet decided."""
    view = case_view(session, case.case_no)
    assert view is not None
    rows: list[dict[str, object]] = []
    for standing in standings(session, view, bundle, None):  # the rows keep no alert: no day is asked
        if standing.state is None or standing.state.decided:
            continue
        rows.append(
            {
                "item_code": standing.code,
                "item_name": standing.name[:200],
                "site_code": view.site_code,
                "department": standing.department,
                "state": standing.state.value,
                "routed_on": standing.steps[0].day,
                "due_on": standing.due_on,
                "legal_due": standing.legal_due.date if standing.legal_due else None,
                "promised_due": standing.promised_due.date if standing.promised_due else None,
                "paused_since": standing.paused_since,
            }
        )
    return rows


def queue_drift(session: Session) -> list[str]:
    """The numbers of the cases whose rows of the departments' queue are not what their history gives.

    The hall's desks must write ``open_item`` (every step rewrites a case's rows), so the rows themselves cannot
    be kept from a desk's login: ``counter audit verify`` reads them against the insert-only history instead, and
    a queue emptied, an item moved to another department or put back to an earlier step by hand is named here.
    """
    o = models.OpenItem
    stored: dict[int, set[tuple[object, ...]]] = {}
    for row in session.execute(select(o.case_id, *(getattr(o, c) for c in _QUEUE_COLUMNS))):
        stored.setdefault(row[0], set()).add(tuple(row[1:]))
    queued = exists().where(o.case_id == models.Case.id)
    in_hand = select(models.Case).where(or_(models.Case.status.in_(IN_HAND), queued))
    drifted = []
    for case in session.scalars(in_hand.order_by(models.Case.id)):
        expected: set[tuple[object, ...]] = set()
        if case.status in IN_HAND:
            kept = guide_version(session, case.guide_version_id)
            assert kept is not None  # a case always keeps its guide version (foreign key)
            expected = {tuple(r[c] for c in _QUEUE_COLUMNS) for r in _open_rows(session, case, kept.bundle)}
        if expected != stored.get(case.id, set()):
            drifted.append(case.case_no)
    return drifted


def untrack_items(session: Session, case: models.Case) -> None:
    """The case left the hall's hands (completed, withdrawn, voided): none of its items is worked any more."""
    session.execute(delete(models.OpenItem).where(models.OpenItem.case_id == case.id))


def retrack_after(session: Session, above: int) -> None:
    """Rewrite the rows of every case with items at their departments that got history lines numbered above
    ``above``: a sync package's, which a township wrote (a withdrawal, a lapse) or the hall's own coming back."""
    touched = (
        select(models.OpenItem.case_id)
        .where(exists().where(models.CaseHistory.case_id == models.OpenItem.case_id, models.CaseHistory.id > above))
        .distinct()
    )
    for case in session.scalars(select(models.Case).where(models.Case.id.in_(touched))):
        stored = guide_version(session, case.guide_version_id)
        assert stored is not None  # a case always keeps its guide version (foreign key)
        track_items(session, case, stored.bundle)


def last_history_id(session: Session) -> int:
    """The number of the newest history line: what :func:`retrack_after` reads above."""
    return session.scalar(select(func.max(models.CaseHistory.id))) or 0
