"""What an intake reads before it writes, asked in one statement.

Before it numbers anything an intake asks whether accounts exist (the role check of a desk nobody signed in at),
the few settings it is decided under (mostly unset), the number and content hash of the guide version its checklist
was filled in on, and whether its uid is already a case (a commit retried after its answer was lost).  Each was a
statement of its own, and on a hall's server each statement is a round trip to it: four waits where one does.  The
answers are those of the separate reads, made in the same transaction; the settings found missing are remembered as
missing for the rest of it (:func:`counter.db.settings_store.known_missing`), as
:func:`counter.db.settings_store.read_settings` remembers them, and the guide is found by its hash as
:func:`counter.db.catalog_store.guide_version` finds it (:func:`counter.db.catalog_store.known_guide`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, exists, select
from sqlalchemy.orm import Session

from counter.db import models, plain
from counter.db.settings_store import known_missing


@dataclass(frozen=True, slots=True)
class IntakeReads:
    accounts: bool  # whether any account exists
    taken: str | None  # the case number already under the intake's uid, if any
    version: tuple[int, str] | None  # the guide version's number and content hash (None: no such version)


def intake_reads(session: Session, keys: tuple[str, ...], uid: str, version_id: int | None) -> IntakeReads:
    """Whether accounts exist, the case of ``uid`` (none for ``""``), the guide version ``version_id``'s number and
    hash, and the settings ``keys`` (those missing remembered so): one round trip."""
    [row] = plain.run(session.connection(), _statement(keys), {"uid": uid, "version_id": version_id})
    known_missing(session, [key for key, value in zip(keys, row[4:], strict=True) if value is None])
    version = (int(row[2]), str(row[3])) if row[2] is not None else None
    return IntakeReads(bool(row[0]), row[1] if uid else None, version)


@functools.cache
def _statement(keys: tuple[str, ...]) -> Any:
    """Built once per set of keys: whether accounts exist, the uid's case number, the version's number and hash,
    then each key's value (NULL: missing; none of these columns holds a NULL)."""
    setting = cast(Table, models.Setting.__table__)
    case = cast(Table, models.Case.__table__)
    account = cast(Table, models.Account.__table__)
    guide = cast(Table, models.GuideVersion.__table__)
    version = guide.c.id == bindparam("version_id")
    return select(
        exists(select(account.c.login)),
        select(case.c.case_no).where(case.c.uid == bindparam("uid")).scalar_subquery(),
        select(guide.c.version).where(version).scalar_subquery(),
        select(guide.c.content_hash).where(version).scalar_subquery(),
        *(select(setting.c.value).where(setting.c.key == key).scalar_subquery() for key in keys),
    )
