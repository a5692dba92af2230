"""A full disk and a read-only database at the moment of commit: named for the clerk, nothing lost.

Both are made real on the desk's own SQLite file.  The disk fills through the
kernel: a file-size limit on this process makes every write past 4 KiB fail
with EFBIG, as ENOSPC would, so the write-ahead log cannot take the commit and
SQLite answers "database or disk is full".  ``query_only`` refuses every write
as a read-only file does.  The form stays, nothing half-written remains, and
the file passes its integrity check.
"""

from __future__ import annotations

import contextlib
import re
import resource
import signal
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from counter.db import models
from counter.ui.intake import IntakePanel
from counter.words.database import DB_FAULT
from tests.ui.intake.helpers import ready


@pytest.fixture
def squeeze(sessions: sessionmaker[Session]) -> Iterator[Callable[[str], None]]:
    """Run a pragma on every connection from now on (the panel opens its own)."""
    pragmas: list[str] = []
    engine = sessions.kw["bind"]

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        for pragma in pragmas:
            dbapi_connection.execute(pragma)

    def apply(pragma: str) -> None:
        pragmas.append(pragma)
        engine.dispose()  # pooled connections made before would not have it

    event.listen(engine, "connect", on_connect)
    yield apply
    event.remove(engine, "connect", on_connect)
    pragmas.clear()
    engine.dispose()


def _whole(sessions: sessionmaker[Session]) -> tuple[int, str]:
    with sessions() as session:
        cases = int(session.scalar(select(func.count()).select_from(models.Case)) or 0)
        check = str(session.scalar(text("PRAGMA integrity_check")))
    return cases, check


@contextlib.contextmanager
def disk_full(sessions: sessionmaker[Session]) -> Iterator[None]:
    """No file of this process grows past 4 KiB while inside; the log is emptied first so it must grow."""
    engine = sessions.kw["bind"]
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    before = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, before)


@pytest.mark.parametrize(
    ("pragma", "said"),
    [
        ("full", "磁盘空间已满，数据库无法写入"),
        ("PRAGMA query_only = ON", "数据库文件是只读的"),
    ],
    ids=["disk full", "read-only"],
)
def test_the_fault_is_named_and_the_form_and_database_stay_whole(
    qtbot: QtBot,
    sessions: sessionmaker[Session],
    panel: IntakePanel,
    squeeze: Callable[[str], None],
    pragma: str,
    said: str,
) -> None:
    ready(qtbot, panel)
    panel.drafts.timer.stop()
    if pragma == "full":
        with disk_full(sessions):
            QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    else:
        squeeze(pragma)
        QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    message = panel.message.text()
    assert message.startswith(said), message
    # the draft is saved after the failed commit, under the same fault: its fate is said as it is, once
    draft = "表单内容和草稿都已保留" if panel.status.text().startswith("草稿已保存") else "草稿也未能保存"
    assert f"本次受理没有保存，{draft}" in message
    assert not panel.finished
    assert panel.applicant_form.name.text() == "张海军"
    assert _whole(sessions) == (0, "ok")


def test_a_locked_database_is_said_once_in_the_clerks_words(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel, squeeze: Callable[[str], None]
) -> None:
    """Another program holds the write lock: the commit and the draft's save after it both fail, and the message
    and the draft's line say the same of the draft (not "草稿都已保留" beside "草稿未能保存"), in the clerk's words."""
    ready(qtbot, panel)
    panel.drafts.timer.stop()
    squeeze("PRAGMA busy_timeout = 0")  # refused at once, not after the desk's wait for a lock
    path = sessions.kw["bind"].url.database
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the write lock, held
    try:
        QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    busy = DB_FAULT["busy"]
    kept_in_window = "表单内容仍在本窗口中，请暂勿关闭窗口"
    assert panel.message.text().startswith(f"{busy}。本次受理没有保存，草稿也未能保存；{kept_in_window}")
    assert panel.status.text() == f"草稿未能保存（{busy}）；{kept_in_window}"
    assert not re.search("[A-Za-z]+Error", panel.message.text() + panel.status.text())
    assert "草稿都已保留" not in panel.message.text()
    assert panel.applicant_form.name.text() == "张海军"
    assert _whole(sessions) == (0, "ok")
