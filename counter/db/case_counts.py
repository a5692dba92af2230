"""Cases counted by the database: how many of each guide version were accepted in a period, per desk or bundle.

The figures of the 24-point table (:mod:`counter.case.promise_figures`) need, for every case, only what its guide
version says; so the database counts the cases per group and version (an index-friendly ``GROUP BY``), and each
version is read once, however many thousand cases were taken under it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter.case.promise_figures import FigureGroup
from counter.case.status import CaseStatus
from counter.db import models


@dataclass(frozen=True, slots=True)
class AcceptedCount:
    key: tuple[str, ...]  # (site code, desk number) or (bundle code,)
    label: str  # the desk number, or the bundle's name
    guide_version_id: int
    cases: int


def accepted_counts(session: Session, first: dt.date, last: dt.date, group: FigureGroup) -> list[AcceptedCount]:
    """Cases accepted from ``first`` to ``last`` (both included), not voided, per group and guide version."""
    case = models.Case
    version = case.guide_version_id
    accepted = case.accepted_on.between(first, last), case.status != CaseStatus.VOIDED.value
    if group is FigureGroup.DESK:
        by_desk = (
            select(case.site_code, case.desk_no, version, func.count())
            .where(*accepted)
            .group_by(case.site_code, case.desk_no, version)
        )
        return [AcceptedCount((site, desk), desk, v, n) for site, desk, v, n in session.execute(by_desk)]
    by_bundle = (
        select(case.bundle_code, models.Bundle.name, version, func.count())
        .join(models.Bundle, models.Bundle.code == case.bundle_code)
        .where(*accepted)
        .group_by(case.bundle_code, models.Bundle.name, version)
    )
    return [AcceptedCount((code,), name, v, n) for code, name, v, n in session.execute(by_bundle)]
