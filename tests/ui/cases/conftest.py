"""Each test gets its own copy of one database of real cases (see :mod:`casebook`)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session, sessionmaker

from counter.db.engine import make_engine, make_sessions
from counter.ui.fonts import install_fonts
from tests.catalog_db import made_once
from tests.conftest import copy_database
from tests.ui.cases.casebook import DAY, REPO, Casebook, build

TEMPLATE = "cases.sqlite3"


@pytest.fixture(scope="session")
def casebook_template(tmp_path_factory: pytest.TempPathFactory, shipped_catalog_db: Path) -> tuple[Path, Casebook]:
    """The casebook made once for the run from the run's catalog file (the fit tests' ``book_template`` is the same)."""
    return made_once(tmp_path_factory, "casebook", functools.partial(build, catalog=shipped_catalog_db))


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
    yield make_sessions(engine)
    engine.dispose()


class Clock:
    """The desk's date, set by the test: a deadline passes without waiting for it."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def today() -> Clock:
    return Clock(DAY)


@pytest.fixture(scope="session")
def app_font(qapp: QApplication) -> str | None:
    return install_fonts(qapp, REPO / "counter" / "resources" / "fonts")
