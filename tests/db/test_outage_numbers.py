"""A hall desk's outage store numbers from 8001, on either database, in the one statement: the hall's own series
for that desk and day runs from 1, so the numbers the desk prints without its server are never the hall's."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from counter.case.numbers import OUTAGE_FIRST, TRAINING_FIRST, DeskIdentity, DocKind, case_no, doc_no
from counter.db.case_store import next_sequence
from counter.db.engine import make_sessions
from counter.db.migrate import upgrade
from counter.db.settings_store import OUTAGE, put_setting

DAY = dt.date(2026, 12, 30)
DESK = DeskIdentity("XAM01", "8")


def test_an_outage_store_numbers_past_the_halls_own_series(either_engine: Engine) -> None:
    upgrade(either_engine)
    sessions = make_sessions(either_engine)
    with sessions.begin() as session:
        put_setting(session, OUTAGE, "1")
    with sessions.begin() as session:
        outage = [next_sequence(session, DESK.site_code, DESK.desk_no, DAY, "case") for _ in range(3)]
        receipt = next_sequence(session, DESK.site_code, DESK.desk_no, DAY, "doc")
    assert outage == [OUTAGE_FIRST, OUTAGE_FIRST + 1, OUTAGE_FIRST + 2]
    assert receipt == OUTAGE_FIRST
    assert [case_no(DESK, DAY, n) for n in outage] == ["XAM01-20261230-08-8001", "XAM01-20261230-08-8002",
                                                        "XAM01-20261230-08-8003"]  # fmt: skip


def test_outage_numbers_stay_below_training_and_four_digits() -> None:
    """A fifth digit would make a document number ambiguous: desk 88's 80001 is desk 888's 0001."""
    assert OUTAGE_FIRST < TRAINING_FIRST
    widest = DeskIdentity("ABCDEFGHIJKL", "9999")
    assert len(doc_no(widest, DAY, DocKind.RECEIPT, TRAINING_FIRST - 1)) <= 30
    assert doc_no(DeskIdentity("XAM01", "88"), DAY, DocKind.RECEIPT, OUTAGE_FIRST) != doc_no(
        DeskIdentity("XAM01", "888"), DAY, DocKind.RECEIPT, 1
    )
