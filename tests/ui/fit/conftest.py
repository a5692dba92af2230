"""A desk with real cases (:mod:`tests.ui.cases.casebook`) and its main window, for the tests of every window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counter.actions.site.store import Store
from counter.ui.mainwindow.main_window import MainWindow
from tests.conftest import copy_database
from tests.ui.cases.casebook import Casebook
from tests.ui.fit.desk import desk_window


@pytest.fixture
def store(tmp_path: Path, casebook_template: tuple[Path, Casebook]) -> Iterator[Store]:
    path = tmp_path / "cases.sqlite3"
    copy_database(casebook_template[0], path)
    opened = Store(f"sqlite:///{path}", create=True)
    yield opened
    opened.dispose()


@pytest.fixture
def desk(qtbot: QtBot, store: Store) -> Iterator[MainWindow]:
    window = desk_window(store)
    qtbot.addWidget(window)
    yield window
    window.close()
