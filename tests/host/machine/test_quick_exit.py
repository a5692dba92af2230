"""The quick end of the process still finishes the threads and writes the log."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import logging, sys, threading, time
from pathlib import Path
from counter.host.machine.quick_exit import quick_exit

folder = Path(sys.argv[1])
handler = logging.FileHandler(folder / "app.log", encoding="utf-8")
logging.getLogger().addHandler(handler)
logging.getLogger().setLevel(logging.INFO)

def backup():
    time.sleep(0.3)
    (folder / "backup.done").write_text("ok")

threading.Thread(target=backup, name="daily-backup").start()
logging.getLogger("desk").info("window closed")
sys.stdout.write("unflushed line")
quick_exit(3)
"""


def test_quick_exit_waits_for_threads_and_flushes_the_log(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 3, done.stderr
    assert (tmp_path / "backup.done").read_text() == "ok"
    assert "window closed" in (tmp_path / "app.log").read_text(encoding="utf-8")
    assert done.stdout == "unflushed line"
