"""A real SQLite database with the shipped catalog and the demo's cases of every outcome.

Built once per run; each test works on its own copy, so a rating given in one
test is never seen by another.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.catalog import import_source
from counter.actions.demo import DemoCase, run_demo
from counter.actions.intake import Desk
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.desk_config import DeskConfig
from tests.conftest import SHIPPED_CATALOG

TODAY = dt.date(2026, 11, 20)  # a Friday; seven days later is a working Friday
CHINA = dt.timezone(dt.timedelta(hours=8))
DESK = DeskConfig(
    site_code="XAM01",
    site_name="兴安盟政务服务中心",
    desk_no="8",
    clerk="乌兰",
    staff_no="XA0815",
    area_code="152201000000",
)


class Clock:
    """The office's time, moved by the test: a deadline passes without waiting for it."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[DemoCase]]:
    path = tmp_path_factory.mktemp("ratings") / "demo.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    sessions = make_sessions(engine)
    outcome = import_source(sessions, SHIPPED_CATALOG)
    assert outcome.report is not None, outcome.problems
    made = run_demo(sessions, Desk(DeskIdentity(DESK.site_code, DESK.desk_no), DESK.clerk), TODAY)
    engine.dispose()
    return path, made


@pytest.fixture
def demo_cases(demo_template: tuple[Path, list[DemoCase]]) -> dict[str, str]:
    """The demo's case numbers by what they show (受理, 容缺受理, 补正…, 不予受理, …)."""
    return {case.label: case.case_no for case in demo_template[1]}


@pytest.fixture
def db_path(tmp_path: Path, demo_template: tuple[Path, list[DemoCase]]) -> Path:
    path = tmp_path / "ratings.sqlite3"
    shutil.copyfile(demo_template[0], path)
    return path


@pytest.fixture
def sessions(db_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(f"sqlite:///{db_path}")
    yield make_sessions(engine)
    engine.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 11, 20, 10, 30, tzinfo=CHINA))
