"""Marks: what a package covered, as the highest row id of each tracked table, and what changed since.

Marks written before projects travelled have no project tables: a missing table's mark is 0, so a township's first
package after the upgrade carries every project it has.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from counter.db.sync.tables import (
    APPEAL,
    CASE,
    DOCUMENT,
    HISTORY,
    LAPSE,
    PAGE,
    PRINT,
    PROJECT,
    PROJECT_COORD,
    PROJECT_LINE,
    PROJECT_PAPER,
    RATING,
    RECT,
    RECT_LINE,
    REQUEST,
    TRACKED,
    utc,
)


def current_marks(session: Session, tables: Iterable[str] = TRACKED) -> dict[str, int]:
    """The highest row id of each tracked table now: rows above these are newer than this moment."""
    wanted = list(tables)
    columns = [select(func.coalesce(func.max(TRACKED[name].c.id), 0)).scalar_subquery() for name in wanted]
    row = session.execute(select(*columns)).one()
    return {name: int(value) for name, value in zip(wanted, row, strict=True)}


def changed_case_ids(session: Session, marks: Mapping[str, int] | None, site_code: str | None = None) -> list[int]:
    """Ids of the cases with any row newer than ``marks`` (every case when None), oldest first.

    ``site_code`` keeps only the cases taken at that site (the hall's progress for one township).
    """
    m = defaultdict(int, marks or {})
    rq, rt, rc = REQUEST.c, RATING.c, RECT.c
    parts = [
        select(CASE.c.id.label("case_id")).where(CASE.c.id > m["case"]),
        select(HISTORY.c.case_id).where(HISTORY.c.id > m["case_history"]),
        select(PAGE.c.case_id).where(PAGE.c.id > m["case_material_page"]),  # a page taken after the case was sent
        select(DOCUMENT.c.case_id).where(DOCUMENT.c.id > m["document_record"], DOCUMENT.c.case_id.is_not(None)),
        select(DOCUMENT.c.case_id)
        .join(PRINT, PRINT.c.document_id == DOCUMENT.c.id)
        .where(PRINT.c.id > m["print_record"], DOCUMENT.c.case_id.is_not(None)),
        select(rq.case_id).where(rq.id > m["rating_request"]),
        select(rq.case_id).join(RATING, rt.request_id == rq.id).where(rt.id > m["rating"]),
        select(rq.case_id).join(LAPSE, LAPSE.c.request_id == rq.id).where(LAPSE.c.id > m["rating_lapse"]),
        select(rq.case_id).join(RATING, rt.request_id == rq.id).join(RECT, rc.rating_id == rt.id)
        .where(rc.id > m["rectification"]),
        select(rq.case_id).join(RATING, rt.request_id == rq.id).join(RECT, rc.rating_id == rt.id)
        .join(RECT_LINE, RECT_LINE.c.rectification_id == rc.id).where(RECT_LINE.c.id > m["rectification_history"]),
        select(rq.case_id).join(RATING, rt.request_id == rq.id).join(APPEAL, APPEAL.c.rating_id == rt.id)
        .where(APPEAL.c.id > m["rating_appeal"]),
    ]  # fmt: skip
    if marks is None:
        parts = parts[:1]
    ids = union(*parts).subquery()
    stmt = select(ids.c.case_id).distinct()
    if site_code is not None:
        stmt = stmt.join(CASE, CASE.c.id == ids.c.case_id).where(CASE.c.site_code == site_code)
    return sorted(int(i) for i in session.scalars(stmt))


def changed_project_ids(session: Session, marks: Mapping[str, int] | None) -> list[int]:
    """Ids of the 帮您办 projects with a row newer than ``marks`` (every project when None), oldest first.

    A project's row and plan change in place, always with a new history line (counter.actions.projects.project_steps),
    so the
    project, history, coordination and paper tables say what changed.
    """
    m = defaultdict(int, marks or {})
    parts = [
        select(PROJECT.c.id.label("project_id")).where(PROJECT.c.id > m["project"]),
        select(PROJECT_LINE.c.project_id).where(PROJECT_LINE.c.id > m["project_history"]),
        select(PROJECT_COORD.c.project_id).where(PROJECT_COORD.c.id > m["project_coordination"]),
        select(PROJECT_PAPER.c.project_id).where(PROJECT_PAPER.c.id > m["project_paper"]),
    ]
    if marks is None:
        parts = parts[:1]
    ids = union(*parts).subquery()
    return sorted(int(i) for i in session.scalars(select(ids.c.project_id).distinct()))


def earliest_change(session: Session, marks: Mapping[str, int]) -> dt.datetime | None:
    """When the oldest change above ``marks`` was made: a case's history line, document, print or rating, or a
    project's history line."""
    m = defaultdict(int, marks)
    times = [
        select(func.min(HISTORY.c.at)).where(HISTORY.c.id > m["case_history"]),
        select(func.min(DOCUMENT.c.created_at)).where(DOCUMENT.c.id > m["document_record"]),
        select(func.min(PRINT.c.at)).where(PRINT.c.id > m["print_record"]),
        select(func.min(REQUEST.c.sent_at)).where(REQUEST.c.id > m["rating_request"]),
        select(func.min(RATING.c.rated_at)).where(RATING.c.id > m["rating"]),
        select(func.min(LAPSE.c.at)).where(LAPSE.c.id > m["rating_lapse"]),
        select(func.min(RECT_LINE.c.at)).where(RECT_LINE.c.id > m["rectification_history"]),
        select(func.min(APPEAL.c.at)).where(APPEAL.c.id > m["rating_appeal"]),
        select(func.min(PROJECT_LINE.c.at)).where(PROJECT_LINE.c.id > m["project_history"]),
    ]
    found = [utc(t) for t in (session.scalar(stmt) for stmt in times) if t is not None]
    return min(found) if found else None
