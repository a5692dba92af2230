"""The open cases of one applicant for one bundle, read along the keyed index of her number."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.case.open_cases import OPEN_STATUSES, OpenCase
from counter.case.status import CaseStatus
from counter.db import models
from counter.db.sealed import lookup_index


def open_cases_of(session: Session, id_no: str, bundle_code: str, limit: int) -> list[OpenCase]:
    """The newest ``limit`` cases of ``bundle_code`` whose applicant has ``id_no`` and which are not over, newest
    first.  The number is stored sealed: sought by its keyed index (``ix_case_applicant_id_key``); a machine without
    the index key finds none, as the case search does."""
    key = lookup_index(id_no)
    if key is None:
        return []
    c = models.Case
    stmt = (
        select(c.case_no, c.received_on, c.status)
        .where(c.applicant_id_key == key, c.bundle_code == bundle_code, c.status.in_([s.value for s in OPEN_STATUSES]))
        .order_by(c.received_on.desc(), c.case_no.desc())
        .limit(limit)
    )
    return [
        OpenCase(case_no, received_on, CaseStatus(status)) for case_no, received_on, status in session.execute(stmt)
    ]
