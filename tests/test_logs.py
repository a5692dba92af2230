"""The log file rotates at start and keeps a bounded number of old files."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from counter.host.logs import LOG_FILE, PENDING_LINES, MaskPersonalNumbers, rotate
from counter.host.paths import log_dir


def test_a_big_log_is_rotated_and_old_ones_shift(tmp_path: Path) -> None:
    log = tmp_path / "counter.log"
    log.write_text("new" * 10)
    (tmp_path / "counter.log.1").write_text("one")
    (tmp_path / "counter.log.2").write_text("two")
    rotate(log, max_bytes=10, keep=2)
    assert not log.exists()
    assert (tmp_path / "counter.log.1").read_text() == "new" * 10
    assert (tmp_path / "counter.log.2").read_text() == "one"  # the oldest is gone


def test_a_small_log_stays(tmp_path: Path) -> None:
    log = tmp_path / "counter.log"
    log.write_text("short")
    rotate(log, max_bytes=10)
    assert log.read_text() == "short"


def test_a_number_that_slips_into_a_log_line_is_masked(desk_log: Path) -> None:
    log = logging.getLogger("counter.test")
    log.warning("applicant %s rang from %s", "152201198505050112", "13904821234")
    try:
        raise ValueError("row (152201198505050112, '13904821234')")
    except ValueError:
        log.exception("could not save")
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = desk_log.read_text(encoding="utf-8")
    assert "152201198505050112" not in written
    assert "13904821234" not in written
    assert "139****1234" in written
    assert "rang from" in written
    assert "ValueError" in written


def test_a_line_without_digits_is_written_without_loading_the_masking(counter_home: Path) -> None:
    """The desk's start-up writes lines that hold no number: the masking (and the identifiers) load at the first
    line that could hold one, and that line is still masked."""
    code = (
        "import logging, sys\n"
        "from counter.host.logs import setup_logging\n"
        "setup_logging()\n"
        "logging.getLogger('counter.test').info('desk app started (sqlite, quick start)')\n"
        "print('counter.audit.masking' in sys.modules)\n"
        "logging.getLogger('counter.test').warning('rang from %s', '13904821234')\n"
        "print('counter.audit.masking' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
    written = (log_dir() / LOG_FILE).read_text(encoding="utf-8")
    assert "desk app started (sqlite, quick start)" in written
    assert "13904821234" not in written
    assert "139****1234" in written


def test_an_ordinary_line_waits_as_made_and_is_written_masked_in_order_before_a_warning(
    desk_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made inside an intake's transaction, a line is not masked nor formatted there: that waits for the writing."""
    log = logging.getLogger("counter.test")
    masked: list[str] = []
    mask = MaskPersonalNumbers.filter

    def masking(self: MaskPersonalNumbers, record: logging.LogRecord) -> bool:
        masked.append(record.getMessage())
        return mask(self, record)

    monkeypatch.setattr(MaskPersonalNumbers, "filter", masking)
    taken = ["XAM01-20261124-08-0007"]
    log.info("case %s taken, applicant rang from %s", taken, "13904821234")
    taken[0] = "changed after the call"
    assert masked == []  # only made
    log.warning("printer %s is off", "P1")
    assert len(masked) == 2
    written = desk_log.read_text(encoding="utf-8").splitlines()
    assert written[0].endswith(
        "INFO counter.test: case ['XAM01-20261124-08-0007'] taken, applicant rang from 139****1234"
    )
    assert written[1].endswith("WARNING counter.test: printer P1 is off")


def test_lines_waiting_are_written_when_enough_wait_and_when_the_log_is_flushed(desk_log: Path) -> None:
    log = logging.getLogger("counter.test")
    for n in range(PENDING_LINES - 1):
        log.info("line %d", n)
    handler = next(h for h in logging.getLogger().handlers if type(h).__module__ == "counter.host.logs")
    handler.stream.flush()  # type: ignore[attr-defined]  # the file's own buffer, not the lines waiting
    assert desk_log.read_text(encoding="utf-8") == ""
    log.info("line %d", PENDING_LINES - 1)
    handler.stream.flush()  # type: ignore[attr-defined]
    assert len(desk_log.read_text(encoding="utf-8").splitlines()) == PENDING_LINES
    log.info("one more")
    handler.flush()  # as logging.shutdown does
    assert desk_log.read_text(encoding="utf-8").splitlines()[-1].endswith("INFO counter.test: one more")
