"""A document as an A4 PDF: one complete set of pages per copy (一式两份).

The layout is computed once, as a list of drawing operations per page, and
painted once, as a form (a PDF XObject) per page; each copy's page shows that
form and adds the copy's own marks (its tag and footer, "第1联　申请人留存",
"第2联　存档").  So both copies are the same paper to the millimetre, and the
file carries the content once.

The layout is done here rather than with reportlab's platypus so that Chinese
line breaking follows :mod:`counter.documents.linebreak`, a rare character can
take its own font in the middle of a word, and a receipt renders in a few
milliseconds.  A document is laid out with regular spacing, and again with
tight spacing when that saves a page: a receipt of a dozen materials fits one
sheet per copy.

The output is byte-for-byte the same for the same data (reportlab's
``invariant`` mode fixes the creation date and document id): a reprint is the
same file, and a test can say so.  Every font is embedded as a subset with its
ToUnicode map, so ``pdftotext`` and a search in any viewer find the names.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from counter.documents import words as paper
from counter.documents.codes import BAR_HEIGHT_MM, MM, MODULE_MM, QUIET_MODULES, code128
from counter.documents.flate import use_fast_deflate
from counter.documents.fonts import PRIMARY, DocumentFonts, document_fonts
from counter.documents.linebreak import break_lines
from counter.documents.model import (
    Block,
    DocumentData,
    Heading,
    Numbered,
    Pair,
    Pairs,
    SignOff,
    Table,
    Text,
)
from counter.documents.qr import qr_path

PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
LEFT = RIGHT = 20 * MM
TOP = 20 * MM  # the barcode and the copy's tag sit above it
BOTTOM = 18 * MM  # content ends here; the footer sits below
CONTENT = PAGE_WIDTH - LEFT - RIGHT
BAND_TOP = PAGE_HEIGHT - 8 * MM  # top of the barcode band

OFFICE_SIZE = 12.0
TITLE_SIZE = 20.0
BODY_SIZE = 11.0
TABLE_SIZE = 10.5
SMALL_SIZE = 9.0
HEADING_SIZE = 11.5
CELL_X = 5.0  # cell padding, left and right
INK, GREY, RULE_GREY, LABEL_FILL, HEAD_FILL = 0.0, 0.35, 0.6, 0.955, 0.925
BORDER = 0.5
LABEL_SHARE = 0.16  # the label column of a two-column table
SEAL_RADIUS = 17.5 * MM  # a guide for the 专用章 (38-42 mm across), which is stamped over the name and date
QR_SIZE = 23 * MM


class _Spacing(NamedTuple):
    body_leading: float
    table_leading: float
    cell_y: float  # cell padding, top and bottom


#: The spacing a document is laid out with; the tighter one is used when it saves a page
#: (a company's receipt of twelve materials then still fits on one sheet per copy).
REGULAR = _Spacing(body_leading=16.5, table_leading=13.2, cell_y=2.7)
TIGHT = _Spacing(body_leading=15.0, table_leading=12.4, cell_y=2.0)


# --- drawing operations -----------------------------------------------------------------
# Named tuples rather than dataclasses: a page holds hundreds of them, and they are
# internal to this module (nothing outside sees a drawing operation).


class _Text(NamedTuple):
    x: float
    y: float  # baseline
    size: float
    text: str
    grey: float = INK
    bold: bool = False
    char_space: float = 0.0


class _Line(NamedTuple):
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = BORDER
    grey: float = RULE_GREY
    dash: tuple[float, ...] = ()


class _Fill(NamedTuple):
    x: float
    y: float
    w: float
    h: float
    grey: float


class _Circle(NamedTuple):
    x: float
    y: float
    r: float
    grey: float
    dash: tuple[float, ...]


class _Barcode(NamedTuple):
    x: float
    y: float  # bottom of the bars
    value: str


class _Qr(NamedTuple):
    x: float
    y: float
    size: float


_Op = _Text | _Line | _Fill | _Circle | _Barcode | _Qr


# --- layout -------------------------------------------------------------------------------


def _baseline(top: float, leading: float, size: float) -> float:
    """The baseline of a line whose box starts at ``top`` (CJK glyphs sit about 0.12 em below it)."""
    return top - (leading - size) / 2 - size * 0.86


class _Layout:
    """Places the blocks of a document on pages, top to bottom."""

    def __init__(self, data: DocumentData, fonts: DocumentFonts, spacing: _Spacing) -> None:
        self.data = data
        self.fonts = fonts
        self.spacing = spacing
        self.pages: list[list[_Op]] = []
        self.y = 0.0
        self._page(first=True)

    # measuring

    def width(self, text: str, size: float) -> float:
        return self.fonts.width(text, size)

    def lines(self, text: str, size: float, width: float, first_width: float | None = None) -> list[str]:
        unit = None if first_width is None else first_width / size
        return break_lines(text, width / size, self.fonts.advance, unit)

    # pages

    @property
    def ops(self) -> list[_Op]:
        return self.pages[-1]

    def _page(self, first: bool) -> None:
        self.pages.append([])
        self.y = PAGE_HEIGHT - TOP
        if self.data.barcode:
            self._barcode()
        if first:
            self._first_header()
        else:
            self._continued_header()

    def fits(self, height: float) -> bool:
        return self.y - height >= BOTTOM

    def ensure(self, height: float) -> None:
        if not self.fits(height):
            self._page(first=False)

    def text_line(self, x: float, top: float, text: str, size: float, leading: float, **style: Any) -> None:
        self.ops.append(_Text(x, _baseline(top, leading, size), size, text, **style))

    def centred(self, centre: float, top: float, text: str, size: float, leading: float, **style: Any) -> None:
        space = style.get("char_space", 0.0)
        width = self.width(text, size) + space * max(len(text) - 1, 0)
        self.text_line(centre - width / 2, top, text, size, leading, **style)

    def _barcode(self) -> None:
        """The case number's barcode in the top band of every page, its quiet zone in the margin."""
        value = self.data.barcode
        bar_height = BAR_HEIGHT_MM * MM
        self.ops.append(_Barcode(LEFT, BAND_TOP - bar_height, value))
        width = code128(value).width_modules * MODULE_MM * MM
        self.centred(LEFT + width / 2, BAND_TOP - bar_height - 0.5, value, 8.0, 10.0, grey=0.2)

    def _first_header(self) -> None:
        data = self.data
        centre = LEFT + CONTENT / 2
        self.centred(centre, self.y, data.office_name, OFFICE_SIZE, 16.0, grey=0.15)
        self.y -= 16.0
        spacing = 8.0 if len(data.title) <= 4 else 3.0
        self.centred(centre, self.y, data.title, TITLE_SIZE, 27.0, bold=True, char_space=spacing)
        self.y -= 29.0
        self.ops.append(_Line(LEFT, self.y, LEFT + CONTENT, self.y, width=0.8, grey=0.2))
        self.y -= 3.0
        numbers = []
        if data.doc_no:
            numbers.append(paper.DOC_NUMBER_LINE.format(label=paper.DOC_NO, value=data.doc_no))
        if data.case_no:
            numbers.append(paper.DOC_NUMBER_LINE.format(label=paper.DOC_CASE_NO, value=data.case_no))
        if numbers:
            self.text_line(LEFT, self.y, numbers[0], 10.0, 15.0, grey=0.2)
            if len(numbers) > 1:
                right = LEFT + CONTENT - self.width(numbers[1], 10.0)
                self.text_line(right, self.y, numbers[1], 10.0, 15.0, grey=0.2)
            self.y -= 18.0
        else:
            self.y -= 6.0
        self.pairs(data.header)
        self.y -= 8.0

    def _continued_header(self) -> None:
        data = self.data
        self.text_line(LEFT, self.y, data.title + paper.DOC_CONTINUED, 10.0, 15.0, grey=0.2)
        if data.case_no:
            label = paper.DOC_NUMBER_LINE.format(label=paper.DOC_CASE_NO, value=data.case_no)
            self.text_line(LEFT + CONTENT - self.width(label, 10.0), self.y, label, 10.0, 15.0, grey=0.2)
        self.y -= 17.0
        self.ops.append(_Line(LEFT, self.y, LEFT + CONTENT, self.y, width=0.5, grey=0.4))
        self.y -= 10.0

    # blocks

    def block(self, block: Block, following: Block | None) -> None:
        if isinstance(block, Heading):
            self.heading(block.text, following)
        elif isinstance(block, Text):
            self.paragraph(block)
        elif isinstance(block, Pairs):
            self.pairs(block.pairs)
            self.y -= 7.0
        elif isinstance(block, Table):
            self.table(block)
            self.y -= 7.0
        else:
            self.numbered(block)

    def heading(self, text: str, following: Block | None) -> None:
        """A heading, kept with the first lines of what follows it."""
        sp = self.spacing
        after = 2 * (sp.table_leading + 2 * sp.cell_y) if isinstance(following, Table | Pairs) else 2 * sp.body_leading
        self.ensure(22.0 + after)
        self.y -= 2.0
        self.ops.append(_Fill(LEFT, self.y - 15.0, 3.0, 12.0, 0.25))
        self.text_line(LEFT + 8.0, self.y, text, HEADING_SIZE, 18.0, bold=True)
        self.y -= 22.0

    def paragraph(self, block: Text) -> None:
        leading = self.spacing.body_leading
        indent = 2 * BODY_SIZE if block.indent else 0.0
        lines = self.lines(block.text, BODY_SIZE, CONTENT, CONTENT - indent)
        for n, line in enumerate(lines):
            self.ensure(leading)
            x = LEFT + (indent if n == 0 else 0.0)
            self.text_line(x, self.y, line, BODY_SIZE, leading, bold=block.strong)
            self.y -= leading
        self.y -= 4.0

    def numbered(self, block: Numbered) -> None:
        leading = self.spacing.body_leading
        for number, text in block.items:
            hang = self.width(number, BODY_SIZE)
            lines = self.lines(text, BODY_SIZE, CONTENT - hang)
            for n, line in enumerate(lines):
                self.ensure(leading)
                if n == 0:
                    self.text_line(LEFT, self.y, number, BODY_SIZE, leading)
                self.text_line(LEFT + hang, self.y, line, BODY_SIZE, leading)
                self.y -= leading
        self.y -= 4.0

    def _row(
        self,
        cells: Sequence[str],
        widths: Sequence[float],
        centred: Sequence[bool],
        fills: Sequence[float | None],
        bold: bool = False,
    ) -> tuple[float, Callable[[], None]]:
        """Measure a row: its height, and the function that draws it at the cursor (after ``ensure``)."""
        size, leading = TABLE_SIZE, self.spacing.table_leading
        wrapped = [self.lines(cell, size, w - 2 * CELL_X) for cell, w in zip(cells, widths, strict=True)]
        height = max(len(lines) for lines in wrapped) * leading + 2 * self.spacing.cell_y

        def draw() -> None:
            top, x = self.y, LEFT
            for lines, w, centre, fill in zip(wrapped, widths, centred, fills, strict=True):
                if fill is not None:
                    self.ops.append(_Fill(x, top - height, w, height, fill))
                line_top = top - (height - len(lines) * leading) / 2
                for line in lines:
                    dx = (w - self.width(line, size)) / 2 if centre else CELL_X
                    self.text_line(x + dx, line_top, line, size, leading, bold=bold)
                    line_top -= leading
                x += w
            self._grid(top, height, widths)
            self.y -= height

        return height, draw

    def _grid(self, top: float, height: float, widths: Sequence[float]) -> None:
        bottom, x = top - height, LEFT
        self.ops.append(_Line(LEFT, top, LEFT + CONTENT, top))
        self.ops.append(_Line(LEFT, bottom, LEFT + CONTENT, bottom))
        for w in widths:
            self.ops.append(_Line(x, top, x, bottom))
            x += w
        self.ops.append(_Line(LEFT + CONTENT, top, LEFT + CONTENT, bottom))

    def pairs(self, pairs: Sequence[Pair]) -> None:
        label_w = CONTENT * LABEL_SHARE
        half = CONTENT / 2
        queue = list(pairs)
        while queue:
            first = queue.pop(0)
            if first.wide:
                cells, widths = [first.label, first.value], [label_w, CONTENT - label_w]
            else:
                second = queue.pop(0) if queue and not queue[0].wide else Pair("", "")
                cells = [first.label, first.value, second.label, second.value]
                widths = [label_w, half - label_w, label_w, half - label_w]
            centred = [i % 2 == 0 for i in range(len(cells))]
            fills = [LABEL_FILL if i % 2 == 0 else None for i in range(len(cells))]
            height, draw = self._row(cells, widths, centred, fills)
            self.ensure(height)
            draw()

    def table(self, table: Table) -> None:
        """A table with a shaded header row, repeated on each page it runs onto.

        A row of one cell spans the table (a group title, shaded).  A table
        never starts a page with its last row alone: the last two rows go
        over together.
        """
        total = sum(c.weight for c in table.columns)
        widths = [CONTENT * c.weight / total for c in table.columns]
        centred = [c.centred for c in table.columns]
        labels = [c.label for c in table.columns]
        head_height, header = self._row(labels, widths, [True] * len(labels), [HEAD_FILL] * len(labels), bold=True)
        rows = [
            self._row(row, [CONTENT], [False], [LABEL_FILL], bold=True)
            if len(row) == 1
            else self._row(row, widths, centred, [None] * len(row))
            for row in table.rows
        ]
        heights = [height for height, _ in rows]
        self.ensure(head_height + sum(heights[:2]))
        header()
        for n, (height, draw) in enumerate(rows):
            keep = sum(heights[n:]) if len(rows) - n == 2 else height
            if len(table.rows[n]) == 1 and n + 1 < len(rows):
                keep = height + heights[n + 1]  # a group title stays with its first row
            if not self.fits(keep) and n > 0:
                self._page(first=False)
                header()
            draw()

    # the end of the document

    def closing(self) -> None:
        data = self.data
        sign = data.sign_off
        signer_h = (len(sign.signers) + 1) * 28.0  # one line more, for a phone that has to wrap
        self.ensure(3.0 + max(28.0 + signer_h + 20.0, 2 * SEAL_RADIUS))
        self.y -= 3.0
        self.sign_off(sign)

    def sign_off(self, s: SignOff) -> None:
        """Clerk and signatures on the left, the seal's place in the middle, the progress QR code on the right."""
        top = self.y
        clerk = paper.DOC_NUMBER_LINE.format(label=s.clerk_label, value=s.clerk)
        phone = paper.DOC_NUMBER_LINE.format(label=paper.DOC_CLERK_PHONE, value=s.phone)
        self.text_line(LEFT, top, clerk, BODY_SIZE, 20.0)
        # the phone follows the clerk's name on the same line when both fit left of the seal
        phone_x = max(LEFT + 30 * MM, LEFT + self.width(clerk, BODY_SIZE) + 6 * MM)
        seal_left = LEFT + CONTENT * (0.655 if self.data.qr else 0.78) - SEAL_RADIUS
        y = top - 28.0
        if phone_x + self.width(phone, BODY_SIZE) <= seal_left - 2 * MM:
            self.text_line(phone_x, top, phone, BODY_SIZE, 20.0)
        else:
            self.text_line(LEFT, y, phone, BODY_SIZE, 20.0)
            y -= 28.0
        for signer in s.signers:
            label = paper.DOC_NUMBER_LINE.format(label=signer, value="")
            self.text_line(LEFT, y, label, BODY_SIZE, 20.0)
            start = LEFT + self.width(label, BODY_SIZE) + 2.0
            self.ops.append(_Line(start, y - 17.0, start + 36 * MM, y - 17.0, width=0.6, grey=0.2))
            y -= 28.0
        self.text_line(LEFT, y, s.signed_at, BODY_SIZE, 20.0)
        y -= 20.0

        seal_x = LEFT + CONTENT * (0.655 if self.data.qr else 0.78)
        seal_y = top - SEAL_RADIUS
        if s.seal_caption:
            self.ops.append(_Circle(seal_x, seal_y, SEAL_RADIUS, 0.6, (3.0, 2.5)))
            caption_top = seal_y + SEAL_RADIUS - 17.0
            for line in self.lines(s.seal_caption, 7.5, 2 * SEAL_RADIUS - 22.0):
                self.centred(seal_x, caption_top, line, 7.5, 9.5, grey=0.55)
                caption_top -= 9.5
        lines = [*self.lines(s.issuer, TABLE_SIZE, 2 * SEAL_RADIUS)[:3], *([s.date] if s.date else [])]
        line_top = seal_y + 8.0 * len(lines) - 4.0
        for line in lines:
            self.centred(seal_x, line_top, line, TABLE_SIZE, 16.0)
            line_top -= 16.0
        if self.data.qr:
            x = LEFT + CONTENT - QR_SIZE
            qr_y = seal_y - QR_SIZE / 2 + 6.0
            self.ops.append(_Qr(x, qr_y, QR_SIZE))
            self.centred(x + QR_SIZE / 2, qr_y - 1.0, self.data.qr_caption, SMALL_SIZE - 0.5, 11.0, grey=0.25)
        self.y = min(y, seal_y - SEAL_RADIUS) - 6.0


