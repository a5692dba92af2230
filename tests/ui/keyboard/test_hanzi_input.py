"""Hanzi typed through fcitx5's pinyin into the intake, in the window the virtual environment runs.

The session is a Kylin desk's (tests/fcitx_desktop.py): ``QT_IM_MODULE=fcitx``, for which PySide6's Qt has no
plugin.  The frozen program's run of the same is in tests/packaging/test_offline.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.fcitx_desktop import fcitx_desktop, fcitx_env, set_up_desk, type_applicant_name

pytestmark = pytest.mark.slow

PROGRAM = [sys.executable, "-m", "counter"]


def desk_home(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A clerk's home with the desk set up in it, and the environment of the clerk's session."""
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in fcitx_env().items() if key != "COUNTER_HOME"} | {"HOME": str(home)}
    set_up_desk(PROGRAM, env)
    return home, env


def test_a_name_typed_in_pinyin_reaches_the_intake_in_hanzi(tmp_path: Path) -> None:
    home, env = desk_home(tmp_path)
    with fcitx_desktop(home) as desktop:
        database = home / ".local" / "share" / "counter" / "counter.sqlite3"
        name = type_applicant_name(desktop, PROGRAM, env, database, "王小明")
    assert name == "王小明"
    log = (home / ".local" / "share" / "counter" / "logs" / "counter.log").read_text(encoding="utf-8")
    assert "input method: IBUS_ENABLE_SYNC_MODE=1 IBUS_USE_PORTAL=1 QT_IM_MODULE=ibus" in log


def test_keys_typed_at_a_scanners_speed_keep_their_order(tmp_path: Path) -> None:
    """Every key passes through fcitx5 (switched off, it gives each back): a burst a millisecond apart, as a barcode
    scanner types, arrives in the order typed."""
    home, env = desk_home(tmp_path)
    burst = "abcdefghijklmnopqrstuvwxyz0123456789"
    with fcitx_desktop(home) as desktop:
        database = home / ".local" / "share" / "counter" / "counter.sqlite3"
        name = type_applicant_name(desktop, PROGRAM, env, database, burst, keys=(("type", "--delay", "1", burst),))
    assert name == burst
