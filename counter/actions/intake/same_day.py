"""当场办结: a 即办件 accepted today decided and handed over at the window, in one step.

The step is the case's ordinary 办结 and 送达 moves (:func:`counter.actions.intake.take.move_case`), one after the other
in the caller's transaction, so the history and the audit trail hold both, each with the permission, the status
check and the entry every move gets: the 办结 line's note :data:`~counter.case.same_day.NOTE_SAME_DAY` and the 送达
line's hand-over record (marked ``same_day``, :mod:`counter.case.hand_over`) say they were taken together at the
window, and the 送达回证 is made with them, numbered, for the receiver to sign.  Whether the case may take it is
decided by the domain (:func:`counter.case.same_day.same_day_problems`) from the guide version the case was taken
under, not from the catalog as it reads today.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from counter.access.authority import window_decides
from counter.access.case_acts import CaseAct
from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.guard import require
from counter.actions.cases.decisions import case_and_bundle, record_decision
from counter.actions.cases.documents import make_document
from counter.actions.cases.item_authority import check_act, item_authorities
from counter.actions.intake.take import deliver_same_day
from counter.case.hand_over import HandOverRequest, HandOverWay, hand_overs, handed_items, record_of
from counter.case.item_lines import office_day
from counter.case.moments import moment_on
from counter.case.not_found import CaseNotFound
from counter.case.same_day import NOTE_SAME_DAY, SameDayProblem, at_the_window, same_day_problems
from counter.case.same_day_refused import SameDayNotPossible
from counter.case.status import CaseStatus
from counter.catalog.model import Bundle
from counter.db import models
from counter.db.case_store import answers_of, case_by_no, case_view
from counter.db.catalog_store import guide_version
from counter.documents.kinds import DocumentKind

__all__ = ["finish_same_day", "same_day_check"]


def same_day_check(session: Session, number: str, today: dt.date) -> tuple[SameDayProblem, ...]:
    """Why the case cannot take the same-day step today (empty: it can); :class:`CaseNotFound` without it.

    A read: the window asks it to decide whether to offer the step at all.
    """
    case = case_by_no(session, number)
    if case is None:
        raise CaseNotFound(number)
    stored = guide_version(session, case.guide_version_id)
    if stored is None:  # a case always keeps its version; without it nothing says the bundle is 即办
        return (SameDayProblem.NOT_IMMEDIATE,)
    accepted_on, bundle = case.accepted_on, stored.bundle.for_case(answers_of(case))
    window = window_decides(item_authorities(session, bundle, case.site_code))
    return same_day_problems(bundle, CaseStatus(case.status), accepted_on, case.delivery, today, window)


def finish_same_day(session: Session, desk: Desk, number: str, today: dt.date) -> CaseStatus:
    """Decide and hand over at the window: each item granted (the last closes the case, 已办结), then 已送达.

    Raises :class:`SameDayNotPossible` for a bundle that is not wholly 即办 or holds an item the window does not
    decide, a case not accepted today or no longer 已受理, or a result the applicant asked to receive otherwise than
    at the window.
    """
    require(session, desk.actor, Permission.TAKE_INTAKE)  # asked first: a read of the case says nothing to others
    problems = same_day_check(session, number, today)
    if problems:
        raise SameDayNotPossible(number, problems)
    case, bundle = case_and_bundle(session, number, lock=True)
    at = moment_on(today, models.utcnow())  # the desk's day, a training desk's too
    codes = tuple(item.code for item in bundle.items)
    # the one rule of standing, for every item the step grants (counter.access.case_acts)
    acting = check_act(session, desk, case.case_no, bundle, case.site_code, CaseAct.SAME_DAY, codes)
    for code in codes:  # each in the name the rule gives it (the site's, or the department's it records for)
        record_decision(
            session, desk, case.case_no, code, approve=True, acting=acting[code], close_note=NOTE_SAME_DAY, at=at
        )
    return _hand_over(session, desk, number, bundle, today, at)


def _hand_over(
    session: Session, desk: Desk, number: str, bundle: Bundle, today: dt.date, at: dt.datetime
) -> CaseStatus:
    """送达 at the window, on record as every hand-over is (counter.case.hand_over), with its 送达回证 numbered and
    kept for the receiver to sign: every item, to whoever stands there for the applicant."""
    view = case_view(session, number)
    assert view is not None
    recipient, id_no = at_the_window(view)
    request = HandOverRequest(HandOverWay.PICKUP, recipient=recipient, id_no=id_no)
    items = handed_items(request, view.decisions(), (), [item.code for item in bundle.items], {})
    record = dataclasses.replace(record_of(request, items), same_day=True)
    status = deliver_same_day(session, desk, number, record, at=at)
    ordinal = len(hand_overs(view.history, office_day)) + 1  # the case's first, as nothing was handed before
    make_document(session, desk, number, DocumentKind.SERVICE_RECEIPT, today, hand_over_no=ordinal)
    return status
