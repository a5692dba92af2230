"""What an intake reads before it writes, asked in one statement.

Before it numbers anything an intake asks whether accounts exist (the role check of a desk nobody signed in at),
the signed-in clerk's account as it is now (the role check of a desk someone signed in at), the few settings it is
decided under (mostly unset), the number and content hash of the guide version its checklist
was filled in on, whether its uid is already a case (a commit retried after its answer was lost), and, unless its
caller read them already, the office's own holiday days, which every date it decides counts with.  Each was a
statement of its own, and on a hall's server each statement
is a round trip to it: six waits where one does.  The answers are those of the separate reads, made in the same
transaction; the settings are remembered, found or missing, for the rest of it
(:func:`counter.db.settings_store.known_values`), as :func:`counter.db.settings_store.read_settings` remembers
them, and the guide is found by its hash as :func:`counter.db.catalog_store.guide_version` finds it
(:func:`counter.db.catalog_store.known_guide`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, exists, select
from sqlalchemy.orm import Session

from counter.calendar.workdays import HolidayTable
from counter.db import models
from counter.db.holiday_store import load_table
from counter.db.settings_store import known_values


@dataclass(frozen=True, slots=True)
class IntakeReads:
    accounts: bool  # whether any account exists
    account: tuple[str, bool] | None  # the signed-in clerk's account: its roles as stored, whether disabled
    taken: str | None  # the case number already under the intake's uid, if any
    version: tuple[int, str] | None  # the guide version's number and content hash (None: no such version)
    holidays: HolidayTable | None  # the office's own days, when asked for (:func:`counter.db.holiday_store.load_table`)


def intake_reads(
    work: Session,
    keys: tuple[str, ...],
    uid: str,
    version_id: int | None,
    login: str = "",
    *,
    holidays: bool = False,
) -> IntakeReads:
    """Whether accounts exist, the account of ``login`` (none for ``""``), the case of ``uid`` (none for ``""``), the
    guide version ``version_id``'s number and hash, the settings ``keys`` (remembered, found or missing) and, with
    ``holidays``, the office's own days (a second statement): one round trip, two with the days.  Read through the
    session, so that what the unit of work changed is flushed first and a day edited in it is read."""
    values = {"uid": uid, "version_id": version_id, "login": login}
    row = work.execute(_statement(keys), values).one()
    known_values(work, dict(zip(keys, row[_SETTINGS : _SETTINGS + len(keys)], strict=True)))
    version = (int(row[2]), str(row[3])) if row[2] is not None else None
    account = (str(row[4]), bool(row[5])) if login and row[4] is not None else None
    table = load_table(work) if holidays else None
    return IntakeReads(bool(row[0]), account, row[1] if uid else None, version, table)


_SETTINGS = 6  # the place of the first setting's value in the row of the reads


@functools.cache
def _statement(keys: tuple[str, ...]) -> Any:
    """Built once per set of keys: whether accounts exist, the uid's case number, the version's number and hash,
    the login's account's roles and whether it is disabled, then each key's value (NULL: missing; none of these
    columns holds a NULL)."""
    setting = cast(Table, models.Setting.__table__)
    case = cast(Table, models.Case.__table__)
    account = cast(Table, models.Account.__table__)
    guide = cast(Table, models.GuideVersion.__table__)
    version = guide.c.id == bindparam("version_id")
    login = account.c.login == bindparam("login")
    return select(
        exists(select(account.c.login)),
        select(case.c.case_no).where(case.c.uid == bindparam("uid")).scalar_subquery(),
        select(guide.c.version).where(version).scalar_subquery(),
        select(guide.c.content_hash).where(version).scalar_subquery(),
        select(account.c.roles).where(login).scalar_subquery(),
        select(account.c.disabled).where(login).scalar_subquery(),
        *(select(setting.c.value).where(setting.c.key == key).scalar_subquery() for key in keys),
    )
