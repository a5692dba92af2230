"""The preview's footer names the printer as the red line does: never 系统默认打印机 beside "there is none"."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.documents.kinds import DocumentKind
from counter.printing.cups import PrintProblem
from counter.words.printing import print_problem_text
from tests.ui.printing.conftest import Queue
from tests.ui.printing.test_preview import click_print, preview
from tests.ui.printing.test_qt_route import qt_route

__all__ = ["qt_route"]  # the fixture: Qt's print route, as a desk without lp prints


def test_with_no_printer_the_footer_says_none_as_the_red_line_does(
    qtbot: QtBot,
    sessions: sessionmaker[Session],
    cases: dict[str, str],
    queue: Queue,
    qt_route: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cups.sock"))  # a machine with no print server: no printers
    window = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    assert not click_print(qtbot, window)
    assert print_problem_text(PrintProblem.NO_PRINTERS) in window.problem.text()
    assert "默认打印机" not in window.printer_line.text()
    assert window.printer_line.text() == "打印机：无可用的打印机"
