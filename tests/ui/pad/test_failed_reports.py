"""平台上报: the supervisor sees the events the platform would not take and sends them again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.outbox.platform import send_due
from counter.db import models
from counter.db.platform_store import PLATFORM_KEY, queue_line
from counter.db.settings_store import put_setting
from counter.host.outward.platform_client import Report, ReportRequest
from counter.outbox.rules import Outcome
from counter.outbox.secret_shown import stored_json
from counter.platform.events import WithheldWhy
from counter.platform.settings import PlatformSettings
from counter.ui.pad.supervisor_window import SupervisorWindow
from counter.words.platform import REPORTS_NONE, REPORTS_RETRIED, REPORTS_TAB, WITHHELD
from tests.actions.senders import Writes
from tests.codings import CHOSEN
from tests.ratings.conftest import Clock
from tests.ui.runners import runner_on


def refused(request: ReportRequest) -> Report:
    return Report(Outcome.REFUSED, detail="HTTP 422 申请人证件号码格式错误")


@pytest.mark.slow
def test_an_event_the_platform_refused_is_listed_and_reported_again(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / "platform.secret").write_text("secret", encoding="utf-8")
    with sessions.begin() as s:
        put_setting(
            s, PLATFORM_KEY, stored_json(PlatformSettings(True, "https://127.0.0.1:9/report", "hall", codings=CHOSEN))
        )
        case = s.scalars(select(models.Case).order_by(models.Case.id)).first()
        assert case is not None
        queue_line(s, case.id, case.uid, "taken", "accept", models.utcnow())
        number, case_bundle = case.case_no, case.bundle_code
    assert send_due(Writes(sessions), post=refused, folder=keys).failed == 1
    window = SupervisorWindow(runner_on(sessions), "宝音", clock=clock)
    qtbot.addWidget(window)
    window.refresh()
    tabs = [window.tabText(i) for i in range(window.count())]
    window.setCurrentIndex(tabs.index(REPORTS_TAB))
    page = window.reports
    assert window.currentWidget() is page
    cells = [page.table.item(0, c).text() for c in range(page.table.columnCount())]  # type: ignore[union-attr]
    # the demo case was taken under a bundled sample guide: never sent, its reason worded for the supervisor
    assert cells[1:4] == [number, "收件", "1"]  # as it would be told: the hall only received the case
    assert cells[4] == WITHHELD[WithheldWhy.SAMPLE_GUIDE] + f"（{case_bundle}）"
    with qtbot.waitSignal(page.retried) as retried:
        QTest.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    assert retried.args == [1]
    assert page.message.text() == REPORTS_RETRIED.format(count=1)
    assert page.table.rowCount() == 0
    assert not page.retry_button.isEnabled()
    with sessions() as s:
        assert s.scalars(select(models.PlatformEvent.state)).all() == ["waiting"]
    page.load()
    assert page.message.text() == REPORTS_NONE
