"""Decisions item by item: 准予 or 不予批准 of one item, and the denial of the items a lapsed 容缺 takes down.

Every rule is checked here, not only by hiding a button: an item is decided once, a 不予批准 states its reasons
(seed 001 第十七条(二)), and a lapse is refused until the next working day after a deferred material's due date —
until then the applicant may still hand it in (the 承诺 of 容缺受理 is kept by its date).  Each decision is a
history line (:mod:`counter.case.decisions`) and an audit entry in the same unit of work; once every item of the
bundle is decided, the case moves by :data:`counter.case.status.MOVES` like any other step.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from sqlalchemy.orm import Session

from counter.access.authority import Standing
from counter.access.case_acts import CaseAct
from counter.access.case_rights import permission_for
from counter.access.desk import Desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.guard import require
from counter.actions.cases.item_authority import Acting, act_standing, check_item
from counter.actions.cases.item_track import track_items
from counter.actions.cases.received_cases import status_after
from counter.audit.actions import AuditAction
from counter.audit.masking import masked_text
from counter.case.decisions import (
    DecisionProblem,
    DecisionRefused,
    ItemDecision,
    Validity,
    check_entry,
    closing_event,
    first_lapse_day,
    item_note,
    items_served,
    lapsing,
    waiting_items,
)
from counter.case.entered_for import Entered
from counter.case.lapse import Lapse
from counter.case.moments import moment_on, office_day
from counter.case.not_found import CaseNotFound
from counter.case.provisional_lapse import check_settled
from counter.case.site_authority import EntrustedAct
from counter.case.status import NOTE_CODES_JOIN, CaseEvent, CaseStatus
from counter.catalog.model import Bundle, ItemType
from counter.db import models
from counter.db.case_store import add_history, answers_of, case_by_no, case_view
from counter.db.catalog_store import guide_version
from counter.parties.text import TextField, TextProblem, check_text

log = logging.getLogger(__name__)

DENIAL_REASONS_JOIN = "；"  # the case's own denial_reason: its items' reasons, as stored (never translated)


def case_and_bundle(session: Session, number: str, *, lock: bool = False) -> tuple[models.Case, Bundle]:
    """The case numbered ``number`` (:class:`CaseNotFound` if none) and the bundle of the guide it was taken under,
    holding only the items its answers apply for (:meth:`counter.catalog.model.Bundle.for_case`).

    ``lock``: a step is taken on it, which the case's other steps wait for (:func:`counter.db.case_store.case_by_no`).
    """
    case = case_by_no(session, number, lock=lock)
    if case is None:
        raise CaseNotFound(number)
    stored = guide_version(session, case.guide_version_id)
    assert stored is not None  # a case always keeps its guide version (foreign key)
    return case, stored.bundle.for_case(answers_of(case))


def decide_item(
    session: Session,
    desk: Desk,
    number: str,
    item_code: str,
    *,
    approve: bool,
    text: str = "",
    false_materials: bool = False,
    at: dt.datetime | None = None,
    validity: Validity | None = None,
    entered: Entered | None = None,
) -> CaseStatus:
    """Record one item's 准予 (``text``: the result's number, may be empty; ``validity``: the licence's 有效期限,
    if the department gave one) or 不予批准 (``text``: the reasons; ``false_materials``: denied under 行政许可法
    第七十八条, a licence only), written ``at`` (now unless given: a training desk's day).  The window entering the
    department's decision for it (代为录入) gives the department's 文号 and officer (``entered``), refused
    (``ENTRY_INCOMPLETE``) without them: the record names the decision the department took, not the clerk's key.

    Raises :class:`DecisionRefused`, :class:`~counter.case.status.MoveNotAllowed` or
    :class:`~counter.access.not_permitted.NotPermitted`; returns the case's status after.
    """
    event = CaseEvent.ITEM_APPROVED if approve else CaseEvent.ITEM_DENIED
    require(session, desk.actor, permission_for(event))  # at the window: a clerk records 准予, a supervisor 不予批准
    case, bundle = case_and_bundle(session, number)
    # the one rule every door asks (counter.access.authority): whose item it is decides, beside the role
    acting = check_item(session, desk, case.case_no, bundle, case.site_code, item_code, EntrustedAct.DECIDE)
    return record_decision(
        session,
        desk,
        number,
        item_code,
        approve=approve,
        text=text,
        at=at,
        acting=acting,
        false_materials=false_materials,
        validity=validity,
        entered=entered,
        ask_entry=True,
    )


def record_decision(
    session: Session,
    desk: Desk,
    number: str,
    item_code: str,
    *,
    approve: bool,
    text: str = "",
    at: dt.datetime | None = None,
    acting: Acting,
    close_note: str = "",
    false_materials: bool = False,
    validity: Validity | None = None,
    entered: Entered | None = None,
    ask_entry: bool = False,
) -> CaseStatus:
    """The decision of :func:`decide_item`, its permission and authority checked by the caller (``acting``, from
    :func:`counter.actions.cases.item_authority.check_item`): the window's there, a department's at its own desk
    (:func:`counter.actions.cases.item_steps.take_item_step`).  ``at``: when its line is written; ``close_note``: the
    note of the 办结 line the last decision writes (the same-day step's); ``false_materials``: a 不予批准 of a
    行政许可 under 第七十八条 (refused, ``NOT_A_LICENCE``, for any other item or a grant); ``validity``: a 准予's
    licence validity, refused (``VALIDITY_BEFORE_DECISION``) when it ends before the decision's day: a licence that
    has lapsed on the day it is granted is an error of entry, and a 不予批准 issues no licence to have one.
    ``entered``: the department's 文号 and officer, kept at the head of the line's note where the window enters the
    decision for the department (``acting`` entrusted); refused without them where the caller asks it
    (``ask_entry``: the department's decision entered, :func:`decide_item`, the department's step and the grant on a
    promise), after the decision's own checks; never kept from the department's own desk.  The same-day step does
    not ask it (its form carries no entry)."""
    event = CaseEvent.ITEM_APPROVED if approve else CaseEvent.ITEM_DENIED
    case, bundle = case_and_bundle(session, number, lock=True)
    if not approve and not text.strip():
        raise DecisionRefused(DecisionProblem.REASON_REQUIRED, case.case_no, item_code)
    if check_text(text, TextField.NOTE).problem not in (None, TextProblem.TOO_LONG):  # its length is the form's
        raise DecisionRefused(DecisionProblem.TEXT_NOT_TAKEN, case.case_no, item_code)
    item = bundle.item(item_code)
    if item is None:
        raise DecisionRefused(DecisionProblem.UNKNOWN_ITEM, case.case_no, item_code)
    if false_materials and (approve or item.item_type is not ItemType.LICENSING):
        raise DecisionRefused(DecisionProblem.NOT_A_LICENCE, case.case_no, item_code)
    if validity is not None:
        until = validity.until
        if not approve or (until is not None and until < office_day(at or dt.datetime.now(dt.UTC))):
            raise DecisionRefused(DecisionProblem.VALIDITY_BEFORE_DECISION, case.case_no, item_code, until)
    view = case_view(session, case.case_no)
    assert view is not None
    if item_code in view.decisions():
        raise DecisionRefused(DecisionProblem.ALREADY_DECIDED, case.case_no, item_code)
    if approve and item_code in waiting_items(bundle, view.materials, view.history):
        raise DecisionRefused(DecisionProblem.AWAITS_DEFERRED, case.case_no, item_code)
    entrusted = acting.ruling.standing is Standing.ENTRUSTED
    kept = check_entry(case.case_no, item_code, entered) if entrusted and ask_entry else None
    status = status_after(session, case, event)  # MoveNotAllowed reaches the caller
    extra = {"false_materials": "1"} if false_materials else {}
    note = item_note(item_code, text, false_materials=false_materials, validity=validity, entered=kept)
    _record(session, desk, case, event, note, status, at, clerk=acting.clerk, item=item_code, **extra, **acting.audit())
    return _close(session, desk, case, bundle, close_note, at)


def deny_lapsed_deferral(session: Session, desk: Desk, number: str, today: dt.date, reason: str = "") -> Lapse:
    """Record the deferred materials past their due date, and deny the items they serve that the window may deny (the
    site holds them, or their department entrusted it): the others are left to their deciding bodies
    (:attr:`Lapse.referred`), and the items the materials do not serve go on.

    Refused (:class:`DecisionRefused`, ``NOT_LAPSED`` with the first day it may be done) while no awaited material
    is past its due date: a lapse is recorded from the next working day after the due date
    (:func:`counter.case.decisions.lapse_day`), never before.  ``reason``
    adds to what the paper says of the lapse (the materials and their dates are printed in any case).
    """
    require(session, desk.actor, permission_for(CaseEvent.DEFERRAL_LAPSED))
    case, bundle = case_and_bundle(session, number, lock=True)
    view = case_view(session, case.case_no)
    assert view is not None
    status_after(session, case, CaseEvent.DEFERRAL_LAPSED)  # only a case awaiting deferred materials lapses
    calendar = office_calendar(session)
    gone = lapsing(view.materials, view.history, today, calendar)
    if not gone:
        first = first_lapse_day(view.materials, view.history, calendar)
        raise DecisionRefused(DecisionProblem.NOT_LAPSED, case.case_no, first_day=first)
    # never on a date the year's notice may still move (counter.case.provisional_lapse)
    check_settled(case.case_no, view.accepted_on or view.received_on, (m.due_on for m in gone if m.due_on), calendar)
    codes = tuple(m.code for m in gone)
    still = [m for m in view.deferred_open() if m.code not in codes]
    event = CaseEvent.DEFERRAL_PART_LAPSED if still else CaseEvent.DEFERRAL_LAPSED
    status = status_after(session, case, event)
    case.status = status.value
    note = NOTE_CODES_JOIN.join(codes)
    at = moment_on(today, models.utcnow())  # the lapse's day, a training desk's too
    add_history(session, case, event.value, note, clerk=desk.clerk, at=at)
    _audit(session, desk, case.case_no, event, status, note)
    decided = view.decisions()
    served = tuple(code for code in items_served(bundle, codes) if code not in decided)
    # each 不予批准 is its deciding body's (counter.access.case_acts): recorded here where the window holds the item or
    # was entrusted with it, in that name; every other item stays with its body, which denies it by its own decision
    standing = act_standing(session, desk, bundle, case.site_code, CaseAct.DEFERRAL_LAPSE, served)
    items = tuple(code for code in served if code in standing.acting)
    for code in items:
        acting = standing.acting[code]
        extra = {"item": code, **acting.audit()}
        _record(
            session, desk, case, CaseEvent.ITEM_DENIED, item_note(code, reason), status, at, clerk=acting.clerk, **extra
        )
    log.info(
        "case %s: deferral lapsed, items denied: %s, left to their bodies: %s", case.case_no, items, standing.refused
    )
    return Lapse(codes, items, _close(session, desk, case, bundle, at=at), tuple(standing.refused))


def _record(
    session: Session,
    desk: Desk,
    case: models.Case,
    event: CaseEvent,
    note: str,
    status: CaseStatus,
    at: dt.datetime | None = None,
    *,
    clerk: str = "",
    **extra: str,
) -> None:
    """One item's decision line (``note``: :func:`~counter.case.decisions.item_note`), under ``clerk`` (the desk's
    clerk unless recorded for a department), and its entry."""
    add_history(session, case, event.value, note, clerk=clerk or desk.clerk, at=at)
    _audit(session, desk, case.case_no, event, status, note, **extra)


def _close(
    session: Session, desk: Desk, case: models.Case, bundle: Bundle, note: str = "", at: dt.datetime | None = None
) -> CaseStatus:
    """Once every item is decided, the case's own move: all denied → DENIED, else → COMPLETED (READY), with ``note``
    on the 办结 line, written when the last decision's is (``at``: a training desk's day too)."""
    session.flush()
    view = case_view(session, case.case_no)
    assert view is not None
    decisions = view.decisions()
    event = closing_event([i.code for i in bundle.items], decisions)
    status = CaseStatus(case.status)
    if event is not None:
        status = status_after(session, case, event)
        case.status = status.value
        if event is CaseEvent.DENIED:
            case.denial_reason = _reasons(decisions.values())
        closing_note = case.denial_reason if event is CaseEvent.DENIED else note
        add_history(session, case, event.value, closing_note, desk.clerk, at=at)
        _audit(session, desk, case.case_no, event, status, "" if event is CaseEvent.DENIED else note)
    track_items(session, case, bundle)  # the decided items leave their departments' queues
    return status


def close_when_decided(
    session: Session, desk: Desk, case: models.Case, bundle: Bundle, at: dt.datetime | None = None
) -> CaseStatus:
    """The case's own move once its last item is closed by a step that is no decision of :func:`record_decision`
    (its department's 不予受理: :func:`counter.actions.cases.item_steps.take_item_step`)."""
    return _close(session, desk, case, bundle, at=at)


def _reasons(decisions: Iterable[ItemDecision]) -> str:
    texts: list[str] = []
    for decision in decisions:
        if not decision.approved and decision.text.strip() and decision.text.strip() not in texts:
            texts.append(decision.text.strip())
    return DENIAL_REASONS_JOIN.join(texts)


def _audit(
    session: Session, desk: Desk, number: str, event: CaseEvent, after: CaseStatus, note: str, **extra: str
) -> None:
    """The audit entry of a decision, as every step of a case has one (event, status after, masked note)."""
    detail = {"event": event.value, "status": after.value, "note": masked_text(note), **extra}
    record_at_desk(session, desk, AuditAction.CASE_CHANGED, number, detail)
