"""短信告知: the supervisor sees the messages the gateway would not take and sends them again."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.actions.outbox.messages import save_gateway, send_due
from counter.db import models
from counter.db.outbox_store import queue_for_line
from counter.host.database.database_faults import DbFault, StoreFault
from counter.host.outward.sms_gateway import Answer, SmsRequest
from counter.outbox.rules import Outcome
from counter.sms.gateway import GatewaySettings
from counter.ui.pad.messages_page import FailedMessagesPage
from counter.ui.pad.supervisor_window import SupervisorWindow
from counter.words.access import refused_for
from counter.words.database import fault_text
from counter.words.messages import FAILED_NONE, FAILED_READ, FAILED_RETRIED, FAILED_TAB
from tests.actions.senders import Writes
from tests.ratings.conftest import Clock
from tests.ui.runners import runner_on


def refused(request: SmsRequest) -> Answer:
    return Answer(Outcome.REFUSED, detail="HTTP 400 unknown number")


def test_a_message_the_gateway_refused_is_listed_and_sent_again(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock
) -> None:
    with sessions.begin() as s:
        save_gateway(s, GatewaySettings("https://127.0.0.1:9/sms", "hall", "secret"))
        case = s.scalars(select(models.Case).order_by(models.Case.id)).first()
        assert case is not None
        queue_for_line(s, case.id, case.uid, "13904821111", "pickup", "completed", "", models.utcnow())
        number = case.case_no
    assert send_due(Writes(sessions), post=refused).failed == 1
    window = SupervisorWindow(runner_on(sessions), "宝音", clock=clock)
    qtbot.addWidget(window)
    window.refresh()
    tabs = [window.tabText(i) for i in range(window.count())]
    window.setCurrentIndex(tabs.index(FAILED_TAB))
    page = window.messages
    assert window.currentWidget() is page
    cells = [page.table.item(0, c).text() for c in range(page.table.columnCount())]  # type: ignore[union-attr]
    assert cells[1:] == [number, "办结待取件", "139****1111", "1", "对方拒绝（HTTP 400）：unknown number"]
    with qtbot.waitSignal(page.retried) as retried:
        QTest.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    assert retried.args == [1]
    assert page.message.text() == FAILED_RETRIED.format(count=1)
    assert page.table.rowCount() == 0
    assert not page.retry_button.isEnabled()
    with sessions() as s:
        assert s.scalars(select(models.OutboxMessage.state)).all() == ["waiting"]
    page.load()
    assert page.message.text() == FAILED_NONE


REFUSED = NotPermitted(Permission.CHANGE_SETTINGS, signed_in=True)
LOCKED = StoreFault(DbFault.LOCKED, "lock timeout", "OperationalError")


@pytest.mark.parametrize(
    ("raised", "said"),
    [
        (LOCKED, FAILED_READ.format(fault=fault_text("locked"))),
        (REFUSED, refused_for(REFUSED)),
    ],
    ids=["database", "role"],
)
def test_a_list_the_database_or_the_role_refused_says_why(
    qtbot: QtBot, sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch, raised: Exception, said: str
) -> None:
    runner = runner_on(sessions)

    def refusing(*_asked: object) -> object:
        raise raised

    monkeypatch.setattr(runner.service, "call", refusing)
    page = FailedMessagesPage(runner)
    qtbot.addWidget(page)
    page.load()
    assert page.message.text() == said
    monkeypatch.setattr(runner.service, "call", lambda *_asked: 1 / 0)
    with pytest.raises(ZeroDivisionError):  # a fault of the program: on to the window's error hook
        page.load()


def test_a_failure_said_on_the_page_is_logged_once_with_its_operation(
    qtbot: QtBot, sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The runner logs the fault as it words it, the operation named: the page says it and logs nothing more."""
    runner = runner_on(sessions)

    def refusing(*_asked: object) -> object:
        raise LOCKED

    monkeypatch.setattr(runner.service, "call", refusing)
    page = FailedMessagesPage(runner)
    qtbot.addWidget(page)
    with caplog.at_level(logging.INFO, logger="counter"):
        page.load()
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert said == ["database fault (locked) in outbox.list_messages: lock timeout"]


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("expired: due 2026-03-06", "提醒的日期（2026年3月6日）已过，未发送"),
        ("timeout after 10 s", "对方在 10 秒内没有回答"),
        ("HTTP 400 unknown number", "对方拒绝（HTTP 400）：unknown number"),
    ],
    ids=["expired", "timeout", "refused"],
)
def test_the_reason_a_message_failed_is_said_in_chinese(
    qtbot: QtBot, sessions: sessionmaker[Session], stored: str, shown: str
) -> None:
    """A row stored by this version or an earlier one: the reason the sender kept (English, for the log and support)
    is named on the page in words the supervisor reads."""
    with sessions.begin() as s:
        save_gateway(s, GatewaySettings("https://127.0.0.1:9/sms", "hall", "secret"))
        case = s.scalars(select(models.Case).order_by(models.Case.id)).first()
        assert case is not None
        queue_for_line(s, case.id, case.uid, "13904821111", "pickup", "completed", "", models.utcnow())
        s.execute(update(models.OutboxMessage).values(state="failed", attempts=1, last_error=stored))
    page = FailedMessagesPage(runner_on(sessions))
    qtbot.addWidget(page)
    page.load()
    assert page.table.item(0, 5).text() == shown  # type: ignore[union-attr]
