"""The committed cases of a desk whose papers did not all go out, and the clerk's waiver of them.

A paper counts as out once a print of it went (:class:`counter.db.models.PrintRecord` with ``ok``); a waiver is the
case's history line ``papers_waived``, who and when as every line, the papers and the reason in its note — the
history carries it, so no table of its own.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.cases.received_cases import received_cases
from counter.case.not_found import CaseNotFound
from counter.case.status import CaseEvent, CaseStatus
from counter.db import models
from counter.db.case_store import add_history, case_by_no
from counter.documents.kinds import DocumentKind
from counter.documents.outcome_papers import OUTCOME_PAPERS, UnprintedCase, outcome_papers, waiver_note

log = logging.getLogger(__name__)

#: How far back a desk's cases are watched: an applicant comes back for a paper within days, and the desk's years
#: of cases are not read again every minute; an older case's papers are its page's to print.
WATCH_DAYS = 30


def _printed_kinds(session: Session, case_ids: list[int]) -> dict[int, set[str]]:
    """The record kinds of each case's papers a print of which went out."""
    printed: dict[int, set[str]] = {}
    if not case_ids:
        return printed
    rows = session.execute(
        select(models.DocumentRecord.case_id, models.DocumentRecord.kind)
        .join(models.PrintRecord, models.PrintRecord.document_id == models.DocumentRecord.id)
        .where(models.DocumentRecord.case_id.in_(case_ids), models.PrintRecord.ok.is_(True))
        .distinct()
    )
    for case_id, kind in rows:
        if case_id is not None:  # the query asks for cases' papers only
            printed.setdefault(case_id, set()).add(kind)
    return printed


def _waived(session: Session, case_ids: list[int]) -> set[int]:
    if not case_ids:
        return set()
    rows = session.scalars(
        select(models.CaseHistory.case_id)
        .where(models.CaseHistory.case_id.in_(case_ids), models.CaseHistory.event == CaseEvent.PAPERS_WAIVED.value)
        .distinct()
    )
    return set(rows)


def _missing(outcome: str, printed: set[str]) -> tuple[DocumentKind, ...]:
    return tuple(kind for kind in outcome_papers(outcome) if kind.value not in printed)


def unprinted_cases(session: Session, desk: Desk, today: dt.date) -> tuple[UnprintedCase, ...]:
    """The desk's cases received in the last :data:`WATCH_DAYS` whose papers are not all out nor waived, oldest
    first."""
    cases = session.execute(
        select(models.Case.id, models.Case.case_no, models.Case.outcome, models.Case.received_on)
        .where(
            models.Case.desk_no == desk.identity.desk_no,
            models.Case.received_on >= today - dt.timedelta(days=WATCH_DAYS),
            models.Case.status != CaseStatus.VOIDED.value,
            models.Case.outcome.in_(list(OUTCOME_PAPERS)),
        )
        .order_by(models.Case.received_on, models.Case.id)
    ).all()
    ids = [row.id for row in cases]
    printed, waived = _printed_kinds(session, ids), _waived(session, ids)
    flagged = []
    for row in cases:
        missing = _missing(row.outcome, printed.get(row.id, set()))
        if missing and row.id not in waived:
            flagged.append((row.case_no, missing, row.received_on))
    received = received_cases(session, [case_no for case_no, _, _ in flagged]) if flagged else frozenset()
    return tuple(UnprintedCase(no, kinds, on, no in received) for no, kinds, on in flagged)


def waive_papers(session: Session, desk: Desk, case_no: str, reason: str, now: dt.datetime) -> tuple[DocumentKind, ...]:
    """The case's papers not out, left so for ``reason``: a line of its history (who, when, which, why), at ``now``
    (the call's moment: a training desk's day, not the machine's).

    Returns the papers waived; none left to print writes nothing.  An empty reason is a program's fault: the window
    asks for one before it offers to close.
    """
    reason = reason.strip()
    if not reason:
        raise ValueError("a waiver needs its reason")
    case = case_by_no(session, case_no, lock=True)
    if case is None:
        raise CaseNotFound(case_no)
    missing = _missing(case.outcome, _printed_kinds(session, [case.id]).get(case.id, set()))
    if missing:
        note = waiver_note(missing, reason)
        add_history(session, case, CaseEvent.PAPERS_WAIVED.value, note, clerk=desk.clerk, at=now)
        log.info("case %s: papers %s left unprinted", case_no, ",".join(kind.value for kind in missing))
    return missing
