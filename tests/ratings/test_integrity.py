"""No one can change or remove a rating through the app, and the clerk never learns the level."""

from __future__ import annotations

import inspect

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

import counter.actions.ratings.follow_up as follow_up_actions
import counter.actions.ratings.record as rating_actions
from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.record import record_rating, send_to_pad
from counter.db import models, rating_store
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.ratings.status import DeskStatus
from tests.ratings.conftest import DESK, Clock, desk_status

CHANGING_WORDS = ("update", "delete", "remove", "edit", "change", "modify", "replace", "drop", "erase", "set_")
INSERT_ONLY = (
    models.RatingRequest,
    models.Rating,
    models.RatingLapse,
    models.Rectification,
    models.RectificationHistory,
    models.RatingAppeal,
)


def public_functions(module: object) -> list[str]:
    return [
        name
        for name, value in inspect.getmembers(module, inspect.isfunction)
        if value.__module__ == getattr(module, "__name__", "") and not name.startswith("_")
    ]


@pytest.mark.parametrize(
    ("module", "known"),
    [(rating_actions, "record_rating"), (follow_up_actions, "decide_appeal"), (rating_store, "add_rating")],
)
def test_no_action_or_query_changes_or_removes_a_rating(module: object, known: str) -> None:
    names = public_functions(module)
    assert known in names
    assert [n for n in names if any(word in n for word in CHANGING_WORDS)] == []


def test_the_store_only_ever_inserts() -> None:
    source = inspect.getsource(rating_store)
    for statement in ("update(", "delete(", ".merge(", "session.add(", "on_conflict"):
        assert statement not in source
    assert "insert(models.Rating)" in source


def rated(sessions: sessionmaker[Session], case_no: str, clock: Clock) -> int:
    with sessions.begin() as session:
        pad = send_to_pad(session, case_no, DESK, clock())
        return record_rating(
            session, pad.request_id, RatingChoice(Level.DISSATISFIED, ("其他",)), DESK, clock(),
            office_calendar(session),
        ).rating_id  # fmt: skip


def test_the_database_refuses_an_update_or_delete_of_a_rating(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    rating_id = rated(sessions, demo_cases["受理"], clock)
    for statement in (
        update(models.Rating).where(models.Rating.id == rating_id).values(level=Level.VERY_SATISFIED.value),
        delete(models.Rating),
        delete(models.RectificationHistory),
        update(models.RatingRequest).values(round=2),
    ):
        with pytest.raises(DBAPIError, match="never changed or removed"), sessions.begin() as session:
            session.execute(statement)
    with sessions() as session:
        assert session.get_one(models.Rating, rating_id).level == "dissatisfied"


@pytest.mark.parametrize("table", INSERT_ONLY, ids=lambda t: t.__tablename__)
def test_every_rating_table_has_its_triggers(sessions: sessionmaker[Session], table: type[models.Base]) -> None:
    from sqlalchemy import text

    with sessions() as session:
        names = set(
            session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"),
                            {"t": table.__tablename__})
        )  # fmt: skip
    assert names == {f"trg_{table.__tablename__}_no_update", f"trg_{table.__tablename__}_no_delete"}


def test_the_orm_refuses_to_change_or_remove_a_rating(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    rating_id = rated(sessions, demo_cases["受理"], clock)
    with pytest.raises(models.RowIsFinal), sessions.begin() as session:
        session.get_one(models.Rating, rating_id).level = Level.VERY_SATISFIED.value
    with pytest.raises(models.RowIsFinal), sessions.begin() as session:
        session.delete(session.get_one(models.Rating, rating_id))
    with sessions() as session:
        assert session.get_one(models.Rating, rating_id).level == "dissatisfied"


def test_the_desk_side_status_carries_no_level(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    rated(sessions, demo_cases["受理"], clock)
    with sessions() as session:
        answer = desk_status(session, demo_cases["受理"])
    assert answer is DeskStatus.RATED
    assert {s.value for s in DeskStatus} == {"pending", "rated", "unrated"}
