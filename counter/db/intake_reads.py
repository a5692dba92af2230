"""What an intake reads before it writes, asked in one statement.

Before it numbers anything an intake asks whether accounts exist (the role check of a desk nobody signed in at),
the few settings it is decided under (mostly unset), and whether its uid is already a case (a commit retried after
its answer was lost).  Each was a statement of its own, and on a hall's server each statement is a round trip to
it: three waits where one does.  The answers are the same as the separate reads', made in the same transaction;
the settings found missing are remembered as missing for the rest of it (:mod:`counter.db.settings_store`), as
:func:`counter.db.settings_store.read_settings` remembers them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, exists, select
from sqlalchemy.orm import Session

from counter.db import models
from counter.db.settings_store import known_missing


@dataclass(frozen=True, slots=True)
class IntakeReads:
    accounts: bool  # whether any account exists
    taken: str | None  # the case number already under the intake's uid, if any


def intake_reads(session: Session, keys: tuple[str, ...], uid: str) -> IntakeReads:
    """Whether accounts exist, the case of ``uid`` (none for ``""``), and the settings ``keys`` (those missing
    remembered so): one round trip."""
    row = session.execute(_statement(keys), {"uid": uid}).one()
    known_missing(session, [key for key, value in zip(keys, row[2:], strict=True) if value is None])
    return IntakeReads(bool(row[0]), row[1] if uid else None)


@functools.cache
def _statement(keys: tuple[str, ...]) -> Any:
    """Built once per set of keys: whether accounts exist, the uid's case number, then each key's value (NULL:
    missing; a setting's value is never NULL)."""
    setting = cast(Table, models.Setting.__table__)
    case = cast(Table, models.Case.__table__)
    account = cast(Table, models.Account.__table__)
    return select(
        exists(select(account.c.login)),
        select(case.c.case_no).where(case.c.uid == bindparam("uid")).scalar_subquery(),
        *(select(setting.c.value).where(setting.c.key == key).scalar_subquery() for key in keys),
    )
