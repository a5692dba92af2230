"""Each item's path through its department: routed at the window, then signed for, reviewed and decided there.

The window routes the items of a case it accepted (分发: every item neither routed nor decided yet).  A department's
staff take the steps of an item routed to them: 签收, 审查, 暂停 and 恢复计时 (行政许可法 第四十五条), 延期 (第四十二条)
and the decision.  Every step is checked against the item's path (:func:`counter.case.item_path.check_step`), in
whatever face asked for it, and kept as a line of the case's history (:mod:`counter.case.item_lines`) with an audit
entry in the same unit of work.  A decision goes the way every item's decision goes
(:func:`counter.actions.cases.decisions.record_decision`), so the case closes once its last item is decided.
Where the hall only received the item, the department answers what reached it in 第三十二条's order, each answer
its act toward the applicant, made with its paper in the same unit of work, the applicant told by SMS: its 签收 is
its 受理 (the 受理通知书); or it tells its 补正 first (once, in full, within five working days of the hall's receipt:
the 补正材料通知书), and its 签收 once the 补正 is complete is the 受理, dated that day, the limits running from it;
or it refuses to accept (its 不予受理 on 第一项, 第二项 naming the body with power, or another ground: the
不予受理通知书), which closes the item as a decision does, and the platform hears as the department's.  Where the
window accepted the item, the 受理凭证 was the 受理: no 补正 or 不予受理 of the department's follows it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from counter.access.authority import Standing
from counter.access.case_rights import permission_for
from counter.access.desk import Desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.guard import require
from counter.actions.cases.decisions import case_and_bundle, close_when_decided, record_decision
from counter.actions.cases.documents import made_document
from counter.actions.cases.item_authority import check_item
from counter.actions.cases.item_track import accepted_of, received_only, standings, track_items
from counter.actions.cases.received_cases import status_after
from counter.audit.actions import AuditAction
from counter.audit.masking import masked_text
from counter.case.decisions import DecisionProblem, DecisionRefused, check_entry
from counter.case.item_clock import correction_deadline
from counter.case.item_lines import item_paths, office_day, step_note
from counter.case.item_path import (
    ItemEvent,
    ItemState,
    ItemStep,
    StepProblem,
    StepRefused,
    check_step,
    state_of,
)
from counter.case.item_standing import ItemStanding
from counter.case.item_step_request import StepRequest
from counter.case.refusal_basis import RefusalBasis
from counter.case.site_authority import STEP_ACT
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseView
from counter.catalog.model import Bundle, ItemType
from counter.db import models
from counter.db.case_store import add_history, case_view
from counter.db.outbox_store import gateway_configured, queue_dated
from counter.db.platform_store import AcceptedItem, queue_item_acceptance
from counter.documents.kinds import DocumentKind
from counter.intake.outcome import RefusalGround
from counter.parties.text import TextField, TextProblem, check_text
from counter.sms.kinds import MessageKind

_DECISIONS = {ItemEvent.APPROVED: True, ItemEvent.DENIED: False}


def _read(session: Session, case: models.Case) -> tuple[CaseView, dict[str, list[ItemStep]]]:
    """The case as stored, and its items' paths."""
    view = case_view(session, case.case_no)
    assert view is not None
    return view, item_paths(view.history, office_day)


def route_items(session: Session, desk: Desk, number: str, now: dt.datetime) -> tuple[str, ...]:
    """Route every item of the case not routed nor decided yet to its department; the codes routed, in order.

    Only a case in the hall's hands is routed (accepted, 容缺 accepted, in approval): :class:`MoveNotAllowed`
    otherwise.
    """
    require(session, desk.actor, permission_for(CaseEvent.ITEM_ROUTED))
    case, bundle = case_and_bundle(session, number, lock=True)
    status = status_after(session, case, CaseEvent.ITEM_ROUTED)
    view, paths = _read(session, case)
    decided = view.decisions()
    routed = tuple(i.code for i in bundle.items if i.code not in paths and i.code not in decided)
    for code in routed:  # one moment: each line is given its own microsecond (counter.db.case_store.add_history)
        _keep(session, desk, case, code, ItemStep(ItemEvent.ROUTED, office_day(now), desk.clerk), status, now)
    track_items(session, case, bundle)
    return routed


