"""What follows a promise found false (告知承诺): the service of each paper, the 复查 of the correction ordered, the
陈述申辩 notice and the revocation with the hearing's record (:mod:`counter.case.pledge_steps` holds the rules).

Each period the body gives runs from its paper's service (:mod:`counter.case.served`), recorded here as a step of its
own: the last day to correct or to be heard is set when the service is, never from the day the paper was decided.  The
hearing and the revocation make their papers with them (:func:`counter.actions.intake.pledge_papers.issue`): refused,
nothing recorded, while the paper cannot be made.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from counter.access.case_rights import permission_for
from counter.access.desk import Desk
from counter.access.pledge_offers import PledgeRow
from counter.access.roles import Permission
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import case_and_bundle
from counter.actions.cases.received_cases import status_after
from counter.actions.intake.pledge_papers import issue, paper_made_on, paper_number, ready
from counter.actions.intake.pledge_rows import (
    acting_on,
    audit,
    entry_of,
    false_promise,
    found_false,
    granted,
    row_of,
)
from counter.case.decisions import item_note
from counter.case.entered_for import Entered
from counter.case.moments import moment_on
from counter.case.pledge_checks import PledgeNotice, PledgeRefused
from counter.case.pledge_entries import PledgeAct, with_entry
from counter.case.pledge_steps import HearingRecord, Recheck, period_floor, period_refusal, text_refusal
from counter.case.served import Service, ServiceProblem, ServiceRefused, service_problems
from counter.case.site_authority import EntrustedAct
from counter.case.status import CaseEvent
from counter.db import models
from counter.db.case_store import add_history


def serve(
    session: Session, desk: Desk, number: str, item_code: str, notice: PledgeNotice, service: Service, today: dt.date
) -> PledgeRow:
    """The service of a paper of a promise found false, once: by hand, by post or at the window, on a day from the
    paper's own to ``today``.  The period the paper gives (to correct, to be heard) runs from it: its last day is set
    now, in working days from the day served.  Raises :class:`ServiceRefused` with every reason at once."""
    case, bundle = case_and_bundle(session, number, lock=True)
    acting = acting_on(session, desk, case, bundle, item_code, Permission.PRINT)  # who hands papers over
    row = granted(session, case, item_code)
    doc_no, made_on = paper_number(row, notice), paper_made_on(row, notice)
    if not doc_no or made_on is None:
        raise ServiceRefused((ServiceProblem.NOT_MADE,), case.case_no, doc_no)
    if session.get(models.PaperService, (case.id, doc_no)) is not None:
        raise ServiceRefused((ServiceProblem.ALREADY_SERVED,), case.case_no, doc_no)
    problems = service_problems(service, made_on, today)
    if problems:
        raise ServiceRefused(problems, case.case_no, doc_no)
    session.add(
        models.PaperService(
            case_id=case.id, doc_no=doc_no, way=service.way.value, served_on=service.served_on,
            recipient=service.recipient.strip(), tracking_no=service.tracking_no.strip(),
            clerk=acting.clerk,
        )
    )  # fmt: skip
    session.flush()
    calendar = office_calendar(session)
    if notice is PledgeNotice.CORRECTION and row.correct_days is not None:
        row.correct_by = calendar.add_working_days(service.served_on, row.correct_days).date
    if notice is PledgeNotice.HEARING and row.hear_days is not None:
        row.hear_by = calendar.add_working_days(service.served_on, row.hear_days).date
    audit(session, desk, case, acting, f"pledge_served_{notice.value}", item_code, service.way.value)
    return row_of(session, row, case)


def recheck(
    session: Session,
    desk: Desk,
    number: str,
    item_code: str,
    today: dt.date,
    found: Recheck,
    finding: str,
    entered: Entered | None = None,
) -> PledgeRow:
    """The 复查 of the correction ordered: corrected (the licence stands), not corrected once the period ran out, or
    corrected but still not as promised; once, with what was found, after the order was served.  ``entered``: the
    department's 文号 and officer where the window enters the 复查 for it (代为录入), asked as a grant's are."""
    case, bundle = case_and_bundle(session, number, lock=True)
    acting = acting_on(
        session, desk, case, bundle, item_code, permission_for(CaseEvent.ITEM_REVOKED), EntrustedAct.CHECK
    )
    row = found_false(session, case, item_code)
    problem = false_promise(session, case, row).recheck_refusal(today, found, finding) or text_refusal(finding)
    if problem is not None:
        raise PledgeRefused(problem, case.case_no, item_code)
    kept = entry_of(case, item_code, acting, entered)
    row.recheck, row.rechecked_on, row.recheck_finding = found.value, today, finding.strip()
    row.entries = with_entry(row.entries, PledgeAct.RECHECK, kept)
    audit(session, desk, case, acting, f"pledge_recheck_{found.value}", item_code, finding)
    return row_of(session, row, case)


def hear(
    session: Session,
    desk: Desk,
    number: str,
    item_code: str,
    today: dt.date,
    within: int | None,
    entered: Entered | None = None,
) -> PledgeRow:
    """The 陈述申辩 notice: the applicant told the facts, the reasons and the ground of the revocation intended, and
    given ``within`` working days of its service to state and defend their case (no fewer than the item's floor).
    Only after the 复查 found the correction ordered not made (``NOT_RECHECKED`` before), once; its paper is made with
    it, dated ``today``, printing ``entered`` (the department's 文号 and officer, asked where the window enters the
    step for it) as the grant's paper does."""
    case, bundle = case_and_bundle(session, number, lock=True)
    acting = acting_on(
        session, desk, case, bundle, item_code, permission_for(CaseEvent.ITEM_REVOKED), EntrustedAct.REVOKE
    )
    row = found_false(session, case, item_code)
    item = bundle.item(item_code)
    assert item is not None
    assert item.pledge is not None
    problem = false_promise(session, case, row).hear_refusal()
    if problem is not None:
        raise PledgeRefused(problem, case.case_no, item_code)
    floor = period_floor(item.pledge)
    problem = period_refusal(within, floor)
    if problem is not None:
        raise PledgeRefused(problem, case.case_no, item_code, floor)
    ready(session, desk, case, bundle, item_code)
    kept = entry_of(case, item_code, acting, entered)  # after the paper's settings: what the site must set first
    row.heard_on, row.hear_days, row.hear_by = today, within, None
    row.entries = with_entry(row.entries, PledgeAct.HEARING, kept)
    issue(session, desk, case, bundle, row, PledgeNotice.HEARING, today)
    audit(session, desk, case, acting, "pledge_hearing", item_code, "")
    return row_of(session, row, case)


def revoke(
    session: Session,
    desk: Desk,
    number: str,
    item_code: str,
    today: dt.date,
    record: HearingRecord,
    entered: Entered | None = None,
) -> PledgeRow:
    """The licence revoked (行政许可法 第六十九条第二款), after the 复查 found the correction not made, the hearing's
    notice served and its period run out, with what the hearing gave (``record``); its 撤销行政许可决定书 made with
    it, dated ``today``.  The case's own record says so: the item reads 已撤销 on the page, in ``case show`` and at
    the hall (:data:`~counter.case.status.CaseEvent.ITEM_REVOKED`, with what the check found and, where the window
    entered the revocation for the department, its 文号 and officer (``entered``, asked as a grant's are) at the
    head of the line's note as a decision's: the history is what sync carries)."""
    case, bundle = case_and_bundle(session, number, lock=True)
    acting = acting_on(
        session, desk, case, bundle, item_code, permission_for(CaseEvent.ITEM_REVOKED), EntrustedAct.REVOKE
    )
    row = found_false(session, case, item_code)
    promise = false_promise(session, case, row)
    problem = promise.revoke_refusal(today, record) or text_refusal(record.said, record.answer)
    if problem is not None:
        raise PledgeRefused(problem, case.case_no, item_code)
    status_after(session, case, CaseEvent.ITEM_REVOKED)  # MoveNotAllowed: a voided case, say
    ready(session, desk, case, bundle, item_code)
    kept = entry_of(case, item_code, acting, entered)  # after the paper's settings: what the site must set first
    row.revoked_on, row.hearing_said, row.hearing_answer = today, record.said.strip(), record.answer.strip()
    row.entries = with_entry(row.entries, PledgeAct.REVOCATION, kept)
    issue(session, desk, case, bundle, row, PledgeNotice.REVOCATION, today)
    at = moment_on(today, models.utcnow())  # the revocation's day, a training desk's too
    note = item_note(item_code, row.finding, entered=kept)
    add_history(session, case, CaseEvent.ITEM_REVOKED.value, note, clerk=acting.clerk, at=at)
    audit(session, desk, case, acting, "pledge_revoked", item_code, row.finding)
    return row_of(session, row, case)
