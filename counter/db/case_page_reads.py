"""What the case page (F7, the scanner) reads of the database, in four plain statements.

The page showed the case (:func:`counter.db.case_store.case_view`: its head, checklist and history), then asked its
guide version's number and hash, its site's office settings and its notices, each by a statement of its own through
the session's ORM handling: six round trips to a hall's server, and more Python around them than the database took
to answer.  Here the guide version's hash and the office settings come with the case's head (a version's number was
already joined there, the settings are one key's row), and the notices are asked by the case's id just read; all on
the session's connection, as plain statements built once.  The answers are those of the separate reads, made in the
same transaction.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Select, Table, literal, select
from sqlalchemy.orm import Session

from counter.case.view import CaseView
from counter.db import models
from counter.db.case_store import view_of, view_statements
from counter.db.document_store import DocumentLine, document_lines, lines_of_case_id
from counter.db.settings_store import OFFICE_PREFIX, known_missing, office_key


@dataclass(frozen=True, slots=True)
class CasePageReads:
    """The case, and what its page reads beside it."""

    view: CaseView
    guide_hash: str  # the content hash of the case's guide version: its guide is parsed once per content
    office: str | None  # the site's office settings as stored (None: never set)
    documents: tuple[DocumentLine, ...]  # the case's notices with their prints, as documents_of_case_no reads them


def case_page_reads(session: Session, case_no: str) -> CasePageReads | None:
    """The case ``case_no`` (None: no such case) and what its page reads beside it, in four statements.

    What the unit of work changed is flushed first, as the session's own execute would have (nothing to do in a
    unit of work that only reads).  Office settings found missing are remembered so for the rest of the
    transaction, as :func:`counter.db.settings_store.get_setting` remembers them.
    """
    _head, materials_stmt, history_stmt = view_statements()
    session.flush()
    connection = session.connection()
    c = connection.execute(_page_head(), {"case_no": case_no.strip().upper()}).first()
    if c is None:
        return None
    key = {"case_id": c.id}
    view = view_of(c, connection.execute(materials_stmt, key), connection.execute(history_stmt, key))
    documents = tuple(document_lines(connection.execute(lines_of_case_id(), key)))
    if c.office is None:
        known_missing(session, [office_key(view.site_code)])
    return CasePageReads(view, c.guide_hash, c.office, documents)


@functools.cache
def _page_head() -> Select[Any]:
    """The case view's head with the guide version's hash (of the version already joined) and the site's office
    settings (by the setting's key), built once."""
    head = view_statements()[0]
    case = cast(Table, models.Case.__table__)
    setting = cast(Table, models.Setting.__table__)
    office = select(setting.c.value).where(setting.c.key == literal(OFFICE_PREFIX) + case.c.site_code)
    return head.add_columns(
        models.GuideVersion.content_hash.label("guide_hash"), office.scalar_subquery().label("office")
    )
