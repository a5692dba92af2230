"""The log file rotates at start and keeps a bounded number of old files."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from counter.host.machine.logs import LOG_FILE, rotate
from counter.host.machine.paths import log_dir


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
        "from counter.host.machine.logs import setup_logging\n"
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


def test_every_line_is_in_the_file_when_made_and_a_crash_right_after_loses_none(counter_home: Path) -> None:
    """The lines support needs most are the last before a crash: a process killed right after a line (no shutdown,
    no flush of its own) has it in the file, masked."""
    code = (
        "import logging, os\n"
        "from counter.host.machine.logs import setup_logging\n"
        "setup_logging()\n"
        "logging.getLogger('counter.test').info('case %s taken, applicant rang from %s', 'XAM01-0007', '13904821234')\n"
        "os._exit(9)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 9, done.stderr
    written = (log_dir() / LOG_FILE).read_text(encoding="utf-8").splitlines()
    assert written[-1].endswith("INFO counter.test: case XAM01-0007 taken, applicant rang from 139****1234")


def test_a_log_folder_that_cannot_be_made_leaves_the_lines_on_the_error_stream_masked(tmp_path: Path) -> None:
    """A data folder on a share that is not there: the desk still starts, and what it logs is not lost in silence."""
    in_the_way = tmp_path / "home"
    in_the_way.write_text("a file where the data folder goes", encoding="utf-8")
    code = (
        "import logging\n"
        "from counter.host.machine.logs import setup_logging\n"
        "setup_logging()\n"
        "logging.getLogger('counter.test').warning('rang from %s', '13904821234')\n"
    )
    env = {**os.environ, "COUNTER_HOME": str(in_the_way)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().endswith("WARNING counter.test: rang from 139****1234")


def test_a_log_that_cannot_rotate_is_kept_and_written_on(tmp_path: Path) -> None:
    log = tmp_path / "counter.log"
    log.write_text("new" * 10)
    (tmp_path / "counter.log.1").mkdir()  # an older name taken by a folder (a copy by hand) that cannot move
    (tmp_path / "counter.log.2").mkdir()
    (tmp_path / "counter.log.2" / "kept").write_text("")
    rotate(log, max_bytes=10, keep=2)
    assert log.read_text() == "new" * 10
