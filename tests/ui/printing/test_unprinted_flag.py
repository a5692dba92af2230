"""A committed case whose papers did not all go out stays flagged on the desk's window and in F6, until they are
printed or the clerk, closing the intake without them, says why — which the case's history keeps."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.case.status import CaseEvent
from counter.db import models
from counter.host.machine.desk_config import load_desk_config, save_desk_config
from counter.intake.outcome import Outcome
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.ui.cases.case_lists import CaseLists
from counter.ui.intake import IntakePanel
from counter.ui.mainwindow.main_window import MainWindow
from tests.cups_server import Cups
from tests.ui.conftest import start_window
from tests.ui.printing.conftest import Queue
from tests.ui.printing.helpers import DESK, TODAY
from tests.ui.printing.test_intake_print import open_paper, panel, print_paper, take
from tests.ui.printing.test_papers_left import esc, type_chinese
from tests.ui.runners import OpenedStore

__all__ = ["panel"]  # the fixture, as the intake's print tests make it


@pytest.fixture
def window(qtbot: QtBot, sessions: sessionmaker[Session]) -> MainWindow:
    """The desk's main window on the printing desk's database, its status bar started."""
    config = load_desk_config()
    save_desk_config(dataclasses.replace(config, site_code=DESK.identity.site_code, desk_no=DESK.identity.desk_no))
    window = start_window(qtbot, MainWindow(InProcess(OpenedStore(sessions), clock=Clock(TODAY)), None))
    window.start_pad()
    return window


def flagged(qtbot: QtBot, window: MainWindow) -> list[str]:
    """The main window's flag read again: the case numbers it flags (its line names each)."""
    flag = window.unprinted_flag
    with qtbot.waitSignal(flag.counted) as counted:
        flag.refresh()
    assert counted.args == [len(flag.cases)]
    if flag.cases:
        assert flag.isVisible()
        assert flag.text() == f"未打印文书 {len(flag.cases)} 件"
    else:
        assert not flag.isVisible()
    return [case.case_no for case in flag.cases]


def f6_line(qtbot: QtBot, window: MainWindow) -> str:
    """F6's list, opened by the key: the line above its tabs ("" hidden)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F6)
    [lists] = [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseLists) and w.isVisible()]
    qtbot.addWidget(lists)
    text = lists.unprinted.text() if lists.unprinted.isVisible() else ""
    lists.close()
    return text


@pytest.mark.slow  # the run's CUPS server, a print failed and one that went
def test_an_unprinted_pledge_is_flagged_until_it_is_printed(
    qtbot: QtBot, window: MainWindow, panel: IntakePanel, queue: Queue, cups: Cups
) -> None:
    case_no = take(qtbot, panel, Outcome.DEFER)  # 容缺: the 承诺书 the applicant signs is among the papers
    assert case_no in flagged(qtbot, window)
    line = f6_line(qtbot, window)
    # the hall receives for the departments: its papers named as they head themselves
    assert f"{case_no}（容缺后补材料告知书、容缺受理承诺书、收件凭证）" in line
    preview = open_paper(panel)
    cups.run("cupsdisable", queue.name)
    assert not print_paper(qtbot, preview)  # a print that failed leaves the papers unprinted
    assert case_no in flagged(qtbot, window)
    cups.run("cupsenable", queue.name)
    assert print_paper(qtbot, preview)
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert case_no not in flagged(qtbot, window)
    assert case_no not in f6_line(qtbot, window)


@pytest.mark.slow
def test_a_waiver_with_its_reason_clears_the_flag_and_stays_in_the_history(
    qtbot: QtBot, window: MainWindow, panel: IntakePanel, sessions: sessionmaker[Session]
) -> None:
    case_no = take(qtbot, panel, Outcome.DEFER)
    before = flagged(qtbot, window)
    assert case_no in before
    esc(qtbot, panel)
    question = panel.unprinted_question
    assert question is not None
    qtbot.waitUntil(question.isActiveWindow)
    type_chinese(question.reason, "打印机故障，申请人明日来取")
    with qtbot.waitSignal(panel.closed):
        QTest.mouseClick(question.leave_button, Qt.MouseButton.LeftButton)
    assert flagged(qtbot, window) == [no for no in before if no != case_no]  # this case only
    assert case_no not in f6_line(qtbot, window)
    with sessions() as session:
        lines = session.execute(
            select(models.CaseHistory.event, models.CaseHistory.clerk, models.CaseHistory.note)
            .join(models.Case, models.Case.id == models.CaseHistory.case_id)
            .where(models.Case.case_no == case_no, models.CaseHistory.event == CaseEvent.PAPERS_WAIVED.value)
        ).all()
    assert [tuple(line) for line in lines] == [
        (CaseEvent.PAPERS_WAIVED.value, DESK.clerk, "deferral,pledge,receipt: 打印机故障，申请人明日来取")
    ]
