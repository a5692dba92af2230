"""A training database numbers its cases and notices from 9001, on either database, in the one statement."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from counter.case.numbers import TRAINING_FIRST
from counter.db.case_store import next_sequence
from counter.db.engine import make_sessions
from counter.db.migrate import upgrade
from counter.db.settings_store import is_training, mark_training

DAY = dt.date(2026, 12, 30)


def test_the_day_starts_at_one_and_in_training_at_9001(either_engine: Engine) -> None:
    upgrade(either_engine)
    sessions = make_sessions(either_engine)
    with sessions.begin() as session:
        assert not is_training(session)
        assert [next_sequence(session, "XAM01", "8", DAY, "case") for _ in range(2)] == [1, 2]
    with sessions.begin() as session:
        mark_training(session)
        mark_training(session)  # marking twice is marking once
    with sessions.begin() as session:
        assert is_training(session)
        assert next_sequence(session, "XAM01", "8", DAY, "case") == 3  # a day begun goes on where it was
        assert [next_sequence(session, "XAM01", "8", DAY, kind) for kind in ("doc", "doc")] == [9001, 9002]
        assert next_sequence(session, "XAM01", "9", DAY, "case") == TRAINING_FIRST
