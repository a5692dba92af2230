"""打印预览: the notices as they will come out of the printer, printed with one click, reprinted with one more.

The window shows the PDF bytes themselves, page by page (:mod:`.pdf_pages`),
and 打印 sends those same bytes to the printer (:mod:`.print_run`: to CUPS as
they are, or drawn page by page through Qt's print support where there is no
``lp``): what the clerk saw is what the applicant gets.  Several documents that go together (the
deferral notice, the pledge and the receipt) are tabs of one window and print
together, in order.

A printer that is off or missing never costs the case: the case was saved
before the window opened and a print does not touch it.  The window says what
went wrong in a red bar, records the failed print, and keeps 打印 ready; the
next click prints on from the paper that failed.  Once every paper has gone out
the window closes (:attr:`PreviewWindow.sent_all` says where they went, and any record that was not written, for
the window that opened it to say once the preview is gone): a preview left open behind the desk at every print
would pile up all day, each holding its pages' images.  Every print of a numbered
notice is recorded, also a failed one and a copy saved as a PDF file.  A blank
form or 示范样表 is shown and printed the same way but recorded nowhere: it has
no stored document to count the print against (see :data:`counter.service.documents.MAKE_FORMS`).
"""

from __future__ import annotations

import dataclasses
import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSlider,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.documents.made import MadeDocument, PrintNotMade
from counter.host.machine.desk_config import load_desk_config
from counter.printing.cups import PrintProblem
from counter.service.documents import RECORD_PRINT, RecordPrint
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.ui.look.text_size import factor, scaled
from counter.ui.printing.close_question import unprinted_question
from counter.ui.printing.page_view import PageView
from counter.ui.printing.pdf_pages import PdfUnreadable, page_images
from counter.ui.printing.print_run import Failure, Job, PrintRun, Sent
from counter.ui.printing.printer_chooser import PrinterChooser, printer_name_text, remember_printer
from counter.ui.printing.words import (
    PRINTING_BUSY,
    PRINTING_CASE_NO,
    PRINTING_CHECK_DATES,
    PRINTING_CHOICE_NOT_SAVED,
    PRINTING_CHOOSE,
    PRINTING_CLOSE,
    PRINTING_CONTENT_LINE,
    PRINTING_FAILED,
    PRINTING_FILE_NAME,
    PRINTING_NO_PRINTER,
    PRINTING_NOT_MADE_HERE,
    PRINTING_NOT_RECORDED,
    PRINTING_NUMBERS,
    PRINTING_PRINT,
    PRINTING_PRINTER_LINE,
    PRINTING_RECORD_REFUSED,
    PRINTING_REPRINT,
    PRINTING_RETRY,
    PRINTING_SAVE,
    PRINTING_SAVE_FAILED,
    PRINTING_SAVE_FILTER,
    PRINTING_SAVE_TITLE,
    PRINTING_SAVED,
    PRINTING_SENT,
    PRINTING_UNREADABLE,
    PRINTING_WINDOW_TITLE,
)
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import box
from counter.words.documents import DOC_TITLE
from counter.words.files import file_fault
from counter.words.printing import print_problem_text
from counter.words.punctuation import LIST_JOIN

log = logging.getLogger(__name__)

SCREEN_DPI = 96
#: what the preview puts round a page across the screen: the window's edges, the grey desk's margins, a scroll bar
PAGE_EDGES = 110
WINDOW_SIZE = (960, 780)  # preferred, at 100 % text: counter.ui.look.geometry fits it to the screen


STYLE = f"""
QLabel#previewTitle {{ font-size: 18px; font-weight: bold; color: #102a43; }}
QLabel#previewNumbers {{ color: #334e68; }}
QLabel#reprintTag {{ {box("#e8f1fb", "#0b4f8a", "#9cc3e8")} }}
QLabel#datesWarning, QLabel#recordProblem {{ {box("#fff4e5", "#8a4b08", "#f5c16c")} }}
QLabel#printProblem {{ {box("#fde8e7", "#9b1c13", "#f4a19b")} font-weight: bold; }}
QLabel#printDone {{ {box("#e3f8ec", "#05603a", "#6ce9a6")} }}
QLabel#printerLine {{ color: #102a43; font-weight: bold; }}
QLabel#contentLine {{ color: #334e68; }}
QPushButton {{ padding: 6px 12px; }}
QPushButton#printButton {{
    font-weight: bold; padding: 6px 22px; background: #0b4f8a; color: #ffffff; border: 1px solid #0b4f8a;
    border-radius: 4px;
}}
QPushButton#printButton:disabled {{ background: #9fb3c8; border-color: #9fb3c8; }}
"""


