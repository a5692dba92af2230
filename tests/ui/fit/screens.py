"""Every window on one screen: run only in a process started with that screen (see ``test_fit``).

Not collected by a plain ``pytest`` (the name does not start with ``test_``): Qt reads its screens once, when the
process's QApplication is made, so :mod:`tests.ui.fit.test_fit` runs this module in a fresh pytest process per screen
with ``QT_QPA_PLATFORM=offscreen:configfile=…`` naming one screen, ``COUNTER_FIT_TEXT`` the text size in per cent and
``COUNTER_FIT_PAD_LANGUAGE`` the pad's language (the clerk's windows stay Chinese).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QStyle, QWidget
from pytestqt.qtbot import QtBot

from counter.actions.site.store import Store
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.ui.look.fonts import install_fonts
from counter.ui.look.geometry import screen_of
from counter.ui.look.text_size import factor, set_text_percent
from counter.ui.mainwindow.main_window import MainWindow
from tests.conftest import REPO
from tests.ui.cases.casebook import Casebook
from tests.ui.fit.check import fit_problems
from tests.ui.fit.departments import DEPARTMENT_WINDOWS
from tests.ui.fit.desk import PAD_PANEL, WINDOWS, open_intake, open_preview, settle
from tests.ui.fit.sign_in import SIGN_IN_WINDOWS

SHOTS = os.environ.get("COUNTER_FIT_SHOTS", "")  # a folder: each window's picture is kept there, for a look


def keep_picture(window: QWidget, name: str) -> None:
    if SHOTS:
        size = screen_of(window).size()
        language = os.environ.get("COUNTER_FIT_PAD_LANGUAGE", "zh")
        shot = f"{name}-{size.width()}x{size.height()}-{round(factor() * 100)}-{language}.png"
        window.grab().save(str(Path(SHOTS) / shot))


@pytest.fixture(scope="session", autouse=True)
def text_size(qapp: QApplication) -> None:
    """The text size of this run, applied as the desk applies it at start-up: before the font and every window."""
    set_text_percent(int(os.environ["COUNTER_FIT_TEXT"]))
    assert round(factor() * 100) == int(os.environ["COUNTER_FIT_TEXT"])
    install_fonts(qapp, REPO / "counter" / "resources" / "fonts")


@pytest.fixture(autouse=True)
def pad_language(counter_home: Path) -> None:
    """The desk's pad language of this run, in its settings before the desk starts its pad."""
    save_desk_config(DeskConfig(pad_language=os.environ.get("COUNTER_FIT_PAD_LANGUAGE", "zh")))


@pytest.fixture(scope="session", autouse=True)
def one_screen(qapp: QApplication) -> None:
    """Fail, never pass vacuously, when the process was started without its screen."""
    screens = QGuiApplication.screens()
    assert len(screens) == 1, "run with a one-screen config"
    assert screens[0].name() == "Desk", f"run with the desk's screen, not {screens[0].name()}"


@pytest.mark.parametrize("name", [*WINDOWS, *DEPARTMENT_WINDOWS])
def test_the_window_fits_the_screen(name: str, desk: MainWindow, casebook_template: tuple[Path, Casebook]) -> None:
    window = {**WINDOWS, **DEPARTMENT_WINDOWS}[name](desk, casebook_template[1])
    settle()
    keep_picture(window, name)
    assert window.isVisible()
    problems = fit_problems(window)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", [name for name in WINDOWS if name.startswith("pad-panel")])
def test_the_pad_keeps_to_its_panel(name: str, desk: MainWindow, casebook_template: tuple[Path, Casebook]) -> None:
    """Full screen on an 800×480 pad, the pad cannot grow: everything must fit in the panel as it is."""
    window = WINDOWS[name](desk, casebook_template[1])
    assert window.size().toTuple() == PAD_PANEL, "the pad needs more room than its panel has"


def test_the_preview_shows_its_pages_whole_width(desk: MainWindow, casebook_template: tuple[Path, Casebook]) -> None:
    """An A4 page at 150 % is wider than a 1024-pixel screen: it is drawn to the window's width, never cut at the
    right for the clerk to scroll to."""
    preview = open_preview(desk, casebook_template[1])
    for view in preview.views:
        preview.tabs.setCurrentWidget(view)
        settle()
        widest = max(page.width() for page in view.pages)
        assert widest <= view.viewport().width(), (widest, view.viewport().width())
        assert view.horizontalScrollBar().maximum() == 0


LONG_NAME = "阿拉坦其其格·孟和巴雅尔"  # a Mongolian name written in hanzi: at 1366×768 and 150 % it showed without 阿


def test_a_long_name_shows_whole_in_the_intake(desk: MainWindow, casebook_template: tuple[Path, Casebook]) -> None:
    intake = open_intake(desk, casebook_template[1])
    intake.agent_form.setChecked(True)
    for form in (intake.applicant_form, intake.agent_form):
        form.name.setText(LONG_NAME)
        settle()
        edit = form.name
        shown = edit.width() - 2 * edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth) - 4
        assert edit.fontMetrics().horizontalAdvance(LONG_NAME) <= shown, (edit.width(), shown)


@pytest.mark.parametrize("name", list(SIGN_IN_WINDOWS))
def test_the_sign_in_fits_the_screen(name: str, desk: MainWindow, store: Store, qtbot: QtBot) -> None:
    window = SIGN_IN_WINDOWS[name](desk, store)
    qtbot.addWidget(window)
    settle()
    keep_picture(window, name)
    assert window.isVisible()
    problems = fit_problems(window)
    assert not problems, "\n".join(problems)
