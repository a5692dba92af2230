"""The log file rotates at start and keeps a bounded number of old files."""

from __future__ import annotations

from pathlib import Path

from counter.logs import rotate


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
