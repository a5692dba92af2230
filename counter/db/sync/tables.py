"""The tables a sync package reads and writes, and how a package's worth of rows is looked up at once.

A township's package may hold ten thousand cases, and the hall takes it in
while its desks keep working: so every query of :mod:`counter.db.sync.cases`,
:mod:`counter.db.sync.case_parts`, :mod:`counter.db.sync.case_records` and
:mod:`counter.db.sync.marks` reads or writes a whole package (in chunks that
fit any database's parameter limit), never one case at a time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any, cast

import orjson
from sqlalchemy import JSON, String, Table, Text, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import REGCLASS
from sqlalchemy.orm import Session

from counter.case.moments import stored_utc
from counter.case.view import CaseMaterialLine
from counter.db import models
from counter.db.bulk_rows import chunks

CHUNK = 900  # ids per IN (...): within SQLite's and PostgreSQL's limits with room to spare


def _table(model: type[models.Base]) -> Table:
    return cast(Table, model.__table__)


CASE, MATERIAL, HISTORY = _table(models.Case), _table(models.CaseMaterial), _table(models.CaseHistory)
DOCUMENT, PRINT = _table(models.DocumentRecord), _table(models.PrintRecord)
REQUEST, RATING, LAPSE = _table(models.RatingRequest), _table(models.Rating), _table(models.RatingLapse)
RECT, RECT_LINE, APPEAL = _table(models.Rectification), _table(models.RectificationHistory), _table(models.RatingAppeal)
GUIDE, NAME_PAIR = _table(models.GuideVersion), _table(models.CaseNamePair)
PROJECT, PROJECT_STEP = _table(models.Project), _table(models.ProjectStep)
PROJECT_LINE, PROJECT_COORD = _table(models.ProjectHistory), _table(models.ProjectCoordination)
PROJECT_PAPER = _table(models.ProjectPaper)
PAGE = _table(models.CaseMaterialPage)

#: the tables whose new rows make a case "changed since" a package
CASE_TRACKED: dict[str, Table] = {
    t.name: t for t in (CASE, HISTORY, DOCUMENT, PRINT, REQUEST, RATING, LAPSE, RECT, RECT_LINE, APPEAL, PAGE)
}
#: the tables whose new rows make a 帮您办 project "changed since" a package.  Its row and its plan are changed in
#: place, but never without a history line (counter.actions.projects.project_steps writes one with every move), so a
#: new line
#: is what says that either changed; the plan's rows, rewritten whole, are no mark of their own.
PROJECT_TRACKED: dict[str, Table] = {t.name: t for t in (PROJECT, PROJECT_LINE, PROJECT_COORD, PROJECT_PAPER)}
#: every tracked table: their highest ids are a package's marks
TRACKED: dict[str, Table] = CASE_TRACKED | PROJECT_TRACKED

#: the columns of a case that a record carries as they are
#: a checklist line's fields (:class:`~counter.case.view.CaseMaterialLine`), in the order of its columns
LINE_FIELDS = tuple(f.name for f in dataclasses.fields(CaseMaterialLine))
#: a checklist line's columns: the case's id, then the line's fields (its ``code`` is ``material_code``), as the
#: intake writes them too; a package's line has the same keys
MATERIAL_COLUMNS: tuple[str, ...] = ("case_id", *("material_code" if n == "code" else n for n in LINE_FIELDS))

CASE_FIELDS = (
    "uid", "case_no", "site_code", "desk_no", "clerk", "bundle_code", "status", "outcome", "answers",
    "applicant_kind", "applicant_name", "applicant_id_no", "applicant_phone", "applicant_address", "legal_rep",
    "agent_name", "agent_id_no", "agent_authorisation", "delivery", "delivery_address", "notify_phone",
    "received_on", "accepted_on", "promised_on", "correction_due", "notify_due", "refusal_ground", "turn_to",
    "denial_reason", "dates_beyond_data", "created_at", "subject",
)  # fmt: skip


def utc(value: dt.datetime) -> dt.datetime:
    """A stored time as UTC: SQLite hands times back without their zone."""
    return stored_utc(value)


def memberships(session: Session, column: Any, values: Sequence[Any]) -> Iterator[Any]:
    """``column`` among ``values``, as one condition or as several that together cover them.

    PostgreSQL takes all of them as one array (``= ANY(…)``): a thousand
    bound parameters cost more to compile and send than the query costs to run.
    Elsewhere the values go in chunks of ``IN`` lists within the parameter limit.
    """
    values = list(values)
    if session.get_bind().dialect.name == "postgresql":
        # sent as one JSON array: psycopg writes a list parameter value by value in Python (about 30 ms for
        # ten thousand uids), orjson writes it at once and the server unpacks it in a few
        element = Text() if isinstance(column.type, String) else column.type  # text: a cast to varchar(n) cuts
        unpacked = func.json_array_elements_text(bindparam(None, orjson.dumps(values).decode(), type_=Text).cast(JSON))
        yield column == any_(func.array(select(unpacked.cast(element)).scalar_subquery()))
        return
    for part in chunks(values, CHUNK):
        yield column.in_(part)


def select_in(
    session: Session, columns: Sequence[Any], column: Any, values: Sequence[Any], from_: Any = None
) -> list[Any]:
    """``columns`` of the rows whose ``column`` is among ``values``; ``from_`` joins the tables the columns span.

    No values, no rows: nothing is asked of the database (on PostgreSQL an empty array would still be a round trip,
    and a package of new cases asks a dozen such questions of the cases it has none of here).
    """
    rows: list[Any] = []
    if not values:
        return rows
    for among in memberships(session, column, values):
        stmt = select(*columns).where(among)
        rows.extend(session.execute(stmt if from_ is None else stmt.select_from(from_)))
    return rows


def case_ids_by_uid(session: Session, uids: Sequence[str]) -> dict[str, int]:
    return {row.uid: row.id for row in select_in(session, (CASE.c.uid, CASE.c.id), CASE.c.uid, uids)}


def new_row_ids(session: Session, table: Table, count: int) -> list[int]:
    """Row ids for ``count`` new rows of ``table``, taken before the rows are written.

    The rows then go in with their ids by the bulk writer (``COPY``, multi-row ``INSERT``), and the rows that
    point at them (a case's checklist lines, a rating's rectification) right behind them, without asking the
    database which ids it gave (``RETURNING`` takes SQLAlchemy's row-by-row path).  PostgreSQL hands them out from
    the table's sequence, so desks adding rows meanwhile get others; SQLite has one writer at a time, so the ids
    follow the highest there is (a write begun elsewhere meanwhile makes this transaction's write fail, never share
    an id).
    """
    if count == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # the sequence looked up once (a subquery), not once per id: a third of the time for ten thousand
        name = f'"{table.name}"'
        sequence = select(func.pg_get_serial_sequence(name, "id")).scalar_subquery().cast(REGCLASS)
        return list(session.scalars(select(func.nextval(sequence)).select_from(func.generate_series(1, count))))
    before = int(session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0)
    return list(range(before + 1, before + 1 + count))
