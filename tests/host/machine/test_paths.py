"""Where a desk keeps its data and its own notes when nothing names them: the system's folders for the user."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from counter.host.machine.paths import data_dir, state_dir


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_without_counter_home_the_data_and_the_notes_are_in_the_users_own_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COUNTER_HOME")
    monkeypatch.delenv("COUNTER_STATE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert data_dir() == tmp_path / "data" / "counter"
    assert state_dir() == tmp_path / "state" / "counter"
    assert (data_dir().stat().st_mode & 0o777, state_dir().stat().st_mode & 0o777) == (0o700, 0o700)