def doc_title(made: MadeDocument) -> str:
    return made.heading or DOC_TITLE[made.kind]


def record_refusal_text(err: Exception) -> str:
    """Why a print was not recorded, for the window's message place: the paper went out (or was saved) all the same,
    and stays as it is.  The record's declared fault (a paper this desk and account did not make) and a refusal of the
    account (its roles changed since it signed in) are worded as every step words a refusal; a failure of the
    database or of the hall server in the runner's sentence; anything else is a fault of the program, raised on."""
    if isinstance(err, PrintNotMade):
        log.warning("print of %s not recorded: not made at this desk by this account", err.doc_no)
        return PRINTING_NOT_MADE_HERE
    if isinstance(err, NotPermitted):
        log.warning("print not recorded: %s", err)
        return PRINTING_RECORD_REFUSED.format(why=refusal_text(err))
    return refusal_text(err)


class PreviewWindow(QWidget):
    print_finished = Signal(bool)  # a click on 打印 is done: True when every paper went out
    # every paper went out (the window closes next): the sentence saying where, and the one saying a record was not
    # written ("" when every record was): the paper is out all the same, and only its opener is left to say so
    sent_all = Signal(str, str)
    recorded = Signal()  # a print (or a failed one) is on record: the case page counts it
    closed = Signal()  # the window closed (Esc, 关闭, or after its print run): its opener takes the keyboard back

    def __init__(
        self,
        runner: Runner,
        desk: Desk,
        documents: tuple[MadeDocument, ...],
        parent: QWidget | None = None,
        *,
        keeps_record: bool = True,
    ) -> None:
        super().__init__(parent)
        assert documents, "a preview shows at least one document"
        self.keeps_record = keeps_record  # False for a guide's forms: no number, no stored document
        self._runner = runner
        self._desk = desk
        self.documents = documents
        self.printer = load_desk_config().printer
        self.pending = list(range(len(documents)))  # what the next 打印 sends, in order
        self.printed: set[int] = set()
        self.no_printer = False  # the last print found none to send to: the footer says so, not "the default"
        self.run: PrintRun | None = None
        # a job's record being written: the database answers while the window's loop turns, and the run's end, taken
        # meanwhile, waits for it (the window would close and go under the record's feet)
        self._recording = False  # a job's record is being written
        self._to_record: list[RecordPrint] = []  # the jobs' records still to write, in the order the jobs went
        self._end_after_record = False
        self._close_after_run = False
        self.chooser: PrinterChooser | None = None
        self.save_dialog: QFileDialog | None = None
        self.close_question: QMessageBox | None = None  # Esc with papers not printed (on_close_requested)
        self.setStyleSheet(scaled(STYLE))
        self.setWindowTitle(PRINTING_WINDOW_TITLE.format(titles=LIST_JOIN.join(map(doc_title, documents))))
        self._make_widgets()
        self._lay_out()
        self._connect_signals()
        self._show_pages()
        self.on_tab_changed(0)
        self._show_printer()

    def _make_widgets(self) -> None:
        self.title = plain_label()
        self.title.setObjectName("previewTitle")
        self.numbers = plain_label()
        self.numbers.setObjectName("previewNumbers")
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reprint_tag = plain_label(PRINTING_REPRINT)
        self.reprint_tag.setObjectName("reprintTag")
        self.dates_warning = plain_label(wrap=True)
        self.dates_warning.setObjectName("datesWarning")
        self.problem = plain_label(wrap=True)
        self.problem.setObjectName("printProblem")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done = plain_label(wrap=True)
        self.done.setObjectName("printDone")
        self.record_problem = plain_label(wrap=True)
        self.record_problem.setObjectName("recordProblem")
        self.tabs = QTabWidget()
        self.views = [PageView() for _ in self.documents]
        for made, view in zip(self.documents, self.views, strict=True):
            self.tabs.addTab(view, doc_title(made))
        self.tabs.tabBar().setVisible(len(self.documents) > 1)
        self.printer_line = plain_label()
        self.printer_line.setObjectName("printerLine")
        self.content_line = plain_label(wrap=True)
        self.content_line.setObjectName("contentLine")
        self.print_button = QPushButton(PRINTING_PRINT)
        self.print_button.setObjectName("printButton")
        self.choose_button = QPushButton(PRINTING_CHOOSE)
        self.save_button = QPushButton(PRINTING_SAVE)
        self.close_button = QPushButton(PRINTING_CLOSE)
        self.print_shortcut = QShortcut(QKeySequence("Ctrl+P"), self)
        self.close_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        # the pages scroll by PageDown and PageUp wherever the keyboard is (most often on 打印)
        self.page_keys = {
            QShortcut(QKeySequence(key), self): action
            for key, action in (
                (Qt.Key.Key_PageDown, QAbstractSlider.SliderAction.SliderPageStepAdd),
                (Qt.Key.Key_PageUp, QAbstractSlider.SliderAction.SliderPageStepSub),
            )
        }
        for widget in (self.reprint_tag, self.dates_warning, self.problem, self.done, self.record_problem):
            widget.hide()

    def _lay_out(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(10)
        head.addWidget(self.reprint_tag)
        head.addStretch(1)
        head.addWidget(self.numbers)
        lines = QVBoxLayout()
        lines.setSpacing(2)
        lines.addWidget(self.printer_line)
        lines.addWidget(self.content_line)
        buttons = QHBoxLayout()
        buttons.addLayout(lines, 1)
        for button in (self.print_button, self.choose_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.dates_warning)
        layout.addWidget(self.problem)
        layout.addWidget(self.done)
        layout.addWidget(self.record_problem)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.tabs.currentChanged.connect(self.on_tab_changed)
        for trigger in (self.print_button.clicked, self.print_shortcut.activated):
            trigger.connect(self.on_print_requested)
        self.choose_button.clicked.connect(self.on_choose_requested)
        self.save_button.clicked.connect(self.on_save_requested)
        for trigger in (self.close_button.clicked, self.close_shortcut.activated):
            trigger.connect(self.on_close_requested)
        for shortcut, action in self.page_keys.items():
            shortcut.activated.connect(partial(self.on_page_key, action))

    def on_page_key(self, action: QAbstractSlider.SliderAction) -> None:
        view = self.tabs.currentWidget()
        if isinstance(view, PageView):
            view.verticalScrollBar().triggerAction(action)

    # --- showing -----------------------------------------------------------------------

    def _show_pages(self) -> None:
        screen = QGuiApplication.primaryScreen()
        ratio = screen.devicePixelRatio() if screen is not None else 1.0
        # the paper grows with the text, but never past the screen's width: an A4 page at 150 % is 1,190 pixels wide,
        # and a 1024-pixel screen showed only its left part (the 身份证号码 and 办件编号 cut off at the right)
        room = (screen.availableGeometry().width() if screen is not None else 1024) - PAGE_EDGES
        for made, view in zip(self.documents, self.views, strict=True):
            try:
                dpi = SCREEN_DPI * factor() * ratio
                images = page_images(made.pdf, dpi)
                widest = max((image.width() / ratio for image in images), default=0)
                if widest > room:
                    images = page_images(made.pdf, dpi * room / widest)
            except PdfUnreadable:
                log.exception("preview of %s %s could not be drawn", made.kind.value, made.doc_no)
                self._say_problem(PRINTING_UNREADABLE.format(title=doc_title(made)))
                continue
            for image in images:
                image.setDevicePixelRatio(ratio)
            view.show_pages(images)

    def current(self) -> MadeDocument:
        return self.documents[max(self.tabs.currentIndex(), 0)]

    def _show_printer(self) -> None:
        titles = LIST_JOIN.join(doc_title(self.documents[i]) for i in self.pending)
        pages = sum(self.views[i].page_count() for i in self.pending)
        printer = PRINTING_NO_PRINTER if self.no_printer else printer_name_text(self.printer)
        self.printer_line.setText(PRINTING_PRINTER_LINE.format(printer=printer))
        self.content_line.setText(PRINTING_CONTENT_LINE.format(titles=titles, pages=pages))

    def _say_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    # --- slots ---------------------------------------------------------------------------

    def on_tab_changed(self, index: int) -> None:
        if index < 0:
            return
        made = self.documents[index]
        self.title.setText(doc_title(made))
        numbers = PRINTING_NUMBERS.format(doc_no=made.doc_no) if made.doc_no else ""
        if made.case_no:
            numbers += PRINTING_CASE_NO.format(case_no=made.case_no)
        self.numbers.setText(numbers)
        self.reprint_tag.setVisible(made.printed_before)  # made before and never printed: its first print
        self.dates_warning.setText(PRINTING_CHECK_DATES.format(title=doc_title(made)))
        self.dates_warning.setVisible(made.check_dates)

    def on_print_requested(self) -> None:
        if self.run is not None:
            return  # a click while the jobs are handed over prints nothing twice
        jobs = tuple(Job(i, self.documents[i].pdf, self.documents[i].title) for i in self.pending)
        self.problem.hide()
        self.done.hide()
        self.print_button.setEnabled(False)
        self.print_button.setText(PRINTING_BUSY)
        self.run = PrintRun(jobs, self.printer, parent=self)
        self.run.sent.connect(self.on_sent)
        self.run.failed.connect(self.on_failed)
        self.run.finished.connect(self.on_run_finished)
        self.run.start()

    def on_sent(self, sent: Sent) -> None:
        made = self.documents[sent.index]
        self.pending.remove(sent.index)
        self.printed.add(sent.index)
        gone = LIST_JOIN.join(doc_title(self.documents[i]) for i in sorted(self.printed))
        self.done.setText(PRINTING_SENT.format(printer=sent.queue, titles=gone))
        self.done.show()
        self._record(made, f"printer:{sent.queue}", ok=True)

    def on_failed(self, failure: Failure) -> None:
        made = self.documents[failure.index]
        error = ": ".join(part for part in (failure.problem.value, failure.detail) if part)
        self._record(made, f"printer:{failure.printer or 'default'}", ok=False, error=error)
        text = print_problem_text(failure.problem, failure.printer, failure.detail)
        self._say_problem(PRINTING_FAILED.format(title=doc_title(made), problem=text))
        self.no_printer = failure.problem in (PrintProblem.NO_PRINTER, PrintProblem.NO_PRINTERS)
        self._show_printer()

    def on_run_finished(self) -> None:
        """The run is over: every paper out closes the window; a failure keeps it, to print on from there."""
        if self._recording:  # a job's record is being written: the run ends once it is (_recorded)
            self._end_after_record = True
            return
        run, self.run = self.run, None
        if run is not None:
            run.wait()  # its end is said from its own thread just before that ends: let it end before letting it go
            run.deleteLater()  # each click makes a run: none is kept for the life of the window
        complete = not self.pending
        if complete:
            self.pending = list(range(len(self.documents)))  # a further click prints them all again
            self.printed = set()
        self.print_button.setEnabled(True)
        self.print_button.setText(PRINTING_PRINT if complete else PRINTING_RETRY)
        self._show_printer()
        self.print_finished.emit(complete)
        if complete:
            unrecorded = "" if self.record_problem.isHidden() else self.record_problem.text()
            self.sent_all.emit(self.done.text(), unrecorded)
            self.close()
        elif self._close_after_run:
            # closed while its papers were handed over, and one did not come out: the window stays, its red bar saying
            # which and why, or the applicant would leave without that paper and the clerk not know
            self._close_after_run = False
            self.activateWindow()

    def on_choose_requested(self) -> None:
        self.chooser = PrinterChooser(self.printer, self)
        self.chooser.chosen.connect(self.on_printer_chosen)
        self.chooser.show()

    def on_printer_chosen(self, printer: str) -> None:
        self.printer = printer
        self.no_printer = False
        self.problem.hide()
        try:
            remember_printer(printer)
        except OSError as err:
            log.exception("printer choice not saved")
            self._say_problem(PRINTING_CHOICE_NOT_SAVED.format(fault=file_fault(err)))
        self._show_printer()

    def on_save_requested(self) -> None:
        made = self.current()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        number = made.case_no or made.doc_no  # a form has neither: its file is named by its title alone
        name = PRINTING_FILE_NAME.format(number=number, title=doc_title(made)) if number else f"{doc_title(made)}.pdf"
        dialog = QFileDialog(self, PRINTING_SAVE_TITLE, str(Path(folder) / name), PRINTING_SAVE_FILTER)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setModal(False)
        dialog.fileSelected.connect(self.on_save_path_chosen)
        self.save_dialog = dialog
        dialog.show()

    def on_save_path_chosen(self, path: str) -> None:
        self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the document on screen to ``path``; a copy handed out as a file is recorded like a print."""
        made = self.current()
        try:
            path.write_bytes(made.pdf)
        except OSError as err:
            log.warning("PDF not saved to %s: %s", path, err)
            self._say_problem(PRINTING_SAVE_FAILED.format(path=path, fault=file_fault(err)))
            return False
        self._record(made, f"file:{path}", ok=True)
        self.problem.hide()
        self.done.setText(PRINTING_SAVED.format(title=doc_title(made), path=path))
        self.done.show()
        return True

    def _record(self, made: MadeDocument, target: str, ok: bool, error: str = "") -> None:
        """A job's record (a form keeps none), written in the order the jobs went, one after another: each is
        submitted once the one before has answered; the run's end, and a close asked meanwhile, wait for them."""
        if not self.keeps_record:
            return  # a form is the guide's leaflet: nothing stored to count the print against
        self._to_record.append(RecordPrint(dataclasses.replace(made, pdf=b""), target, ok, error))  # not its pages
        if not self._recording:
            self._record_next()

    def _record_next(self) -> None:
        kept = self._to_record.pop(0)
        self._recording = True

        def failed(err: Exception) -> None:
            try:
                self.record_problem.setText(record_refusal_text(err))
                self.record_problem.show()
            finally:  # a fault of the program, raised on to the error hook, leaves the run free to end and close
                self._recorded()

        def answered(_none: None) -> None:
            self.recorded.emit()
            self._recorded()

        self._runner.submit(RECORD_PRINT, kept, self._desk, PRINTING_NOT_RECORDED, owner=self, answered=answered,
                            failed=failed)  # fmt: skip

    def _recorded(self) -> None:
        """A record answered: the next one, else the run's end or the close that waited for it."""
        self._recording = False
        if self._to_record:
            self._record_next()
        elif self._end_after_record:  # taken as the run's end would have been: after what the window had queued
            self._end_after_record = False
            QTimer.singleShot(0, self.on_run_finished)
        elif self._close_after_run and self.run is None:
            self.close()

    def unprinted(self) -> list[str]:
        """The titles of the case's papers still to print and never printed before (a reprint looked at is no loss)."""
        if not self.keeps_record:  # a guide's blank forms: nothing of a case
            return []
        return [doc_title(self.documents[i]) for i in self.pending if not self.documents[i].printed_before]

    def on_close_requested(self) -> None:
        """Esc or 关闭: with papers of the case never printed, asked first (Enter goes back to print); else closed."""
        titles = self.unprinted()
        if not titles or self.run is not None:
            self.close()
            return
        self.close_question, leave = unprinted_question(self, titles)  # leave: 仍然关闭
        leave.clicked.connect(self.close)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.run is not None or self._recording:
            # the jobs are being handed over (milliseconds): close once each is on record
            self._close_after_run = True
            event.ignore()
            return
        super().closeEvent(event)
        self.closed.emit()
