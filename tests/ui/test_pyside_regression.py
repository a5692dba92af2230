"""PySide6 6.12.0 drops a reference to None on every void Qt call (design §4).

On Python 3.11 the interpreter then aborts with ``none_dealloc`` after about
5,000 calls.  From Python 3.12 None is immortal and the lost references do no
harm, but 6.12.0 fails there in another way (pyproject.toml).  This calls two
void methods 20,000 times each in a child process and checks that it lives and
that None's reference count holds.
"""

from __future__ import annotations

import os
import subprocess
import sys

import PySide6

CALLS = 20_000
PROBE = f"""
import sys
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication([])
obj, widget = QObject(), QWidget()
before = sys.getrefcount(None)
for n in range({CALLS}):
    obj.setObjectName("counter")
    widget.setToolTip("一件事一次办")
after = sys.getrefcount(None)
print(before, after)
"""


def test_void_qt_calls_keep_none_alive() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    before, after = (int(n) for n in done.stdout.split())
    # a leak of one reference per call would take 40,000 away
    assert after > before - 1_000


def test_pyside6_version_is_within_the_pin() -> None:
    """Below 6.12 on every Python: on 3.12, where None is immortal, 6.12.0 is not shown sound (pyproject.toml)."""
    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    assert (6, 8) <= (major, minor) < (6, 12)