def _layout(data: DocumentData, fonts: DocumentFonts) -> list[list[_Op]]:
    """The pages of one copy: regular spacing, or tight spacing when that saves a page."""
    best: list[list[_Op]] = []
    for spacing in (REGULAR, TIGHT):
        layout = _Layout(data, fonts, spacing)
        blocks = data.blocks
        for n, block in enumerate(blocks):
            layout.block(block, blocks[n + 1] if n + 1 < len(blocks) else None)
        layout.closing()
        if not best or len(layout.pages) < len(best):
            best = layout.pages
        if len(best) == 1:
            break
    return best


# --- painting -----------------------------------------------------------------------------


BOLD_STROKE = 0.45  # the outline that thickens "bold" text: WenQuanYi Micro Hei has no bold face


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

    def fills(self, ops: Sequence[_Fill]) -> None:
        c = self.c
        for grey, group in itertools.groupby(ops, key=lambda op: op.grey):
            c.setFillGray(grey)
            path = c.beginPath()
            for op in group:
                path.rect(op.x, op.y, op.w, op.h)
            c.drawPath(path, stroke=0, fill=1)

    def lines(self, ops: Sequence[_Line]) -> None:
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

    def texts(self, ops: Sequence[_Text]) -> None:
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
                t.textOut(piece)
        c.drawText(t)

    def circle(self, op: _Circle) -> None:
        c = self.c
        c.setStrokeGray(op.grey)
        c.setLineWidth(0.6)
        c.setDash(list(op.dash))
        c.circle(op.x, op.y, op.r, stroke=1, fill=0)
        c.setDash([])

    def barcode(self, op: _Barcode) -> None:
        c = self.c
        c.setFillGray(0.0)
        module = MODULE_MM * MM
        left = op.x + QUIET_MODULES * module
        path = c.beginPath()
        for bar in code128(op.value).bars:
            path.rect(left + bar.start * module, op.y, bar.width * module, BAR_HEIGHT_MM * MM)
        c.drawPath(path, stroke=0, fill=1)

    def qr(self, op: _Qr) -> None:
        rects, count = qr_path(self.data.qr)
        border = 2
        box = op.size / (count + 2 * border)
        c = self.c
        c.saveState()
        c.transform(box, 0, 0, box, op.x + border * box, op.y + border * box)  # module units from here
        c.setFillGray(0.0)
        c.addLiteral(f"{rects}\nf")
        c.restoreState()

    def page(self, everything: Sequence[_Op]) -> None:
        self.fills([op for op in everything if isinstance(op, _Fill)])
        self.lines([op for op in everything if isinstance(op, _Line)])
        self.texts([op for op in everything if isinstance(op, _Text)])
        for op in everything:
            if isinstance(op, _Circle):
                self.circle(op)
            elif isinstance(op, _Barcode):
                self.barcode(op)
            elif isinstance(op, _Qr):
                self.qr(op)


