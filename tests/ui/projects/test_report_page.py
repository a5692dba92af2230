"""F8's 帮您办 tab: the month's report with two projects, counted by county × state and county × stage."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from pytestqt.qtbot import QtBot

from counter.actions.projects.project_steps import accept_project, register_project
from counter.ui.door.runner import Runner
from counter.ui.pad.supervisor_window import SupervisorWindow
from counter.ui.projects import words
from counter.words.files import file_fault
from tests.projects.samples import FACTS, OTHER
from tests.ui.pad.test_supervision import cell
from tests.ui.projects.conftest import DESK, START, Clock
from tests.ui.runners import store_of


def test_the_supervisions_tab_shows_the_months_two_projects(
    qtbot: QtBot, runner: Runner, clock: Clock, tmp_path: Path
) -> None:
    now = clock()
    first = store_of(runner).write(partial(register_project, desk=DESK, facts=FACTS, today=START, now=now))
    store_of(runner).write(partial(accept_project, desk=DESK, number=first, today=START, now=now))
    second = store_of(runner).write(partial(register_project, desk=DESK, facts=OTHER, today=START, now=now))
    window = SupervisorWindow(runner, "其其格", clock=clock)
    qtbot.addWidget(window)
    window.refresh()
    page = window.projects
    tabs = [window.tabText(i) for i in range(window.count())]
    assert tabs.index(words.REPORT_TAB) == tabs.index("本机评价器") + 1  # appended: the tabs before keep their places
    rows = page.rows
    assert sorted(cell(rows, r, 1) for r in range(rows.rowCount())) == sorted([first, second])
    counties = [cell(page.by_state, r, 0) for r in range(page.by_state.rowCount())]
    assert counties == sorted([FACTS.county, OTHER.county])
    accepted = 1 + 1  # the county column, then 已申请, 已受理
    by_county = {cell(page.by_state, r, 0): r for r in range(page.by_state.rowCount())}
    assert cell(page.by_state, by_county[FACTS.county], accepted) == "1"
    total = page.by_stage.columnCount() - 1
    assert [cell(page.by_stage, r, total) for r in range(page.by_stage.rowCount())] == ["1", "1"]
    assert page.export_to(tmp_path / "report.csv")
    lines = (tmp_path / "report.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 3
    assert FACTS.name in "".join(lines)


def test_a_report_that_cannot_be_written_says_why(qtbot: QtBot, runner: Runner, clock: Clock, tmp_path: Path) -> None:
    window = SupervisorWindow(runner, "其其格", clock=clock)
    qtbot.addWidget(window)
    window.refresh()
    page = window.projects
    assert not page.export_to(tmp_path)  # a folder chosen, not a file
    assert page.summary.text() == words.REPORT_EXPORT_FAILED.format(fault=file_fault(IsADirectoryError(21, "")))
    assert page.export_to(tmp_path / "report.csv")  # the next choice writes it
    assert page.summary.text() == words.REPORT_EXPORTED.format(path=tmp_path / "report.csv")


def test_a_month_that_cannot_be_read_shows_and_exports_nothing_of_the_month_before(
    qtbot: QtBot, runner: Runner, clock: Clock, tmp_path: Path
) -> None:
    """September read, then October asked while the database is locked: the error is said, and neither the tables
    nor the file the supervisor then exports carry September's projects under October's name."""
    import datetime as dt

    from PySide6.QtCore import QDate

    from counter.service.projects import READ_REPORT
    from counter.words.database import fault_text
    from tests.ui.failing import LOCKED, failing

    now = clock()
    store_of(runner).write(partial(register_project, desk=DESK, facts=FACTS, today=START, now=now))
    clock.day = START + dt.timedelta(days=31)
    window = SupervisorWindow(runner, "其其格", clock=clock)
    qtbot.addWidget(window)
    window.refresh()
    page = window.projects
    page.month.setDate(QDate(START.year, START.month, 1))
    page.on_show()
    assert page.rows.rowCount() == 1

    away = failing(runner, LOCKED, READ_REPORT)
    page.month.setDate(QDate(START.year, START.month + 1, 1))
    page.on_show()
    assert away.asked == [READ_REPORT.name]
    assert page.summary.text() == words.READ_FAILED.format(fault=fault_text("locked"))
    assert page.rows.rowCount() == 0
    assert page.by_state.rowCount() == 0
    assert page.by_stage.rowCount() == 0
    october = tmp_path / "bangninban-2026-10.csv"
    assert not page.export_to(october)
    assert not october.exists()

    away.mend()
    page.export_button.click()  # the month is read again first, then its file chosen
    dialog = page.export_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.selectedFiles()[0].endswith("bangninban-2026-10.csv")
    with qtbot.waitSignal(dialog.fileSelected):
        dialog.selectFile(str(october))
        dialog.accept()
    assert page.summary.text() == words.REPORT_EXPORTED.format(path=october)
    lines = october.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2  # the heading and the project, still served in October
