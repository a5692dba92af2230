"""Why a township's records wait at the hall: the hall's review list as the township is told it, and its copy there.

A record the hall holds (refused as not the township's to send, or waiting for a guide version the hall lacks) sits
on the hall's review list, and the township that sent it would otherwise never learn why: its clerk sees the case as
sent, and the hall's staff would have to phone.  So every update the hall writes for a township carries the
township's entries of that list (:func:`held_record`): which record, its number, the reason's code and the detail
(a field's path and what is wrong with it, never a personal value: counter.sync.sender_checks).  The township keeps
the newest list per hall (:func:`keep_held`), replacing the one before, so an entry the hall resolved leaves it too.

Only a township the hall has ever held a record of is sent the list: the package that carries it is of format 4
(:data:`counter.sync.package.HELD_FORMAT`), which a township's older program refuses as too new; every other
township's updates stay as every program reads them.  Once sent, the list goes with every update, empty when
everything went in, so the township's copy empties too.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from counter.db import models
from counter.db.settings_store import get_setting, put_setting
from counter.db.sync.store import open_reviews
from counter.sync.record_json import record_from_dict, to_dict
from counter.sync.record_limits import LINES_MAX, TEXT_MAX
from counter.sync.records import HeldEntry, HeldRecord

HELD_PREFIX = "sync.held_by."  # the township's copy of a hall's list, under the hall's code
_NUMBERS = {"case": "case_no", "project": "project_no"}  # the field of a held record's payload its clerk knows it by


def held_record(session: Session, township: str) -> HeldRecord | None:
    """The township's records on this hall's review list, for its next update; None if none was ever held."""
    r = models.SyncReview
    if not session.scalar(select(exists().where(r.from_site == township))):
        return None
    entries = [
        HeldEntry(row.record_type[:16], _number(row.record_type, row.record_key, row.payload), row.reason[:40],
                  row.detail[:TEXT_MAX], row.created_at)
        for row in open_reviews(session, township)[:LINES_MAX]
    ]  # fmt: skip
    return HeldRecord(tuple(entries))


def _number(record_type: str, key: str, payload: str) -> str:
    """The held record's number (a case's, a project's), or its key where it has none."""
    field = _NUMBERS.get(record_type)
    found: Any = None
    if field is not None:
        try:
            found = json.loads(payload).get(field)
        except (ValueError, AttributeError):
            found = None
    return (found if isinstance(found, str) and found else key)[:50]


def keep_held(session: Session, hall: str, record: HeldRecord) -> bool:
    """Keep ``hall``'s list of this township's held records in place of the one before; whether it changed."""
    key = f"{HELD_PREFIX}{hall}"
    value = json.dumps(to_dict(record), ensure_ascii=False, sort_keys=True)
    if get_setting(session, key) == value:
        return False
    put_setting(session, key, value)
    return True


def told_held(session: Session) -> list[tuple[str, HeldEntry]]:
    """Every hall's list of this township's held records as last told: (the hall, the entry), oldest first."""
    s = models.Setting
    found: list[tuple[str, HeldEntry]] = []
    for row in session.scalars(select(s).where(s.key.startswith(HELD_PREFIX)).order_by(s.key)):
        record = record_from_dict(json.loads(row.value))
        if isinstance(record, HeldRecord):
            found += [(row.key.removeprefix(HELD_PREFIX), e) for e in record.entries]
    return sorted(found, key=lambda pair: pair[1].held_at)
