"""A case's status read against its history: the one field of a case a desk changes without a state digest.

A case's ``status`` is left out of its recorded state (:mod:`counter.audit.state`: a sync package moves many cases
in one entry), and the hall's desk role must be able to UPDATE a case to move it.  What keeps the status honest is
the history: every move writes an insert-only line (``case_history``, which the desk role may not change) carrying
the status it left, so a status set by SQL — 已送达 on a case nobody handed over — disagrees with its newest line.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from counter.db import models


def statuses_off_history(session: Session) -> list[str]:
    """The numbers of the cases whose status is not the one their newest history line left."""
    line = aliased(models.CaseHistory)
    newest = select(func.max(models.CaseHistory.id)).where(models.CaseHistory.case_id == models.Case.id)
    query = (
        select(models.Case.case_no)
        .join(line, line.case_id == models.Case.id)
        .where(line.id == newest.scalar_subquery(), line.status_after != models.Case.status)
        .order_by(models.Case.case_no)
    )
    return [str(no) for no in session.scalars(query)]


def status_is_off_history(session: Session, case_id: int, status: str) -> bool:
    """Whether ``status`` is not the one the case's newest history line left (a case with no line: not off)."""
    h = models.CaseHistory
    newest = session.scalar(select(h.status_after).where(h.case_id == case_id).order_by(h.id.desc()).limit(1))
    return newest is not None and newest != status
