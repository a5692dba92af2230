"""A desk with real cases (:mod:`tests.ui.cases.casebook`) and its main window, for the tests of every window."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counter.actions.store import Store
from counter.ui.main_window import MainWindow
from tests.catalog_db import made_once
from tests.conftest import copy_database
from tests.ui.cases.casebook import Casebook, build
from tests.ui.fit.desk import desk_window


@pytest.fixture(scope="session")
def book_template(tmp_path_factory: pytest.TempPathFactory, shipped_catalog_db: Path) -> tuple[Path, Casebook]:
    """The casebook made once for the run: the case windows' tests (tests/ui/cases) copy the same file."""
    return made_once(tmp_path_factory, "casebook", functools.partial(build, catalog=shipped_catalog_db))


@pytest.fixture
def store(tmp_path: Path, book_template: tuple[Path, Casebook]) -> Iterator[Store]:
    path = tmp_path / "cases.sqlite3"
    copy_database(book_template[0], path)
    opened = Store(f"sqlite:///{path}", create=True)
    yield opened
    opened.dispose()


@pytest.fixture
def desk(qtbot: QtBot, store: Store) -> Iterator[MainWindow]:
    window = desk_window(store)
    qtbot.addWidget(window)
    yield window
    window.close()
