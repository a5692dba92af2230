"""An SQLite desk database with the shipped catalog and the demo's cases in it."""

from __future__ import annotations

import datetime as dt
import functools
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
from tests.catalog_db import made_once
from tests.conftest import copy_database

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


def _with_demo(catalog_db: Path, path: Path) -> list[str]:
    """The catalog file copied to ``path`` with the demo's sample intakes taken: their case numbers."""
    shutil.copyfile(catalog_db, path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        made = run_demo(make_sessions(engine), Desk(DeskIdentity("XAM01", "8"), "乌兰"), TODAY)
    finally:
        engine.dispose()
    assert made
    return sorted({c.case_no for c in made})


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, catalog_db: Path) -> tuple[Path, list[str]]:
    """The demo's intakes taken once for the run (a tenth of a second a test otherwise): copy it, never write it."""
    return made_once(tmp_path_factory, "backup-demo", functools.partial(_with_demo, catalog_db))


@pytest.fixture
def desk_db(demo_db: tuple[Path, list[str]], tmp_path: Path) -> DeskDb:
    """A copy of the catalog database with the demo's sample intakes taken, noted at this machine as the desk
    that took them would have it."""
    path = tmp_path / "desk" / "counter.sqlite3"
    path.parent.mkdir()
    copy_database(demo_db[0], path)
    return DeskDb(path, f"sqlite:///{path}", list(demo_db[1]))
