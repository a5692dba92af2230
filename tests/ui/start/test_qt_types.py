"""PySide6's types made once, as their modules load: never named for the first time by two threads at once.

PySide6 makes a type the first time Python names it and takes no lock while it does; a type named by the warm-up
thread while the window's thread wrapped an object of it was made twice, and the desk's first start died
(:mod:`counter.ui`).
"""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6 import QtCore, QtGui, QtWidgets

# the window's start as the desk's program imports it, then what of Qt's three modules was not made on loading
UNMADE = (
    "from counter.ui.start import app\n"
    "from PySide6 import QtCore, QtGui, QtWidgets\n"
    "print(sum(name not in vars(m) for m in (QtCore, QtGui, QtWidgets) for name in dir(m)))\n"
)


def test_the_window_has_every_qt_type_made_before_its_threads_start() -> None:
    """Whatever the machine's environment says (no option set), the start makes them all with their modules."""
    env = {name: value for name, value in os.environ.items() if name != "PYSIDE6_OPTION_LAZY"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", UNMADE], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0"]


def test_the_tests_load_qt_as_the_desk_does() -> None:
    """The suite's windows run with the desk's PySide6: no type left to be made when first named."""
    assert [name for m in (QtCore, QtGui, QtWidgets) for name in dir(m) if name not in vars(m)] == []