def take_item_step(
    session: Session, desk: Desk, number: str, item_code: str, request: StepRequest, now: dt.datetime
) -> ItemState:
    """Take a department's step of an item; the item's state after.

    Raises :class:`~counter.case.item_path.StepRefused` (the path does not allow it, or it lacks what it needs),
    :class:`~counter.case.decisions.DecisionRefused` (no such item in the case's guide),
    :class:`~counter.case.status.MoveNotAllowed` (the case is not in the hall's hands, or, for a grant, still
    awaits 容缺 materials) or :class:`~counter.access.not_permitted.NotPermitted`.
    """
    if request.event is ItemEvent.ROUTED:
        raise ValueError("an item is routed by route_items, at the window")
    case, bundle = case_and_bundle(session, number, lock=True)
    if bundle.item(item_code) is None:
        raise DecisionRefused(DecisionProblem.UNKNOWN_ITEM, case.case_no, item_code)
    # the deciding department's staff, or the window where the site holds the item or was entrusted with it
    acting = check_item(session, desk, case.case_no, bundle, case.site_code, item_code, STEP_ACT[request.event])
    view, paths = _read(session, case)
    path = paths.get(item_code, [])
    step = ItemStep(
        request.event, office_day(now), acting.clerk, pause=request.pause, days=request.days,
        approved_by=request.approved_by.strip(), result_no=request.result_no.strip(), reason=request.reason.strip(),
        basis=RefusalBasis(request.ground, request.authority.strip()),
    )  # fmt: skip
    correction_by = None
    if request.event is ItemEvent.CORRECTION:
        correction_by = correction_deadline(office_calendar(session), view.received_on)
    after = check_step(path, step, correction_by=correction_by)
    if request.event in _TOLD_BEFORE_ACCEPTANCE:
        _before_acceptance(session, case, bundle, item_code, step, state_of(path))
    # the window entering the department's act for it names the decision the department took (代为录入); a decision
    # asks it where it is recorded (record_decision), after its own checks
    if acting.ruling.standing is Standing.ENTRUSTED and request.event in _TOLD_BEFORE_ACCEPTANCE:
        step = dataclasses.replace(step, entered=check_entry(case.case_no, item_code, request.entered))
    approve = _DECISIONS.get(request.event)
    if approve is not None:
        text = step.result_no if approve else step.reason
        record_decision(
            session, desk, case.case_no, item_code, approve=approve, text=text, at=now, acting=acting,
            false_materials=request.false_materials, validity=request.validity if approve else None,
            entered=request.entered, ask_entry=True,
        )  # fmt: skip
    else:  # a decision keeps the department's rows itself (counter.actions.cases.decisions)
        status = status_after(session, case, CaseEvent(request.event.value))
        _keep(session, desk, case, item_code, step, status, now, **acting.audit())
        track_items(session, case, bundle)
        if request.event is ItemEvent.SIGNED:
            _accepted(session, desk, case, bundle, item_code, now, step.by)
        if request.event is ItemEvent.CORRECTION:  # the department's 补正, told once on its own paper
            made_document(session, desk, case.case_no, DocumentKind.SUPPLEMENT, office_day(now), item_code)
        if request.event is ItemEvent.REFUSED:  # its 不予受理, on its own paper; the item is closed as decided
            made_document(session, desk, case.case_no, DocumentKind.ITEM_REFUSAL, office_day(now), item_code)
            close_when_decided(session, desk, case, bundle, now)
    assert after is not None  # every department step leaves the item in a state
    return after


#: the department's answers to what the hall only received, other than its 受理 (许可法 第三十二条)
_TOLD_BEFORE_ACCEPTANCE = frozenset({ItemEvent.CORRECTION, ItemEvent.REFUSED})