def _copy_marks(fonts: DocumentFonts, data: DocumentData, label: str, page: int, pages: int) -> list[_Op]:
    """The copy's tag (top right of every page) and its footer: the copy, how many copies, the page."""
    size = SMALL_SIZE
    width = fonts.width(label, size) + 14.0
    x, top, bottom = PAGE_WIDTH - RIGHT - width, BAND_TOP, BAND_TOP - 17.0
    base = 10 * MM
    number = paper.DOC_PAGE.format(page=page, pages=pages)
    return [
        _Line(x, top, x + width, top, 0.6, 0.3),
        _Line(x + width, top, x + width, bottom, 0.6, 0.3),
        _Line(x + width, bottom, x, bottom, 0.6, 0.3),
        _Line(x, bottom, x, top, 0.6, 0.3),
        _Text(x + 7.0, _baseline(top, 17.0, size), size, label, grey=0.15),
        _Line(LEFT, 14 * MM, LEFT + CONTENT, 14 * MM, 0.4, 0.6),
        _Text(LEFT, base, size, label, grey=GREY),
        _Text(LEFT + (CONTENT - fonts.width(data.copies_note, size)) / 2, base, size, data.copies_note, grey=GREY),
        _Text(LEFT + CONTENT - fonts.width(number, size), base, size, number, grey=GREY),
    ]


def render_pdf(data: DocumentData) -> bytes:
    """The document as PDF bytes: A4, every copy complete, fonts embedded, the same bytes for the same data."""
    from reportlab.pdfgen.canvas import Canvas

    use_fast_deflate()
    fonts = document_fonts()
    pages = _layout(data, fonts)
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
    canvas.setAuthor(data.office_name)
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
            painter.page(_copy_marks(fonts, data, label, number, len(pages)))
            canvas.showPage()
    canvas.save()
    return out.getvalue()
