"""Each test gets its own copy of one database of real cases (see :mod:`casebook`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session, sessionmaker

from counter.db.engine import make_engine, make_sessions
from counter.db.sealing import finish_pending
from counter.ui.look.fonts import install_fonts
from tests.conftest import copy_database
from tests.ui import runners
from tests.ui.cases.casebook import DAY, REPO, Casebook

TEMPLATE = "cases.sqlite3"


@pytest.fixture
def book(casebook_template: tuple[Path, Casebook]) -> Casebook:
    return casebook_template[1]


@pytest.fixture
def db_path(tmp_path: Path, casebook_template: tuple[Path, Casebook]) -> Path:
    path = tmp_path / TEMPLATE
    copy_database(casebook_template[0], path)
    return path


@pytest.fixture
def case_sessions(db_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(f"sqlite:///{db_path}")
    finish_pending(engine)  # the copy's personal data sealed under this test's keys, as a start would (catalog_db)
    yield make_sessions(engine)
    engine.dispose()


class Clock:
    """The desk's date, set by the test: a deadline passes without waiting for it."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The desk's day: the pages' and the service's (:data:`tests.ui.runners.desk_day`)."""
    clock = Clock(DAY)
    monkeypatch.setattr(runners, "desk_day", clock)
    return clock


@pytest.fixture(scope="session")
def app_font(qapp: QApplication) -> str | None:
    return install_fonts(qapp, REPO / "counter" / "resources" / "fonts")
