"""What the case page (F7, the scanner) reads of the database, in two statements.

The page showed the case (:func:`counter.db.case_store.case_view`: its head, checklist and history), then asked its
guide version's number and hash, its site's office settings, its notices and its items still with their departments,
each by a statement of its own through the session's ORM handling: seven round trips to a hall's server, and more
Python around them than the database took to answer.  Here the guide version's number and hash and the office
settings come with the case's head, each a row found by its key (:func:`_page_head`), and the checklist, the history,
the notices with their prints, the open items and the camera's pages by one statement of the case's id just read
(:func:`_lines`); both built once.  The answers are those of the separate reads, made in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Integer,
    Select,
    Table,
    bindparam,
    literal,
    literal_column,
    null,
    select,
    union_all,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from counter.case.pages import MaterialPage
from counter.case.view import CaseView
from counter.db import models
from counter.db.case_store import HEAD_COLUMNS, ticket_columns, view_of
from counter.db.document_store import document_lines, line_columns
from counter.db.settings_store import AUTHORITY_PREFIX, OFFICE_PREFIX, known_missing, known_values, office_key
from counter.documents.document_line import DocumentLine


@dataclass(frozen=True, slots=True)
class CasePageReads:
    """The case, and what its page reads beside it."""

    view: CaseView
    guide_hash: str  # the content hash of the case's guide version: its guide is parsed once per content
    office: str | None  # the site's office settings as stored (None: never set)
    documents: tuple[DocumentLine, ...]  # the case's notices with their prints (counter.db.document_store.line_columns)
    item_dues: dict[str, dt.date | None]  # the items still with their departments, each its nearer date (paused: None)
    pages: tuple[MaterialPage, ...] = ()  # the document camera's pages of its materials, by material and page


def case_page_reads(session: Session, case_no: str) -> CasePageReads | None:
    """The case ``case_no`` (None: no such case) and what its page reads beside it, in two statements.

    Read through the session: what the unit of work changed is flushed first.  Office settings found
    missing are remembered so for the rest of the transaction, as :func:`counter.db.settings_store.get_setting`
    remembers them.
    """
    c = session.execute(_page_head(), {"case_no": case_no.strip().upper()}).first()
    if c is None:
        return None
    parts: tuple[list[Any], ...] = ([], [], [], [], [])
    for row in session.execute(_lines(), {"case_id": c.id}):
        part = row[0]
        parts[part].append(row[_SPANS[part]])
    materials, history, documents, items, pages = parts
    view = view_of(c, materials, history)
    if c.office is None:
        known_missing(session, [office_key(view.site_code)])
    # what the site holds of its items names the papers its page offers (counter.actions.cases.item_authority): read
    # here
    known_values(session, {AUTHORITY_PREFIX + view.site_code: c.authority})
    dues = {str(code): due for code, due in items}
    shown = tuple(sorted((MaterialPage(*p) for p in pages), key=lambda p: (p.material_code, p.page_no)))
    return CasePageReads(view, c.guide_hash, c.office, tuple(document_lines(documents)), dues, shown)


@functools.cache
def _page_head() -> Select[Any]:
    """The case's columns of the view (:func:`counter.db.case_store.view_of`), and what it names beside them each by
    a subquery of one row by its key: its bundle's name, its guide version's number and hash, the cases before and
    after it, the site's office settings and authority setting.  Built once.

    Subqueries, not joins: PostgreSQL plans the statement anew until the driver prepares it (at its sixth run on a
    connection, which a desk's first cases and every new connection pay), and the joins of four tables took it three
    times as long to plan as these; the lookups are the same (by the key of each, a case's bundle and version
    always there by their foreign keys).
    """
    case = cast(Table, models.Case.__table__)
    bundle = cast(Table, models.Bundle.__table__)
    guide = cast(Table, models.GuideVersion.__table__)
    setting = cast(Table, models.Setting.__table__)
    previous, later = case.alias("previous_case"), case.alias("later_case")
    version = guide.c.id == case.c.guide_version_id
    previous_no = select(previous.c.case_no).where(previous.c.id == case.c.previous_case_id)
    later_no = select(later.c.case_no).where(later.c.previous_case_id == case.c.id).limit(1)
    return select(
        *(case.c[name] for name in HEAD_COLUMNS),
        select(bundle.c.name).where(bundle.c.code == case.c.bundle_code).scalar_subquery().label("bundle_name"),
        select(guide.c.version).where(version).scalar_subquery().label("version"),
        previous_no.scalar_subquery().label("previous_no"),
        later_no.scalar_subquery().label("later_no"),
        select(guide.c.content_hash).where(version).scalar_subquery().label("guide_hash"),
        select(setting.c.value).where(setting.c.key == literal(OFFICE_PREFIX) + case.c.site_code).scalar_subquery()
        .label("office"),
        select(setting.c.value).where(setting.c.key == literal(AUTHORITY_PREFIX) + case.c.site_code)
        .scalar_subquery().label("authority"),
        *ticket_columns(case),
    ).where(case.c.case_no == bindparam("case_no"))  # fmt: skip


#: Where each part's columns are in a row of :func:`_lines`, after the part's number and the row's id: the checklist
#: line's, the history line's and the notice's, each in the order of the line it makes, the open item's code and
#: date, and the camera's page's, in the order of :class:`~counter.case.pages.MaterialPage`.
_MATERIAL, _HISTORY, _DOCUMENT, _ITEM = slice(2, 13), slice(13, 19), slice(19, 26), slice(26, 28)
_PAGE = slice(28, 36)
_SPANS = (_MATERIAL, _HISTORY, _DOCUMENT, _ITEM, _PAGE)


@functools.cache
def _lines() -> CompoundSelect[*tuple[Any, ...]]:
    """The case's checklist, history, notices with their prints, items still with their departments (their code
    and nearer date) and camera pages, in one statement, built once.

    Each part (0 to 4) fills its own span of columns (:data:`_SPANS`), the others' NULL cast to the column's type, so
    every column has one type in all parts and comes back as that type (a date as a date on SQLite too); rows come
    part by part, each in the order of its ids, as the separate statements gave them.  Each part is read by its own
    index on the case's id (the open items' by their key, which leads with it).
    """
    m = cast(Table, models.CaseMaterial.__table__).c
    h = cast(Table, models.CaseHistory.__table__).c
    materials = (m.material_code, m.name, m.necessity, m.receipt, m.originals, m.copies, m.medium, m.defect_note,
                 m.due_on, m.arrived_on, m.licence)  # fmt: skip
    history = (h.at, h.clerk, h.desk_no, h.event, h.status_after, h.note)
    d = cast(Table, models.DocumentRecord.__table__).c
    documents = line_columns()
    o = cast(Table, models.OpenItem.__table__).c
    items = (o.item_code, o.due_on)
    g = cast(Table, models.CaseMaterialPage.__table__).c
    pages = (g.material_code, g.page_no, g.image, g.width, g.height, g.captured_at, g.clerk, g.compared)
    spans = (materials, history, documents, items, pages)

    def part(number: int, key: ColumnElement[int], own: tuple[ColumnElement[Any], ...]) -> list[Any]:
        columns: list[Any] = [literal_column(str(number), Integer), key]
        for place, span in enumerate(spans):
            columns += own if place == number else [sql_cast(null(), column.type) for column in span]
        return columns

    case_id = bindparam("case_id", type_=Integer)
    parts = (
        select(*part(0, m.id, materials)).where(m.case_id == case_id),
        select(*part(1, h.id, history)).where(h.case_id == case_id),
        select(*part(2, d.id, documents)).where(d.case_id == case_id),
        select(*part(3, literal_column("0", Integer), items)).where(o.case_id == case_id),
        select(*part(4, g.id, pages)).where(g.case_id == case_id),
    )
    return union_all(*parts).order_by(literal_column("1"), literal_column("2"))
