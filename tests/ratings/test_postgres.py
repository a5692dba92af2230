"""The same rating path on PostgreSQL, the hall's database: queries, triggers, one transaction.

The run's throwaway cluster (``tests/pg_server.py``) gives this module one
database with the shipped catalog, shared by its tests in order: the rows the
first tests write are what the triggers are then asked to guard.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Executable, delete, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.follow_up import decide_appeal, move_rectification, open_rectifications
from counter.actions.ratings.record import (
    rating_figures,
    ratings_for_export,
    record_rating,
    record_unrated,
    send_to_pad,
)
from counter.actions.site.demo import run_demo
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.account_store import insert_account
from counter.db.engine import make_engine, make_sessions
from counter.ratings.choice import RatingChoice
from counter.ratings.figures import Grouping
from counter.ratings.levels import Level
from counter.ratings.rectification import AppealGround, RectEvent, RectState
from tests.pg_server import CATALOG, PgDatabases
from tests.ratings.conftest import DESK, TODAY, Clock


@pytest.fixture(scope="module")
def pg_sessions(pg_databases: PgDatabases) -> Iterator[sessionmaker[Session]]:
    """One database for the module, copied from the run's template with the shipped catalog."""
    name = pg_databases.create(CATALOG)
    engine = make_engine(pg_databases.cluster.url(name))
    try:
        yield make_sessions(engine)
    finally:
        engine.dispose()
        pg_databases.drop(name)


@contextmanager
def a_supervisor(sessions: sessionmaker[Session]) -> Iterator[Desk]:
    """Desk 8 with 宝音 signed in, a supervisor who is not the clerk rated, for one appeal decision; her account
    is removed after it, so the module's other steps go on at a desk without accounts."""
    with sessions.begin() as session:
        insert_account(session, "baoyin", "宝音", "", frozenset({Role.SUPERVISOR}), "x", dt.datetime.now(dt.UTC))
    try:
        yield dataclasses.replace(DESK, actor=Actor("baoyin", "宝音", frozenset({Role.SUPERVISOR})))
    finally:
        with sessions.begin() as session:
            session.execute(delete(models.Account).where(models.Account.login == "baoyin"))


@pytest.fixture(scope="module")
def made(pg_sessions: sessionmaker[Session]) -> dict[str, str]:
    return {c.label: c.case_no for c in run_demo(pg_sessions, Desk(DeskIdentity("XAM01", "8"), "乌兰"), TODAY)}


def test_rate_revisit_appeal_figures_and_export_on_postgresql(
    pg_sessions: sessionmaker[Session], made: dict[str, str]
) -> None:
    clock = Clock(dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    bad = RatingChoice(Level.DISSATISFIED, ("等待时间长",))
    ids = {}
    for label, choice in (("受理", RatingChoice(Level.VERY_SATISFIED)), ("撤回申请", bad)):
        with pg_sessions.begin() as session:
            pad = send_to_pad(session, made[label], DESK, clock())
            ids[label] = record_rating(session, pad.request_id, choice, DESK, clock(), office_calendar(session))
    alert = ids["撤回申请"].alert
    assert alert is not None
    assert alert.due_on == dt.date(2026, 11, 27)
    with a_supervisor(pg_sessions) as baoyin, pg_sessions.begin() as session:
        revisited = move_rectification(
            session, alert.rectification_id, RectEvent.REVISITED, "宝音", "已电话回访", clock(), desk=baoyin
        )
        assert revisited is RectState.VERIFYING
    with pg_sessions() as session:
        (row,) = open_rectifications(session)
        assert (row.state, row.level) == (RectState.VERIFYING, Level.DISSATISFIED)
        lines, total = rating_figures(session, TODAY, TODAY, Grouping.CLERK)
        assert (total.good, total.bad) == (1, 1)
        assert [line.label for line in lines] == ["乌兰"]
    with a_supervisor(pg_sessions) as baoyin, pg_sessions.begin() as session:
        decide_appeal(session, ids["撤回申请"].rating_id, "宝音", AppealGround.MISTAKEN, "申请人到窗口说明误按",
                      True, clock(), desk=baoyin)  # fmt: skip
    with pg_sessions() as session:
        assert open_rectifications(session) == []
        records = ratings_for_export(session, TODAY, TODAY)
    assert [(r.level, r.excluded) for r in records] == [(Level.VERY_SATISFIED, False), (Level.DISSATISFIED, True)]
    assert records[0].rated_at == clock()


@pytest.fixture(scope="module")
def rows_of_every_table(pg_sessions: sessionmaker[Session], made: dict[str, str]) -> None:
    """A rating with its rectification, history and appeal, and a lapse: something for every trigger to guard."""
    clock = Clock(dt.datetime(2026, 11, 20, 11, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    with pg_sessions.begin() as session:
        pad = send_to_pad(session, made["补正（委托代理人办理）"], DESK, clock())
        choice = RatingChoice(Level.VERY_DISSATISFIED, ("其他",))
        rating = record_rating(session, pad.request_id, choice, DESK, clock(), office_calendar(session))
    with a_supervisor(pg_sessions) as baoyin, pg_sessions.begin() as session:
        decide_appeal(session, rating.rating_id, "宝音", AppealGround.MALICIOUS, "经核实与窗口服务无关", False, clock(),
                      desk=baoyin)  # fmt: skip
    with pg_sessions.begin() as session:
        pad = send_to_pad(session, made["容缺受理"], DESK, clock())
        record_unrated(session, pad.request_id, DESK, clock())


@pytest.mark.usefixtures("rows_of_every_table")
@pytest.mark.parametrize(
    "statement",
    [
        update(models.Rating).values(level="very_satisfied"),
        delete(models.Rating),
        update(models.RectificationHistory).values(note=""),
        delete(models.RatingAppeal),
        delete(models.RatingLapse),
        update(models.RatingRequest).values(round=1),
        delete(models.Rectification),
        text("TRUNCATE rating_lapse"),
    ],
    ids=[
        "update",
        "delete",
        "update history",
        "delete appeal",
        "delete lapse",
        "update request",
        "delete rectification",
        "truncate",
    ],
)
def test_postgresql_refuses_changes_to_rating_tables(pg_sessions: sessionmaker[Session], statement: Executable) -> None:
    with pytest.raises(DBAPIError, match="never changed or removed"), pg_sessions.begin() as session:
        session.execute(statement)
