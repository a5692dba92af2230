"""Printing through Qt's print support (the desks without ``lp``), against the run's real CUPS server.

On Linux Qt's print support talks to CUPS through libcups, so ``COUNTER_PRINT=qt`` sends the same clicks through
``QPrinterInfo`` and ``QPrinter`` to the same queues the ``lp`` tests use: the job that lands is the PDF Qt made of
the pages PDFium drew, and it must have the notice's pages, at A4, looking like the notice.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.documents.kinds import DocumentKind
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.printing.cups import PrintProblem
from counter.printing.route import PrintRoute
from counter.words.printing import print_problem_text
from tests.cups_server import Cups
from tests.ui.printing.conftest import Queue
from tests.ui.printing.helpers import DESK, case_papers, pdf_pages, print_records, wait_for_jobs
from tests.ui.printing.test_preview import DEFERRAL_SET, click_print, preview
from tests.ui.runners import runner_on

BLOCK = 6  # 72 dpi pixels to a block: the 300 dpi picture and the vector original differ in edges, not in blocks
SAME_PAGE = 6  # mean grey difference (of 255) below which two drawings are the same page (1 % smaller: 15)
FORMAT_GREY = QImage.Format.Format_Grayscale8
SMOOTH = Qt.TransformationMode.SmoothTransformation


@pytest.fixture
def qt_route(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTER_PRINT", "qt")


def page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        sizes = [document[i].get_size() for i in range(len(document))]
        return [(round(width), round(height)) for width, height in sizes]
    finally:
        document.close()


def greys(pdf: bytes) -> list[QImage]:
    """Each page drawn in grey at 72 dpi, then averaged down to blocks of 2 mm: what drawing differs in is gone."""
    document = pypdfium2.PdfDocument(pdf)
    pages = []
    try:
        for index in range(len(document)):
            bitmap = document[index].render(grayscale=True)
            pixels = bytes(bitmap.buffer)
            image = QImage(pixels, bitmap.width, bitmap.height, bitmap.stride, FORMAT_GREY)
            pages.append(image.scaled(image.width() // BLOCK, image.height() // BLOCK, mode=SMOOTH))
            bitmap.close()
    finally:
        document.close()
    return pages


def difference(printed: bytes, original: bytes) -> float:
    """The mean grey difference (0–255) between the pages of two PDFs, over the area both cover."""
    total = count = 0
    for a, b in zip(greys(printed), greys(original), strict=True):
        width, height = min(a.width(), b.width()), min(a.height(), b.height())
        pixels_a, pixels_b = bytes(a.constBits()), bytes(b.constBits())
        for y in range(height):
            row_a = pixels_a[y * a.bytesPerLine() : y * a.bytesPerLine() + width]
            row_b = pixels_b[y * b.bytesPerLine() : y * b.bytesPerLine() + width]
            total += sum(abs(p - q) for p, q in zip(row_a, row_b, strict=True))
            count += width
    return total / count


def shrunk(pdf: bytes, factor: float) -> bytes:
    """``pdf`` with every page's content scaled by ``factor`` towards the corner, as a printer fitting it would."""
    source = pypdfium2.PdfDocument(pdf)
    target = pypdfium2.PdfDocument.new()
    try:
        for index in range(len(source)):
            page = target.new_page(*source[index].get_size())
            picture = source.page_as_xobject(index, target).as_pageobject()
            picture.transform(pypdfium2.PdfMatrix().scale(factor, factor))
            page.insert_obj(picture)
            page.gen_content()
        out = io.BytesIO()
        target.save(out)
        return out.getvalue()
    finally:
        target.close()
        source.close()


