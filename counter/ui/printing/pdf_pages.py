"""The pages of a PDF as images, drawn by PDFium: the preview shows, and the printer gets, the very bytes made.

pypdfium2 carries its own PDFium binary and takes about as long to import as
reportlab, so it is imported at the first preview, never while the desk starts.
Pages are drawn as 32-bit BGRx, which is the memory layout of
``QImage.Format_RGB32`` on the little-endian machines the desk runs on: the
bitmap goes into the image without converting a pixel.

PDFium is not thread-safe, not even across different documents (pypdfium2's
documentation: one PDFium call at a time in the whole process, or the process
crashes).  The preview draws on the window's thread while Qt's print path
(:mod:`.qt_print`) draws on a print thread, so every PDFium call here is made
under :data:`PDFIUM`, one page at a time: the window waits at most for one page
being drawn, never for a printer.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Generator
from dataclasses import dataclass

from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

POINTS_PER_INCH = 72
PDFIUM = threading.Lock()


class PdfUnreadable(Exception):
    """The bytes are not a PDF PDFium can open (the preview then says so instead of showing pages)."""


@dataclass(frozen=True, slots=True)
class DrawnPage:
    image: QImage
    width_pt: float  # the page's size in the PDF, in points (A4: 595.3 × 841.9)
    height_pt: float


def drawn_pages(pdf: bytes, dpi: float, for_print: bool = False) -> Generator[DrawnPage, None, None]:
    """Every page of ``pdf`` drawn at ``dpi``, in order, one at a time.  Raises :class:`PdfUnreadable`.

    ``for_print`` draws as PDFium does for a printer, with lines and bars unsmoothed, so a barcode's edges
    stay sharp instead of grey.
    """
    import pypdfium2

    options = {"optimize_mode": "print", "no_smoothpath": True} if for_print else {}
    with PDFIUM:
        try:
            document = pypdfium2.PdfDocument(pdf)
            count = len(document)
        except pypdfium2.PdfiumError as err:
            raise PdfUnreadable(str(err)) from err
    try:
        for index in range(count):
            with PDFIUM:
                page = document[index]
                try:
                    width, height = page.get_size()
                    bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True, **options)
                    try:
                        image = QImage(
                            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
                        ).copy()  # read in place, copied once: the image owns its pixels once the bitmap is gone
                    finally:
                        bitmap.close()
                finally:
                    page.close()
            yield DrawnPage(image, width, height)
    finally:
        with PDFIUM:
            document.close()


def page_images(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of ``pdf`` drawn at ``dpi``, in order.  Raises :class:`PdfUnreadable`."""
    images = [page.image for page in drawn_pages(pdf, dpi)]
    log.debug("%d pages drawn at %s dpi", len(images), dpi)
    return images
