"""A real desk database with the shipped catalog, and panels on it, for the intake panel tests.

The catalog is imported once per run into a template database; each test works
on its own copy, so a test that breaks its database (on purpose) breaks no other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.item_authority import set_item_held
from counter.actions.catalog.imports import sync_bundled
from counter.case.numbers import DeskIdentity
from counter.catalog.stored_guide import StoredGuide
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.ui.intake import IntakePanel
from tests.catalog_db import made_once
from tests.conftest import SHIPPED_CATALOG, copy_database
from tests.ui.runners import runner_on

BUNDLE = "XAM-YJS-008"  # 我要开小餐馆（50平方米以下）
TODAY = dt.date(2025, 3, 6)  # a Thursday
DESK = Desk(DeskIdentity("XAM01", "8"), "乌云")

MakePanel = Callable[..., IntakePanel]


def _synced(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
        synced = make_sessions(engine)
        sync_bundled(synced, SHIPPED_CATALOG)
        with synced() as session:
            assert current_guide(session, BUNDLE) is not None, f"{BUNDLE} missing from the shipped catalog"
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once for the run; the catalog as the desk's start brings it in (sync_bundled), not the imported file."""
    return made_once(tmp_path_factory, "intake-desk", _synced)[0]


@pytest.fixture
def sessions(template_db: Path, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    path = tmp_path / "desk.sqlite3"
    copy_database(template_db, path)
    engine = make_engine(f"sqlite:///{path}")
    yield make_sessions(engine)
    engine.dispose()


@pytest.fixture
def guide(sessions: sessionmaker[Session]) -> StoredGuide:
    with sessions() as session:
        stored = current_guide(session, BUNDLE)
    assert stored is not None
    return stored


@pytest.fixture
def make_panel(qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide) -> MakePanel:
    def make(previous_case_no: str = "", today: dt.date = TODAY) -> IntakePanel:
        panel = IntakePanel(runner_on(sessions, lambda: today), DESK, guide, lambda: today, previous_case_no)
        qtbot.addWidget(panel)
        panel.resize(1280, 800)
        panel.show()
        return panel

    return make


@pytest.fixture
def panel(make_panel: MakePanel) -> IntakePanel:
    return make_panel()


@pytest.fixture
def refusing_panel(sessions: sessionmaker[Session], guide: StoredGuide, make_panel: MakePanel) -> IntakePanel:
    """A panel at a hall that holds the bundle's power (a 行政审批局): its window may refuse on a licence's own ground
    (第一项, 第七十八条), which a hall that only receives may not (counter.documents.outcome_preview.printable).  The
    tax office's item is held too, as no site may hold a vertical body's (``site authority --hold`` refuses it): the
    panel's flow, not a hall's standing, is what these tests are about."""
    with sessions.begin() as session:
        for item in guide.bundle.items:
            set_item_held(session, DESK, DESK.identity.site_code, item.code, held=True)
    return make_panel()
