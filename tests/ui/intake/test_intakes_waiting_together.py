"""Several intakes closed while the hall server was away, each waiting to commit by itself: the server back, every
one of them is taken, though the desk takes one intake at a time (the others' first try refused Busy)."""

from __future__ import annotations

import datetime as dt
import threading
from typing import TypeVar

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.catalog.stored_guide import StoredGuide
from counter.db import models
from counter.host.database.database_faults import DbFault
from counter.parties.identifiers import make_id_number
from counter.service.intake import TAKE_INTAKE
from counter.service.local import Service
from counter.service.operation import Operation
from counter.ui.door.runner import Failed, Runner
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_CONNECTION_BACK, INTAKE_SAVING, INTAKE_WAITING_TO_COMMIT
from tests.ui.door.test_runner_thread import in_the_loop
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import answer, fill_person
from tests.ui.runners import runner_on

Req = TypeVar("Req")
Res = TypeVar("Res")

APPLICANTS = [
    ("张海军", make_id_number("152201", dt.date(1985, 5, 5), 11)),
    ("乌云其木格", make_id_number("150702", dt.date(1990, 6, 15), 37)),
    ("巴特尔", make_id_number("152222", dt.date(1978, 2, 9), 51)),
]


class Away:
    """The hall server, away until :meth:`back`; back, an intake's commit takes its time (until :attr:`go`), as a
    server far away answers: the desk's other intakes asked meanwhile find it running."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.clock = service.clock
        self.away = True
        self.go = threading.Event()
        self.asked = 0

    def call(self, op: Operation[Req, Res], request: Req, desk: Desk | None = None, *, key: str = "") -> Res:
        if op is TAKE_INTAKE:
            if self.away:
                raise Failed("连不上大厅服务器", DbFault.UNREACHABLE, "ServerUnreachable", connection_lost=True)
            self.asked += 1
            assert self.go.wait(10)
        return self.service.call(op, request, desk, key=key)


def closed_waiting(qtbot: QtBot, runner: Runner, guide: StoredGuide, name: str, id_no: str) -> IntakePanel:
    """An intake whose commit found the server away, closed by the clerk while it waits to commit by itself."""
    panel = IntakePanel(runner, DESK, guide, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.show()
    fill_person(panel, name=name, id_no=id_no)
    answer(panel)
    panel.checklist_view.all_received_button.click()
    qtbot.waitUntil(lambda: not runner.running, timeout=10_000)  # the look-ups by number answered
    panel.reconnector.timer.setInterval(600_000)  # no probe of its own: the test says when the server is back
    panel.commit_button.click()
    assert panel.reconnector.waiting
    assert panel.commit_button.text() == INTAKE_WAITING_TO_COMMIT
    panel.close_keeping_draft()
    assert panel.isHidden()
    return panel


def cases(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as session:
        return list(session.scalars(select(models.Case.applicant_name).order_by(models.Case.id)))


def test_intakes_closed_while_the_server_was_away_are_all_taken_once_it_is_back(
    qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide
) -> None:
    runner = runner_on(sessions, lambda: TODAY)
    server = Away(runner.service)
    runner.service = server
    panels = [closed_waiting(qtbot, runner, guide, name, id_no) for name, id_no in APPLICANTS]
    server.away = False

    def back() -> None:  # each intake's probe answers within moments of the others'
        for panel in panels:
            panel.reconnector.stop()
            panel.reconnector.restored.emit()

    with qtbot.waitSignals([p.case_taken for p in panels], timeout=15_000):
        in_the_loop(qtbot, back)
        assert server.asked <= 1  # the first still being taken, the others' first try refused Busy
        for waiting in panels[1:]:  # each says it is being saved, as it will be: not 请稍候再试 to nobody
            assert (waiting.commit_button.text(), waiting.commit_button.isEnabled()) == (INTAKE_SAVING, False)
            assert waiting.message.text() == INTAKE_CONNECTION_BACK
        server.go.set()
    assert cases(sessions) == [name for name, _ in APPLICANTS]
    assert server.asked == len(APPLICANTS)
    assert all(p.finished for p in panels)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.Draft)) == 0
