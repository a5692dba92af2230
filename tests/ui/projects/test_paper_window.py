"""A 帮您办 paper printed from its window, on a queue of the run's real CUPS server."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from counter.host.machine.desk_config import load_desk_config, save_desk_config
from counter.printing.cups import PrintProblem
from counter.projects.forms import ProjectForm
from counter.ui.door.runner import Runner
from counter.ui.projects import words
from counter.ui.projects.paper_window import PaperWindow
from counter.ui.projects.window import ProjectsWindow
from counter.words.printing import print_problem_text
from tests.cups_server import Cups
from tests.ui.printing.helpers import pdf_pages, wait_for_jobs
from tests.ui.projects.conftest import Clock
from tests.ui.projects.test_window import served


def paper_of(window: ProjectsWindow, runner: Runner, clock: Clock) -> PaperWindow:
    number = served(runner, clock)
    window.refresh()
    assert window.page.open_project(number)
    window.page.print_buttons[ProjectForm.APPLICATION].click()
    paper = window.paper
    assert paper is not None
    return paper


def the_desks_printer(name: str) -> None:
    save_desk_config(dataclasses.replace(load_desk_config(), printer=name))


def test_a_paper_goes_to_the_desks_printer_page_for_page_and_once(
    qtbot: QtBot,
    projects_window: ProjectsWindow,
    runner: Runner,
    clock: Clock,
    cups: Cups,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CUPS_SERVER", cups.env["CUPS_SERVER"])
    folder = cups.add_queue("project-paper")
    the_desks_printer("project-paper")
    paper = paper_of(projects_window, runner, clock)
    QTest.mouseClick(paper.print_button, Qt.MouseButton.LeftButton)
    assert not paper.print_button.isEnabled()
    paper.on_print_requested()  # pressed again while the job is handed over: nothing printed twice
    qtbot.waitUntil(lambda: paper.run is None, timeout=30_000)
    [job] = wait_for_jobs(folder, 1)
    assert job == paper.pdf
    assert pdf_pages(job) == pdf_pages(paper.pdf) >= 1
    assert paper.said.text() == words.PAPER_SENT.format(printer="project-paper")
    assert paper.print_button.isEnabled()
    assert len(list(folder.glob("job-*.pdf"))) == 1


def test_a_printer_gone_is_named_in_chinese_and_the_paper_can_be_printed_again(
    qtbot: QtBot,
    projects_window: ProjectsWindow,
    runner: Runner,
    clock: Clock,
    cups: Cups,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CUPS_SERVER", cups.env["CUPS_SERVER"])
    gone = "二楼走廊打印机"
    the_desks_printer(gone)
    paper = paper_of(projects_window, runner, clock)
    QTest.mouseClick(paper.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: paper.run is None, timeout=30_000)
    problem = print_problem_text(PrintProblem.PRINTER_MISSING, gone)
    assert paper.said.text() == words.PAPER_FAILED.format(problem=problem)
    assert gone in paper.said.text()
    assert paper.print_button.isEnabled()

    folder = cups.add_queue("project-paper-2")
    the_desks_printer("project-paper-2")
    QTest.mouseClick(paper.print_button, Qt.MouseButton.LeftButton)
    paper.close()  # closed at once: the job still goes out whole
    [job] = wait_for_jobs(folder, 1)
    assert job == paper.pdf