def _before_acceptance(
    session: Session, case: models.Case, bundle: Bundle, item_code: str, step: ItemStep, state: ItemState | None
) -> None:
    """Refuse a department's 补正 or 不予受理 of an item the window accepted (the site's own, or in the department's
    name under its recorded 授权): the receipt was the 受理 — its 补正 was the window's to tell at intake, and what
    follows is a decision (不予批准); and one whose text (the reasons, the list to correct, the body with power) is
    no text a paper can print, or a 第一项 for an item that is no licence (only 行政许可法 gives it)."""
    view = case_view(session, case.case_no)
    assert view is not None
    if item_code not in received_only(session, view, bundle):
        raise StepRefused(StepProblem.ACCEPTED_AT_WINDOW, step, state)
    empty = StepProblem.NO_REASON if step.event is ItemEvent.REFUSED else StepProblem.NO_CORRECTION_LIST
    if step.reason and check_text(step.reason, TextField.NOTE).problem not in (None, TextProblem.TOO_LONG):
        raise StepRefused(empty, step, state)
    authority = step.basis.authority
    if authority and (check_text(authority, TextField.ORGANISATION_NAME).problem is not None or _marks(authority)):
        raise StepRefused(StepProblem.NO_AUTHORITY, step, state)
    item = bundle.item(item_code)
    licensing = item is not None and item.item_type is ItemType.LICENSING
    if step.basis.ground is RefusalGround.NO_LICENCE_NEEDED and not licensing:
        raise StepRefused(StepProblem.GROUND_NOT_LICENSING, step, state)


def _marks(text: str) -> bool:
    """Whether a body's name holds the brackets its refusal's note keeps it between (counter.case.refusal_basis)."""
    return any(mark in text for mark in "〔〕")


def _accepted(
    session: Session, desk: Desk, case: models.Case, bundle: Bundle, item_code: str, now: dt.datetime, by: str
) -> None:
    """Where the hall only received the item, its department's 签收 is its 受理 (许可法 第三十二条): the department
    issues its 受理通知书, in its name and dated today, kept and reprinted as every paper
    (:mod:`counter.documents.item_acceptance`), and the applicant is told by SMS, with the promised date that now
    runs from it (the date the receipt could only say would run from the department's 受理).  Nothing where the
    window accepted the item; no SMS where the hall has no gateway, or the case no phone.  The platform hears the
    受理 as the department's (:func:`counter.db.platform_store.queue_item_acceptance`), where the site reports."""
    view = case_view(session, case.case_no)
    assert view is not None
    if item_code not in received_only(session, view, bundle):
        return
    paper = made_document(session, desk, case.case_no, DocumentKind.ACCEPTANCE, office_day(now), item_code)
    standing = next(s for s in standings(session, view, bundle, office_day(now)) if s.code == item_code)
    promised = standing.promised_due.date if standing.promised_due is not None else None
    item = bundle.item(item_code)
    assert item is not None  # received_only named it
    accepted = accepted_of(office_calendar(session), view, item, standing.steps) or office_day(now)
    told = AcceptedItem(standing.department, accepted, promised, paper.doc_no, by)  # a late 签收's 受理 dates back
    queue_item_acceptance(session, case.id, case.uid, item_code, told, now)  # the department's act, as its own
    if promised is None or not case.notify_phone.strip() or not gateway_configured(session):
        return
    queue_dated(session, case.id, case.uid, case.notify_phone, MessageKind.ITEM_ACCEPTED, promised, now, item_code)


def _keep(
    session: Session,
    desk: Desk,
    case: models.Case,
    item_code: str,
    step: ItemStep,
    status: CaseStatus,
    at: dt.datetime,
    **extra: str,
) -> None:
    note = step_note(item_code, step)
    add_history(session, case, step.event.value, note, clerk=step.by, at=at)
    detail = {"event": step.event.value, "status": status.value, "note": masked_text(note), "item": item_code, **extra}
    record_at_desk(session, desk, AuditAction.CASE_CHANGED, case.case_no, detail)


def item_standings(session: Session, number: str, today: dt.date | None) -> tuple[ItemStanding, ...]:
    """Every item of the case, in its bundle's order, with its department as the case's site names it; the alerts
    of ``today``, the call's day (None: none asked, :func:`counter.actions.cases.item_track.standings`)."""
    case, bundle = case_and_bundle(session, number)
    view = case_view(session, case.case_no)
    assert view is not None
    return standings(session, view, bundle, today)
