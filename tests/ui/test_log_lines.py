"""The log's waiting lines are written while the window is idle (counter.ui.log_lines)."""

from __future__ import annotations

import logging
from pathlib import Path

from pytestqt.qtbot import QtBot

from counter.ui.log_lines import LogLines


def test_a_line_made_is_in_the_file_after_the_next_idle_moment(qtbot: QtBot, desk_log: Path) -> None:
    logging.getLogger("counter.test").info("case %s taken", "XAM01-20261124-08-0007")
    assert "XAM01-20261124-08-0007" not in desk_log.read_text(encoding="utf-8")  # only made
    lines = LogLines(interval_ms=10)
    try:
        with qtbot.waitSignal(lines.timer.timeout):
            pass
        assert desk_log.read_text(encoding="utf-8").rstrip().endswith("counter.test: case XAM01-20261124-08-0007 taken")
    finally:
        lines.stop()


def test_stopping_writes_what_waits(qtbot: QtBot, desk_log: Path) -> None:
    lines = LogLines(interval_ms=60_000)
    logging.getLogger("counter.test").info("desk closing")
    lines.stop()
    assert not lines.timer.isActive()
    assert "desk closing" in desk_log.read_text(encoding="utf-8")
