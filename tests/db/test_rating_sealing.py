"""A rating's rater ID number sealed at rest, though a rating is insert-only (its trigger: the baseline migration).

A new rating is sealed as it is inserted, and sealed again under the new key by a rotation; each reads back.  The
trigger lets through only that UPDATE: any other column, a value opened or changed in clear, a value moved back to an
older key and every DELETE stay refused.  On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from counter.db import models, sealing
from counter.db.engine import make_engine, make_sessions
from counter.db.sealed import key_id_of, seal
from counter.host.keys.data_key import read_data_keys
from counter.host.machine.paths import site_key_path
from counter.parties.identifiers import make_id_number
from tests.conftest import made_database
from tests.db.test_personal_sealing import take_cases
from tests.pg_server import CATALOG, FreshDatabases

RATERS = [make_id_number("152201", dt.date(1970 + n, 2, 3 + n), 300 + n) for n in range(3)]
TODAY = dt.date(2026, 11, 20)


def _migration() -> object:
    import importlib

    return importlib.import_module("counter.db.migrations.versions.0001_baseline")


def _rate(sessions: sessionmaker[Session], case_numbers: list[str]) -> list[int]:
    """A rating of each case, its rater one of RATERS, written through the models as the pad's rating is."""
    ids = []
    with sessions.begin() as s:
        for case_no, rater in zip(case_numbers, RATERS, strict=False):
            case = s.scalars(select(models.Case).where(models.Case.case_no == case_no)).one()
            request = models.RatingRequest(case_id=case.id, round=1, site_code="XAM01", desk_no="8", clerk="乌兰")
            s.add(request)
            s.flush()
            rating = models.Rating(
                request_id=request.id, level="satisfied", channel="hall_tablet", rated_on=TODAY, round=1,
                case_no=case_no, item_code="XAM-YJS-008", item_name="开小餐馆", department="兴安盟政务服务中心",
                clerk="乌兰", staff_no="XA0815", desk_no="8", site_code="XAM01", region="152201",
                rater_name="那仁", rater_id_no=rater, rater_kind="person",
            )  # fmt: skip
            s.add(rating)
            s.flush()
            ids.append(rating.id)
    return ids


def _stored(engine: Engine) -> list[str]:
    with engine.connect() as c:
        return list(c.execute(text("SELECT rater_id_no FROM rating ORDER BY id")).scalars())


def _read(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as s:
        return [r.rater_id_no for r in s.scalars(select(models.Rating).order_by(models.Rating.id))]


def _refused(engine: Engine, statement: str, values: dict[str, object]) -> None:
    with pytest.raises(DBAPIError, match="never changed or removed"), engine.begin() as c:
        c.execute(text(statement), values)


def _only_the_sealing_passes(engine: Engine, rating_id: int) -> None:
    """Every change but the sealing's refused by the database itself."""
    stored = _stored(engine)[0]
    key = key_id_of(stored)
    assert key is not None
    keys = read_data_keys(site_key_path())
    older = keys.sm4.get(key - 1)
    one: dict[str, object] = {"id": rating_id}
    _refused(engine, "UPDATE rating SET level = 'very_dissatisfied' WHERE id = :id", one)
    _refused(engine, "UPDATE rating SET rater_id_no = :v WHERE id = :id", one | {"v": RATERS[0]})  # opened again
    _refused(  # sealed again, but another column with it
        engine, "UPDATE rating SET rater_id_no = :v, comment = 'x' WHERE id = :id", one | {"v": seal(RATERS[1])}
    )
    _refused(engine, "UPDATE rating SET rater_id_no = :v WHERE id = :id", one | {"v": seal(RATERS[1])})  # same key
    if older is not None:  # back to an older key
        from counter.host.keys.data_key import DataKeys

        _refused(
            engine,
            "UPDATE rating SET rater_id_no = :v WHERE id = :id",
            one | {"v": seal(RATERS[0], DataKeys({key - 1: older}, keys.index))},
        )
    _refused(engine, "DELETE FROM rating WHERE id = :id", one)
    assert _stored(engine)[0] == stored


def test_the_trigger_names_every_other_column_of_a_rating(tmp_path: Path) -> None:
    engine = make_engine(made_database(tmp_path / "desk.sqlite3", catalog=False))
    columns = {c["name"] for c in inspect(engine).get_columns("rating")}
    assert set(_migration().RATING_OTHER_COLUMNS) == columns - {"rater_id_no"}  # type: ignore[attr-defined]


def _sealed_as_written_and_rotated(sessions: sessionmaker[Session]) -> None:
    engine = sessions.kw["bind"]
    numbers = take_cases(sessions)
    ids = _rate(sessions, numbers)
    assert all(v.startswith("s4:1:") for v in _stored(engine))  # sealed as inserted
    assert _read(sessions) == RATERS

    key_id, done = sealing.start_rotation(engine)
    assert (key_id, done.unreadable) == (2, 0)
    assert {key_id_of(v) for v in _stored(engine)} == {2}
    assert _read(sessions) == RATERS
    _only_the_sealing_passes(engine, ids[0])


@pytest.mark.slow
def test_ratings_are_sealed_as_written_and_again_by_a_rotation(tmp_path: Path) -> None:
    engine = make_engine(made_database(tmp_path / "desk.sqlite3"))
    _sealed_as_written_and_rotated(make_sessions(engine))


@pytest.mark.pg
def test_on_postgresql_ratings_are_sealed_and_rotated(fresh_pg: FreshDatabases) -> None:
    _sealed_as_written_and_rotated(fresh_pg.sessions(CATALOG))
