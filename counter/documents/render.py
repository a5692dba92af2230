"""A document as an A4 PDF: one complete set of pages per copy (一式两份).

The layout is computed once, as a list of drawing operations per page, and
painted once, as a form (a PDF XObject) per page; each copy's page shows that
form and adds the copy's own marks (its tag and footer, "第1联　申请人留存",
"第2联　存档").  So both copies are the same paper to the millimetre, and the
file carries the content once.

The pages are laid out by :mod:`counter.documents.layout`; here they are painted.

The output is byte-for-byte the same for the same data (reportlab's
``invariant`` mode fixes the creation date and document id): a reprint is the
same file, and a test can say so.  Every font is embedded as a subset with its
ToUnicode map, so ``pdftotext`` and a search in any viewer find the names.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Sequence
from typing import Any

from counter.documents import words as paper
from counter.documents.codes import BAR_HEIGHT_MM, MM, MODULE_MM, QUIET_MODULES, code128
from counter.documents.fonts import PRIMARY, SHAPED, DocumentFonts, document_fonts
from counter.documents.layout import copy_marks, lay_out
from counter.documents.model import DocumentData
from counter.documents.page import (
    BODY_SIZE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    BarcodeOp,
    CircleOp,
    FillOp,
    LineOp,
    PageOp,
    QrOp,
    TextOp,
)
from counter.documents.qr import qr_path

BOLD_STROKE = 0.45  # the outline that thickens "bold" text: WenQuanYi Micro Hei has no bold face
TRAINING_SIZE = 110.0  # 培训样张 across the page: four characters from corner to corner
TRAINING_ALPHA = 0.16  # over the tables' fills, yet light enough that the notice beneath stays readable


def _as_written(text: Any, written: str, drawn: str) -> None:
    """Draw a shaped run and say, as its ``/ActualText``, the characters it was written with.

    A shaped glyph's ToUnicode entry can give only one text for it, while the same glyph is drawn for other
    writings: the medial ᠨ before a consonant is the form FVS1 asks for elsewhere, so ᠤᠯᠠᠭᠠᠨᠬᠠᠳᠠ read back with a
    U+180B it never had, and a vowel separator came back as FVS3.  The run's actual text (ISO 32000-1, 14.9.4),
    which pdftotext, PDFium and the viewers' search and copy take in place of the glyphs' entries, is the name as
    it was written, selectors and separators included.
    """
    actual = ("\ufeff" + written).encode("utf-16-be").hex().upper()
    text._code.append(f"/Span <</ActualText <{actual}>>> BDC")
    text.textOut(drawn)
    text._code.append("EMC")


class _Painter:
    """Draws the operations of a page in four passes: fills, lines, text, then codes and circles.

    Lines of one style go into one path and all text of a page into one text
    object, which keeps the PDF small and the painting fast (a receipt has
    some 300 strokes and 150 pieces of text per page).
    """

    def __init__(self, canvas: Any, fonts: DocumentFonts, data: DocumentData) -> None:
        self.c = canvas
        self.fonts = fonts
        self.data = data

    def fills(self, ops: Sequence[FillOp]) -> None:
        c = self.c
        for grey, group in itertools.groupby(ops, key=lambda op: op.grey):
            c.setFillGray(grey)
            path = c.beginPath()
            for op in group:
                path.rect(op.x, op.y, op.w, op.h)
            c.drawPath(path, stroke=0, fill=1)

    def lines(self, ops: Sequence[LineOp]) -> None:
        c = self.c
        for (width, grey, dash), group in itertools.groupby(ops, key=lambda op: (op.width, op.grey, op.dash)):
            c.setStrokeGray(grey)
            c.setLineWidth(width)
            c.setDash(list(dash) if dash else [])
            path = c.beginPath()
            for op in group:
                path.moveTo(op.x1, op.y1)
                path.lineTo(op.x2, op.y2)
            c.drawPath(path, stroke=1, fill=0)
        c.setDash([])

    def texts(self, ops: Sequence[TextOp]) -> None:
        c = self.c
        c.setStrokeGray(0.0)
        c.setLineWidth(BOLD_STROKE)
        t = c.beginText()
        font: tuple[str, float] = ("", 0.0)
        grey, bold, space = -1.0, False, 0.0
        for op in ops:
            t.setTextOrigin(op.x, op.y)
            if op.grey != grey:
                t.setFillGray(op.grey)
                grey = op.grey
            if op.bold != bold:
                t.setTextRenderMode(2 if op.bold else 0)
                bold = op.bold
            if op.char_space != space:
                t.setCharSpace(op.char_space)
                space = op.char_space
            for name, piece in self.fonts.runs(op.text):
                if (name, op.size) != font:
                    t.setFont(name, op.size)
                    font = (name, op.size)
                if name in SHAPED:
                    _as_written(t, piece, self.fonts.shaped(name, piece, op.size))
                else:
                    t.textOut(piece)
        c.drawText(t)

    def circle(self, op: CircleOp) -> None:
        c = self.c
        c.setStrokeGray(op.grey)
        c.setLineWidth(0.6)
        c.setDash(list(op.dash))
        c.circle(op.x, op.y, op.r, stroke=1, fill=0)
        c.setDash([])

    def barcode(self, op: BarcodeOp) -> None:
        c = self.c
        c.setFillGray(0.0)
        module = MODULE_MM * MM
        left = op.x + QUIET_MODULES * module
        path = c.beginPath()
        for bar in code128(op.value).bars:
            path.rect(left + bar.start * module, op.y, bar.width * module, BAR_HEIGHT_MM * MM)
        c.drawPath(path, stroke=0, fill=1)

    def qr(self, op: QrOp) -> None:
        rects, count = qr_path(op.value or self.data.qr)
        border = 2
        box = op.size / (count + 2 * border)
        c = self.c
        c.saveState()
        c.transform(box, 0, 0, box, op.x + border * box, op.y + border * box)  # module units from here
        c.setFillGray(0.0)
        c.addLiteral(f"{rects}\nf")
        c.restoreState()

    def page(self, everything: Sequence[PageOp]) -> None:
        self.fills([op for op in everything if isinstance(op, FillOp)])
        self.lines([op for op in everything if isinstance(op, LineOp)])
        self.texts([op for op in everything if isinstance(op, TextOp)])
        for op in everything:
            if isinstance(op, CircleOp):
                self.circle(op)
            elif isinstance(op, BarcodeOp):
                self.barcode(op)
            elif isinstance(op, QrOp):
                self.qr(op)


def render_pdf(data: DocumentData) -> bytes:
    """The document as PDF bytes: A4, every copy complete, fonts embedded, the same bytes for the same data."""
    from reportlab.pdfgen.canvas import Canvas

    fonts = document_fonts()
    pages = lay_out(data, fonts)
    out = io.BytesIO()
    canvas = Canvas(
        out,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        invariant=1,
        pageCompression=1,
        initialFontName=PRIMARY.name,
        initialFontSize=BODY_SIZE,
    )
    canvas.setTitle(data.title)
    canvas.setAuthor("、".join(data.office_name.splitlines()))
    canvas.setSubject(data.subject)
    canvas.setCreator("counter")
    painter = _Painter(canvas, fonts, data)
    for number, ops in enumerate(pages, 1):
        canvas.beginForm(f"page{number}")
        painter.page(ops)
        canvas.endForm()
    for label in data.copies:
        for number in range(1, len(pages) + 1):
            canvas.doForm(f"page{number}")
            painter.page(copy_marks(fonts, data, label, number, len(pages)))
            if data.watermark or data.training:
                _training_mark(canvas, fonts, data.watermark or paper.TRAINING_MARK)
            canvas.showPage()
    canvas.save()
    return out.getvalue()


def _training_mark(canvas: Any, fonts: DocumentFonts, text: str) -> None:
    """培训样张 (or 示范样表) diagonally across the page, over the notice: such paper is never taken for real."""
    canvas.saveState()
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(55)  # about the page's diagonal (A4 is 1:1.41)
    t = canvas.beginText(-fonts.width(text, TRAINING_SIZE) / 2, -TRAINING_SIZE / 3)
    canvas.setFillAlpha(TRAINING_ALPHA)
    t.setFillGray(0.0)
    for name, piece in fonts.runs(text):
        t.setFont(name, TRAINING_SIZE)
        t.textOut(piece)
    canvas.drawText(t)
    canvas.restoreState()
