"""A case's status read against its history: the one field of a case a desk changes without a state digest.

A case's ``status`` is left out of its recorded state (:mod:`counter.audit.state`: a sync package moves many cases
in one entry), and the hall's desk role must be able to UPDATE a case to move it.  What keeps the status honest is
the history: every move writes an insert-only line (``case_history``, which the desk role may not change) carrying
the status it left, so a status set by SQL — 已送达 on a case nobody handed over — disagrees with its newest line.

"Newest" is read two ways, and the status must be what one of them left.  At a desk the line written last (by its
number) moved the case, whatever the clocks of two desks say; a sync package adds the other site's lines after the
fact, and there the case follows the line of the latest time (:func:`counter.db.sync.case_parts.merge_history`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, select
from sqlalchemy.orm import Session, aliased

from counter.db import models


def _newest(case_id: Any) -> tuple[Any, Any]:
    """The status the case's line of the highest number left, and the one its line of the latest time left."""
    h, line, latest = (aliased(models.CaseHistory) for _ in range(3))
    last_written = select(func.max(h.id)).where(h.case_id == case_id).scalar_subquery()
    by_number = select(line.status_after).where(line.id == last_written).scalar_subquery()
    by_time = (
        select(latest.status_after)
        .where(latest.case_id == case_id)
        .order_by(latest.at.desc(), latest.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return by_number, by_time


def _off(status: Any, case_id: Any) -> ColumnElement[bool]:
    by_number, by_time = _newest(case_id)
    return and_(by_number.is_not(None), status != by_number, status != by_time)


def statuses_off_history(session: Session) -> list[str]:
    """The numbers of the cases whose status is not the one their newest history line left."""
    c = models.Case
    query = select(c.case_no).where(_off(c.status, c.id)).order_by(c.case_no)
    return [str(no) for no in session.scalars(query)]


def status_is_off_history(session: Session, case_id: int, status: str) -> bool:
    """Whether ``status`` is not the one the case's newest history line left (a case with no line: not off)."""
    return bool(session.scalar(select(_off(literal(status), literal(case_id)))))
