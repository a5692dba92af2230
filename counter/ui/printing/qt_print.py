"""Printing through Qt's print support, for a desk without CUPS's ``lp`` (Windows): the PDF's pages on a QPrinter.

The bytes are the ones the preview showed and ``lp`` would have sent; PDFium
draws each page (:mod:`.pdf_pages`) at the printer's resolution, at most
:data:`MAX_DPI`, and the page goes onto the printer at the PDF's own size from
the paper's corner: full-page mode, nothing fitted or centred, so an A4 notice
comes out as the A4 the preview showed.  The printers, their state and the
default come from ``QPrinterInfo``: the names a desk remembers in desk.json are
that list's names.

These functions run on a print thread (:mod:`.print_run`), never the window's:
a printer or spooler that hangs must not freeze the desk.  Qt allows it — its
thread-support notes say QPainter may paint onto a QPrinter in any thread
("Painting in Threads", Qt 6), and nothing here touches a widget or a pixmap;
the QPrinter is made, painted and dropped on the one thread.  Two things are
not shared freely between threads: PDFium (serialised in :mod:`.pdf_pages`)
and Qt's printer-support object, one per process and made on first use, which
the printer chooser's query and a print could otherwise both create at once —
asking for printers and making a QPrinter therefore take turns under
:data:`QT_PRINTERS`; painting does not need it.

What Qt cannot report is not invented here.  A missing or stopped printer, a
machine with none, and a job that cannot start become a
:class:`~counter.printing.cups.PrintFailed` everywhere; a page or the end of a
job the printer refuses only where the system says so (Windows' spooler does,
through ``newPage`` and ``end``).  On Linux Qt's CUPS backend hands the
finished job to CUPS without reading the answer.
"""

from __future__ import annotations

import logging
import threading
from contextlib import closing

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from counter.printing.cups import Printer, PrintFailed, PrintProblem
from counter.ui.printing.pdf_pages import POINTS_PER_INCH, DrawnPage, PdfUnreadable, drawn_pages

log = logging.getLogger(__name__)

# A4 at 300 dpi is 35 MB of pixels a page, at 600 dpi 139 MB: 300 dpi keeps text and the barcode sharp on paper
# without a desk PC paging to disk.
MAX_DPI = 300
QT_PRINTERS = threading.Lock()
_NOT_WORKING = (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted)


def qt_printers() -> list[Printer]:
    """The printers Qt's print support knows, with the default; a printer in error counts as stopped.

    Qt does not say whether a queue accepts jobs, so every printer is listed as accepting.  None at all is
    :attr:`~PrintProblem.NO_PRINTERS`: the chooser says so rather than offer only "the default".
    """
    with QT_PRINTERS:
        found = [
            Printer(info.printerName(), info.state() not in _NOT_WORKING, True, info.isDefault())
            for info in QPrinterInfo.availablePrinters()
        ]
    if not found:
        raise PrintFailed(PrintProblem.NO_PRINTERS)
    return found


def qt_submit(pdf: bytes, printer: str, title: str) -> str:
    """Print ``pdf`` on ``printer`` ("" the system's default); the printer's name.  Raises :class:`PrintFailed`."""
    with QT_PRINTERS:
        names = QPrinterInfo.availablePrinterNames()
        if not names:
            raise PrintFailed(PrintProblem.NO_PRINTERS, printer)
        if not printer:
            printer = QPrinterInfo.defaultPrinterName()
            if not printer:
                raise PrintFailed(PrintProblem.NO_PRINTER)
        # QPrinter.setPrinterName would quietly keep the default printer for a name it does not know
        if printer not in names:
            raise PrintFailed(PrintProblem.PRINTER_MISSING, printer)
        info = QPrinterInfo.printerInfo(printer)
        if info.state() in _NOT_WORKING:
            raise PrintFailed(PrintProblem.PRINTER_STOPPED, printer)
        device = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    _paint(device, pdf, printer, title)
    log.info("%s printed on %s through Qt", title, printer)
    return printer


def _paint(device: QPrinter, pdf: bytes, printer: str, title: str) -> None:
    device.setDocName(title[:200])
    device.setCopyCount(1)  # the PDF already holds every copy it should print
    device.setFullPage(True)
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)  # a printer may keep its own minimum
    dpi = min(device.resolution(), MAX_DPI)
    try:
        with closing(drawn_pages(pdf, dpi, for_print=True)) as pages:
            page = next(pages, None)
            if page is None:
                raise PrintFailed(PrintProblem.REFUSED, printer, "the PDF has no pages")
            _set_paper(device, page)
            painter = QPainter()
            if not painter.begin(device):
                raise PrintFailed(PrintProblem.REFUSED, printer, "the print system did not open the job")
            try:
                number = 1
                _draw(painter, device, page)
                for page in pages:
                    number += 1
                    _set_paper(device, page)
                    if not device.newPage():
                        raise PrintFailed(PrintProblem.INTERRUPTED, printer, f"page {number} was not started")
                    _draw(painter, device, page)
            except BaseException:
                device.abort()
                painter.end()
                raise
            if not painter.end() or device.printerState() in _NOT_WORKING:
                raise PrintFailed(PrintProblem.INTERRUPTED, printer, f"the job of {number} pages was not finished")
    except PdfUnreadable as err:
        raise PrintFailed(PrintProblem.REFUSED, printer, f"the PDF cannot be read: {err}") from err


def _set_paper(device: QPrinter, page: DrawnPage) -> None:
    """The paper the PDF's page is on (A4 for every notice), portrait or landscape as the page is."""
    short, long = sorted((page.width_pt, page.height_pt))
    wanted = QPageSize(QSizeF(short, long), QPageSize.Unit.Point)
    landscape = page.width_pt > page.height_pt
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    layout = device.pageLayout()
    if layout.pageSize().isEquivalentTo(wanted) and layout.orientation() == orientation:
        return
    device.setPageSize(wanted)
    device.setPageOrientation(orientation)


def _draw(painter: QPainter, device: QPrinter, page: DrawnPage) -> None:
    """The page at its size in the PDF from the paper's corner: a printer with other paper crops, never shrinks."""
    scale = device.resolution() / POINTS_PER_INCH
    painter.drawImage(QRectF(0, 0, page.width_pt * scale, page.height_pt * scale), page.image)