def test_the_comparison_sees_a_page_shrunk_by_one_percent(
    sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    """The bound the print test holds means something: a page shrunk by 1 % is far beyond it."""
    (made,) = case_papers(runner_on(sessions), DESK, cases["受理"], (DocumentKind.RECEIPT,))
    assert difference(made.pdf, made.pdf) == 0
    assert difference(shrunk(made.pdf, 0.99), made.pdf) > 2 * SAME_PAGE


@pytest.mark.slow
def test_a_set_prints_through_qt_page_for_page_at_a4(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue, qt_route: None
) -> None:
    window = preview(qtbot, sessions, cases["容缺受理"], DEFERRAL_SET)
    assert window.printer == queue.name
    assert click_print(qtbot, window)
    assert window.run is None
    jobs = wait_for_jobs(queue.folder, 3)
    for job, made in zip(jobs, window.documents, strict=True):
        assert job.startswith(b"%PDF")
        assert job != made.pdf  # Qt's own PDF of the drawn pages, not lp's byte-for-byte copy
        assert pdf_pages(job) == pdf_pages(made.pdf)
        assert page_sizes(job) == [(595, 842)] * pdf_pages(made.pdf)  # A4, portrait
        assert difference(job, made.pdf) < SAME_PAGE  # neither shrunk nor shifted
        assert print_records(sessions, made.document_id) == [(True, f"printer:{queue.name}", "", made.content_hash)]
    assert queue.name in window.done.text()
    assert not window.problem.isVisible()


@pytest.mark.slow
def test_the_desks_printer_missing_is_named_and_nothing_is_lost(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue, qt_route: None
) -> None:
    gone = "二楼走廊打印机"
    save_desk_config(DeskConfig(site_code=DESK.identity.site_code, desk_no=DESK.identity.desk_no, printer=gone))
    window = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    made = window.documents[0]

    assert not click_print(qtbot, window)
    text = window.problem.text()
    assert window.problem.isVisible()
    assert print_problem_text(PrintProblem.PRINTER_MISSING, gone) in text
    assert f"打印机“{gone}”不存在" in text
    assert "办件已保存" in text
    [(ok, target, error, _digest)] = print_records(sessions, made.document_id)
    assert (ok, target) == (False, f"printer:{gone}")
    assert PrintProblem.PRINTER_MISSING.value in error
    assert not list(queue.folder.glob("job-*"))

    window.on_printer_chosen(queue.name)
    assert click_print(qtbot, window)
    assert pdf_pages(wait_for_jobs(queue.folder, 1)[0]) == pdf_pages(made.pdf)


def test_a_stopped_printer_is_named(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue, cups: Cups, qt_route: None
) -> None:
    cups.run("cupsdisable", queue.name)
    window = preview(qtbot, sessions, cases["撤回申请"], (DocumentKind.REFUSAL,))
    assert not click_print(qtbot, window)
    assert print_problem_text(PrintProblem.PRINTER_STOPPED, queue.name) in window.problem.text()
    assert window.print_button.isEnabled()


def test_no_printer_at_all_is_said(
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
    assert "没有安装任何打印机" in window.problem.text()
    QTest.mouseClick(window.choose_button, Qt.MouseButton.LeftButton)
    chooser = window.chooser
    assert chooser is not None
    with qtbot.waitSignal(chooser.loaded):
        pass
    assert chooser.message.text() == print_problem_text(PrintProblem.NO_PRINTERS)
    assert chooser.names() == ["", queue.name]  # the desk's choice is kept, to be found again once installed


@pytest.mark.slow
@pytest.mark.qt_log_ignore(
    # Qt's own words for the failure the test provokes; the window's sentence is what the test checks
    "QPdfPrinter: Could not open temporary file to print",
    r"QPainter::begin\(\): Returned false",
)
def test_a_job_the_print_system_cannot_take_is_named_and_printed_again(
    qtbot: QtBot,
    sessions: sessionmaker[Session],
    cases: dict[str, str],
    queue: Queue,
    qt_route: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    made = window.documents[0]
    not_a_folder = tmp_path / "spool"
    not_a_folder.write_text("")
    monkeypatch.setenv("TMPDIR", str(not_a_folder))  # libcups cannot make the job's spool file: the job never starts

    assert not click_print(qtbot, window)
    assert f"打印机“{queue.name}”拒绝了打印任务" in window.problem.text()
    [(ok, _target, error, _digest)] = print_records(sessions, made.document_id)
    assert not ok
    assert PrintProblem.REFUSED.value in error

    monkeypatch.delenv("TMPDIR")
    assert click_print(qtbot, window)
    assert pdf_pages(wait_for_jobs(queue.folder, 1)[0]) == pdf_pages(made.pdf)
    assert [ok for ok, *_ in print_records(sessions, made.document_id)] == [False, True]


def test_the_chooser_lists_qts_printers(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue, cups: Cups, qt_route: None
) -> None:
    stopped = f"{queue.name}-stopped"
    cups.add_queue(stopped)
    cups.run("cupsdisable", stopped)
    window = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    QTest.mouseClick(window.choose_button, Qt.MouseButton.LeftButton)
    chooser = window.chooser
    assert chooser is not None
    assert chooser.query.route is PrintRoute.QT
    with qtbot.waitSignal(chooser.loaded):
        pass  # QPrinterInfo answers on the chooser's own thread
    labels = [chooser.list.item(row).text() for row in range(chooser.list.count())]
    assert queue.name in labels
    assert f"{stopped}（已停止）" in labels
    assert chooser.list.currentItem().text() == queue.name
    chooser.select(stopped)
    QTest.mouseClick(chooser.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert window.printer == stopped


@pytest.mark.slow
def test_a_desk_without_lp_prints_through_qt(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], queue: Queue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")  # no lp, no lpstat: a Windows desk, as far as printing goes
    window = preview(qtbot, sessions, cases["受理"], (DocumentKind.RECEIPT,))
    made = window.documents[0]
    assert click_print(qtbot, window)
    [job] = wait_for_jobs(queue.folder, 1)
    assert job != made.pdf
    assert pdf_pages(job) == pdf_pages(made.pdf)
