"""The pairs of characters of each case's applicant name (``case_name_pair``), by which F7 finds any part of a name.

Every writer of a case's name writes its pairs in the same unit of work: the intake (:func:`counter.db.case_store.
add_case`) and a case synced from a township (:mod:`counter.db.sync.cases`).  A case's name is not changed after it
is taken (a wrong name is a new intake), so no other writer keeps them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import insert
from sqlalchemy.orm import Session

from counter.case.lookup import name_pairs
from counter.db import models

PAIR_COLUMNS = ("pair", "received_on", "case_id")


def pair_rows(case_id: int, name: str, received_on: dt.date) -> list[tuple[str, dt.date, int]]:
    """The rows of ``case_name_pair`` for one case, in the order of :data:`PAIR_COLUMNS`."""
    return [(pair, received_on, case_id) for pair in sorted(name_pairs(name))]


def add_name_pairs(session: Session, rows: Iterable[tuple[str, dt.date, int]]) -> None:
    """Insert the rows (:func:`pair_rows`) in one statement."""
    values = [dict(zip(PAIR_COLUMNS, row, strict=True)) for row in rows]
    if values:
        session.execute(insert(models.CaseNamePair), values)
