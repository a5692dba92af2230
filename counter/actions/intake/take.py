"""Intake actions: take an intake, fulfil deferred materials, move a case on.

The window and the command line call these with a session they own.  The
outcome is decided again here by the pure domain function, from the guide
version the clerk saw, so what is stored never depends on what a widget
displayed.  Nothing is half-written: the caller commits once, or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from typing import Any

from sqlalchemy.orm import Session

from counter.access.case_rights import permission_for
from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.calendar import calendar_of, office_calendar
from counter.actions.admin.guard import accounts_known, require
from counter.actions.admin.office import office_settings
from counter.actions.admin.site import check_series
from counter.actions.cases.deferral_extension import check_within_legal_date, tell_extension
from counter.actions.cases.intake_settings import intake_keys, intake_rules
from counter.actions.cases.item_authority import check_case_step, site_authority
from counter.actions.cases.item_track import IN_HAND, untrack_items
from counter.actions.cases.received_cases import status_after
from counter.actions.catalog.guide_status import drafts_may_be_taken
from counter.actions.intake.answered_case import as_answered
from counter.actions.intake.correction_told import correction_message
from counter.actions.numbers.number_guard import check_numbers, note_issued
from counter.audit.actions import AuditAction
from counter.audit.masking import masked_text
from counter.case.correction_lapse import CorrectionNotDue
from counter.case.decisions import DecisionProblem, DecisionRefused, closing_event, lapse_day, undecided_items
from counter.case.hand_over import HandOver, hand_over_note
from counter.case.intake_request import IntakeRequest, TakenIntake
from counter.case.moments import moment_on
from counter.case.not_found import CaseNotFound
from counter.case.numbers import case_no
from counter.case.pages import TakenPage, check_taken
from counter.case.provisional_lapse import check_settled
from counter.case.status import NOTE_CODES_JOIN, NOTE_DUE_REASON, CaseEvent, CaseStatus
from counter.case.view import CaseMaterialLine
from counter.catalog.model import Bundle, GuideStatus
from counter.catalog.stored_guide import StoredGuide
from counter.db import models
from counter.db.case_store import (
    add_case,
    add_history,
    add_ticket,
    case_by_no,
    case_materials,
    case_view,
    next_sequence,
)
from counter.db.catalog_store import guide_version, known_guide
from counter.db.draft_store import drop_draft
from counter.db.intake_reads import IntakeReads, intake_reads
from counter.db.page_store import add_page
from counter.db.party_store import remember_party
from counter.db.settings_store import SITE_CODE, get_setting, read_settings
from counter.documents.outcome_preview import (
    forwarded,
    held_items,
    insists_unasked,
    printable,
    withdrawn_at_window,
)
from counter.intake.checklist import Checklist, licence_column
from counter.intake.licence_trust import use_reason
from counter.intake.licence_use import LicenceUse, with_use
from counter.intake.not_possible import ClerkUnnamed, IntakeNotPossible, NotPossibleWhy
from counter.intake.outcome import (
    DeadlineCalendar,
    Decision,
    DeferralPolicy,
    Outcome,
    ReasonCode,
    decide,
)
from counter.intake.parties import Parties, converted_texts, normalised, party_problems
from counter.intake.subject import SubjectValues, check_subject, subject_json, subject_required
from counter.parties.menksoft import original_note
from counter.sms.kinds import MessageKind
from counter.util.case_uid import case_uid_ok

log = logging.getLogger(__name__)

#: the checklist's answers as the case keeps them
_ANSWERS = json.JSONEncoder(ensure_ascii=False).encode


STATUS_OF_OUTCOME = {
    Outcome.ACCEPT: CaseStatus.ACCEPTED,
    Outcome.DEFER: CaseStatus.AWAITING_DEFERRED,
    Outcome.CORRECT: CaseStatus.CORRECTION_ISSUED,
    Outcome.REFUSE: CaseStatus.REFUSED,
}


def preview(
    session: Session,
    request: IntakeRequest,
    today: dt.date,
    calendar: DeadlineCalendar,
    deferral: DeferralPolicy | None = None,
    *,
    site_code: str = "",
) -> Decision:
    """The outcome the clerk would get now, without writing anything; ``site_code``: the desk's site, whose office
    settings a refusal's notice is printed under (the stored site's when not given).

    What it is decided from is read as the commit reads it (:func:`counter.db.intake_reads.intake_reads`): the
    settings and the guide version's number and hash in one statement, so the preview the panel makes at each change
    and the commit after it decide from the same reads.
    """
    version_id = int(request.checklist.guide_version) if request.checklist.guide_version is not None else None
    reads = intake_reads(session, intake_keys(site_code), "", version_id)
    known = known_guide(session, version_id, *reads.version) if version_id is not None and reads.version else None
    return _decide(session, request, today, calendar, deferral, known, site_code)[1]


def _decide(
    session: Session,
    request: IntakeRequest,
    today: dt.date,
    calendar: DeadlineCalendar,
    deferral: DeferralPolicy | None,
    stored: StoredGuide | None = None,
    site_code: str = "",
) -> tuple[StoredGuide, Decision, bool, IntakeRequest]:
    """The decision under the hall's rules (its deferral margin unless ``deferral`` is given); a future arrival is
    refused.  The flag: the intake ends in the applicant's withdrawal (:func:`withdrawn_at_window`).  The request as
    decided: a 补正 answer of a case forwarded on insistence carries its finding (:func:`as_answered`).

    ``stored``: the checklist's guide, when already read (:func:`take_intake`).  A 待核 guide is decided on only where
    the site (or the training database) allows it: see :mod:`counter.actions.catalog.guide_status`.
    """
    read_settings(session, intake_keys(site_code))
    request = as_answered(session, request)
    version_id = request.checklist.guide_version
    if stored is None:
        stored = guide_version(session, int(version_id)) if version_id is not None else None
    if stored is None:
        raise IntakeNotPossible(None, why=NotPossibleWhy.GUIDE_VERSION_MISSING, names=(str(version_id),))
    rules = intake_rules(session)  # both periods in one read
    applied = stored.bundle.for_case(request.checklist.answers_dict())  # a refusal names the items applied for
    site = site_code or get_setting(session, SITE_CODE) or ""
    office, held = office_settings(session, site), held_items(site_authority(session, site))
    decision = decide(
        stored.bundle,
        request.checklist,
        request.deferral,
        forwarded(request.refusal, applied, office, held),
        today=today,
        calendar=calendar,
        policy=rules.correction_policy(),
        deferral_policy=deferral or rules.deferral_policy(),
        draft_allowed=drafts_may_be_taken(session),
    )
    if not decision.outcome.decided:
        return stored, decision, False, request
    # as its paper can print it, under the site's settings as read now (as the desk's preview decides it), and a
    # 申请事项告知书 only once the applicant was asked whether to go on
    decision = printable(applied, decision, office, held)
    insists = request.refusal.insists if request.refusal is not None else None
    decision = insists_unasked(applied, decision, office, held, insists)
    return stored, decision, withdrawn_at_window(applied, decision, office, held), request


def _may_take(session: Session, desk: Desk) -> None:
    """Whether this desk may take an intake now: the account's right, a clerk named, and its numbers the site's."""
    require(session, desk.actor, Permission.TAKE_INTAKE)
    if not desk.clerk.strip():
        raise ClerkUnnamed
    check_series(session, desk)  # the site's code, read with the intake's other settings: numbered in its series only


def _first_reads(
    session: Session, site: str, uid: str, version_id: int | None, login: str, calendar: DeadlineCalendar | None
) -> tuple[IntakeReads, DeadlineCalendar]:
    """The intake's reads in one round trip, the office's calendar with them unless the caller read it."""
    reads = intake_reads(session, intake_keys(site), uid, version_id, login, holidays=calendar is None)
    if calendar is None:
        assert reads.holidays is not None
        calendar = calendar_of(reads.holidays)
    return reads, calendar


def _keep_originals(session: Session, case_id: int, request: IntakeRequest, today: dt.date) -> int:
    """A text written in 蒙科立 codes is kept in Unicode letters; its original goes into the case's history, by the
    case just taken (``case_id``, given back)."""
    for field, original in converted_texts(request.parties):
        case = session.get_one(models.Case, case_id)
        add_history(session, case, CaseEvent.TEXT_CONVERTED.value, original_note(field, original), at=_on(today))
    return case_id


def take_intake(
    session: Session,
    desk: Desk,
    request: IntakeRequest,
    today: dt.date,
    calendar: DeadlineCalendar | None = None,
    deferral: DeferralPolicy | None = None,
    *,
    ends_draft: bool = True,
) -> TakenIntake:
    """Record the intake with its one outcome.  Raises :class:`IntakeNotPossible` instead (:class:`ClerkUnnamed`
    at a desk whose clerk has no name).

    The materials arrive on ``today``, the day of the intake on the clock of the process that takes it (the hall
    server's, never a desk's: :class:`counter.service.call.Call`): no request names another, so an incomplete
    application is never made "accepted by law" (行政许可法 第三十二条第一款第四项: a 补正 told too late) by a day a
    desk typed.

    ``calendar``: the office's calendar (:func:`counter.actions.admin.calendar.office_calendar`) unless given, read with
    the intake's other reads: on a hall's server one wait fewer than reading it before.

    ``ends_draft``: the intake came from this desk's form, whose saved draft (kept under its uid) it ends, and no
    other.  An intake from a file (``counter case take``) leaves the drafts alone: the clerk's half-typed forms at the
    same desk are other intakes.

    The audit trail gets the intake (bundle and outcome, never the applicant's
    numbers) in the same transaction, so a case never exists without its entry.

    An intake whose ``uid`` is already a case was committed by an earlier attempt
    whose answer never reached the desk (the connection dropped during COMMIT):
    that case is returned, and nothing is written twice.
    """
    if request.uid and not case_uid_ok(request.uid):
        raise IntakeNotPossible(None, why=NotPossibleWhy.BAD_UID)  # a case no township package could carry
    version_id = int(request.checklist.guide_version) if request.checklist.guide_version is not None else None
    login = desk.actor.login if desk.actor.signed_in else ""
    reads, calendar = _first_reads(session, desk.identity.site_code, request.uid, version_id, login, calendar)
    accounts_known(session, reads.accounts, login, reads.account)
    _may_take(session, desk)
    known = known_guide(session, version_id, *reads.version) if version_id is not None and reads.version else None
    stored, decision, withdrawn, request = _decide(
        session, request, today, calendar, deferral, known, desk.identity.site_code
    )
    if reads.taken is not None:
        return TakenIntake(reads.taken, decision)
    bundle = stored.bundle
    subject = _ready_to_take(bundle, request, decision, today)
    parties = normalised(request.parties, today)
    # a 申请事项告知书 of a window that may not refuse: the applicant withdrew, and the case says so
    status = CaseStatus.WITHDRAWN if withdrawn else STATUS_OF_OUTCOME[decision.outcome]

    previous: models.Case | None = None
    if request.previous_case_no:
        # a 补正 answered: the ORM's object, locked and checked as every case a step changes
        previous = case_by_no(session, request.previous_case_no, lock=True)
        if previous is None:
            raise CaseNotFound(request.previous_case_no)
        if previous.bundle_code != bundle.code:
            raise IntakeNotPossible(decision, why=NotPossibleWhy.PREVIOUS_OTHER_BUNDLE)
        previous.status = status_after(session, previous, CaseEvent.RESUBMITTED)

    check_numbers(session, desk, today)  # never a number already on someone's paper (NumbersBehind)
    sequence = next_sequence(session, desk.identity.site_code, desk.identity.desk_no, today, "case")
    number = case_no(desk.identity, today, sequence)
    applicant, agent = parties.applicant, parties.agent
    values = {
        "case_no": number,
        "site_code": desk.identity.site_code,
        "desk_no": desk.identity.desk_no,
        "clerk": desk.clerk,
        "bundle_code": bundle.code,
        "guide_version_id": stored.version_id,
        "status": status.value,
        "outcome": decision.outcome.value,
        "answers": _ANSWERS(list(request.checklist.answers)),
        "subject": subject_json(subject),
        "applicant_kind": applicant.kind.value,
        "applicant_name": applicant.name,
        "applicant_id_no": applicant.id_no,
        "applicant_phone": applicant.phone,
        "applicant_address": applicant.address,
        "legal_rep": applicant.legal_rep,
        "agent_name": agent.name if agent else "",
        "agent_id_no": agent.id_no if agent else "",
        "agent_authorisation": agent.authorisation if agent else "",
        "delivery": parties.delivery.value,
        "delivery_address": parties.delivery_address,
        "notify_phone": parties.notify_phone or applicant.phone,
        "received_on": today,  # the day of the intake, on the clock of the process that takes it (Call)
        "accepted_on": decision.accepted_on,
        "promised_on": decision.promised_date,
        "correction_due": decision.correction_due,
        "notify_due": decision.notify_by,
        "refusal_ground": _kept_ground(request, decision),
        "turn_to": decision.turn_to,
        "dates_beyond_data": decision.beyond_calendar_data,
        "previous_case_id": previous.id if previous else None,
        "uid": request.uid or models.new_uid(),  # here, not by the column's default: the audit digest covers it
    }
    lines = _material_values(bundle, request.checklist, decision, _use(desk, bundle, number, today))
    case_id = _keep_originals(
        session,
        add_case(session, values, lines, CaseEvent.TAKEN.value, decision.outcome.value, at=(taken_at := _on(today)),
                 told=_told(session, desk, bundle, request, decision, lines, values)),
        request, today,
    )  # fmt: skip
    if request.ticket is not None:
        add_ticket(session, case_id, request.ticket)
    pages = _add_pages(session, case_id, {line.code for line in lines}, request.pages, desk.clerk, taken_at)
    note_issued(session, desk, number)
    if previous is not None:
        add_history(session, previous, CaseEvent.RESUBMITTED.value, number, clerk=desk.clerk, at=_on(today))
        _audit_move(session, desk, previous.case_no, CaseEvent.RESUBMITTED, CaseStatus(previous.status), number)
    detail = {
        "bundle": bundle.code, "guide_version": stored.version, "outcome": decision.outcome.value,
        **_notify_phone_of(parties),
    }  # fmt: skip
    if bundle.status is GuideStatus.DRAFT:
        detail["guide_status"] = bundle.status.value  # taken on a 待核 guide, as its paper says
    if any(r.code is ReasonCode.CORRECTION_NOTICE_LATE for r in decision.reasons):
        detail["reason"] = ReasonCode.CORRECTION_NOTICE_LATE.value  # accepted by law, not by the clerk's check
    # the camera's pages by their digests, where it took any: the trail's, as the case is
    taken = {**detail, "previous": request.previous_case_no, **({"pages": pages} if pages else {})}
    record_at_desk(session, desk, AuditAction.CASE_TAKEN, number, taken, row=values)  # the case as just written
    remember_party(
        session,
        applicant.id_no,
        applicant.kind.value,
        applicant.name,
        applicant.phone,
        applicant.address,
        applicant.legal_rep,
    )
    if agent is not None:
        remember_party(session, agent.id_no, "person", agent.name, "", "", "")
    if ends_draft:
        drop_draft(session, desk.draft_key, request.uid)  # its own draft: the desk's others stay
    log.info("case %s taken: %s (bundle %s)", number, decision.outcome.value, bundle.code)
    return TakenIntake(number, decision)


def _told(
    session: Session,
    desk: Desk,
    bundle: Bundle,
    request: IntakeRequest,
    decision: Decision,
    lines: list[CaseMaterialLine],
    values: dict[str, Any],
) -> MessageKind | None:
    """A 补正's message, naming the paper handed over (:mod:`counter.actions.intake.correction_told`); None for
    another outcome, whose message its line says."""
    if decision.outcome is not Outcome.CORRECT:
        return None
    site = desk.identity.site_code or get_setting(session, SITE_CODE) or ""
    answers = request.checklist.answers_dict()
    return correction_message(session, site, bundle.for_case(answers), answers, lines, values)


def _kept_ground(request: IntakeRequest, decision: Decision) -> str:
    """The refusal ground the case keeps: its refusal's; and where the window could not refuse and the applicant,
    told its finding, insisted (the decision then refuses nothing: outcome_preview.forwarded), the finding itself —
    the fact that the case was forwarded on insistence, by which the hall accepts nothing of it in any department's
    name either (:func:`counter.intake.outcome.forwarded_case`)."""
    if decision.refusal is not None:
        return decision.refusal.value
    refusal = request.refusal
    if refusal is None or refusal.insists is not True or refusal.ground is None:
        return ""
    return refusal.ground.value


def _add_pages(
    session: Session, case_id: int, codes: set[str], pages: tuple[TakenPage, ...], clerk: str, at: dt.datetime
) -> list[str]:
    """The intake's pages kept with its case, taken ``at`` the intake's own moment (a training desk's day too, as
    the case page shows it beside the intake's line); their SHA-256 digests.  One of a material no longer on the
    checklist is left out, logged.  :class:`PageRefused` for a page not as :func:`counter.case.pages.check_taken`
    holds it."""
    check_taken(pages)
    kept = [p for p in pages if p.material_code in codes]
    for page in kept:
        add_page(session, case_id, page.material_code, page.image, clerk, page.compared, at)
    for page in pages:
        if page.material_code not in codes:
            log.warning("page of %s left out: not on the case's checklist", page.material_code)
    return [hashlib.sha256(p.image.jpeg).hexdigest() for p in kept]


def _ready_to_take(bundle: Bundle, request: IntakeRequest, decision: Decision, today: dt.date) -> SubjectValues:
    """The subject's values as kept, once nothing stands in the way: :class:`IntakeNotPossible` with all that does."""
    problems = tuple(party_problems(request.parties, today))
    required = subject_required(decision.outcome)
    subject, subject_found = check_subject(bundle.subject, dict(request.subject), today, required=required)
    if not decision.outcome.decided or problems or subject_found:
        raise IntakeNotPossible(decision, problems, subject_problems=tuple(subject_found))
    if any(e.licence is not None and e.licence.expired(today) for e in request.checklist.entries):
        raise IntakeNotPossible(decision, why=NotPossibleWhy.LICENCE_EXPIRED)  # from a draft kept past its validity
    return subject


def _use(desk: Desk, bundle: Bundle, number: str, today: dt.date) -> LicenceUse:
    """The 用证 of the licences the intake takes: this clerk at this desk, now, for this case."""
    return LicenceUse(desk.clerk, desk.identity.desk_no, _on(today), use_reason(bundle.name, number))


def _material_values(
    bundle: Bundle, checklist: Checklist, decision: Decision, use: LicenceUse
) -> list[CaseMaterialLine]:
    """The checklist's lines as the case keeps them: each material's name and necessity from the bundle, a deferred
    one's due day from the decision, a licence taken with its 用证 (:mod:`counter.intake.licence_use`)."""
    due = {d.code: d.due for d in decision.deferred}
    materials_by_code = {m.code: m for m in bundle.materials}
    return [
        CaseMaterialLine(
            code=e.code,
            name=materials_by_code[e.code].name,
            necessity=materials_by_code[e.code].necessity.value,
            receipt=e.receipt.value,
            originals=e.originals,
            copies=e.copies,
            medium=e.medium.value if e.medium else "",
            defect_note=e.defect_note,
            due_on=due.get(e.code),
            arrived_on=None,
            licence=with_use(licence_column(e), use),
        )
        for e in checklist.entries
    ]


def _case(session: Session, number: str, desk: Desk | None = None, step: CaseEvent | None = None) -> models.Case:
    """The case a step is taken on, locked (case_store.case_by_no); the standing ``step`` needs (check_case_step)."""
    case = case_by_no(session, number, lock=True)
    if case is None:
        raise CaseNotFound(number)
    if desk is not None and step is not None:
        check_case_step(session, desk, case, step)
    return case


def fulfil_deferred(session: Session, desk: Desk, number: str, arrived: set[str], today: dt.date) -> CaseStatus:
    """Tick the deferred materials that arrived; the last one sends the case to approval."""
    require(session, desk.actor, Permission.TAKE_INTAKE)
    case = _case(session, number)
    view = case_view(session, case.case_no)
    awaited = {m.code for m in view.deferred_open()} if view is not None else set()  # a lapsed one is not awaited
    open_lines = [m for m in case_materials(session, case.id) if m.material_code in awaited]
    unknown = arrived - {m.material_code for m in open_lines}
    if unknown:
        raise IntakeNotPossible(None, why=NotPossibleWhy.NOT_AWAITED, names=tuple(sorted(unknown)))
    for line in open_lines:
        if line.material_code in arrived:
            line.arrived_on = today
            line.receipt = "received"
    complete = all(m.material_code in arrived for m in open_lines)
    event = CaseEvent.DEFERRED_COMPLETE if complete else CaseEvent.DEFERRED_ARRIVED
    case.status = status_after(session, case, event).value
    add_history(session, case, event.value, NOTE_CODES_JOIN.join(sorted(arrived)), clerk=desk.clerk, at=_on(today))
    _audit_move(session, desk, case.case_no, event, CaseStatus(case.status), NOTE_CODES_JOIN.join(sorted(arrived)))
    return CaseStatus(case.status)


def extend_deferral(
    session: Session, desk: Desk, number: str, new_due: dt.date, reason: str, at: dt.datetime | None = None
) -> None:
    """A supervisor gives more time (force majeure, say), with the reason on record (``at``: when, now unless given:
    a training desk's day); the applicant is told at the same moment."""
    if not reason.strip():
        raise IntakeNotPossible(None, why=NotPossibleWhy.REASON_REQUIRED)
    case = _case(session, number, desk, CaseEvent.DEFERRAL_EXTENDED)  # the waiting items' bodies' (case_acts)
    status = CaseStatus(case.status)
    status_after(session, case, CaseEvent.DEFERRAL_EXTENDED)
    lines = [line for line in case_materials(session, case.id) if line.due_on is not None and line.arrived_on is None]
    check_within_legal_date(session, case, new_due, (line.material_code for line in lines))  # never past 第四十二条
    for line in lines:
        if line.due_on is not None and line.due_on < new_due:
            line.due_on = new_due
    note = f"{new_due.isoformat()}{NOTE_DUE_REASON}{reason}"
    moment = models.utcnow() if at is None else at
    add_history(session, case, CaseEvent.DEFERRAL_EXTENDED.value, note, desk.clerk, at=moment)
    tell_extension(session, case, new_due, moment)
    _audit_move(session, desk, case.case_no, CaseEvent.DEFERRAL_EXTENDED, status, reason, new_due=new_due.isoformat())


def lapse_correction(session: Session, desk: Desk, number: str, today: dt.date, note: str = "") -> CaseStatus:
    """A correction notice answered by nothing: from the next working day after its deadline, the application lapses.

    The notice said "如无正当理由逾期提交的，视为放弃申请"; the supervisor records that it came to pass.  Refused
    (:class:`CorrectionNotDue`) before the next working day after the deadline
    (:func:`counter.case.decisions.lapse_day`), whatever a face offered: the date is checked here.
    """
    case = _case(session, number, desk, CaseEvent.CORRECTION_LAPSED)  # every item's body's (case_acts)
    after = status_after(session, case, CaseEvent.CORRECTION_LAPSED)  # MoveNotAllowed reaches the caller
    due, calendar = case.correction_due, office_calendar(session)
    first = lapse_day(due, calendar) if due is not None else None
    if first is None or today < first:
        raise CorrectionNotDue(case.case_no, due, first)
    check_settled(case.case_no, case.received_on, (due,) if due else (), calendar)  # not on a date still to move
    case.status = after.value
    add_history(session, case, CaseEvent.CORRECTION_LAPSED.value, note, clerk=desk.clerk, at=_on(today))
    _audit_move(session, desk, case.case_no, CaseEvent.CORRECTION_LAPSED, after, note)
    return after


def move_case(
    session: Session, desk: Desk, number: str, event: CaseEvent, note: str = "", at: dt.datetime | None = None
) -> CaseStatus:
    """Any other step of a case's life; a denial, withdrawal or voiding needs its reason.  ``at``: when it is
    written, now unless given (a training desk's day).

    A lapse needs the day it happens on, so it goes through :func:`lapse_correction` only; results are handed over
    through :func:`counter.actions.cases.hand_over.hand_over_results`, which records how, or the same-day step
    (:func:`deliver_same_day`): never here, whatever the note says (a note is the caller's to write).
    办结 (COMPLETED) grants the items no department has decided yet, so a READY case has every item decided and one
    granted at least; it is refused (:class:`DecisionRefused`, ``ALL_DENIED``) where every item is denied.
    """
    if event in (CaseEvent.DELIVERED, CaseEvent.ITEMS_HANDED):
        # results go out with their record (who received them, or the tracking number) and a 送达回证
        raise IntakeNotPossible(None, why=NotPossibleWhy.HAND_OVER_BY_ITS_STEP)
    return _move(session, desk, number, event, note, at)


def deliver_same_day(
    session: Session, desk: Desk, number: str, record: HandOver, at: dt.datetime | None = None
) -> CaseStatus:
    """送达 by the same-day step (:func:`counter.actions.intake.same_day.finish_same_day`): the applicant standing at
    the window takes the results with the decisions, ``record`` the hand-over it makes; the caller makes the
    送达回证."""
    return _move(session, desk, number, CaseEvent.DELIVERED, hand_over_note(record), at)


def _move(session: Session, desk: Desk, number: str, event: CaseEvent, note: str, at: dt.datetime | None) -> CaseStatus:
    """The step written, once its caller has said it may be taken this way."""
    if event is CaseEvent.CORRECTION_LAPSED:
        raise IntakeNotPossible(None, why=NotPossibleWhy.LAPSE_BY_ITS_STEP)  # lapse_correction checks the date
    require(session, desk.actor, permission_for(event))
    if event is CaseEvent.DENIED:
        # 不予批准 is each item's department's (counter.actions.cases.decisions); the case follows its items
        raise DecisionRefused(DecisionProblem.ITEM_BY_ITEM, number)
    if event in (CaseEvent.WITHDRAWN, CaseEvent.VOIDED) and not note.strip():
        raise IntakeNotPossible(None, why=NotPossibleWhy.REASON_REQUIRED)
    case = _case(session, number, desk, event)  # a void: what a deciding body took up is its own to end
    after = status_after(session, case, event)  # MoveNotAllowed reaches the caller
    if event is CaseEvent.COMPLETED:
        _check_all_decided(session, case)
    case.status = after.value
    add_history(session, case, event.value, note, clerk=desk.clerk, at=at)
    _audit_move(session, desk, case.case_no, event, after, note)
    if after.value not in IN_HAND:  # completed, withdrawn or voided: off its departments' queues
        untrack_items(session, case)
    return after


def _notify_phone_of(parties: Parties) -> dict[str, str]:
    """The intake's entry notes a notify phone that is not the applicant's own: the hall's messages go to a number
    she did not give as hers, and whoever typed it answers for it.  The number itself stays in the sealed column."""
    own = "".join(c for c in parties.applicant.phone if c.isdigit())
    given = "".join(c for c in parties.notify_phone if c.isdigit())
    return {"notify_phone": "not_applicants"} if given not in ("", own) else {}


def _on(day: dt.date) -> dt.datetime:
    """The moment a step of the desk's ``day`` is written at: now, or that day's same time on a training desk."""
    return moment_on(day, models.utcnow())


def _check_all_decided(session: Session, case: models.Case) -> None:
    """办结 decides nothing: it is refused while an item awaits its deciding body's decision (the codes named), and
    where every item is denied (a bundle with nothing granted is 不予批准, never 办结)."""
    stored = guide_version(session, case.guide_version_id)
    view = case_view(session, case.case_no)
    assert stored is not None  # a case always keeps its guide version (foreign key)
    assert view is not None
    codes = [item.code for item in stored.bundle.items_for(dict(view.answers))]
    decisions = view.decisions()
    undecided = undecided_items(codes, decisions)
    if undecided:
        raise DecisionRefused(DecisionProblem.UNDECIDED, case.case_no, NOTE_CODES_JOIN.join(undecided))
    if codes and closing_event(codes, decisions) is not CaseEvent.COMPLETED:
        raise DecisionRefused(DecisionProblem.ALL_DENIED, case.case_no)


def _audit_move(
    session: Session, desk: Desk, number: str, event: CaseEvent, after: CaseStatus, note: str, **extra: str
) -> None:
    """The audit entry of a step of a case: the event, the status it left the case in, the note."""
    action = AuditAction.CASE_VOIDED if event is CaseEvent.VOIDED else AuditAction.CASE_CHANGED
    detail = {"event": event.value, "status": after.value, "note": masked_text(note), **extra}
    record_at_desk(session, desk, action, number, detail)
