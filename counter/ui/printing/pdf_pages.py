"""The pages of a PDF as images, drawn by PDFium: the preview shows the very bytes that print.

pypdfium2 carries its own PDFium binary and takes about as long to import as
reportlab, so it is imported at the first preview, never while the desk starts.
Pages are drawn as 32-bit BGRx, which is the memory layout of
``QImage.Format_RGB32`` on the little-endian machines the desk runs on: the
bitmap goes into the image without converting a pixel.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

POINTS_PER_INCH = 72


class PdfUnreadable(Exception):
    """The bytes are not a PDF PDFium can open (the preview then says so instead of showing pages)."""


def page_images(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of ``pdf`` drawn at ``dpi``, in order.  Raises :class:`PdfUnreadable`."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError as err:
        raise PdfUnreadable(str(err)) from err
    images: list[QImage] = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True)
                try:
                    image = QImage(
                        bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
                    )
                    images.append(image.copy())  # the image owns its pixels once the bitmap is gone
                finally:
                    bitmap.close()
            finally:
                page.close()
    finally:
        document.close()
    log.debug("%d pages drawn at %s dpi", len(images), dpi)
    return images
