"""A document laid out as drawing operations, page by page, and the marks of each copy.

The layout is done here rather than with reportlab's platypus so that Chinese
line breaking follows :mod:`counter.documents.linebreak`, a rare character can
take its own font in the middle of a word, and a receipt renders in a few
milliseconds.  A document is laid out with regular spacing, and again with
tight spacing when that saves a page: a receipt of a dozen materials fits one
sheet per copy.

Why one module: :class:`_Layout` is one cursor (the page, the height left) that every kind of block moves and every
page break reads; its blocks apart would hand that state from module to module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from counter.documents import words as paper
from counter.documents.codes import BAR_HEIGHT_MM, MM, MODULE_MM, code128
from counter.documents.data import Flow
from counter.documents.fonts import DocumentFonts
from counter.documents.linebreak import break_lines
from counter.documents.model import Block, DocumentData, Fields, Heading, Numbered, Pair, Pairs, SignOff, Table, Text
from counter.documents.page import (
    BAND_TOP,
    BODY_SIZE,
    BOTTOM,
    CELL_X,
    CONTENT,
    GREY,
    HEAD_FILL,
    HEADING_SIZE,
    LABEL_FILL,
    LABEL_SHARE,
    LEFT,
    OFFICE_SIZE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    QR_GAP,
    QR_SIZE,
    RIGHT,
    SEAL_RADIUS,
    SMALL_SIZE,
    TABLE_SIZE,
    TITLE_SIZE,
    TOP,
    BarcodeOp,
    CircleOp,
    FillOp,
    LineOp,
    PageOp,
    QrOp,
    TextOp,
)

FINGERPRINT_SIDE = 15 * MM  # a thumbprint with room around it
FIELD_HEIGHT = 11 * MM  # a form's box: one line of handwriting with room above and below
FIELD_LABEL_SHARE = 0.27  # a form's labels are longer than a notice's (统一社会信用代码)
FLOW_LEADING = 14.0  # a flow chart's box: lines of table text
FLOW_PAD_X, FLOW_PAD_Y = 8.0, 7.0
FLOW_GAP = 22.0  # between two boxes: room for the arrow
FLOW_HEAD = 5.0  # an arrow's head
FLOW_STROKE, FLOW_GREY = 0.8, 0.2


class _Spacing(NamedTuple):
    body_leading: float
    table_leading: float
    cell_y: float  # cell padding, top and bottom


#: The spacing a document is laid out with; the tighter one is used when it saves a page
#: (a company's receipt of twelve materials then still fits on one sheet per copy).
REGULAR = _Spacing(body_leading=16.5, table_leading=13.2, cell_y=2.7)
TIGHT = _Spacing(body_leading=15.0, table_leading=12.4, cell_y=2.0)


def baseline(top: float, leading: float, size: float) -> float:
    """The baseline of a line whose box starts at ``top`` (CJK glyphs sit about 0.12 em below it)."""
    return top - (leading - size) / 2 - size * 0.86


class _Layout:
    """Places the blocks of a document on pages, top to bottom."""

    def __init__(self, data: DocumentData, fonts: DocumentFonts, spacing: _Spacing) -> None:
        self.data = data
        self.fonts = fonts
        self.spacing = spacing
        self.pages: list[list[PageOp]] = []
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
    def ops(self) -> list[PageOp]:
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

    def new_page(self) -> None:
        self._page(first=False)

    def text_line(self, x: float, top: float, text: str, size: float, leading: float, **style: Any) -> None:
        self.ops.append(TextOp(x, baseline(top, leading, size), size, text, **style))

    def centred(self, centre: float, top: float, text: str, size: float, leading: float, **style: Any) -> None:
        space = style.get("char_space", 0.0)
        width = self.width(text, size) + space * max(len(text) - 1, 0)
        self.text_line(centre - width / 2, top, text, size, leading, **style)

    def _barcode(self) -> None:
        """The case number's barcode in the top band of every page, its quiet zone in the margin."""
        value = self.data.barcode
        bar_height = BAR_HEIGHT_MM * MM
        self.ops.append(BarcodeOp(LEFT, BAND_TOP - bar_height, value))
        width = code128(value).width_modules * MODULE_MM * MM
        self.centred(LEFT + width / 2, BAND_TOP - bar_height - 0.5, value, 8.0, 10.0, grey=0.2)

    def _first_header(self) -> None:
        data = self.data
        centre = LEFT + CONTENT / 2
        if data.office_name_mn:  # 横写的蒙文在上、汉文在下 (内政办发〔1996〕32号 第三条), in the same size
            self.centred(centre, self.y, data.office_name_mn, OFFICE_SIZE, 16.0, grey=0.15)
            self.y -= 16.0
        names = data.office_name.splitlines()  # a paper of several entrusting departments: on one line if they fit
        together = paper.DOC_LIST_JOIN.join(names)
        for name in [together] if self.width(together, OFFICE_SIZE) <= CONTENT else names:
            self.centred(centre, self.y, name, OFFICE_SIZE, 16.0, grey=0.15)
            self.y -= 16.0
        spacing = 8.0 if len(data.title) <= 4 else 3.0
        self.centred(centre, self.y, data.title, TITLE_SIZE, 27.0, bold=True, char_space=spacing)
        self.y -= 29.0
        self.ops.append(LineOp(LEFT, self.y, LEFT + CONTENT, self.y, width=0.8, grey=0.2))
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
        self.ops.append(LineOp(LEFT, self.y, LEFT + CONTENT, self.y, width=0.5, grey=0.4))
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
        elif isinstance(block, Fields):
            self.fields(block.pairs)
            self.y -= 7.0
        elif isinstance(block, Flow):
            self.flow(block)
        else:
            self.numbered(block)

    def heading(self, text: str, following: Block | None) -> None:
        """A heading, kept with the first lines of what follows it."""
        sp = self.spacing
        after = 2 * (sp.table_leading + 2 * sp.cell_y) if isinstance(following, Table | Pairs) else 2 * sp.body_leading
        self.ensure(22.0 + after)
        self.y -= 2.0
        self.ops.append(FillOp(LEFT, self.y - 15.0, 3.0, 12.0, 0.25))
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
        least: float = 0.0,
    ) -> tuple[float, Callable[[], None]]:
        """Measure a row (at least ``least`` tall): its height, and the function that draws it at the cursor."""
        size, leading = TABLE_SIZE, self.spacing.table_leading
        wrapped = [self.lines(cell, size, w - 2 * CELL_X) for cell, w in zip(cells, widths, strict=True)]
        height = max(max(len(lines) for lines in wrapped) * leading + 2 * self.spacing.cell_y, least)

        def draw() -> None:
            top, x = self.y, LEFT
            for lines, w, centre, fill in zip(wrapped, widths, centred, fills, strict=True):
                if fill is not None:
                    self.ops.append(FillOp(x, top - height, w, height, fill))
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
        self.ops.append(LineOp(LEFT, top, LEFT + CONTENT, top))
        self.ops.append(LineOp(LEFT, bottom, LEFT + CONTENT, bottom))
        for w in widths:
            self.ops.append(LineOp(x, top, x, bottom))
            x += w
        self.ops.append(LineOp(LEFT + CONTENT, top, LEFT + CONTENT, bottom))

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

    def fields(self, pairs: Sequence[Pair]) -> None:
        """A form's boxes, one to a row, each tall enough to be written in by hand."""
        label_w = CONTENT * FIELD_LABEL_SHARE
        for pair in pairs:
            cells, widths = [pair.label, pair.value], [label_w, CONTENT - label_w]
            height, draw = self._row(cells, widths, [True, False], [LABEL_FILL, None], least=FIELD_HEIGHT)
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

    # a flow chart

    def _flow_box(self, text: str, width: float) -> tuple[list[str], float]:
        lines = self.lines(text, TABLE_SIZE, width - 2 * FLOW_PAD_X)
        return lines, len(lines) * FLOW_LEADING + 2 * FLOW_PAD_Y

    def _box(self, left: float, top: float, width: float, lines: list[str], height: float, fill: float | None) -> None:
        """A box of the chart, its lines centred in it."""
        right, bottom = left + width, top - height
        if fill is not None:
            self.ops.append(FillOp(left, bottom, width, height, fill))
        for x1, y1, x2, y2 in ((left, top, right, top), (right, top, right, bottom), (right, bottom, left, bottom),
                               (left, bottom, left, top)):  # fmt: skip
            self.ops.append(LineOp(x1, y1, x2, y2, width=FLOW_STROKE, grey=FLOW_GREY))
        line_top = top - FLOW_PAD_Y
        for line in lines:
            self.centred(left + width / 2, line_top, line, TABLE_SIZE, FLOW_LEADING)
            line_top -= FLOW_LEADING

    def _arrow(self, x1: float, y1: float, x2: float, y2: float) -> None:
        """A straight arrow from (x1, y1) to (x2, y2), along an axis, its head a chevron at the end.

        Drawn with lines only: the painter then needs no shape of its own, and every other paper keeps its bytes.
        """
        self.ops.append(LineOp(x1, y1, x2, y2, width=FLOW_STROKE, grey=FLOW_GREY))
        dx, dy = (x2 > x1) - (x2 < x1), (y2 > y1) - (y2 < y1)
        back_x, back_y = -dx * FLOW_HEAD, -dy * FLOW_HEAD
        side_x, side_y = dy * FLOW_HEAD * 0.55, dx * FLOW_HEAD * 0.55
        for sign in (1, -1):
            end_x, end_y = x2 + back_x + sign * side_x, y2 + back_y + sign * side_y
            self.ops.append(LineOp(x2, y2, end_x, end_y, width=FLOW_STROKE, grey=FLOW_GREY))

    def flow(self, block: Flow) -> None:
        """The steps down the left part of the width, the way back's box to the right of its step.

        The way back runs from the right side of its step to its box, with the condition written over the arrow,
        then from the top of its box up and left into the step it returns to.
        """
        main_left, main_w = LEFT + CONTENT * 0.07, CONTENT * 0.46
        side_left, side_w = LEFT + CONTENT * 0.72, CONTENT * 0.28
        boxes = [self._flow_box(text, main_w) for text in block.steps]
        total = sum(height for _, height in boxes) + FLOW_GAP * (len(boxes) - 1)
        self.ensure(total + 8.0)
        self.y -= 4.0
        tops: list[float] = []
        last = len(boxes) - 1
        for n, (lines, height) in enumerate(boxes):
            top = self.y
            tops.append(top)
            self._box(main_left, top, main_w, lines, height, LABEL_FILL if n in (0, last) else None)
            self.y -= height
            if n < last:
                centre = main_left + main_w / 2
                self._arrow(centre, self.y, centre, self.y - FLOW_GAP)
                self.y -= FLOW_GAP
        if 0 <= block.back_to < block.back_from < len(boxes) and block.back_box:
            from_mid = tops[block.back_from] - boxes[block.back_from][1] / 2
            to_mid = tops[block.back_to] - boxes[block.back_to][1] / 2
            lines, height = self._flow_box(block.back_box, side_w)
            side_top = from_mid + height / 2
            self._box(side_left, side_top, side_w, lines, height, None)
            main_right = main_left + main_w
            self._arrow(main_right, from_mid, side_left, from_mid)
            label_w = self.width(block.back_label, SMALL_SIZE)
            label_x = (main_right + side_left - label_w) / 2
            self.text_line(label_x, from_mid + 14.0, block.back_label, SMALL_SIZE, 13.0, grey=0.2)
            up_x = side_left + side_w / 2
            self.ops.append(LineOp(up_x, side_top, up_x, to_mid, width=FLOW_STROKE, grey=FLOW_GREY))
            self._arrow(up_x, to_mid, main_right, to_mid)
        self.y -= 14.0

    # the end of the document

    def closing(self) -> None:
        data = self.data
        sign = data.sign_off
        signer_h = (len(sign.signers) + 1) * 28.0  # one line more, for a phone that has to wrap
        self.ensure(3.0 + max(28.0 + signer_h + 20.0, 2 * SEAL_RADIUS))
        self.y -= 3.0
        self.sign_off(sign)

    def fingerprint_box(self, x: float, top: float, caption: str) -> None:
        """A dashed square beside a signature for the signer's fingerprint, its caption faint in the middle."""
        side = FINGERPRINT_SIDE
        corners = ((x, top), (x + side, top), (x + side, top - side), (x, top - side))
        for (x1, y1), (x2, y2) in zip(corners, (*corners[1:], corners[0]), strict=True):
            self.ops.append(LineOp(x1, y1, x2, y2, width=0.6, grey=0.45, dash=(2.0, 2.0)))
        self.centred(x + side / 2, top - side / 2 - 3.0, caption, SMALL_SIZE - 0.5, 11.0, grey=0.55)

    def seal_circle(self, x: float, y: float, caption: str, lines: list[str]) -> None:
        """A seal's place: a dashed circle, its caption faint at the top, ``lines`` (the name, the date) below it;
        with no caption, the lines alone, where the seal is stamped.

        The lines stand in the middle of the circle where the caption leaves room, else just under the caption: a
        department's long name makes the caption three lines (（乌兰浩特市市场监督管理局审批业务专用章或部门公章）),
        and the name printed over it could not be read.
        """
        if caption:
            self.ops.append(CircleOp(x, y, SEAL_RADIUS, 0.6, (3.0, 2.5)))
        caption_top = y + SEAL_RADIUS - 17.0
        for line in self.lines(caption, 7.5, 2 * SEAL_RADIUS - 22.0) if caption else []:
            self.centred(x, caption_top, line, 7.5, 9.5, grey=0.55)
            caption_top -= 9.5
        leading = 16.0
        line_top = y + leading / 2 * len(lines) - 4.0
        if line_top > caption_top - 1.0:  # under a long caption, closer together, so the date stays inside
            leading = 14.0
            line_top = caption_top - 1.0
        for line in lines:
            self.centred(x, line_top, line, TABLE_SIZE, leading)
            line_top -= leading

    def seal_place(self, x: float, y: float, caption: str, names: list[str]) -> None:
        """The place of the other side's seal (申请人盖章): a dashed circle, its caption, the party's name."""
        lines = [line for name in names for line in self.lines(name, TABLE_SIZE, 2 * SEAL_RADIUS)[:3]]
        self.seal_circle(x, y, caption, lines)

    def sign_off(self, s: SignOff) -> None:
        """Clerk and signatures on the left, the seal's place in the middle, the progress QR code on the right."""
        top = self.y
        seal_left = LEFT + CONTENT * self._seal_share() - SEAL_RADIUS
        y = top - 28.0
        if s.clerk_label:
            clerk = paper.DOC_NUMBER_LINE.format(label=s.clerk_label, value=s.clerk)
            phone = paper.DOC_NUMBER_LINE.format(label=paper.DOC_CLERK_PHONE, value=s.phone)
            self.text_line(LEFT, top, clerk, BODY_SIZE, 20.0)
            # the phone follows the clerk's name on the same line when both fit left of the seal
            phone_x = max(LEFT + 30 * MM, LEFT + self.width(clerk, BODY_SIZE) + 6 * MM)
            if phone_x + self.width(phone, BODY_SIZE) <= seal_left - 2 * MM:
                self.text_line(phone_x, top, phone, BODY_SIZE, 20.0)
            else:
                self.text_line(LEFT, y, phone, BODY_SIZE, 20.0)
                y -= 28.0
        else:
            y = top  # a form the applicant fills: no clerk, the signature comes first
        for n, signer in enumerate(s.signers):
            label = paper.DOC_NUMBER_LINE.format(label=signer, value="")
            self.text_line(LEFT, y, label, BODY_SIZE, 20.0)
            start = LEFT + self.width(label, BODY_SIZE) + 2.0
            end = start + 36 * MM
            if n == 0 and s.fingerprint:
                # beside the signature and clear of the seal: the signature line gives way when both do not fit
                box_x = min(end + 3 * MM, seal_left - 3 * MM - FINGERPRINT_SIDE)
                end = min(end, box_x - 3 * MM)
                self.fingerprint_box(box_x, y + 4.0, s.fingerprint)
            self.ops.append(LineOp(start, y - 17.0, end, y - 17.0, width=0.6, grey=0.2))
            y -= 28.0
        self.text_line(LEFT, y, s.signed_at, BODY_SIZE, 20.0)
        y -= 20.0

        seal_x = LEFT + CONTENT * self._seal_share()
        seal_y = top - SEAL_RADIUS
        if s.party_seal:
            self.seal_place(seal_x - 2 * SEAL_RADIUS - 6 * MM, seal_y, s.party_seal, [s.party] if s.party else [])
        lines = [*self.lines(s.issuer, TABLE_SIZE, 2 * SEAL_RADIUS)[:3], *([s.date] if s.date else [])]
        self.seal_circle(seal_x, seal_y, s.seal_caption, lines)
        # the progress code at the right, the rating page's left of it; either alone at the right
        x, qr_y = LEFT + CONTENT + QR_GAP, seal_y - QR_SIZE / 2 + 6.0
        for value, caption in self._codes():
            x -= QR_SIZE + QR_GAP
            self.ops.append(QrOp(x, qr_y, QR_SIZE, value))
            self.centred(x + QR_SIZE / 2, qr_y - 1.0, caption, SMALL_SIZE - 0.5, 11.0, grey=0.25)
        self.y = min(y, seal_y - SEAL_RADIUS) - 6.0

    def _codes(self) -> list[tuple[str, str]]:
        """The QR codes the paper carries, right to left, with their captions: the progress page's ("" stands for
        :attr:`DocumentData.qr`) where the site set it, the rating page's where the paper invites 补充评价."""
        codes = [("", self.data.qr_caption)] if self.data.qr else []
        return codes + ([(self.data.rating_qr, self.data.rating_qr_caption)] if self.data.rating_qr else [])

    def _seal_share(self) -> float:
        """Where the seal's centre stands, as a share of the line: further left for each QR code at the right."""
        codes = len(self._codes())
        if codes == 2:
            return 0.585  # clear of the signing time's last word, and a 42 mm stamp clear of the codes
        return 0.655 if codes else 0.78


