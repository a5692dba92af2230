"""A real desk database with the sample cases of ``counter demo``, a real CUPS server, and the desk's printer.

The shipped catalog is imported and the demo intakes taken once per run into a
template database; each test works on its own copy.  Each test that prints
gets a queue of its own on the run's CUPS server (its jobs land in a folder),
made the desk's printer in the test's own desk.json.
"""

from __future__ import annotations

import dataclasses
import itertools
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.site.demo import run_demo
from counter.db.engine import make_engine, make_sessions
from counter.host.machine.desk_config import load_desk_config, save_desk_config
from counter.ui.look.fonts import install_fonts
from tests.catalog_db import made_once
from tests.conftest import REPO, copy_database
from tests.cups_server import Cups
from tests.ui import runners
from tests.ui.printing.helpers import DESK, TODAY

_QUEUE_NUMBERS = itertools.count(1)


@dataclass(frozen=True)
class Template:
    path: Path
    cases: dict[str, str]  # the demo's label → case number


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory, shipped_catalog_db: Path) -> Template:
    """The run's catalog file with the demo's cases taken at the printing desk, made once for the run."""

    def make(path: Path) -> dict[str, str]:
        shutil.copyfile(shipped_catalog_db, path)
        engine = make_engine(f"sqlite:///{path}")
        try:
            return {c.label: c.case_no for c in run_demo(make_sessions(engine), DESK, TODAY)}
        finally:
            engine.dispose()

    return Template(*made_once(tmp_path_factory, "printing-desk", make))


@pytest.fixture(autouse=True)
def demo_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """The service's day is the demo's, on which the cases were taken: on the real day a paper's limits would be
    judged by the calendar (a 补正 notice issued a week after its case is refused as too late)."""
    monkeypatch.setattr(runners, "desk_day", lambda: TODAY)


@pytest.fixture
def cases(template: Template) -> dict[str, str]:
    return template.cases


@pytest.fixture
def sessions(template: Template, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    path = tmp_path / "desk.sqlite3"
    copy_database(template.path, path)
    engine = make_engine(f"sqlite:///{path}")
    yield make_sessions(engine)
    engine.dispose()


@dataclass(frozen=True)
class Queue:
    name: str
    folder: Path  # where each job's bytes land


@pytest.fixture
def queue(cups: Cups, monkeypatch: pytest.MonkeyPatch) -> Queue:
    """A printer of this test's own, and the desk's remembered printer; ``lp`` reaches the test's CUPS."""
    monkeypatch.setenv("CUPS_SERVER", cups.env["CUPS_SERVER"])
    name = f"desk-printer-{next(_QUEUE_NUMBERS)}"
    folder = cups.add_queue(name)
    desk = dataclasses.replace(load_desk_config(), site_code=DESK.identity.site_code, desk_no=DESK.identity.desk_no)
    save_desk_config(dataclasses.replace(desk, printer=name))  # the rest as the test's desk has it (its clerk)
    return Queue(name, folder)


@pytest.fixture(scope="session")
def app_font(qapp: QApplication) -> str | None:
    return install_fonts(qapp, REPO / "counter" / "resources" / "fonts")
