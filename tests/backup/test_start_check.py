"""The check of the whole file before its first unit of work: a damaged file is refused and named, and the latest good
backup offered and restored."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from counter.actions.site.store import Store
from counter.backup.check import quick_check
from counter.host.database.backups import make_backup
from counter.host.database.database_faults import DatabaseDamaged
from counter.ui.start.damaged_db import offer_restore
from counter.ui.start.damaged_db_words import DB_DAMAGED, DB_DAMAGED_NO_BACKUP, DB_DAMAGED_QUIT, DB_DAMAGED_RESTORE
from tests.backup.conftest import DeskDb, case_numbers
from tests.backup.test_backup import damage

TAKEN = dt.datetime(2026, 11, 21, 18, 30)


#: how long a click waits for its box, in tries 10 ms apart
TRIES = 500


def answer_with(button_text: str, then: str | None = None) -> None:
    """Click ``button_text`` on the message box once it shows (it is modal: the check waits for the answer).

    The box asked for may not be the active one yet: the click for the box after the first is set before the first
    closes, and may come while the first is still the active modal widget.  So the click waits for a box that has
    its button; one that never comes fails the test, its box closed so that the check does not wait for ever.
    """

    def click(left: int) -> None:
        box = QApplication.activeModalWidget()
        buttons = {b.text(): b for b in box.buttons()} if isinstance(box, QMessageBox) else {}
        if button_text in buttons:
            if then is not None:
                answer_with(then)
            buttons[button_text].click()
            return
        if left:
            QTimer.singleShot(10, lambda: click(left - 1))
            return
        if isinstance(box, QMessageBox):
            box.reject()
        raise AssertionError(f"no box with {button_text}: {list(buttons)}")

    QTimer.singleShot(0, lambda: click(TRIES))


def damaged_path(url: str) -> Path:
    """The path the desk's store names when it refuses to open a damaged file (nothing of it opened)."""
    store = Store(url, check_whole=True)
    with pytest.raises(DatabaseDamaged) as refused:
        store.sessions()
    store.dispose()
    return refused.value.path


def test_an_intact_database_opens_without_a_question(qtbot: QtBot, desk_db: DeskDb) -> None:
    store = Store(desk_db.url, check_whole=True)
    try:
        store.sessions()
    finally:
        store.dispose()
    assert case_numbers(desk_db.url) == desk_db.case_nos


def test_a_damaged_database_is_refused_at_every_opening_before_any_unit_of_work(desk_db: DeskDb) -> None:
    damage(desk_db.path)
    before = desk_db.path.read_bytes()
    assert damaged_path(desk_db.url) == desk_db.path
    assert damaged_path(desk_db.url) == desk_db.path  # not only the first time
    assert desk_db.path.read_bytes() == before


def test_a_damaged_database_is_restored_from_the_latest_good_backup(qtbot: QtBot, desk_db: DeskDb) -> None:
    good = make_backup(desk_db.url, None, TAKEN)
    damage(desk_db.path)
    answer_with(DB_DAMAGED_RESTORE, then="OK")
    assert offer_restore(desk_db.url, damaged_path(desk_db.url), exit_when_ready=False)
    assert quick_check(desk_db.path)
    assert case_numbers(desk_db.url) == desk_db.case_nos
    kept = list(desk_db.path.parent.glob("counter.sqlite3.before-restore-*"))
    assert len(kept) == 1
    assert not quick_check(kept[0])
    assert good.exists()


def test_quitting_leaves_the_damaged_file_as_it_is(qtbot: QtBot, desk_db: DeskDb) -> None:
    make_backup(desk_db.url, None, TAKEN)
    damage(desk_db.path)
    before = desk_db.path.read_bytes()
    answer_with(DB_DAMAGED_QUIT)
    assert not offer_restore(desk_db.url, damaged_path(desk_db.url), exit_when_ready=False)
    assert desk_db.path.read_bytes() == before


@pytest.mark.slow
def test_the_app_names_the_damage_and_the_backup_and_exits_1(desk_db: DeskDb, counter_home: Path) -> None:
    good = make_backup(desk_db.url, None, TAKEN)
    damage(desk_db.path)
    code = f"from counter.ui.start.app import run; raise SystemExit(run({desk_db.url!r}, True, []))"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COUNTER_HOME": str(counter_home)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 1
    assert DB_DAMAGED.format(path=desk_db.path) in done.stderr
    assert "最近一份完好的备份：2026-11-21 18:30" in done.stderr
    assert str(good) not in done.stderr  # the clerk's words name no file: the log does, for support
    assert str(good) in (counter_home / "logs" / "counter.log").read_text(encoding="utf-8")


def test_without_a_good_backup_it_says_so(qtbot: QtBot, desk_db: DeskDb, capsys: pytest.CaptureFixture[str]) -> None:
    damage(desk_db.path)
    assert not offer_restore(desk_db.url, damaged_path(desk_db.url), exit_when_ready=True)
    assert DB_DAMAGED_NO_BACKUP in capsys.readouterr().err
