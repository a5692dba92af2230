"""The unfinished intakes of each desk, one row per intake, kept so that a desk that stops loses none of them."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
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


def save_draft(session: Session, desk_key: str, uid: str, content: str) -> None:
    """Keep the intake ``uid``'s draft in one statement (insert, or replace on conflict): a read then an insert let two
    sessions both find no row and both insert, and the second failed on the key."""
    draft = models.Draft.__table__
    saved_at = models.utcnow()
    stmt = dialect_insert(session)(draft).values(desk_key=desk_key, uid=uid, content=content, saved_at=saved_at)
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["desk_key", "uid"],
            set_={"content": stmt.excluded.content, "saved_at": stmt.excluded.saved_at},
        )
    )


def load_drafts(session: Session, desk_key: str) -> list[tuple[str, dt.datetime, str]]:
    """The desk's kept drafts, newest first: each intake's uid, when it was saved, and its content."""
    draft = models.Draft
    found = session.execute(
        select(draft.uid, draft.saved_at, draft.content)
        .where(draft.desk_key == desk_key)
        .order_by(draft.saved_at.desc(), draft.id.desc())
    )
    return [(row[0], row[1], row[2]) for row in found]


def drop_draft(session: Session, desk_key: str, uid: str) -> None:
    """The intake ``uid``'s draft gone; the desk's others stay."""
    session.execute(_drop_draft_statement(), {"draft_key": desk_key, "draft_uid": uid})


def drop_drafts(session: Session, desk_key: str, uids: Iterable[str]) -> None:
    for uid in uids:
        drop_draft(session, desk_key, uid)


@functools.cache
def _drop_draft_statement() -> Any:
    """Built once: every intake taken from the form ends its draft."""
    draft = cast(Table, models.Draft.__table__)
    return delete(draft).where(draft.c.desk_key == bindparam("draft_key"), draft.c.uid == bindparam("draft_uid"))
