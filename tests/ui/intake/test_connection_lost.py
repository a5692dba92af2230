"""A hall desk loses its PostgreSQL server in the middle of a commit, and gets it back.

A real server is stopped while the form is filled, so the commit meets a dead
connection exactly as it would when the network drops; the panel must keep the
form, say so, probe the server, and commit by itself once the server is back —
once, not twice.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.catalog.imports import import_source
from counter.case.intake_request import IntakeRequest
from counter.db import models
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.ui.intake import IntakePanel
from tests.conftest import SHIPPED_CATALOG
from tests.pg_server import PgCluster, pg_bin, start_cluster, stop_cluster
from tests.ui.intake.conftest import BUNDLE, DESK, TODAY
from tests.ui.intake.helpers import ready
from tests.ui.runners import runner_on


def _pg_ctl(cluster: PgCluster, *args: str) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, pg_bin("pg_ctl"), "-D", str(cluster.data), "-w", *args], check=True, capture_output=True)


def _server_down(cluster: PgCluster) -> None:
    _pg_ctl(cluster, "-m", "fast", "stop")


def _server_up(cluster: PgCluster) -> None:
    options = f"-k {cluster.folder} -p {cluster.port} -c fsync=off -c listen_addresses=''"
    _pg_ctl(cluster, "-o", options, "-l", str(cluster.folder / "log"), "start")


@pytest.fixture
def hall() -> Iterator[tuple[PgCluster, sessionmaker[Session]]]:
    """A cluster of this test's own: the test stops and starts it."""
    cluster = start_cluster()
    engine = make_engine(cluster.url("postgres"))
    try:
        upgrade(engine)
        sessions = make_sessions(engine)
        assert import_source(sessions, SHIPPED_CATALOG).report is not None
        yield cluster, sessions
    finally:
        engine.dispose()
        stop_cluster(cluster)


def _cases(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(models.Case)) or 0)


@pytest.mark.slow
def test_a_lost_server_keeps_the_form_and_commits_once_it_is_back(
    qtbot: QtBot, hall: tuple[PgCluster, sessionmaker[Session]]
) -> None:
    cluster, sessions = hall
    with sessions() as session:
        guide = current_guide(session, BUNDLE)
    assert guide is not None
    panel = IntakePanel(runner_on(sessions), DESK, guide, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.reconnector.timer.setInterval(200)
    panel.show()
    ready(qtbot, panel)
    request: IntakeRequest = panel.request()

    _server_down(cluster)
    with qtbot.waitSignal(panel.reconnector.attempted, timeout=10_000):
        QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    assert "与数据库的连接中断，本次受理尚未保存" in panel.message.text()
    assert "正在重试" in panel.message.text()
    assert not panel.finished
    assert not panel.commit_button.isEnabled()  # one commit waits; a second press would not help
    assert panel.applicant_form.name.text() == "张海军"
    assert panel.request() == request  # the same intake, the same identity

    with qtbot.waitSignal(panel.case_taken, timeout=20_000) as taken:
        _server_up(cluster)
    assert panel.finished
    case_no = taken.args[0]
    with sessions() as session:
        stored = session.scalar(select(models.Case).where(models.Case.uid == request.uid))
    assert stored is not None
    assert stored.case_no == case_no
    assert _cases(sessions) == 1
