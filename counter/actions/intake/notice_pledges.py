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

from counter.access.case_acts import CaseAct
from counter.access.case_rights import permission_for
from counter.access.desk import Desk
from counter.access.pledge_offers import PledgeOffer, PledgeRow
from counter.actions.admin.accounts import own_department
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import case_and_bundle, record_decision
from counter.actions.cases.item_authority import act_standing
from counter.actions.cases.item_track import received_only
from counter.actions.intake.pledge_papers import issue, ready
from counter.actions.intake.pledge_rows import acting_on, audit, entry_of, granted, row_of
from counter.case.decisions import Validity
from counter.case.entered_for import Entered
from counter.case.item_lines import item_paths, office_day
from counter.case.item_path import state_of
from counter.case.pledge_checks import PledgeNotice, PledgeProblem, PledgeRefused, grant_open
from counter.case.pledge_entries import PledgeAct, with_entry
from counter.case.pledge_steps import period_floor, period_refusal, text_refusal
from counter.case.site_authority import EntrustedAct
from counter.case.status import CaseEvent, CaseStatus
from counter.catalog.model import Bundle
from counter.db import models
from counter.db.case_store import answers_of, case_view


def grant_on_pledge(
    session: Session,
    desk: Desk,
    number: str,
    item_code: str,
    today: dt.date,
    at: dt.datetime | None = None,
    result_no: str = "",
    entered: Entered | None = None,
    validity: Validity | None = None,
) -> CaseStatus:
    """准予 on the signed 告知承诺书, on the spot, and the 核查 date kept on the deciding department's list.

    ``result_no`` is the licence's own number (the 合格证's), kept as every decision's result number is; "" while the
    department has not given it.  ``validity``: the licence's 有效期限 as any 准予 keeps it (None: 证照未载明),
    refused as there when it ends before the grant's day.  ``entered``: the department's 文号 and officer where the
    window enters the grant for it under its 授权 (代为录入), asked by the same rule as any 准予 (``ENTRY_INCOMPLETE``
    without them): a grant on a promise is the department's decision as much as one on full materials.  The grant is
    the deciding body's (:func:`~counter.actions.intake.pledge_rows.acting_on`): its own staff, or the window where
    the site holds the item or was entrusted with it.  A database without accounts may not grant: nobody there
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
    acting = acting_on(
        session, desk, case, bundle, item_code, permission_for(CaseEvent.ITEM_APPROVED), EntrustedAct.DECIDE
    )
    if not desk.actor.signed_in:
        raise PledgeRefused(PledgeProblem.CANNOT_CHECK, case.case_no, item_code)
    _signed_for(session, case, bundle, item_code)
    text = result_no.strip()
    after = record_decision(
        session, desk, number, item_code, approve=True, text=text, at=at, acting=acting, validity=validity,
        entered=entered, ask_entry=True,
    )  # fmt: skip
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
            entries="",
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
    correct_within: int | None = None,
    entered: Entered | None = None,
) -> PledgeRow:
    """The 核查 of a promise: kept, or found false — which revokes nothing yet.

    The deciding body's, as its grant was (the same rule); once per item: a promise found false stays so on record
    (``FOUND_FALSE`` for a later "kept"), and what followed a correction ordered is its 复查
    (:func:`counter.actions.intake.false_pledges.recheck`).  A promise found false names what was found; where the
    item's law orders a correction within a period first (the catalog's ``pledge.correction``: 消防法 第五十八条第二款),
    ``correct_within`` is that period in working days from the order's service, no fewer than the item's floor
    (:func:`~counter.case.pledge_steps.period_floor`), and the 责令限期改正通知书 is made with the finding, dated
    ``today``: refused, nothing recorded, while it cannot be (DocumentNotPossible).  The applicant is then heard
    (:func:`~counter.actions.intake.false_pledges.hear`) and only then is the licence revoked.  ``entered``: the
    department's 文号 and officer where the window enters the check for it under its 授权 (代为录入), asked as the
    grant's are (``ENTRY_INCOMPLETE``) and printed on the order.
    """
    case, bundle = case_and_bundle(session, number, lock=True)
    # finding a promise false sets its revocation going: at the window the permission of a 不予批准
    event = CaseEvent.ITEM_APPROVED if kept else CaseEvent.ITEM_REVOKED
    acting = acting_on(session, desk, case, bundle, item_code, permission_for(event), EntrustedAct.CHECK)
    row = granted(session, case, item_code)
    item = bundle.item(item_code)
    assert item is not None
    assert item.pledge is not None
    if row.checked_on is not None:
        problem = PledgeProblem.FOUND_FALSE if kept and row.kept is False else PledgeProblem.ALREADY_CHECKED
        raise PledgeRefused(problem, case.case_no, item_code)
    if not kept and not finding.strip():
        raise PledgeRefused(PledgeProblem.NO_FINDING, case.case_no, item_code)
    if text_refusal(finding) is not None:  # printed on the order and the revocation
        raise PledgeRefused(PledgeProblem.TEXT_SHAPE, case.case_no, item_code)
    ordered = not kept and bool(item.pledge.correction)
    floor = period_floor(item.pledge)
    too_short = period_refusal(correct_within, floor) if ordered else None
    if too_short is not None:
        raise PledgeRefused(too_short, case.case_no, item_code, floor)
    if ordered:
        ready(session, desk, case, bundle, item_code)
    entry = entry_of(case, item_code, acting, entered)  # after the paper's settings: what the site must set first
    row.checked_on, row.kept, row.finding = today, kept, finding.strip()
    row.entries = with_entry(row.entries, PledgeAct.CHECK, entry)
    row.correct_days = correct_within if ordered else None
    if ordered:
        issue(session, desk, case, bundle, row, PledgeNotice.CORRECTION, today)
    audit(session, desk, case, acting, "pledge_checked" if kept else "pledge_found_false", item_code, finding)
    return row_of(session, row, case)


def pledge_row(session: Session, number: str, item_code: str) -> PledgeRow | None:
    """The grant on a promise of one item of a case, with its check; None when there is none."""
    case, _ = case_and_bundle(session, number)
    row = session.get(models.PledgeCheck, (case.id, item_code))
    return None if row is None else row_of(session, row, case)


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
        offers.append(
            PledgeOffer(code, None if row is None else row_of(session, row, case), deciding, refused and refused[0])
        )
    return tuple(offers)


def pledge_checks(session: Session, department: str = "", *, open_only: bool = True) -> tuple[PledgeRow, ...]:
    """The checks the departments owe (one department's, where named), the soonest due first."""
    query = select(models.PledgeCheck, models.Case).join(models.Case, models.Case.id == models.PledgeCheck.case_id)
    if department:
        query = query.where(models.PledgeCheck.department == department)
    if open_only:
        query = query.where(models.PledgeCheck.checked_on.is_(None))
    query = query.order_by(models.PledgeCheck.check_due, models.Case.case_no, models.PledgeCheck.item_code)
    return tuple(row_of(session, row, case) for row, case in session.execute(query))
