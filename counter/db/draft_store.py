"""The half-typed intake form of each desk, kept so that a desk that stops loses nothing."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, cast

from sqlalchemy import (
    Table,
    bindparam,
    delete,
    select,
)
from sqlalchemy.orm import Session

from counter.db import models
from counter.db.case_store import dialect_insert


def save_draft(session: Session, desk_key: str, content: str) -> None:
    """Keep the draft in one statement (insert, or replace on conflict): a read then an insert let two sessions both
    find no row and both insert, and the second failed on the key."""
    draft = models.Draft.__table__
    saved_at = models.utcnow()
    stmt = dialect_insert(session)(draft).values(desk_key=desk_key, content=content, saved_at=saved_at)
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["desk_key"], set_={"content": stmt.excluded.content, "saved_at": stmt.excluded.saved_at}
        )
    )


def load_draft(session: Session, desk_key: str) -> tuple[dt.datetime, str] | None:
    draft = models.Draft
    found = session.execute(select(draft.saved_at, draft.content).where(draft.desk_key == desk_key)).first()
    return None if found is None else (found[0], found[1])


def drop_draft(session: Session, desk_key: str) -> None:
    session.execute(_drop_draft_statement(), {"draft_key": desk_key})


@functools.cache
def _drop_draft_statement() -> Any:
    """Built once: every intake taken from the form ends its draft."""
    draft = cast(Table, models.Draft.__table__)
    return delete(draft).where(draft.c.desk_key == bindparam("draft_key"))
