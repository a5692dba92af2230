"""An SQLite desk database with the shipped catalog and the demo's cases in it."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter.access.desk import Desk
from counter.actions.site.demo import run_demo
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.engine import make_engine, make_sessions

TODAY = dt.date(2026, 11, 20)


@dataclass(frozen=True, slots=True)
class DeskDb:
    path: Path
    url: str
    case_nos: list[str]


def case_numbers(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with make_sessions(engine)() as session:
            return sorted(session.scalars(select(models.Case.case_no)))
    finally:
        engine.dispose()


def count_cases(url: str) -> int:
    engine = make_engine(url)
    try:
        with make_sessions(engine)() as session:
            return int(session.scalar(select(func.count()).select_from(models.Case)) or 0)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def catalog_db(shipped_catalog_db: Path) -> Path:
    """The shipped catalog imported once for the run; each test copies the file."""
    return shipped_catalog_db


@pytest.fixture
def desk_db(catalog_db: Path, tmp_path: Path) -> DeskDb:
    """A copy of the catalog database with the demo's sample intakes taken."""
    path = tmp_path / "desk" / "counter.sqlite3"
    path.parent.mkdir()
    shutil.copy(catalog_db, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    made = run_demo(make_sessions(engine), Desk(DeskIdentity("XAM01", "8"), "乌兰"), TODAY)
    engine.dispose()
    assert made
    return DeskDb(path, url, sorted({c.case_no for c in made}))
