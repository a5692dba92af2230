"""一窗出件: hand over a case's results at once, and make the 送达回证 that records it.

The check is the domain's (:func:`counter.case.hand_over.hand_over_problems`), made here whatever face asks: every
decided item not handed over yet goes out together, a part only when the applicant asks, and whoever collects at
the window is named with an ID number that checks.  A denied item's paper is its 不予批准决定书: made here when it
was not yet (in its department's name and series), so the 送达回证 lists its number.  The hand-over is a line of the
case's history and an audit entry, and its 送达回证 is numbered and kept like every notice, all in one unit of work.

A posted result is served when its return receipt is signed: :func:`record_signed_return` records that day, as a line
of the history, once the return comes back; the 送达回证 reprinted after it carries the day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from counter.access.case_rights import permission_for
from counter.access.desk import Desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.cases.decisions import case_and_bundle
from counter.actions.cases.documents import make_document
from counter.actions.cases.received_cases import status_after
from counter.audit.actions import AuditAction
from counter.case.decisions import ItemDecision
from counter.case.hand_over import (
    HandOver,
    HandOverRefused,
    HandOverRequest,
    SignedReturnRefused,
    hand_over_event,
    hand_over_note,
    hand_over_problems,
    hand_overs,
    handed_codes,
    handed_items,
    record_of,
    revoked_codes,
    signed_return_note,
    signed_return_problems,
)
from counter.case.item_lines import office_day
from counter.case.status import CaseEvent
from counter.db.case_store import add_history, case_view
from counter.documents.handed_over import HandedOver
from counter.documents.kinds import DocumentKind


def hand_over_results(
    session: Session, desk: Desk, number: str, request: HandOverRequest, now: dt.datetime
) -> HandedOver:
    """Hand over the case's decided results as ``request`` says; the record, the status after and the 送达回证.

    Raises :class:`~counter.case.hand_over.HandOverRefused` (every problem at once),
    :class:`~counter.case.status.MoveNotAllowed` (a case withdrawn, voided, or delivered already),
    :class:`~counter.case.not_found.CaseNotFound` or :class:`~counter.access.not_permitted.NotPermitted`.
    """
    require(session, desk.actor, permission_for(CaseEvent.DELIVERED))
    case, bundle = case_and_bundle(session, number, lock=True)
    view = case_view(session, case.case_no)
    assert view is not None
    today = office_day(now)
    decisions = view.decisions()
    handed = handed_codes(view.history)
    codes = [item.code for item in bundle.items]
    problems = hand_over_problems(request, decisions, handed, codes, today)
    if problems:
        raise HandOverRefused(problems)
    chosen = handed_items(request, decisions, handed, codes, {})
    denial_numbers = {  # a 不予批准's decision, or a department's 不予受理通知书: each item's own paper
        item.code: make_document(session, desk, case.case_no, _paper_of(decisions[item.code]), today, item.code).doc_no
        for item in chosen
        if not item.granted
    }
    items = handed_items(request, decisions, handed, codes, denial_numbers)
    record = record_of(request, items)
    every_item_handed = handed | revoked_codes(decisions) | {item.code for item in items} == set(codes)
    # a grant revoked since still made the case 办结 with a result (READY): its hand-over closes it as 送达
    event = hand_over_event(record, every_item_handed, any(d.approved for d in decisions.values()))
    after = status_after(session, case, event)  # MoveNotAllowed reaches the caller
    case.status = after.value
    note = hand_over_note(record)
    add_history(session, case, event.value, note, clerk=desk.clerk, at=now)
    detail = {"event": event.value, "status": after.value, "note": note}  # the ID number in it is masked already
    record_at_desk(session, desk, AuditAction.CASE_CHANGED, case.case_no, detail)
    ordinal = len(hand_overs(view.history, office_day)) + 1  # this one's place among the case's hand-overs
    made = make_document(session, desk, case.case_no, DocumentKind.SERVICE_RECEIPT, today, hand_over_no=ordinal)
    return HandedOver(record, after, made)


def record_signed_return(
    session: Session, desk: Desk, number: str, hand_over_no: int, signed_on: dt.date, now: dt.datetime
) -> HandOver:
    """Record the day the return receipt of the case's ``hand_over_no``-th hand-over (posted) was signed: its day
    of service, which its 送达回证 prints from then on.  The hand-over as it now stands.

    Raises :class:`~counter.case.hand_over.SignedReturnRefused` (every problem at once),
    :class:`~counter.case.status.MoveNotAllowed` (a case voided or withdrawn meanwhile),
    :class:`~counter.case.not_found.CaseNotFound` or :class:`~counter.access.not_permitted.NotPermitted`.
    """
    require(session, desk.actor, permission_for(CaseEvent.SERVICE_SIGNED))
    case, _bundle = case_and_bundle(session, number, lock=True)
    view = case_view(session, case.case_no)
    assert view is not None
    found = hand_overs(view.history, office_day)
    hand_over = found[hand_over_no - 1] if 0 < hand_over_no <= len(found) else None
    problems = signed_return_problems(hand_over, signed_on, office_day(now))
    if problems:
        raise SignedReturnRefused(problems)
    assert hand_over is not None  # signed_return_problems saw to it
    status_after(session, case, CaseEvent.SERVICE_SIGNED)  # status unchanged; MoveNotAllowed to the caller
    note = signed_return_note(hand_over_no, signed_on)
    add_history(session, case, CaseEvent.SERVICE_SIGNED.value, note, clerk=desk.clerk, at=now)
    detail = {"event": CaseEvent.SERVICE_SIGNED.value, "status": case.status, "note": note}
    record_at_desk(session, desk, AuditAction.CASE_CHANGED, case.case_no, detail)
    return dataclasses.replace(hand_over, served_on=signed_on)


def _paper_of(decision: ItemDecision) -> DocumentKind:
    """The paper an item not granted is handed over with: its department's 不予受理通知书 where it refused to accept
    it, else its 不予批准决定书."""
    return DocumentKind.ITEM_REFUSAL if decision.not_accepted else DocumentKind.DENIAL
