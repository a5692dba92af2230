"""What every step of 告知承诺 shares (:mod:`counter.actions.intake.notice_pledges` and the steps after a promise found
false, :mod:`counter.actions.intake.false_pledges`): the standing of the account on the item, the item's grant on a
promise as stored, the audit line, and the row as the faces read it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from counter.access.authority import Standing
from counter.access.desk import Desk
from counter.access.pledge_offers import PledgeRow
from counter.access.roles import Permission
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.cases.item_authority import Acting, check_item
from counter.audit.actions import AuditAction
from counter.audit.masking import masked_text
from counter.case.decisions import check_entry
from counter.case.entered_for import Entered
from counter.case.pledge_checks import PledgeProblem, PledgeRefused
from counter.case.pledge_steps import FalsePromise, Recheck
from counter.case.site_authority import EntrustedAct
from counter.catalog.model import Bundle
from counter.db import models


def acting_on(
    session: Session,
    desk: Desk,
    case: models.Case,
    bundle: Bundle,
    item_code: str,
    permission: Permission,
    act: EntrustedAct | None = None,
) -> Acting:
    """The standing of the desk's account on the item (the one rule, :func:`check_item`): the deciding department's
    own staff act on it as on any item of theirs; the window, where the site holds it or was entrusted with it, needs
    the step's ``permission`` besides (a clerk's grant and paper, a supervisor's revocation), and under an entrustment
    an agreement that covers the step's ``act``."""
    acting = check_item(session, desk, case.case_no, bundle, case.site_code, item_code, act)
    if acting.ruling.standing is not Standing.DEPARTMENT:
        require(session, desk.actor, permission)
    return acting


def entry_of(case: models.Case, item_code: str, acting: Acting, entered: Entered | None) -> Entered | None:
    """The department's 文号 and officer of a step the window enters for it under its 授权 (代为录入), both asked by
    the rule a grant's are (:func:`~counter.case.decisions.check_entry`: ``ENTRY_INCOMPLETE`` naming what is missing);
    None at the department's own desk or the site's, which are asked neither: their step is their own record."""
    if acting.ruling.standing is not Standing.ENTRUSTED:
        return None
    return check_entry(case.case_no, item_code, entered)


def granted(session: Session, case: models.Case, item_code: str) -> models.PledgeCheck:
    row = session.get(models.PledgeCheck, (case.id, item_code))
    if row is None:
        raise PledgeRefused(PledgeProblem.NOT_GRANTED, case.case_no, item_code)
    return row


def found_false(session: Session, case: models.Case, item_code: str) -> models.PledgeCheck:
    """The grant whose check found the promise false and whose licence still stands."""
    row = granted(session, case, item_code)
    if row.kept is not False:
        raise PledgeRefused(PledgeProblem.NOT_FOUND_FALSE, case.case_no, item_code)
    if row.revoked_on is not None:
        raise PledgeRefused(PledgeProblem.ALREADY_DONE, case.case_no, item_code)
    return row


def served_on(session: Session, case: models.Case, doc_no: str) -> dt.date | None:
    """The day the paper numbered ``doc_no`` was served on the person; None before (or with no paper)."""
    if not doc_no:
        return None
    service = session.get(models.PaperService, (case.id, doc_no))
    return None if service is None else service.served_on


def false_promise(session: Session, case: models.Case, row: models.PledgeCheck) -> FalsePromise:
    """What the steps after a promise found false read of it (:class:`FalsePromise`)."""
    return FalsePromise(
        correction_ordered=bool(row.correction_doc_no) or row.correct_by is not None,
        correction_served=served_on(session, case, row.correction_doc_no),
        correct_by=row.correct_by,
        recheck=Recheck(row.recheck) if row.recheck else None,
        heard_on=row.heard_on,
        hearing_served=served_on(session, case, row.hearing_doc_no),
        hear_by=row.hear_by,
    )


def audit(
    session: Session, desk: Desk, case: models.Case, acting: Acting | None, event: str, item_code: str, note: str
) -> None:
    detail = {"event": event, "item": item_code, "note": masked_text(note)}
    record_at_desk(
        session, desk, AuditAction.CASE_CHANGED, case.case_no, {**detail, **(acting.audit() if acting else {})}
    )


def row_of(session: Session, row: models.PledgeCheck, case: models.Case) -> PledgeRow:
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
        correct_days=row.correct_days,
        hear_days=row.hear_days,
        correction_served=served_on(session, case, row.correction_doc_no),
        hearing_served=served_on(session, case, row.hearing_doc_no),
        recheck=row.recheck,
        rechecked_on=row.rechecked_on,
        correction_doc_no=row.correction_doc_no,
        hearing_doc_no=row.hearing_doc_no,
        revocation_doc_no=row.revocation_doc_no,
    )
