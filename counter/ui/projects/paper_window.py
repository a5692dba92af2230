"""A 帮您办 paper on screen, and printed from there: the pages as they will come out, 打印 and 关闭.

The papers are made by the operation ``projects.make_paper`` (reportlab and its fonts load with the first paper, not
when the window opens).  The case notices' preview keeps a
record per case document kind; a project's paper is not a case document, so this window prints through the same
:class:`counter.ui.printing.print_run.PrintRun` (CUPS or Qt, as the desk is set) without that record.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counter.host.machine.desk_config import load_desk_config
from counter.ui.printing.page_view import PageView
from counter.ui.printing.pdf_pages import PdfUnreadable, page_images
from counter.ui.printing.print_run import Failure, Job, PrintRun, Sent
from counter.ui.projects import words
from counter.ui.widgets.plain_text import plain_label
from counter.words.printing import print_problem_text

log = logging.getLogger(__name__)

PREVIEW_DPI = 96.0


class PaperWindow(QWidget):
    def __init__(self, title: str, pdf: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.title = title
        self.pdf = pdf
        self.run: PrintRun | None = None
        self.pages = PageView()
        self.said = plain_label(wrap=True)
        self.print_button = QPushButton(words.PAPER_PRINT)
        self.print_button.setDefault(True)
        self.close_button = QPushButton(words.PAPER_CLOSE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.said, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.escape = QShortcut(QKeySequence("Esc"), self)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_button.clicked.connect(self.on_print_requested)
        self.close_button.clicked.connect(self.close)
        self.escape.activated.connect(self.close)
        try:
            self.pages.show_pages(page_images(pdf, PREVIEW_DPI))
        except PdfUnreadable:
            log.exception("paper %s not drawn", title)

    def on_print_requested(self) -> None:
        if self.run is not None:
            return  # a second click while the job is handed over prints nothing twice
        self.print_button.setEnabled(False)
        self.run = PrintRun((Job(0, self.pdf, self.title),), load_desk_config().printer, parent=self)
        self.run.sent.connect(self.on_sent)
        self.run.failed.connect(self.on_failed)
        self.run.finished.connect(self.on_run_finished)
        self.run.start()

    def on_sent(self, sent: Sent) -> None:
        self.said.setText(words.PAPER_SENT.format(printer=sent.queue))

    def on_failed(self, failure: Failure) -> None:
        problem = print_problem_text(failure.problem, failure.printer, failure.detail)
        self.said.setText(words.PAPER_FAILED.format(problem=problem))

    def on_run_finished(self) -> None:
        self.run = None
        self.print_button.setEnabled(True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.run is not None:
            self.run.wait()  # the job goes out whole before the window goes
        super().closeEvent(event)