def lay_out(data: DocumentData, fonts: DocumentFonts) -> list[list[PageOp]]:
    """The pages of one copy: regular spacing, or tight spacing when that saves a page.

    The signatures never stand alone on a page: an applicant would sign a sheet that says nothing.  When the
    closing block does not fit under the last block, the last block goes over with it (and the one before, if that
    still leaves the closing alone), so the page that is signed shows what is signed for.
    """
    best: list[list[PageOp]] = []
    for spacing in (REGULAR, TIGHT):
        pages = _laid_out(data, fonts, spacing)
        if not best or len(pages) < len(best):
            best = pages
        if len(best) == 1:
            break
    return best


def _laid_out(data: DocumentData, fonts: DocumentFonts, spacing: _Spacing) -> list[list[PageOp]]:
    blocks = data.blocks
    carried = 0  # how many of the last blocks start a new page, to keep the closing company
    while True:
        layout = _Layout(data, fonts, spacing)
        last_from = 0  # the page the last block began on
        first = len(blocks) - carried
        while carried and first > 0 and isinstance(blocks[first - 1], Heading):  # a heading goes with what it heads
            first -= 1
        for n, block in enumerate(blocks):
            if carried and n == first:
                layout.new_page()
            last_from = len(layout.pages)
            layout.block(block, blocks[n + 1] if n + 1 < len(blocks) else None)
        if data.sign_off.blank:
            return layout.pages
        before = len(layout.pages)
        # notes broken over the page: the signed page would show their tail alone, so they go over whole
        broken = bool(blocks) and isinstance(blocks[-1], Numbered) and before > last_from
        layout.closing()
        alone = len(layout.pages) > before or broken
        if not alone or carried >= min(2, len(blocks) - 1):
            return layout.pages
        carried += 1


