"""The papers of 告知承诺 (:mod:`counter.documents.notice_pledge`): the 告知承诺书, and the papers of a promise found
false, each made with the step it records.

行政许可法 第三十二条、第六十九条 (domain §14): the written act is the act.  So the 责令限期改正通知书 is made by the
check that finds the promise false, the 陈述申辩告知书 by the hearing's step and the 撤销行政许可决定书 by the
revocation (:func:`issue`): a step whose paper cannot be made (a 复议 body the site has not named, say) is refused
before anything is recorded, and the paper is dated the day of its step, which is the day it was made.  Printing it
again (:func:`pledge_paper`) reprints that paper, its number and its date.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.office import office_settings
from counter.actions.cases.decisions import case_and_bundle
from counter.actions.cases.documents import marked_for_training, notice_number
from counter.actions.cases.item_authority import site_authority
from counter.actions.intake.pledge_rows import acting_on, served_on
from counter.case.numbers import DocKind
from counter.case.pledge_checks import PledgeNotice, PledgeProblem, PledgeRefused
from counter.case.pledge_entries import read_entries
from counter.catalog.model import Bundle
from counter.db import models
from counter.db.case_store import case_view
from counter.documents.acceptance import held_from
from counter.documents.data import DocumentData
from counter.documents.notice_pledge import PledgeFacts
from counter.documents.words import DOC_YOU

#: the number each paper is kept under on the item's row
_NUMBER = {
    PledgeNotice.CORRECTION: "correction_doc_no",
    PledgeNotice.HEARING: "hearing_doc_no",
    PledgeNotice.REVOCATION: "revocation_doc_no",
}


def paper_number(row: models.PledgeCheck, notice: PledgeNotice) -> str:
    """The number ``notice`` was given; "" while it is not made."""
    number: str = getattr(row, _NUMBER[notice])
    return number


def paper_made_on(row: models.PledgeCheck, notice: PledgeNotice) -> dt.date | None:
    """The day ``notice`` was made: its step's."""
    return {
        PledgeNotice.CORRECTION: row.checked_on,
        PledgeNotice.HEARING: row.heard_on,
        PledgeNotice.REVOCATION: row.revoked_on,
    }[notice]


def facts_of(session: Session, case: models.Case, row: models.PledgeCheck) -> PledgeFacts:
    return PledgeFacts(
        row.granted_on, row.check_due, row.checked_on, row.finding, row.correct_by, row.heard_on, row.hear_by,
        row.revoked_on, correct_days=row.correct_days,
        correction_served=served_on(session, case, row.correction_doc_no), hear_days=row.hear_days,
        hearing_served=served_on(session, case, row.hearing_doc_no), recheck=row.recheck,
        rechecked_on=row.rechecked_on, recheck_finding=row.recheck_finding, said=row.hearing_said,
        answer=row.hearing_answer, entries=read_entries(row.entries),
    )  # fmt: skip


def _document(
    session: Session, desk: Desk, case: models.Case, bundle: Bundle, row: models.PledgeCheck, notice: PledgeNotice
) -> DocumentData:
    """The paper as it reads with the number kept on the row ("" while not made)."""
    from counter.documents.notice_pledge import correction_order, hearing_notice, revocation

    item = bundle.item(row.item_code)
    assert item is not None
    view = case_view(session, case.case_no)
    assert view is not None  # the case was just read
    office = office_settings(session, case.site_code)
    now = site_authority(session, desk.identity.site_code)  # whose act it is: the site's own where it holds the item
    held = held_from(now)
    you = DOC_YOU["company" if view.legal_rep else "person"]
    make = {
        PledgeNotice.CORRECTION: correction_order,
        PledgeNotice.HEARING: hearing_notice,
        PledgeNotice.REVOCATION: revocation,
    }[notice]
    return make(view, item, office, paper_number(row, notice), facts_of(session, case, row), you, held)


def ready(session: Session, desk: Desk, case: models.Case, bundle: Bundle, item_code: str) -> None:
    """DocumentNotPossible where the item's papers of a promise found false could not be made: asked before a step
    records anything, so that a step refused leaves no trace, whoever holds the unit of work."""
    from counter.documents.notice_pledge import check_possible

    item = bundle.item(item_code)
    assert item is not None
    now = site_authority(session, desk.identity.site_code)
    check_possible(item, office_settings(session, case.site_code), held_from(now))


def issue(
    session: Session,
    desk: Desk,
    case: models.Case,
    bundle: Bundle,
    row: models.PledgeCheck,
    notice: PledgeNotice,
    today: dt.date,
) -> None:
    """Make the paper of the step just recorded on ``row``, with it: DocumentNotPossible (the whole step undone by
    the caller's unit of work) before a number is spent, else numbered ``today``, the step's day."""
    _document(session, desk, case, bundle, row, notice)
    setattr(row, _NUMBER[notice], notice_number(session, desk, today, DocKind.DENIAL))


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
    """The 告知承诺书 of a grant on a promise (numbered the first time and kept so), or a paper of a promise found
    false (``notice``; ``revoked``: the 撤销行政许可决定书) as its step made it, each refused before that step.

    A record from before papers were made with their steps has no number yet: the paper is numbered now, as it was
    then."""
    from counter.documents.notice_pledge import pledge_notice
    from counter.documents.render import render_pdf  # reportlab: loaded at the first print

    case, bundle = case_and_bundle(session, number)
    acting_on(session, desk, case, bundle, item_code, Permission.PRINT)
    row = session.get(models.PledgeCheck, (case.id, item_code))
    item = bundle.item(item_code)
    if row is None or item is None or item.pledge is None:
        raise PledgeRefused(PledgeProblem.NOT_GRANTED, case.case_no, item_code)
    which = PledgeNotice.REVOCATION if revoked else notice
    if which is PledgeNotice.REVOCATION and row.revoked_on is None:
        raise PledgeRefused(PledgeProblem.NOT_REVOKED, case.case_no, item_code)
    if which is PledgeNotice.CORRECTION and row.correct_by is None and not row.correction_doc_no:
        raise PledgeRefused(PledgeProblem.NO_CORRECTION, case.case_no, item_code)
    if which is PledgeNotice.HEARING and row.heard_on is None:
        raise PledgeRefused(PledgeProblem.NOT_HEARD, case.case_no, item_code)
    if which is not None:
        if not paper_number(row, which):  # recorded before its step made it
            issue(session, desk, case, bundle, row, which, today)
        data = _document(session, desk, case, bundle, row, which)
    else:
        view = case_view(session, case.case_no)
        assert view is not None
        office = office_settings(session, case.site_code)
        now = site_authority(session, desk.identity.site_code)
        held = held_from(now)
        row.pledge_doc_no = row.pledge_doc_no or notice_number(session, desk, today, DocKind.PLEDGE)
        data = pledge_notice(view, bundle, item, office, row.pledge_doc_no, facts_of(session, case, row), held)
    return render_pdf(marked_for_training(session, data))
