"""An intake committed to a hall server that does not answer: said within two seconds, the form kept.

Found with the hall server stopped: the clerk saw only 正在保存……请稍候 for 10–20 s before the clear message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.catalog.stored_guide import StoredGuide
from counter.service.intake import TAKE_INTAKE
from counter.ui.door.runner import Runner
from counter.ui.door.server_words import INTAKE_SERVER_AWAY, INTAKE_SERVER_REACHING, INTAKE_SERVER_REACHING_LINE
from counter.ui.intake import IntakePanel
from tests.service.silent_server import silent_server
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import ready
from tests.ui.runners import runner_on
from tests.ui.server_away import ServerForOne, remote_at

Away = tuple[int, Callable[[], None]]


@pytest.fixture(params=["nothing listens", "says nothing"])
def away(request: pytest.FixtureRequest, free_tcp_port: int) -> Iterator[Away]:
    """The server's port, and what ends the silence (a silent server closes: the tries end in the clear message)."""
    if request.param == "nothing listens":
        yield free_tcp_port, lambda: None
        return
    with silent_server() as server:
        yield server.port, server.end


def test_the_commit_says_within_two_seconds_that_it_is_reaching_the_server(
    qtbot: QtBot,
    sessions: sessionmaker[Session],
    guide: StoredGuide,
    tmp_path: Path,
    away: tuple[int, Callable[[], None]],
) -> None:
    port, end = away
    local = runner_on(sessions).service
    runner = Runner(ServerForOne(local, remote_at(port, tmp_path), frozenset({TAKE_INTAKE.name})))
    panel = IntakePanel(runner, DESK, guide, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    ready(qtbot, panel)
    panel.reconnector.timer.setInterval(600_000)  # no probe of its own: the test looks at the first attempt only
    typed = panel.form()
    seen: list[tuple[str, str]] = []
    runner.reaching.connect(lambda: seen.append((panel.commit_button.text(), panel.message.text())))
    runner.reaching.connect(end)
    with qtbot.waitSignal(runner.reaching, timeout=2_000):
        QTimer.singleShot(0, panel.commit_button.click)  # from the window's loop, as the clerk's click
    qtbot.waitUntil(lambda: panel.reconnector.waiting, timeout=10_000)  # the retries over: waiting to commit
    assert seen == [(INTAKE_SERVER_REACHING, INTAKE_SERVER_REACHING_LINE)]
    assert panel.message.text() == INTAKE_SERVER_AWAY  # then the clear message, as before
    assert panel.taken is None
    assert panel.form() == typed  # the intake kept in hand
