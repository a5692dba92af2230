"""告知承诺: an item granted on the spot on the applicant's written promise, its 核查 kept on the department's list,
and the licence revoked when the check finds the promise false.

国办发〔2020〕42号: the deciding body tells the applicant the 事项, 条件, 材料, 承诺内容 and 违诺后果 in writing (the
告知承诺书, :mod:`counter.documents.notice_pledge`), decides on the promise, and checks it after; the catalog
marks the items and the period (:class:`~counter.catalog.model.NoticePledge`).  The grant is a decision like any
other (:func:`~counter.actions.cases.decisions.record_decision`), by the body the one rule of who may decide names
(:mod:`counter.access.authority`): the department's own staff, at their own desk as for any item of theirs; the site
that holds the power, or the window under the department's written 授权, with the window's permission for the step.
The check, the revocation and their papers are the same body's, asked the same rule.  A licence got by a
false promise is revoked (《中华人民共和国行政许可法》第六十九条第二款), on its own paper.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.authority import Standing
from counter.access.case_acts import CaseAct
from counter.access.case_rights import permission_for
from counter.access.desk import Desk
from counter.access.pledge_offers import PledgeOffer, PledgeRow
from counter.access.roles import Permission
from counter.actions.admin.accounts import own_department
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.guard import require
from counter.actions.admin.office import office_settings
from counter.actions.cases.decisions import case_and_bundle, record_decision
from counter.actions.cases.documents import marked_for_training, notice_number
from counter.actions.cases.item_authority import Acting, act_standing, check_item, site_authority
from counter.actions.cases.item_track import received_only
from counter.actions.cases.received_cases import status_after
from counter.audit.actions import AuditAction
from counter.audit.masking import masked_text
from counter.case.decisions import item_note
from counter.case.item_lines import item_paths, office_day
from counter.case.item_path import state_of
from counter.case.moments import moment_on
from counter.case.numbers import DocKind
from counter.case.pledge_checks import PledgeNotice, PledgeProblem, PledgeRefused, grant_open
from counter.case.status import CaseEvent, CaseStatus
from counter.catalog.model import Bundle
from counter.db import models
from counter.db.case_store import add_history, answers_of, case_view
from counter.documents.acceptance import HeldItems
from counter.documents.words import DOC_YOU


def grant_on_pledge(
    session: Session,
    desk: Desk,
    number: str,
    item_code: str,
    today: dt.date,
    at: dt.datetime | None = None,
    result_no: str = "",
) -> CaseStatus:
    """准予 on the signed 告知承诺书, on the spot, and the 核查 date kept on the deciding department's list.

    ``result_no`` is the licence's own number (the 合格证's), kept as every decision's result number is; "" while the
    department has not given it.  The grant is the deciding body's (:func:`_acting`): its own staff, or the window
    where the site holds the item or was entrusted with it.  A database without accounts may not grant: nobody there
    may take a promise found false to its end (责令改正, 陈述申辩, 撤销 are a named person's), so what it granted could
    never be checked.  Raises :class:`PledgeRefused` (``NOT_PLEDGE_ITEM``, ``CANNOT_CHECK``) and what
    :func:`~counter.actions.cases.decisions.record_decision` raises.
    """
    case, bundle = case_and_bundle(session, number)
    item = bundle.item(item_code)
    if item is None or item.pledge is None or item.pledge.check_within is None:
        raise PledgeRefused(PledgeProblem.NOT_PLEDGE_ITEM, case.case_no, item_code)
    if not item.pledge.chosen_in(answers_of(case)):  # the applicant chose the ordinary procedure
        raise PledgeRefused(PledgeProblem.NOT_CHOSEN, case.case_no, item_code)
    acting = _acting(session, desk, case, bundle, item_code, permission_for(CaseEvent.ITEM_APPROVED))
    if not desk.actor.signed_in:
        raise PledgeRefused(PledgeProblem.CANNOT_CHECK, case.case_no, item_code)
    _signed_for(session, case, bundle, item_code)
    text = result_no.strip()
    after = record_decision(session, desk, number, item_code, approve=True, text=text, at=at, acting=acting)
    due = office_calendar(session).deadline(today, item.pledge.check_within).date
    session.add(
        models.PledgeCheck(
            case_id=case.id,
            item_code=item.code,
            item_name=item.name,
            site_code=case.site_code,
            department=acting.authority.deciding,
            granted_on=today,
            check_due=due,
            finding="",
            pledge_doc_no="",
            revocation_doc_no="",
        )
    )
    return after


def _signed_for(session: Session, case: models.Case, bundle: Bundle, item_code: str) -> None:
    """Refuse a grant where the item's path does not allow a 准予 yet (:func:`grant_open`): where the hall only
    received it, before its department signed for it.  A decided item is left to the decision's own refusal."""
    view = case_view(session, case.case_no)
    assert view is not None
    state = state_of(item_paths(view.history, office_day).get(item_code, []))
    if state is not None and state.decided:
        return
    if not grant_open(state, item_code in received_only(session, view, bundle)):
        raise PledgeRefused(PledgeProblem.NOT_SIGNED, case.case_no, item_code)


def record_check(
    session: Session,
    desk: Desk,
    number: str,
    item_code: str,
    today: dt.date,
    *,
    kept: bool,
    finding: str = "",
    correct_by: dt.date | None = None,
) -> PledgeRow:
    """The 核查 of a promise: kept, or found false — which revokes nothing yet.

    The deciding body's, as its grant was (the same rule); once per item, but for the check after a correction
    ordered: the place found corrected (``kept``) ends the matter.  A promise found false names what was found;
    where the item's law orders a correction within a period first (the catalog's ``pledge.correction``: 消防法
    第五十八条第二款), ``correct_by`` is that period's last day, after ``today``.  The applicant is then heard
    (:func:`hear`) and only then is the licence revoked (:func:`revoke`).
    """
    case, bundle = case_and_bundle(session, number, lock=True)
    # finding a promise false sets its revocation going: at the window the permission of a 不予批准
    event = CaseEvent.ITEM_APPROVED if kept else CaseEvent.ITEM_REVOKED
    acting = _acting(session, desk, case, bundle, item_code, permission_for(event))
    row = _granted(session, case, item_code)
    item = bundle.item(item_code)
    assert item is not None
    assert item.pledge is not None
    if row.checked_on is not None:
        if not (kept and _correcting(row)):
            raise PledgeRefused(PledgeProblem.ALREADY_CHECKED, case.case_no, item_code)
        row.kept = True  # corrected within the period: the licence stands
        _audit(session, desk, case, acting, "pledge_corrected", item_code, "")
        return _row(row, case)
    if not kept and not finding.strip():
        raise PledgeRefused(PledgeProblem.NO_FINDING, case.case_no, item_code)
    if not kept and item.pledge.correction and (correct_by is None or correct_by <= today):
        raise PledgeRefused(PledgeProblem.NO_PERIOD, case.case_no, item_code)
    row.checked_on, row.kept, row.finding = today, kept, finding.strip()
    row.correct_by = correct_by if not kept and item.pledge.correction else None
    _audit(session, desk, case, acting, "pledge_checked" if kept else "pledge_found_false", item_code, finding)
    return _row(row, case)


def hear(session: Session, desk: Desk, number: str, item_code: str, today: dt.date, hear_by: dt.date) -> PledgeRow:
    """The 陈述申辩 notice: the applicant told the facts, the reasons and the ground of the revocation intended, and
    given until ``hear_by`` to state and defend their case.  Only after the correction ordered has run out uncorrected
    (``CORRECTION_OPEN`` before), once (``ALREADY_DONE``)."""
    case, bundle = case_and_bundle(session, number, lock=True)
    acting = _acting(session, desk, case, bundle, item_code, permission_for(CaseEvent.ITEM_REVOKED))
    row = _found_false(session, case, item_code)
    if row.heard_on is not None:
        raise PledgeRefused(PledgeProblem.ALREADY_DONE, case.case_no, item_code)
    if row.correct_by is not None and today <= row.correct_by:
        raise PledgeRefused(PledgeProblem.CORRECTION_OPEN, case.case_no, item_code)
    if hear_by <= today:
        raise PledgeRefused(PledgeProblem.NO_PERIOD, case.case_no, item_code)
    row.heard_on, row.hear_by = today, hear_by
    _audit(session, desk, case, acting, "pledge_hearing", item_code, "")
    return _row(row, case)


def revoke(session: Session, desk: Desk, number: str, item_code: str, today: dt.date) -> PledgeRow:
    """The licence revoked (行政许可法 第六十九条第二款), after the applicant was told and the period to be heard ran
    out (``NOT_HEARD`` before).  The case's own record says so: the item reads 已撤销 on the page, in ``case show``
    and at the hall (:data:`~counter.case.status.CaseEvent.ITEM_REVOKED`, with what the check found)."""
    case, bundle = case_and_bundle(session, number, lock=True)
    acting = _acting(session, desk, case, bundle, item_code, permission_for(CaseEvent.ITEM_REVOKED))
    row = _found_false(session, case, item_code)
    if row.heard_on is None or row.hear_by is None or today <= row.hear_by:
        raise PledgeRefused(PledgeProblem.NOT_HEARD, case.case_no, item_code)
    status_after(session, case, CaseEvent.ITEM_REVOKED)  # MoveNotAllowed: a voided case, say
    at = moment_on(today, models.utcnow())  # the revocation's day, a training desk's too
    add_history(
        session, case, CaseEvent.ITEM_REVOKED.value, item_note(item_code, row.finding), clerk=acting.clerk, at=at
    )
    row.revoked_on = today
    _audit(session, desk, case, acting, "pledge_revoked", item_code, row.finding)
    return _row(row, case)


def _granted(session: Session, case: models.Case, item_code: str) -> models.PledgeCheck:
    row = session.get(models.PledgeCheck, (case.id, item_code))
    if row is None:
        raise PledgeRefused(PledgeProblem.NOT_GRANTED, case.case_no, item_code)
    return row


def _found_false(session: Session, case: models.Case, item_code: str) -> models.PledgeCheck:
    """The grant whose check found the promise false and whose licence still stands."""
    row = _granted(session, case, item_code)
    if row.kept is not False:
        raise PledgeRefused(PledgeProblem.NOT_FOUND_FALSE, case.case_no, item_code)
    if row.revoked_on is not None:
        raise PledgeRefused(PledgeProblem.ALREADY_DONE, case.case_no, item_code)
    return row


def _correcting(row: models.PledgeCheck) -> bool:
    """Whether the promise found false is under a correction order, the applicant not yet told of a revocation."""
    return row.kept is False and row.correct_by is not None and row.heard_on is None


def _audit(
    session: Session, desk: Desk, case: models.Case, acting: Acting, event: str, item_code: str, note: str
) -> None:
    detail = {"event": event, "item": item_code, "note": masked_text(note)}
    record_at_desk(session, desk, AuditAction.CASE_CHANGED, case.case_no, {**detail, **acting.audit()})


def pledge_row(session: Session, number: str, item_code: str) -> PledgeRow | None:
    """The grant on a promise of one item of a case, with its check; None when there is none."""
    case, _ = case_and_bundle(session, number)
    row = session.get(models.PledgeCheck, (case.id, item_code))
    return None if row is None else _row(row, case)


def pledge_offers(session: Session, desk: Desk, number: str) -> tuple[PledgeOffer, ...]:
    """The case's 告知承诺 items in the bundle's order, for the page to offer their acts or say why not; a read, which
    refuses nothing (each act asks the rule again)."""
    case, bundle = case_and_bundle(session, number)
    answers = answers_of(case)
    codes = tuple(
        i.code
        for i in bundle.items
        if i.pledge is not None and i.pledge.check_within is not None and i.pledge.chosen_in(answers)
    )
    if not codes:
        return ()
    # the grant on a promise is 当场许可 at the window, a clerk's as the same-day step's is (decide_item's 准予); the
    # revocation asks a supervisor's permission besides, which the page reads from the account.  A department's
    # staff act on their own items as on any decision of theirs
    act = CaseAct.DECISION if own_department(session, desk) else CaseAct.SAME_DAY
    standing = act_standing(session, desk, bundle, case.site_code, act, codes)
    offers = []
    for code in codes:
        row = session.get(models.PledgeCheck, (case.id, code))
        refused = standing.refused.get(code)
        deciding = refused[1] if refused else standing.acting[code].authority.deciding
        offers.append(PledgeOffer(code, None if row is None else _row(row, case), deciding, refused and refused[0]))
    return tuple(offers)


def pledge_checks(session: Session, department: str = "", *, open_only: bool = True) -> tuple[PledgeRow, ...]:
    """The checks the departments owe (one department's, where named), the soonest due first."""
    query = select(models.PledgeCheck, models.Case).join(models.Case, models.Case.id == models.PledgeCheck.case_id)
    if department:
        query = query.where(models.PledgeCheck.department == department)
    if open_only:
        query = query.where(models.PledgeCheck.checked_on.is_(None))
    query = query.order_by(models.PledgeCheck.check_due, models.Case.case_no, models.PledgeCheck.item_code)
    return tuple(_row(row, case) for row, case in session.execute(query))


def pledge_paper(
    session: Session,
    desk: Desk,
    number: str,
    item_code: str,
    today: dt.date,
    *,
    revoked: bool,
    notice: PledgeNotice | None = None,
) -> bytes:
    """The 告知承诺书 of a grant on a promise, the ``notice`` of a promise found false (its 责令限期改正通知书 or
    陈述申辩告知书), or (``revoked``) its 撤销行政许可决定书; each numbered the first time and kept so, as every paper
    is (a reprint is the same paper), and each refused before the step it records."""
    from counter.documents.notice_pledge import PledgeFacts, correction_order, hearing_notice, pledge_notice, revocation
    from counter.documents.render import render_pdf  # reportlab: loaded at the first print

    case, bundle = case_and_bundle(session, number)
    _acting(session, desk, case, bundle, item_code, Permission.PRINT)
    row = session.get(models.PledgeCheck, (case.id, item_code))
    item = bundle.item(item_code)
    if row is None or item is None or item.pledge is None:
        raise PledgeRefused(PledgeProblem.NOT_GRANTED, case.case_no, item_code)
    if revoked and row.revoked_on is None:
        raise PledgeRefused(PledgeProblem.NOT_REVOKED, case.case_no, item_code)
    if notice is PledgeNotice.CORRECTION and row.correct_by is None:
        raise PledgeRefused(PledgeProblem.NO_CORRECTION, case.case_no, item_code)
    if notice is PledgeNotice.HEARING and row.heard_on is None:
        raise PledgeRefused(PledgeProblem.NOT_HEARD, case.case_no, item_code)
    view = case_view(session, case.case_no)
    assert view is not None  # the case was just read
    office = office_settings(session, case.site_code)
    now = site_authority(session, desk.identity.site_code)  # whose act it is: the site's own where it holds the item
    held = HeldItems(now.site_items, dict(now.entrusted))
    facts = PledgeFacts(
        row.granted_on, row.check_due, row.checked_on, row.finding, row.correct_by, row.heard_on, row.hear_by,
        row.revoked_on,
    )  # fmt: skip
    you = DOC_YOU["company" if view.legal_rep else "person"]
    if revoked:
        revocation(view, item, office, "", facts, you, held)  # DocumentNotPossible before a number is spent
        row.revocation_doc_no = row.revocation_doc_no or notice_number(session, desk, today, DocKind.DENIAL)
        data = revocation(view, item, office, row.revocation_doc_no, facts, you, held)
    elif notice is PledgeNotice.CORRECTION:
        correction_order(view, item, office, "", facts, you, held)
        row.correction_doc_no = row.correction_doc_no or notice_number(session, desk, today, DocKind.DENIAL)
        data = correction_order(view, item, office, row.correction_doc_no, facts, you, held)
    elif notice is PledgeNotice.HEARING:
        row.hearing_doc_no = row.hearing_doc_no or notice_number(session, desk, today, DocKind.DENIAL)
        data = hearing_notice(view, item, office, row.hearing_doc_no, facts, you, held)
    else:
        row.pledge_doc_no = row.pledge_doc_no or notice_number(session, desk, today, DocKind.PLEDGE)
        data = pledge_notice(view, bundle, item, office, row.pledge_doc_no, facts, held)
    return render_pdf(marked_for_training(session, data))


def _acting(
    session: Session, desk: Desk, case: models.Case, bundle: Bundle, item_code: str, permission: Permission
) -> Acting:
    """The standing of the desk's account on the item (the one rule, :func:`check_item`): the deciding department's
    own staff act on it as on any item of theirs; the window, where the site holds it or was entrusted with it, needs
    the step's ``permission`` besides (a clerk's grant and paper, a supervisor's revocation)."""
    acting = check_item(session, desk, case.case_no, bundle, case.site_code, item_code)
    if acting.ruling.standing is not Standing.DEPARTMENT:
        require(session, desk.actor, permission)
    return acting


def _row(row: models.PledgeCheck, case: models.Case) -> PledgeRow:
    return PledgeRow(
        case.case_no,
        case.applicant_name,
        row.item_code,
        row.item_name,
        row.department,
        row.granted_on,
        row.check_due,
        row.checked_on,
        row.kept,
        row.finding,
        row.correct_by,
        row.heard_on,
        row.hear_by,
        row.revoked_on,
    )
