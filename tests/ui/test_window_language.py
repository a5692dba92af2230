"""The window in a second language: ``COUNTER_LANG=en`` and the desk starts in English, with no code changed.

Words are made when their module is first imported (``NAME = tr("…")``), so the language must be chosen before
any face loads: this starts the real program (``counter.__main__``, as the ``counter`` command does) in a fresh
process, with only PySide6 loaded beforehand, and reads the main window as it is shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from counter.words.translate import read_po
from tests.conftest import made_database

REPO = Path(__file__).resolve().parent.parent.parent

# Starts the desk with --exit-when-ready; an event filter (Qt only, no module of the app imported before main)
# notes what the main window shows when it first appears.
START = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QPushButton

app = QApplication(["counter"])
seen = {}


class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow) and not seen:
            seen["title"] = obj.windowTitle()
            seen["placeholders"] = [edit.placeholderText() for edit in obj.findChildren(QLineEdit)]
            seen["buttons"] = [button.text() for button in obj.findChildren(QPushButton)]
        return False


watch = Watch()
app.installEventFilter(watch)
assert not any(name.startswith("counter.ui") or name.startswith("counter.words") for name in sys.modules)
from counter.__main__ import main

code = main(["--db", sys.argv[1], "--exit-when-ready"])
print(json.dumps({"code": code, **seen}, ensure_ascii=False))
"""


def start_desk(tmp_path: Path, language: str | None) -> dict[str, str | list[str]]:
    env = {key: value for key, value in os.environ.items() if key != "COUNTER_LANG"}
    env |= {"QT_QPA_PLATFORM": "offscreen", "COUNTER_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO)}
    if language:
        env["COUNTER_LANG"] = language
    url = made_database(tmp_path / "desk.db")
    done = subprocess.run(
        [sys.executable, "-c", START, url], env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown.pop("code") == 0, done.stderr
    return {key: value for key, value in shown.items() if isinstance(value, str | list)}


def english() -> dict[str, str]:
    return read_po((REPO / "counter" / "resources" / "translations" / "en.po").read_text(encoding="utf-8"))


def test_counter_lang_en_shows_the_desk_window_in_english(tmp_path: Path) -> None:
    shown = start_desk(tmp_path, "en")
    assert shown["title"] == "One Thing, One Visit · Service Desk"
    assert "Type a service name or its pinyin initials, e.g. xcg" in shown["placeholders"]
    buttons = shown["buttons"]
    assert {"Intake (F5)", "Case lists (F6)", "Open a case by number (F7)", "Data sync (F10)"} <= set(buttons)
    # every button a visitor sees first has its English in en.po, none is left in Chinese
    assert set(buttons) <= set(english().values())


def test_without_a_language_the_desk_window_stays_chinese(tmp_path: Path) -> None:
    shown = start_desk(tmp_path, None)
    assert shown["title"] == "一件事一次办 · 综合受理窗口"
    assert "受理（F5）" in shown["buttons"]