def copy_marks(fonts: DocumentFonts, data: DocumentData, label: str, page: int, pages: int) -> list[PageOp]:
    """The copy's tag (top right of every page) and its footer: the copy, how many copies, the page."""
    size = SMALL_SIZE
    width = fonts.width(label, size) + 14.0
    x, top, bottom = PAGE_WIDTH - RIGHT - width, BAND_TOP, BAND_TOP - 17.0
    base = 10 * MM
    number = paper.DOC_PAGE.format(page=page, pages=pages)
    return [
        LineOp(x, top, x + width, top, 0.6, 0.3),
        LineOp(x + width, top, x + width, bottom, 0.6, 0.3),
        LineOp(x + width, bottom, x, bottom, 0.6, 0.3),
        LineOp(x, bottom, x, top, 0.6, 0.3),
        TextOp(x + 7.0, baseline(top, 17.0, size), size, label, grey=0.15),
        LineOp(LEFT, 14 * MM, LEFT + CONTENT, 14 * MM, 0.4, 0.6),
        TextOp(LEFT, base, size, label, grey=GREY),
        TextOp(LEFT + (CONTENT - fonts.width(data.copies_note, size)) / 2, base, size, data.copies_note, grey=GREY),
        TextOp(LEFT + CONTENT - fonts.width(number, size), base, size, number, grey=GREY),
    ]
